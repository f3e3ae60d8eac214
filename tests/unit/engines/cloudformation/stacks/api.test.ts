// The API around stacks: capabilities, names, IAM authorization of every call (and resource
// operations run as the caller), the describe/list/get calls, ValidateTemplate, GetTemplateSummary.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller, LEARNER_ACCOUNT } from '../../../../../src/lib/engines/world-constants';
import { defaultFakes, fakeProvider, fakeRegistry, json, NOW, REGION, settle, setup, THING, events } from './helpers';

beforeAll(async () => {
	await loadResourceSchemas(['AWS::ECR::Repository', 'AWS::IAM::Role']);
});

const ROLE = json({ Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } } } });
const NAMED_ROLE = json({ Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'deployer', AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } } } });

describe('capabilities', () => {
	it('refuses IAM resources without CAPABILITY_IAM, named ones without CAPABILITY_NAMED_IAM', () => {
		const { cfn } = setup(fakeRegistry(fakeProvider('AWS::IAM::Role')));
		expect(() => cfn.call('CreateStack', { StackName: 'iam', TemplateBody: ROLE })).toThrow('Requires capabilities : [CAPABILITY_IAM]');
		expect(() => cfn.call('CreateStack', { StackName: 'iam', TemplateBody: NAMED_ROLE, Capabilities: ['CAPABILITY_IAM'] })).toThrow('Requires capabilities : [CAPABILITY_NAMED_IAM]');
		try {
			cfn.call('CreateStack', { StackName: 'iam', TemplateBody: ROLE });
		} catch (e) {
			expect((e as { code: string }).code).toBe('InsufficientCapabilitiesException');
		}
		// Nothing was created by the refusals.
		expect(cfn.call('ListStacks', {}).StackSummaries).toEqual([]);
		expect(cfn.call('CreateStack', { StackName: 'iam', TemplateBody: NAMED_ROLE, Capabilities: ['CAPABILITY_NAMED_IAM'] }).StackId).toBeDefined();
		expect(cfn.call('CreateStack', { StackName: 'iam2', TemplateBody: ROLE, Capabilities: ['CAPABILITY_NAMED_IAM'] }).StackId).toBeDefined();
		expect(cfn.call('DescribeStacks', { StackName: 'iam' }).Stacks?.[0]?.Capabilities).toEqual(['CAPABILITY_NAMED_IAM']);
	});
});

describe('stack names and lookups', () => {
	it('checks names, refuses duplicates, and reports missing stacks as AWS does', () => {
		const { cfn } = setup();
		const t = json({ Resources: { A: { Type: THING, Properties: {} } } });
		expect(() => cfn.call('CreateStack', { StackName: 'my_stack', TemplateBody: t })).toThrow("Value 'my_stack' at 'stackName' failed to satisfy constraint");
		cfn.call('CreateStack', { StackName: 'one', TemplateBody: t });
		try {
			cfn.call('CreateStack', { StackName: 'one', TemplateBody: t });
			expect.unreachable();
		} catch (e) {
			expect(e).toMatchObject({ code: 'AlreadyExistsException', message: 'Stack [one] already exists' });
		}
		expect(() => cfn.call('DescribeStacks', { StackName: 'two' })).toThrow('Stack with id two does not exist');
		expect(() => cfn.call('DescribeStackEvents', { StackName: 'two' })).toThrow('Stack with id two does not exist');
		expect(() => cfn.call('CreateStack', { StackName: 'bad', TemplateBody: '{"Resources": {}}' })).toThrow('Template format error: At least one Resources member must be defined.');
		expect(() => cfn.call('CreateStack', { StackName: 'url', TemplateURL: 'https://s3.amazonaws.com/b/t.yaml' })).toThrow('TemplateURL is not supported');
		expect(() => cfn.callByName('CreateChangeSetX', {})).toThrow('Could not find operation CreateChangeSetX');
	});

	it('checks parameter values at CreateStack, not later', () => {
		const { cfn } = setup();
		const t = json({ Parameters: { Env: { Type: 'String', AllowedValues: ['dev', 'prod'] } }, Resources: { A: { Type: THING, Properties: { E: { Ref: 'Env' } } } } });
		expect(() => cfn.call('CreateStack', { StackName: 'p', TemplateBody: t })).toThrow('Parameters: [Env] must have values');
		expect(() => cfn.call('CreateStack', { StackName: 'p', TemplateBody: t, Parameters: [{ ParameterKey: 'Env', ParameterValue: 'qa' }] })).toThrow("Parameter 'Env' must be one of AllowedValues");
	});
});

describe('reads', () => {
	it('answers DescribeStackResource(s), ListStackResources, GetTemplate, GetTemplateSummary and ValidateTemplate', () => {
		const { world, cfn } = setup(fakeRegistry(fakeProvider('AWS::ECR::Repository'), fakeProvider(THING)));
		const t = json({
			Description: 'reads',
			Parameters: { Mutability: { Type: 'String', Default: 'MUTABLE', AllowedValues: ['MUTABLE', 'IMMUTABLE'] } },
			Resources: { Repo: { Type: 'AWS::ECR::Repository', Metadata: { Owner: 'team' }, Properties: { ImageTagMutability: { Ref: 'Mutability' } } }, Note: { Type: THING, Properties: {} } }
		});
		cfn.call('CreateStack', { StackName: 'reads', TemplateBody: t, Tags: [{ Key: 'team', Value: 'web' }] });
		settle(world);
		const detail = cfn.call('DescribeStackResource', { StackName: 'reads', LogicalResourceId: 'Repo' }).StackResourceDetail;
		expect(detail).toMatchObject({ StackName: 'reads', LogicalResourceId: 'Repo', ResourceType: 'AWS::ECR::Repository', ResourceStatus: 'CREATE_COMPLETE', Metadata: '{"Owner":"team"}' });
		expect(() => cfn.call('DescribeStackResource', { StackName: 'reads', LogicalResourceId: 'Nope' })).toThrow('Resource Nope does not exist for stack reads');
		expect(cfn.call('DescribeStackResources', { PhysicalResourceId: detail?.PhysicalResourceId }).StackResources?.map((r) => r.LogicalResourceId)).toEqual(['Repo']);
		expect(cfn.call('ListStackResources', { StackName: 'reads' }).StackResourceSummaries).toHaveLength(2);
		expect(cfn.call('GetTemplate', { StackName: 'reads' }).TemplateBody).toBe(t);
		expect(cfn.call('DescribeStacks', { StackName: 'reads' }).Stacks?.[0]?.Tags).toEqual([{ Key: 'team', Value: 'web' }]);
		const summary = cfn.call('GetTemplateSummary', { StackName: 'reads' });
		expect(summary).toMatchObject({
			Description: 'reads',
			ResourceTypes: ['AWS::ECR::Repository', THING],
			Parameters: [{ ParameterKey: 'Mutability', DefaultValue: 'MUTABLE', ParameterType: 'String', NoEcho: false, ParameterConstraints: { AllowedValues: ['MUTABLE', 'IMMUTABLE'] } }],
			ResourceIdentifierSummaries: [{ ResourceType: 'AWS::ECR::Repository', LogicalResourceIds: ['Repo'], ResourceIdentifiers: ['RepositoryName'] }]
		});
		expect(cfn.call('ValidateTemplate', { TemplateBody: ROLE })).toEqual({ Parameters: [], Capabilities: ['CAPABILITY_IAM'], CapabilitiesReason: 'The following resource(s) require capabilities: [AWS::IAM::Role]' });
		expect(() => cfn.call('ValidateTemplate', { TemplateBody: json({ Resources: { A: { Type: 'AWS::S3::Bukket' } } }) })).toThrow('Template format error: Unrecognized resource types: [AWS::S3::Bukket]');
	});
});

describe('IAM', () => {
	function withUser(policy: object) {
		const world = World.create({ now: NOW, providers: fakeRegistry(fakeProvider('AWS::ECR::Repository')) });
		const iam = world.iam(rootCaller());
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'p', PolicyDocument: JSON.stringify(policy) });
		const dev = { arn: `arn:aws:iam::${LEARNER_ACCOUNT}:user/dev`, accountId: LEARNER_ACCOUNT };
		return { world, cfn: world.cloudformation(dev, REGION) };
	}

	it('authorizes cloudformation:<Operation> on the stack ARN', () => {
		const { cfn } = withUser({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:CreateStack', Resource: `arn:aws:cloudformation:${REGION}:${LEARNER_ACCOUNT}:stack/allowed/*` }] });
		const t = json({ Resources: { A: { Type: 'AWS::ECR::Repository', Properties: {} } } });
		expect(() => cfn.call('CreateStack', { StackName: 'other', TemplateBody: t })).toThrow(/not authorized to perform: cloudformation:CreateStack/);
		expect(cfn.call('CreateStack', { StackName: 'allowed', TemplateBody: t }).StackId).toBeDefined();
		expect(() => cfn.call('DescribeStacks', { StackName: 'allowed' })).toThrow(/cloudformation:DescribeStacks/);
	});

	it('creates resources with the caller own permissions', () => {
		const world = World.create({ now: NOW });
		const iam = world.iam(rootCaller());
		iam.call('CreateUser', { UserName: 'dev' });
		iam.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:*', Resource: '*' }] }) });
		const cfn = world.cloudformation({ arn: `arn:aws:iam::${LEARNER_ACCOUNT}:user/dev`, accountId: LEARNER_ACCOUNT }, REGION);
		cfn.call('CreateStack', { StackName: 'noecr', TemplateBody: json({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'web' } } } }) });
		settle(world);
		const failed = events(cfn, 'noecr').find((e) => e.ResourceStatus === 'CREATE_FAILED');
		expect(failed?.ResourceStatusReason).toMatch(/^Resource handler returned message: "User: arn:aws:iam::123456789012:user\/dev is not authorized to perform: ecr:CreateRepository/);
		expect(failed?.ResourceStatusReason).toMatch(/HandlerErrorCode: GeneralServiceException\)$/);
		expect(world.ecr(rootCaller(), REGION).call('DescribeRepositories', {}).repositories).toEqual([]);
	});
});

describe('regions and accounts', () => {
	it('keeps stacks per account and Region', () => {
		const world = World.create({ now: NOW, providers: defaultFakes() });
		const east = world.cloudformation(rootCaller(), 'us-east-1');
		east.call('CreateStack', { StackName: 's', TemplateBody: json({ Resources: { A: { Type: THING, Properties: {} } } }) });
		expect(world.cloudformation(rootCaller(), 'eu-west-1').call('DescribeStacks', {}).Stacks).toEqual([]);
		expect(() => world.cloudformation(rootCaller(), 'mars-1')).toThrow("The simulated world has no Region 'mars-1'");
	});
});

describe('service role (RoleARN)', () => {
	function worldWithRole() {
		const world = World.create({ now: NOW });
		const iam = world.iam(rootCaller());
		const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
		iam.call('CreateRole', { RoleName: 'cfn-deployer', AssumeRolePolicyDocument: trust });
		iam.call('PutRolePolicy', { RoleName: 'cfn-deployer', PolicyName: 'ecr', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }] }) });
		iam.call('CreateUser', { UserName: 'dev' });
		const allow = (actions: string[]) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
		iam.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'cfn', PolicyDocument: allow(['cloudformation:*']) });
		const cfn = world.cloudformation({ arn: `arn:aws:iam::${LEARNER_ACCOUNT}:user/dev`, accountId: LEARNER_ACCOUNT }, REGION);
		return { world, iam, cfn, allow };
	}
	const roleArn = `arn:aws:iam::${LEARNER_ACCOUNT}:role/cfn-deployer`;
	const body = json({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'via-role' } } } });

	it('needs iam:PassRole, then creates resources with the role permissions rather than the caller', () => {
		const { world, iam, cfn, allow } = worldWithRole();
		expect(() => cfn.call('CreateStack', { StackName: 'r', TemplateBody: body, RoleARN: roleArn })).toThrow(/not authorized to perform: iam:PassRole/);
		iam.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'cfn', PolicyDocument: allow(['cloudformation:*', 'iam:PassRole']) });
		expect(() => cfn.call('CreateStack', { StackName: 'r', TemplateBody: body, RoleARN: `arn:aws:iam::${LEARNER_ACCOUNT}:role/missing` })).toThrow(`Role arn:aws:iam::${LEARNER_ACCOUNT}:role/missing is invalid or cannot be assumed`);
		cfn.call('CreateStack', { StackName: 'r', TemplateBody: body, RoleARN: roleArn });
		const happened = settle(world);
		expect(cfn.call('DescribeStacks', { StackName: 'r' }).Stacks?.[0]).toMatchObject({ StackStatus: 'CREATE_COMPLETE', RoleARN: roleArn });
		expect(world.ecr(rootCaller(), REGION).call('DescribeRepositories', {}).repositories?.map((r) => r.repositoryName)).toEqual(['via-role']);
		expect(happened).toContainEqual(expect.objectContaining({ kind: 'stack-operation-complete', stackName: 'r', status: 'CREATE_COMPLETE' }));
	});
});
