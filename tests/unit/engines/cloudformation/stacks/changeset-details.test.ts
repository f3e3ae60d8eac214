// DescribeChangeSet's Details against real answers (sources in stacks/changeset-changes.ts): the
// AWS docs' "Example change sets" (a tag edit; several parameters at once), a resource replaced
// and the one that refers to it by Ref (gocfn), a resource that may be replaced and the one that
// refers to it (Replacement Conditional), resource attributes other than Properties, Changes in
// logical-ID order; IncludeNestedStacks echoed; ChangeSetType IMPORT refused by name.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResourceChange } from '@aws-sdk/client-cloudformation';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { NOW, REGION } from './helpers';

beforeAll(async () => {
	await loadResourceSchemas();
});

type Params = Record<string, string>;
const asParameters = (p: Params) => Object.entries(p).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));

/** A stack of `template` with `params`, then a change set to `next` with `nextParams`; its ResourceChanges. */
function changes(template: object, next: object, params: Params = {}, nextParams: Params = params): { all: ResourceChange[]; physical: (id: string) => string | undefined } {
	const world = World.create({ now: NOW });
	const cfn = world.cloudformation(rootCaller(), REGION);
	cfn.call('CreateStack', { StackName: 'app', TemplateBody: JSON.stringify(template), Parameters: asParameters(params) });
	world.advanceBy(3_600_000);
	expect(cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
	cfn.call('CreateChangeSet', { StackName: 'app', ChangeSetName: 'cs', TemplateBody: JSON.stringify(next), Parameters: asParameters(nextParams) });
	world.advanceBy(10_000);
	const d = cfn.call('DescribeChangeSet', { StackName: 'app', ChangeSetName: 'cs' });
	expect(d.Status).toBe('CREATE_COMPLETE');
	return {
		all: (d.Changes ?? []).map((c) => c.ResourceChange ?? {}),
		physical: (id) => cfn.call('DescribeStackResource', { StackName: 'app', LogicalResourceId: id }).StackResourceDetail?.PhysicalResourceId
	};
}

const repo = (properties: object, extra: object = {}) => ({ Type: 'AWS::ECR::Repository', Properties: properties, ...extra });

describe('the AWS docs\' example change sets, on an ECR repository', () => {
	it('a tag added by editing the template: Attribute Tags, no Name, Scope [Tags]', () => {
		const before = { Resources: { Repo: repo({ Tags: [{ Key: 'Purpose', Value: 'testing' }] }) } };
		const after = { Resources: { Repo: repo({ Tags: [{ Key: 'Purpose', Value: 'testing' }, { Key: 'Team', Value: 'web' }] }) } };
		const { all, physical } = changes(before, after);
		expect(all).toEqual([
			{
				Action: 'Modify',
				LogicalResourceId: 'Repo',
				PhysicalResourceId: physical('Repo'),
				ResourceType: 'AWS::ECR::Repository',
				Replacement: 'False',
				Scope: ['Tags'],
				Details: [{ Target: { Attribute: 'Tags', RequiresRecreation: 'Never' }, Evaluation: 'Static', ChangeSource: 'DirectModification' }]
			}
		]);
	});

	it('three parameters changed: the Dynamic details, then the Static ParameterReference ones; Scope [Tags, Properties]; Replacement True', () => {
		const template = {
			Parameters: { Name: { Type: 'String' }, Mutability: { Type: 'String' }, Purpose: { Type: 'String' } },
			Resources: { Repo: repo({ RepositoryName: { Ref: 'Name' }, ImageTagMutability: { Ref: 'Mutability' }, Tags: [{ Key: 'Purpose', Value: { Ref: 'Purpose' } }] }) }
		};
		const { all } = changes(template, template, { Name: 'one', Mutability: 'MUTABLE', Purpose: 'testing' }, { Name: 'two', Mutability: 'IMMUTABLE', Purpose: 'production' });
		const name = { Attribute: 'Properties', Name: 'RepositoryName', RequiresRecreation: 'Always' };
		const mutability = { Attribute: 'Properties', Name: 'ImageTagMutability', RequiresRecreation: 'Never' };
		const tags = { Attribute: 'Tags', RequiresRecreation: 'Never' };
		expect(all).toEqual([
			expect.objectContaining({
				Action: 'Modify',
				Replacement: 'True',
				Scope: ['Tags', 'Properties'],
				Details: [
					{ Target: name, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' },
					{ Target: mutability, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' },
					{ Target: tags, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' },
					{ Target: name, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: 'Name' },
					{ Target: mutability, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: 'Mutability' },
					{ Target: tags, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: 'Purpose' }
				]
			})
		]);
	});
});

describe('changes caused by another resource', () => {
	it('a replaced resource: its Ref users get a Static ResourceReference detail only; Changes in logical-ID order', () => {
		const template = {
			Parameters: { Name: { Type: 'String' } },
			Resources: {
				Repo: repo({ RepositoryName: { Ref: 'Name' } }),
				Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { 'Fn::Sub': '/ecr/${Repo}' } } }
			}
		};
		const { all, physical } = changes(template, template, { Name: 'one' }, { Name: 'two' });
		expect(all.map((c) => c.LogicalResourceId)).toEqual(['Logs', 'Repo']);
		expect(all[0]).toEqual({
			Action: 'Modify',
			LogicalResourceId: 'Logs',
			PhysicalResourceId: physical('Logs'),
			ResourceType: 'AWS::Logs::LogGroup',
			Replacement: 'True',
			Scope: ['Properties'],
			Details: [{ Target: { Attribute: 'Properties', Name: 'LogGroupName', RequiresRecreation: 'Always' }, Evaluation: 'Static', ChangeSource: 'ResourceReference', CausingEntity: 'Repo' }]
		});
		expect(all[1]).toMatchObject({ Replacement: 'True', Details: [{ ChangeSource: 'DirectModification', Evaluation: 'Dynamic' }, { ChangeSource: 'ParameterReference', CausingEntity: 'Name' }] });
	});

	it('a resource that may be replaced: its users get a Dynamic detail, and Replacement Conditional', () => {
		const vpc = (tenancy: string) => ({ Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', InstanceTenancy: tenancy } });
		const subnet = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24' } };
		const { all } = changes({ Resources: { Vpc: vpc('default'), Subnet: subnet } }, { Resources: { Vpc: vpc('dedicated'), Subnet: subnet } });
		expect(all.map((c) => [c.LogicalResourceId, c.Replacement])).toEqual([
			['Subnet', 'Conditional'],
			['Vpc', 'Conditional']
		]);
		expect(all[0]?.Details).toEqual([{ Target: { Attribute: 'Properties', Name: 'VpcId', RequiresRecreation: 'Always' }, Evaluation: 'Dynamic', ChangeSource: 'ResourceReference', CausingEntity: 'Vpc' }]);
		expect(all[1]?.Details).toEqual([{ Target: { Attribute: 'Properties', Name: 'InstanceTenancy', RequiresRecreation: 'Conditionally' }, Evaluation: 'Static', ChangeSource: 'DirectModification' }]);
	});

	it('a resource updated in place: a Ref of it does not change; a GetAtt of it is Dynamic ResourceAttribute', () => {
		const template = (mutability: string) => ({
			Resources: {
				Repo: repo({ ImageTagMutability: mutability }),
				ByName: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { 'Fn::Sub': '/ecr/${Repo}' } } },
				ByArn: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::GetAtt': ['Repo', 'Arn'] } } }
			}
		});
		const { all } = changes(template('MUTABLE'), template('IMMUTABLE'));
		expect(all.map((c) => c.LogicalResourceId)).toEqual(['ByArn', 'Repo']);
		expect(all[0]?.Details).toEqual([{ Target: { Attribute: 'Properties', Name: 'DisplayName', RequiresRecreation: 'Never' }, Evaluation: 'Dynamic', ChangeSource: 'ResourceAttribute', CausingEntity: 'Repo.Arn' }]);
	});
});

describe('resource attributes other than Properties', () => {
	it('DeletionPolicy, UpdateReplacePolicy and Metadata each get their own Target.Attribute and Scope', () => {
		const { all } = changes(
			{ Resources: { Repo: repo({}) } },
			{ Resources: { Repo: repo({}, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Metadata: { owner: 'web' } }) } }
		);
		expect(all[0]).toMatchObject({
			Replacement: 'False',
			Scope: ['Metadata', 'DeletionPolicy', 'UpdateReplacePolicy'],
			Details: [
				{ Target: { Attribute: 'Metadata', RequiresRecreation: 'Never' }, Evaluation: 'Static', ChangeSource: 'DirectModification' },
				{ Target: { Attribute: 'DeletionPolicy', RequiresRecreation: 'Never' }, Evaluation: 'Static', ChangeSource: 'DirectModification' },
				{ Target: { Attribute: 'UpdateReplacePolicy', RequiresRecreation: 'Never' }, Evaluation: 'Static', ChangeSource: 'DirectModification' }
			]
		});
	});
});

describe('CreateChangeSet options', () => {
	it('IncludeNestedStacks is accepted and echoed (there are no nested stacks to include)', () => {
		const world = World.create({ now: NOW });
		const cfn = world.cloudformation(rootCaller(), REGION);
		cfn.call('CreateChangeSet', { StackName: 'app', ChangeSetName: 'cs', ChangeSetType: 'CREATE', IncludeNestedStacks: true, TemplateBody: JSON.stringify({ Resources: { Repo: repo({}) } }) });
		world.advanceBy(10_000);
		expect(cfn.call('DescribeChangeSet', { StackName: 'app', ChangeSetName: 'cs' }).IncludeNestedStacks).toBe(true);
		expect(cfn.call('ListChangeSets', { StackName: 'app' }).Summaries?.[0]?.IncludeNestedStacks).toBe(true);
	});

	it('ChangeSetType IMPORT is refused, naming what is not simulated, and changes nothing', () => {
		const world = World.create({ now: NOW });
		const cfn = world.cloudformation(rootCaller(), REGION);
		const input = {
			StackName: 'app',
			ChangeSetName: 'cs',
			ChangeSetType: 'IMPORT',
			ResourcesToImport: [{ ResourceType: 'AWS::ECR::Repository', LogicalResourceId: 'Repo', ResourceIdentifier: { RepositoryName: 'web' } }],
			TemplateBody: JSON.stringify({ Resources: { Repo: repo({ RepositoryName: 'web' }, { DeletionPolicy: 'Retain' }) } })
		};
		expect(() => cfn.call('CreateChangeSet', input)).toThrow(
			expect.objectContaining({
				name: 'ValidationError',
				message: "ChangeSetType IMPORT is not simulated: this course's CloudFormation cannot import existing resources (ResourcesToImport) into a stack. Create the resource with the stack instead, or practise imports on AWS."
			})
		);
		expect(() => cfn.call('DescribeStacks', { StackName: 'app' })).toThrow('Stack with id app does not exist');
	});
});
