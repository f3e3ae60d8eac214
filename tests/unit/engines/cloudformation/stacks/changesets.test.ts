// Change sets: the Changes AWS would show (mutable vs create-only ECR properties, added and removed
// resources, parameter-driven changes, references to replaced resources), the no-change FAILED
// change set, CREATE-type change sets (REVIEW_IN_PROGRESS until executed), executing, OBSOLETE
// siblings, refusing a second execution, ListChangeSets and DeleteChangeSet.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { events, fakeProvider, fakeRegistry, json, lines, settle, setup, THING, type Cfn } from './helpers';
import type { World } from '../../../../../src/lib/engines/world';

const REPO = 'AWS::ECR::Repository';

beforeAll(async () => {
	await loadResourceSchemas([REPO]);
});

function world() {
	return setup(fakeRegistry(fakeProvider(REPO), fakeProvider(THING, { create: 2_000, update: 2_000, delete: 2_000 })));
}

const template = (repo: Record<string, unknown>, extra: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}) =>
	json({
		...(Object.keys(parameters).length ? { Parameters: parameters } : {}),
		Resources: {
			Repo: { Type: REPO, Properties: repo },
			User: { Type: THING, Properties: { RepoArn: { 'Fn::GetAtt': ['Repo', 'Arn'] } } },
			...extra
		}
	});

function created(t: string, parameters: { ParameterKey: string; ParameterValue: string }[] = []): { world: World; cfn: Cfn } {
	const s = world();
	s.cfn.call('CreateStack', { StackName: 'app', TemplateBody: t, Parameters: parameters });
	settle(s.world);
	expect(s.cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
	return s;
}

const physical = (cfn: Cfn, id: string) => cfn.call('DescribeStackResource', { StackName: 'app', LogicalResourceId: id }).StackResourceDetail?.PhysicalResourceId;
/** CreateChangeSet, then the few virtual seconds it takes to be ready. */
function makeCs(w: World, cfn: Cfn, input: Record<string, unknown>) {
	const out = cfn.call('CreateChangeSet', input);
	w.advanceBy(5_000);
	return out;
}
const describeCs = (cfn: Cfn, name = 'cs') => cfn.call('DescribeChangeSet', { StackName: 'app', ChangeSetName: name });
const changesOf = (cfn: Cfn, name = 'cs') => (describeCs(cfn, name).Changes ?? []).map((c) => c.ResourceChange);

describe('CreateChangeSet (UPDATE)', () => {
	it('is CREATE_PENDING, then CREATE_IN_PROGRESS, then CREATE_COMPLETE/AVAILABLE; it cannot run before', () => {
		const { world, cfn } = created(template({ ImageTagMutability: 'MUTABLE' }));
		cfn.call('CreateChangeSet', { StackName: 'app', ChangeSetName: 'cs', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }) });
		expect([describeCs(cfn).Status, describeCs(cfn).ExecutionStatus, describeCs(cfn).Changes]).toEqual(['CREATE_PENDING', 'UNAVAILABLE', []]);
		expect(() => cfn.call('ExecuteChangeSet', { StackName: 'app', ChangeSetName: 'cs' })).toThrow(expect.objectContaining({ name: 'InvalidChangeSetStatusException' }));
		world.advanceBy(1_500);
		expect([describeCs(cfn).Status, describeCs(cfn).ExecutionStatus]).toEqual(['CREATE_IN_PROGRESS', 'UNAVAILABLE']);
		world.advanceBy(1_500);
		// The repository, and the resource that reads its Arn (changeset-details.test.ts).
		expect([describeCs(cfn).Status, describeCs(cfn).ExecutionStatus, describeCs(cfn).Changes?.length]).toEqual(['CREATE_COMPLETE', 'AVAILABLE', 2]);
	});

	it('a mutable ECR property: Modify, Replacement False, one static DirectModification detail; a GetAtt of it is Dynamic', () => {
		const { world, cfn } = created(template({ ImageTagMutability: 'MUTABLE' }));
		const out = makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }) });
		expect(out.Id).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:changeSet\/cs\/[0-9a-f-]{36}$/);
		const d = describeCs(cfn);
		expect(d.Status).toBe('CREATE_COMPLETE');
		expect(d.ExecutionStatus).toBe('AVAILABLE');
		expect(d.StackId).toBe(out.StackId);
		expect(d.Changes).toEqual([
			{
				Type: 'Resource',
				ResourceChange: {
					Action: 'Modify',
					LogicalResourceId: 'Repo',
					PhysicalResourceId: physical(cfn, 'Repo'),
					ResourceType: REPO,
					Replacement: 'False',
					Scope: ['Properties'],
					Details: [{ Target: { Attribute: 'Properties', Name: 'ImageTagMutability', RequiresRecreation: 'Never' }, Evaluation: 'Static', ChangeSource: 'DirectModification' }]
				}
			},
			{
				Type: 'Resource',
				ResourceChange: {
					Action: 'Modify',
					LogicalResourceId: 'User',
					PhysicalResourceId: physical(cfn, 'User'),
					ResourceType: THING,
					Replacement: 'False',
					Scope: ['Properties'],
					// An attribute of a resource updated in place may change: Dynamic (a SAM workshop's real change set).
					Details: [{ Target: { Attribute: 'Properties', Name: 'RepoArn', RequiresRecreation: 'Never' }, Evaluation: 'Dynamic', ChangeSource: 'ResourceAttribute', CausingEntity: 'Repo.Arn' }]
				}
			}
		]);
	});

	it('RepositoryName is create-only: Replacement True, and the user of its ARN gets a Static ResourceAttribute detail', () => {
		const { world, cfn } = created(template({ RepositoryName: 'one' }));
		makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', TemplateBody: template({ RepositoryName: 'two' }) });
		const [repo, user] = changesOf(cfn);
		expect(repo).toMatchObject({ Action: 'Modify', LogicalResourceId: 'Repo', Replacement: 'True' });
		expect(repo?.Details).toEqual([{ Target: { Attribute: 'Properties', Name: 'RepositoryName', RequiresRecreation: 'Always' }, Evaluation: 'Static', ChangeSource: 'DirectModification' }]);
		expect(user).toMatchObject({ Action: 'Modify', LogicalResourceId: 'User', Replacement: 'False', Scope: ['Properties'] });
		expect(user?.Details).toEqual([{ Target: { Attribute: 'Properties', Name: 'RepoArn', RequiresRecreation: 'Never' }, Evaluation: 'Static', ChangeSource: 'ResourceAttribute', CausingEntity: 'Repo.Arn' }]);
	});

	it('EncryptionConfiguration is create-only: Replacement True', () => {
		const { world, cfn } = created(template({}));
		makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', TemplateBody: template({ EncryptionConfiguration: { EncryptionType: 'KMS' } }) });
		const repo = changesOf(cfn).find((c) => c?.LogicalResourceId === 'Repo');
		expect(repo?.Replacement).toBe('True');
		expect(repo?.Details?.[0]?.Target).toEqual({ Attribute: 'Properties', Name: 'EncryptionConfiguration', RequiresRecreation: 'Always' });
	});

	it('added and removed resources: Add without a physical ID, Remove with it', () => {
		const { world, cfn } = created(template({}, { Old: { Type: THING, Properties: { Value: 'x' } } }));
		const oldId = physical(cfn, 'Old');
		makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', TemplateBody: template({}, { New: { Type: THING, Properties: { Value: 'y' } } }) });
		expect(changesOf(cfn)).toEqual([
			{ Action: 'Add', LogicalResourceId: 'New', ResourceType: THING, Scope: [], Details: [] },
			{ Action: 'Remove', LogicalResourceId: 'Old', PhysicalResourceId: oldId, ResourceType: THING, Scope: [], Details: [] }
		]);
	});

	it('a parameter change: a Dynamic DirectModification and a Static ParameterReference detail', () => {
		const t = template({ ImageTagMutability: { Ref: 'Mutability' } }, {}, { Mutability: { Type: 'String', Default: 'MUTABLE' } });
		const { world, cfn } = created(t);
		makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'Mutability', ParameterValue: 'IMMUTABLE' }] });
		const target = { Attribute: 'Properties', Name: 'ImageTagMutability', RequiresRecreation: 'Never' };
		expect(changesOf(cfn)).toEqual([
			{
				Action: 'Modify',
				LogicalResourceId: 'Repo',
				PhysicalResourceId: physical(cfn, 'Repo'),
				ResourceType: REPO,
				Replacement: 'False',
				Scope: ['Properties'],
				Details: [
					{ Target: target, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' },
					{ Target: target, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: 'Mutability' }
				]
			},
			expect.objectContaining({ Action: 'Modify', LogicalResourceId: 'User', Replacement: 'False' })
		]);
		expect(describeCs(cfn).Parameters).toEqual([{ ParameterKey: 'Mutability', ParameterValue: 'IMMUTABLE' }]);
	});

	it('UsePreviousValue with the same template: no changes, Status FAILED, ExecutionStatus UNAVAILABLE', () => {
		const t = template({}, {}, { P: { Type: 'String' } });
		const { world, cfn } = created(t, [{ ParameterKey: 'P', ParameterValue: 'v' }]);
		makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', TemplateBody: t, Parameters: [{ ParameterKey: 'P', UsePreviousValue: true }] });
		const d = describeCs(cfn);
		expect(d.Status).toBe('FAILED');
		expect(d.ExecutionStatus).toBe('UNAVAILABLE');
		expect(d.StatusReason).toBe("The submitted information didn't contain changes. Submit different information to create a change set.");
		expect(d.Changes).toEqual([]);
		expect(() => cfn.call('ExecuteChangeSet', { StackName: 'app', ChangeSetName: 'cs' })).toThrow(expect.objectContaining({ name: 'InvalidChangeSetStatusException' }));
	});

	it('refuses bad names, UPDATE on a missing stack, CREATE on an existing one, a taken change set name', () => {
		const { world, cfn } = created(template({}));
		const body = template({ ImageTagMutability: 'IMMUTABLE' });
		expect(() => makeCs(world, cfn, { StackName: 'app', ChangeSetName: '1bad', TemplateBody: body })).toThrow(/changeSetName/);
		expect(() => makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'a'.repeat(129), TemplateBody: body })).toThrow(/changeSetName/);
		expect(() => makeCs(world, cfn, { StackName: 'nope', ChangeSetName: 'cs', TemplateBody: body })).toThrow('Stack [nope] does not exist');
		expect(() => makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody: body })).toThrow(expect.objectContaining({ name: 'AlreadyExistsException' }));
		makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', TemplateBody: body });
		expect(() => makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', TemplateBody: body })).toThrow(expect.objectContaining({ name: 'AlreadyExistsException' }));
		expect(() => cfn.call('DescribeChangeSet', { StackName: 'app', ChangeSetName: 'other' })).toThrow(expect.objectContaining({ name: 'ChangeSetNotFoundException' }));
	});
});

describe('ExecuteChangeSet', () => {
	it('runs the ordinary update; siblings become OBSOLETE; a second execution is refused', () => {
		const { world, cfn } = created(template({ ImageTagMutability: 'MUTABLE' }));
		const since = events(cfn, 'app').length;
		makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }) });
		makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'other', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE', ScanOnPush: true } as never) });
		cfn.call('ExecuteChangeSet', { StackName: 'app', ChangeSetName: 'cs' });
		expect(describeCs(cfn).ExecutionStatus).toBe('EXECUTE_IN_PROGRESS');
		expect(describeCs(cfn, 'other').ExecutionStatus).toBe('OBSOLETE');
		expect(() => cfn.call('ExecuteChangeSet', { StackName: 'app', ChangeSetName: 'cs' })).toThrow(expect.objectContaining({ name: 'InvalidChangeSetStatusException' }));
		expect(() => cfn.call('ExecuteChangeSet', { StackName: 'app', ChangeSetName: 'other' })).toThrow(expect.objectContaining({ name: 'InvalidChangeSetStatusException' }));
		settle(world);
		expect(lines(events(cfn, 'app').slice(since))).toEqual(['app UPDATE_IN_PROGRESS User Initiated', 'Repo UPDATE_IN_PROGRESS', 'Repo UPDATE_COMPLETE', 'app UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'app UPDATE_COMPLETE']);
		expect(describeCs(cfn).ExecutionStatus).toBe('EXECUTE_COMPLETE');
		expect(() => cfn.call('ExecuteChangeSet', { StackName: 'app', ChangeSetName: 'cs' })).toThrow(expect.objectContaining({ name: 'InvalidChangeSetStatusException' }));
		const summaries = cfn.call('ListChangeSets', { StackName: 'app' }).Summaries ?? [];
		expect(summaries.map((s) => [s.ChangeSetName, s.Status, s.ExecutionStatus])).toEqual([
			['cs', 'CREATE_COMPLETE', 'EXECUTE_COMPLETE'],
			['other', 'CREATE_COMPLETE', 'OBSOLETE']
		]);
	});

	it('a CREATE change set makes a REVIEW_IN_PROGRESS stack with no resources; executing it creates the stack under the same id', () => {
		const { world, cfn } = world_();
		const out = makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody: template({}) });
		const stack = cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0];
		expect(stack?.StackStatus).toBe('REVIEW_IN_PROGRESS');
		expect(stack?.StackId).toBe(out.StackId);
		expect(cfn.call('ListStackResources', { StackName: 'app' }).StackResourceSummaries ?? []).toEqual([]);
		expect(changesOf(cfn).map((c) => [c?.Action, c?.LogicalResourceId, c?.PhysicalResourceId])).toEqual([
			['Add', 'Repo', undefined],
			['Add', 'User', undefined]
		]);
		expect(() => cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({}) })).toThrow();
		cfn.call('ExecuteChangeSet', { StackName: 'app', ChangeSetName: 'cs' });
		settle(world);
		const after = cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0];
		expect(after?.StackStatus).toBe('CREATE_COMPLETE');
		expect(after?.StackId).toBe(out.StackId);
		const l = lines(events(cfn, 'app'));
		expect(l[0]).toBe('app REVIEW_IN_PROGRESS User Initiated');
		expect(l[1]).toBe('app CREATE_IN_PROGRESS User Initiated');
		expect(l.at(-1)).toBe('app CREATE_COMPLETE');
		expect(describeCs(cfn).ExecutionStatus).toBe('EXECUTE_COMPLETE');
	});

	it('DeleteChangeSet removes it', () => {
		const { world, cfn } = created(template({}));
		makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }) });
		cfn.call('DeleteChangeSet', { StackName: 'app', ChangeSetName: 'cs' });
		expect(cfn.call('ListChangeSets', { StackName: 'app' }).Summaries).toEqual([]);
		expect(() => describeCs(cfn)).toThrow(expect.objectContaining({ name: 'ChangeSetNotFoundException' }));
	});
});

const world_ = world;

describe('REVIEW_IN_PROGRESS stacks and saved worlds', () => {
	it('DeleteStack on a REVIEW_IN_PROGRESS stack deletes it at once', () => {
		const { world, cfn } = world_();
		makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody: template({}) });
		cfn.call('DeleteStack', { StackName: 'app' });
		expect(() => cfn.call('DescribeStacks', { StackName: 'app' })).toThrow('Stack with id app does not exist');
		expect(() => cfn.call('ListChangeSets', { StackName: 'app' })).toThrow('Stack [app] does not exist');
	});

	it('change sets survive snapshot and restore, and execute the same afterwards', async () => {
		const { World } = await import('../../../../../src/lib/engines/world');
		const { rootCaller } = await import('../../../../../src/lib/engines/world-constants');
		const { world, cfn } = created(template({ ImageTagMutability: 'MUTABLE' }));
		makeCs(world, cfn, { StackName: 'app', ChangeSetName: 'cs', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }) });
		const saved = JSON.parse(JSON.stringify(world.snapshot()));
		const restored = World.restore(saved, { providers: fakeRegistry(fakeProvider(REPO), fakeProvider(THING, { create: 2_000, update: 2_000, delete: 2_000 })) });
		const again = restored.cloudformation(rootCaller(), 'us-east-1');
		expect(again.call('DescribeChangeSet', { StackName: 'app', ChangeSetName: 'cs' })).toEqual(describeCs(cfn));
	});
});
