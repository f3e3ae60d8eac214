// A session policy passed to AssumeRole narrows the session to what both the role's policies and
// the session policy allow: it can take permissions away, never add them.
import { describe, expect, it } from 'vitest';
import type { AccessDeniedException } from '../../../../src/lib/engines/access-denied';
import { A, REGION, allow, caught, roleArn, setup, trusting, userArn, userWithKey } from './helpers';

const SESSION = `arn:aws:sts::${A}:assumed-role/ops/narrow`;

function narrowed(policy: string) {
	const { world, iamA } = setup();
	const dev = userWithKey(world, 'dev');
	iamA.call('CreateRole', { RoleName: 'ops', AssumeRolePolicyDocument: trusting(userArn('dev')) });
	iamA.call('PutRolePolicy', { RoleName: 'ops', PolicyName: 'ecr-read-create', PolicyDocument: allow(['ecr:CreateRepository', 'ecr:DescribeRepositories']) });
	world.ecr(world.callerForAccessKey('AKIAROOT123456789012'), REGION).call('CreateRepository', { repositoryName: 'app' });
	const key = world.sts(dev.caller).call('AssumeRole', { RoleArn: roleArn('ops'), RoleSessionName: 'narrow', Policy: policy }).Credentials!.AccessKeyId!;
	const caller = world.callerForAccessKey(key);
	return { world, caller, ecr: world.ecr(caller, REGION) };
}

describe('session policies', () => {
	it('travel with the session key', () => {
		const { caller } = narrowed(allow('ecr:DescribeRepositories'));
		expect(caller.session).toEqual({ issuedBy: 'AssumeRole', policy: allow('ecr:DescribeRepositories') });
	});

	it('refuse what the role allows but the session policy does not', () => {
		const { ecr, world, caller } = narrowed(allow('ecr:DescribeRepositories'));
		expect(ecr.call('DescribeRepositories', {}).repositories).toHaveLength(1);
		const e = caught(() => ecr.call('CreateRepository', { repositoryName: 'other' })) as AccessDeniedException;
		expect(e.message).toBe(
			`User: ${SESSION} is not authorized to perform: ecr:CreateRepository on resource: arn:aws:ecr:${REGION}:${A}:repository/other because no session policy allows the ecr:CreateRepository action`
		);
		expect(e.explanation.summary).toBe(e.message);
		expect(e.explanation.decision).toBe('ImplicitDeny');
		const [explained] = world.explainEcr(caller, REGION, 'CreateRepository', { repositoryName: 'other' });
		expect(explained?.decision).toBe('ImplicitDeny');
	});

	it('never add what the role does not allow', () => {
		const { ecr } = narrowed(allow('ecr:*'));
		expect(caught(() => ecr.call('DeleteRepository', { repositoryName: 'app' })).message).toContain('because no identity-based policy allows the ecr:DeleteRepository action');
	});

	it('can deny explicitly', () => {
		const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }, { Effect: 'Deny', Action: 'ecr:CreateRepository', Resource: '*' }] });
		const { ecr } = narrowed(policy);
		expect(caught(() => ecr.call('CreateRepository', { repositoryName: 'other' })).message).toBe(
			`User: ${SESSION} is not authorized to perform: ecr:CreateRepository on resource: arn:aws:ecr:${REGION}:${A}:repository/other with an explicit deny in a session policy`
		);
	});
});

describe('session policies in CloudFormation', () => {
	it('also bound the resources a stack creates for the session (no service role): the repository fails with the session-policy denial', async () => {
		const { world, iamA } = setup();
		const dev = userWithKey(world, 'dev');
		iamA.call('CreateRole', { RoleName: 'deployer', AssumeRolePolicyDocument: trusting(userArn('dev')) });
		iamA.call('PutRolePolicy', { RoleName: 'deployer', PolicyName: 'all', PolicyDocument: allow(['cloudformation:*', 'ecr:*']) });
		const key = world.sts(dev.caller).call('AssumeRole', { RoleArn: roleArn('deployer'), RoleSessionName: 'narrow', Policy: allow('cloudformation:*') }).Credentials!.AccessKeyId!;
		await world.cloudformationReady();
		const cfn = world.cloudformation(world.callerForAccessKey(key), REGION);
		cfn.call('CreateStack', { StackName: 'app', TemplateBody: JSON.stringify({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'app-repo' } } } }) });
		// Saved and restored mid-operation: the session's limits survive in the persisted operation.
		const restored = (await import('../../../../src/lib/engines/world')).World.restore(world.snapshot());
		await restored.cloudformationReady();
		restored.advanceBy(3_600_000);
		const events = restored.cloudformation(world.callerForAccessKey('AKIAROOT123456789012'), REGION).call('DescribeStackEvents', { StackName: 'app' }).StackEvents ?? [];
		const failed = events.find((e) => e.LogicalResourceId === 'Repo' && e.ResourceStatus === 'CREATE_FAILED');
		expect(failed?.ResourceStatusReason).toContain('because no session policy allows the ecr:CreateRepository action');
	});
});
