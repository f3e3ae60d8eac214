// Self-managed permissions: a target account without the execution role fails with AWS's reason
// (User Guide, "Troubleshooting CloudFormation StackSets"), the failure tolerance decides whether
// the operation as a whole fails and whether later Regions are tried at all, a missing
// administration role fails every target, and the calls themselves are authorized by IAM.
import { describe, expect, it } from 'vitest';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { ADMIN, caught, cfn, createExecutionRole, EXEC_ROLE, HOME, HOUR, instances, operation, stackSetWorld, TARGET, TEMPLATE } from './helpers';

const NO_EXEC_ROLE = `Account ${TARGET} should have 'AWSCloudFormationStackSetExecutionRole' role with trust relationship to Role 'AWSCloudFormationStackSetAdministrationRole'.`;
const NO_ADMIN_ROLE = `Account ${ADMIN} should have 'AWSCloudFormationStackSetAdministrationRole' role with trust relationship to CloudFormation service.`;

describe('a target account without the execution role', () => {
	it('fails that instance with AWS reason; beyond a tolerance of 0 the operation FAILED and later Regions are CANCELLED', async () => {
		const world = await stackSetWorld([ADMIN]);
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		const { OperationId } = admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: ['us-east-1', 'us-west-2'] });
		world.advanceBy(HOUR);

		expect(operation(world, 'repos', OperationId!)).toMatchObject({ Status: 'FAILED', StatusDetails: { FailedStackInstancesCount: 1 } });
		const results = admin.call('ListStackSetOperationResults', { StackSetName: 'repos', OperationId }).Summaries ?? [];
		expect(results.map((r) => [r.Account, r.Region, r.Status])).toEqual([
			[ADMIN, 'us-east-1', 'SUCCEEDED'],
			[TARGET, 'us-east-1', 'FAILED'],
			[ADMIN, 'us-west-2', 'CANCELLED'],
			[TARGET, 'us-west-2', 'CANCELLED']
		]);
		expect(results[1]).toEqual({ Account: TARGET, Region: 'us-east-1', Status: 'FAILED', StatusReason: NO_EXEC_ROLE, AccountGateResult: { Status: 'SKIPPED', StatusReason: NO_EXEC_ROLE }, OrganizationalUnitId: '' });
		expect(results[2]).toMatchObject({ StatusReason: 'Cancelled since failure tolerance has exceeded' });

		const failed = admin.call('DescribeStackInstance', { StackSetName: 'repos', StackInstanceAccount: TARGET, StackInstanceRegion: 'us-east-1' }).StackInstance;
		expect(failed).toMatchObject({ Status: 'OUTDATED', StackInstanceStatus: { DetailedStatus: 'FAILED' }, StatusReason: NO_EXEC_ROLE, LastOperationId: OperationId, ParameterOverrides: [] });
		expect(failed?.StackId).toBeUndefined();
		const cancelled = admin.call('DescribeStackInstance', { StackSetName: 'repos', StackInstanceAccount: ADMIN, StackInstanceRegion: 'us-west-2' }).StackInstance;
		expect(cancelled).toMatchObject({ Status: 'OUTDATED', StackInstanceStatus: { DetailedStatus: 'CANCELLED' } });
		// Nothing was created in the account the operation could not enter, nor in the cancelled Region.
		expect(world.cloudformation(rootCaller(TARGET), 'us-east-1').call('DescribeStacks', {}).Stacks).toEqual([]);
		expect(world.cloudformation(rootCaller(ADMIN), 'us-west-2').call('DescribeStacks', {}).Stacks).toEqual([]);
		// The filters of the User Guide's troubleshooting example find the failed instance.
		const listed = admin.call('ListStackInstances', {
			StackSetName: 'repos',
			Filters: [
				{ Name: 'DETAILED_STATUS', Values: 'FAILED' },
				{ Name: 'LAST_OPERATION_ID', Values: OperationId! }
			]
		}).Summaries;
		expect(listed?.map((s) => [s.Account, s.Region])).toEqual([[TARGET, 'us-east-1']]);
	});

	it('within FailureToleranceCount the operation goes on to every Region and SUCCEEDED, counting the failures', async () => {
		const world = await stackSetWorld([ADMIN]);
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		const { OperationId } = admin.call('CreateStackInstances', {
			StackSetName: 'repos',
			Accounts: [ADMIN, TARGET],
			Regions: ['us-east-1', 'us-west-2'],
			OperationPreferences: { FailureToleranceCount: 1 }
		});
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!)).toMatchObject({ Status: 'SUCCEEDED', StatusDetails: { FailedStackInstancesCount: 2 }, OperationPreferences: { FailureToleranceCount: 1, RegionOrder: [] } });
		expect(instances(world, 'repos').map((i) => [i.Account, i.Region, i.Status])).toEqual([
			[ADMIN, 'us-east-1', 'CURRENT'],
			[ADMIN, 'us-west-2', 'CURRENT'],
			[TARGET, 'us-east-1', 'OUTDATED'],
			[TARGET, 'us-west-2', 'OUTDATED']
		]);
	});

	it('is retried by a later operation once the role exists', async () => {
		const world = await stackSetWorld([ADMIN]);
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME] });
		world.advanceBy(HOUR);
		createExecutionRole(world, TARGET);
		const { OperationId } = admin.call('UpdateStackSet', { StackSetName: 'repos', UsePreviousTemplate: true });
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!).Status).toBe('SUCCEEDED');
		expect(instances(world, 'repos')).toEqual([expect.objectContaining({ Account: TARGET, Status: 'CURRENT', StackInstanceStatus: { DetailedStatus: 'SUCCEEDED' } })]);
		expect(world.ecr(rootCaller(TARGET), HOME).call('DescribeRepositories', {}).repositories?.map((r) => r.repositoryName)).toEqual(['app-dev']);
	});

	it('fails when the execution role trusts someone else, and works when it trusts the administration role itself', async () => {
		const world = await stackSetWorld([]);
		createExecutionRole(world, TARGET, 'arn:aws:iam::111122223333:root');
		createExecutionRole(world, ADMIN, `arn:aws:iam::${ADMIN}:role/AWSCloudFormationStackSetAdministrationRole`);
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN, TARGET], Regions: [HOME], OperationPreferences: { FailureToleranceCount: 1 } });
		world.advanceBy(HOUR);
		expect(instances(world, 'repos').map((i) => [i.Account, i.Status, i.StatusReason])).toEqual([
			[ADMIN, 'CURRENT', undefined],
			[TARGET, 'OUTDATED', NO_EXEC_ROLE]
		]);
	});
});

describe('the administration role', () => {
	it('missing: every target fails with the account gate FAILED', async () => {
		const world = await stackSetWorld([ADMIN, TARGET], false);
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		const { OperationId } = admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [ADMIN], Regions: [HOME] });
		world.advanceBy(HOUR);
		expect(operation(world, 'repos', OperationId!).Status).toBe('FAILED');
		expect(admin.call('ListStackSetOperationResults', { StackSetName: 'repos', OperationId }).Summaries).toEqual([
			{ Account: ADMIN, Region: HOME, Status: 'FAILED', StatusReason: NO_ADMIN_ROLE, AccountGateResult: { Status: 'FAILED', StatusReason: NO_ADMIN_ROLE }, OrganizationalUnitId: '' }
		]);
	});

	it('customized (AdministrationRoleARN with a path) is the one the execution role must trust, and is quoted with its path', async () => {
		const world = await stackSetWorld([], false);
		const iam = world.iam(rootCaller(ADMIN));
		const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
		iam.call('CreateRole', { RoleName: 'TeamA', Path: '/stacksets/', AssumeRolePolicyDocument: trust });
		// Across accounts the administration role's own policy must allow the assumption too.
		const assume = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${TARGET}:role/${EXEC_ROLE}` }] });
		iam.call('PutRolePolicy', { RoleName: 'TeamA', PolicyName: 'assume-target', PolicyDocument: assume });
		const roleArn = `arn:aws:iam::${ADMIN}:role/stacksets/TeamA`;
		createExecutionRole(world, TARGET, roleArn);
		const admin = cfn(world);
		admin.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE, AdministrationRoleARN: roleArn });
		admin.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [TARGET, ADMIN], Regions: [HOME], OperationPreferences: { FailureToleranceCount: 1 } });
		world.advanceBy(HOUR);
		expect(admin.call('DescribeStackSet', { StackSetName: 'repos' }).StackSet?.AdministrationRoleARN).toBe(roleArn);
		expect(instances(world, 'repos').map((i) => [i.Account, i.Status, i.StatusReason])).toEqual([
			[TARGET, 'CURRENT', undefined],
			[ADMIN, 'OUTDATED', `Account ${ADMIN} should have '${EXEC_ROLE}' role with trust relationship to Role 'stacksets/TeamA'.`]
		]);
	});
});

describe('calling StackSets', () => {
	it('is authorized by IAM like every CloudFormation call, on the stack set ARN', async () => {
		const world = await stackSetWorld();
		cfn(world).call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE });
		const iam = world.iam(rootCaller(ADMIN));
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('PutUserPolicy', {
			UserName: 'dev',
			PolicyName: 'read-repos',
			PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:DescribeStackSet', Resource: `arn:aws:cloudformation:${HOME}:${ADMIN}:stackset/repos:*` }] })
		});
		const dev = world.cloudformation({ arn: `arn:aws:iam::${ADMIN}:user/dev`, accountId: ADMIN }, HOME);
		expect(dev.call('DescribeStackSet', { StackSetName: 'repos' }).StackSet?.StackSetName).toBe('repos');
		const refused = caught(() => dev.call('CreateStackInstances', { StackSetName: 'repos', Accounts: [TARGET], Regions: [HOME] }));
		expect(refused.code).toBe('AccessDeniedException');
		expect(refused.message).toContain('cloudformation:CreateStackInstances');
		expect(caught(() => dev.call('ListStackSets', {})).code).toBe('AccessDeniedException');
		expect(instances(world, 'repos')).toEqual([]);
	});

	it('needs iam:PassRole to hand CloudFormation a customized administration role', async () => {
		const world = await stackSetWorld();
		const iam = world.iam(rootCaller(ADMIN));
		iam.call('CreateUser', { UserName: 'ops' });
		iam.call('PutUserPolicy', {
			UserName: 'ops',
			PolicyName: 'stacksets',
			PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:*', Resource: '*' }] })
		});
		const ops = world.cloudformation({ arn: `arn:aws:iam::${ADMIN}:user/ops`, accountId: ADMIN }, HOME);
		const refused = caught(() => ops.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE, AdministrationRoleARN: `arn:aws:iam::${ADMIN}:role/TeamA` }));
		expect(refused.code).toBe('AccessDeniedException');
		expect(refused.message).toContain('iam:PassRole');
		expect(ops.call('CreateStackSet', { StackSetName: 'repos', TemplateBody: TEMPLATE }).StackSetId).toMatch(/^repos:/);
	});
});
