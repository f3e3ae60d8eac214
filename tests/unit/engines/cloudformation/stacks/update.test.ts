// UpdateStack: in-place changes, replacement with its cleanup, removed and added resources, the
// rollback of a failed update, UPDATE_ROLLBACK_FAILED and ContinueUpdateRollback, CancelUpdateStack,
// and the refusals ("No updates are to be performed.", busy stacks).
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

/** A repository (schema-checked, so replacement follows its create-only properties) and a user of its ARN. */
const template = (repo: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	json({
		Resources: {
			Repo: { Type: REPO, Properties: repo },
			User: { Type: THING, Properties: { RepoArn: { 'Fn::GetAtt': ['Repo', 'Arn'] } } },
			...extra
		},
		Outputs: { RepoName: { Value: { Ref: 'Repo' } } }
	});

function created(t: string): { world: World; cfn: Cfn; since: number } {
	const s = world();
	s.cfn.call('CreateStack', { StackName: 'app', TemplateBody: t });
	settle(s.world);
	return { ...s, since: events(s.cfn, 'app').length };
}

const newEvents = (cfn: Cfn, since: number) => lines(events(cfn, 'app').slice(since));
const physical = (cfn: Cfn, id: string) => cfn.call('DescribeStackResource', { StackName: 'app', LogicalResourceId: id }).StackResourceDetail?.PhysicalResourceId;
const store = (w: World) => w.snapshot().lightResources.flatMap((s) => s.resources);

describe('UpdateStack', () => {
	it('updates a changed property in place; dependants whose values did not change get no events', () => {
		const { world, cfn, since } = created(template({ ImageTagMutability: 'MUTABLE' }));
		const before = physical(cfn, 'Repo');
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }) });
		settle(world);
		expect(newEvents(cfn, since)).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'Repo UPDATE_IN_PROGRESS',
			'Repo UPDATE_COMPLETE',
			'app UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
			'app UPDATE_COMPLETE'
		]);
		expect(physical(cfn, 'Repo')).toBe(before);
		expect(store(world).find((r) => r.physicalId === before)?.properties).toEqual({ ImageTagMutability: 'IMMUTABLE' });
		expect(cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0]).toMatchObject({ StackStatus: 'UPDATE_COMPLETE', LastUpdatedTime: expect.any(Date) });
	});

	it('replaces a resource when a create-only property changes: new copy first, old copy deleted in cleanup', () => {
		const { world, cfn, since } = created(template({ EncryptionConfiguration: { EncryptionType: 'AES256' } }, { Gone: { Type: THING, Properties: { X: 1 } }, Kept: { Type: THING, DeletionPolicy: 'Retain', Properties: { Y: 1 } } }));
		const oldRepo = physical(cfn, 'Repo');
		const gone = physical(cfn, 'Gone');
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ EncryptionConfiguration: { EncryptionType: 'KMS' } }) });
		settle(world);
		const all = events(cfn, 'app').slice(since);
		expect(lines(all)).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'Repo UPDATE_IN_PROGRESS Requested update requires the creation of a new physical resource; hence creating one.',
			'Repo UPDATE_IN_PROGRESS Resource creation Initiated',
			'Repo UPDATE_COMPLETE',
			'User UPDATE_IN_PROGRESS',
			'User UPDATE_COMPLETE',
			'app UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
			'Repo DELETE_IN_PROGRESS',
			'Gone DELETE_IN_PROGRESS',
			'Kept DELETE_SKIPPED',
			'Gone DELETE_COMPLETE',
			'Repo DELETE_COMPLETE',
			'app UPDATE_COMPLETE'
		]);
		const newRepo = physical(cfn, 'Repo');
		expect(newRepo).not.toBe(oldRepo);
		// The first event names the old copy, the second the new one; cleanup names the old copy, as AWS does.
		expect(all[1]?.PhysicalResourceId).toBe(oldRepo);
		expect(all[2]?.PhysicalResourceId).toBe(newRepo);
		const cleanup = all.filter((e) => e.ResourceStatus?.startsWith('DELETE_'));
		expect(cleanup.find((e) => e.LogicalResourceId === 'Repo')?.PhysicalResourceId).toBe(oldRepo);
		expect(cleanup.find((e) => e.LogicalResourceId === 'Gone')?.PhysicalResourceId).toBe(gone);
		for (const e of cleanup) {
			expect(e.EventId).toMatch(new RegExp(`^${e.LogicalResourceId}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`));
			expect(e.ResourceProperties).toBeUndefined();
		}
		// The dependant now points at the new copy; outputs follow; the old copy and the removed resource are gone; Retain kept.
		expect(store(world).find((r) => r.physicalId === physical(cfn, 'User'))?.properties).toEqual({ RepoArn: `arn:aws:fake:us-east-1:123456789012:thing/${newRepo}` });
		expect(cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0]?.Outputs).toEqual([{ OutputKey: 'RepoName', OutputValue: newRepo }]);
		expect(store(world).map((r) => r.physicalId)).not.toContain(oldRepo);
		expect(store(world).map((r) => r.physicalId)).not.toContain(gone);
		expect(store(world).some((r) => r.properties['Y'] === 1)).toBe(true);
		expect(cfn.call('ListStackResources', { StackName: 'app' }).StackResourceSummaries?.map((r) => r.LogicalResourceId)).toEqual(['Repo', 'User']);
	});

	it('refuses to replace a custom-named resource without a new name, and rolls back', () => {
		const { world, cfn, since } = created(template({ RepositoryName: 'team/web', EncryptionConfiguration: { EncryptionType: 'AES256' } }));
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ RepositoryName: 'team/web', EncryptionConfiguration: { EncryptionType: 'KMS' } }) });
		settle(world);
		expect(newEvents(cfn, since)).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'Repo UPDATE_IN_PROGRESS Requested update requires the creation of a new physical resource; hence creating one.',
			'Repo UPDATE_FAILED CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename team/web and update the stack again.',
			'app UPDATE_ROLLBACK_IN_PROGRESS The following resource(s) failed to update: [Repo].',
			'Repo UPDATE_IN_PROGRESS',
			'Repo UPDATE_COMPLETE',
			'app UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
			'app UPDATE_ROLLBACK_COMPLETE'
		]);
	});

	it('rolls a failed update back: updated resources get their old configuration, added ones are deleted in cleanup', () => {
		const original = template({ ImageTagMutability: 'MUTABLE' }, { Other: { Type: THING, Properties: { V: 1 } } });
		const { world, cfn, since } = created(original);
		cfn.call('UpdateStack', {
			StackName: 'app',
			TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }, { Other: { Type: THING, DependsOn: 'Repo', Properties: { V: 2, FailUpdate: 'Quota exceeded' } }, Added: { Type: THING, Properties: { New: true } } })
		});
		settle(world);
		expect(newEvents(cfn, since).map((l) => l.replace(/RequestToken: [0-9a-f-]+/, 'RequestToken: <uuid>'))).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'Repo UPDATE_IN_PROGRESS',
			'Added CREATE_IN_PROGRESS',
			'Added CREATE_IN_PROGRESS Resource creation Initiated',
			'Repo UPDATE_COMPLETE',
			'Added CREATE_COMPLETE',
			'Other UPDATE_IN_PROGRESS',
			'Other UPDATE_FAILED Resource handler returned message: "Quota exceeded" (RequestToken: <uuid>, HandlerErrorCode: InvalidRequest)',
			'app UPDATE_ROLLBACK_IN_PROGRESS The following resource(s) failed to update: [Other].',
			'Repo UPDATE_IN_PROGRESS',
			'Other UPDATE_IN_PROGRESS',
			'Other UPDATE_COMPLETE',
			'Repo UPDATE_COMPLETE',
			'app UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
			'Added DELETE_IN_PROGRESS',
			'Added DELETE_COMPLETE',
			'app UPDATE_ROLLBACK_COMPLETE'
		]);
		expect(cfn.call('GetTemplate', { StackName: 'app' }).TemplateBody).toBe(original);
		expect(store(world).find((r) => r.physicalId === physical(cfn, 'Repo'))?.properties).toEqual({ ImageTagMutability: 'MUTABLE' });
		expect(store(world).some((r) => r.properties['New'] === true)).toBe(false);
		const stack = cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0];
		expect(stack?.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
		expect(stack?.StackStatusReason).toBe('The following resource(s) failed to update: [Other].');
		// UPDATE_ROLLBACK_COMPLETE is a normal, updatable state.
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }, { Other: { Type: THING, Properties: { V: 1 } } }) });
		settle(world);
		expect(cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0]?.StackStatus).toBe('UPDATE_COMPLETE');
	});

	it('stops at UPDATE_ROLLBACK_FAILED when a resource cannot be put back; ContinueUpdateRollback skips it and finishes', () => {
		const { world, cfn, since } = created(template({ ImageTagMutability: 'MUTABLE' }, { Other: { Type: THING, Properties: { V: 1 } } }));
		cfn.call('UpdateStack', {
			StackName: 'app',
			TemplateBody: template({ ImageTagMutability: 'MUTABLE' }, { Other: { Type: THING, Properties: { V: 2, FailRevert: 'The resource is locked' } }, Broken: { Type: THING, DependsOn: 'Other', Properties: { FailCreate: 'no' } } })
		});
		settle(world);
		const tail = newEvents(cfn, since).slice(-4).map((l) => l.replace(/RequestToken: [0-9a-f-]+/, 'RequestToken: <uuid>'));
		expect(tail).toEqual([
			'app UPDATE_ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Broken]. ',
			'Other UPDATE_IN_PROGRESS',
			'Other UPDATE_FAILED Resource handler returned message: "The resource is locked" (RequestToken: <uuid>, HandlerErrorCode: InvalidRequest)',
			'app UPDATE_ROLLBACK_FAILED The following resource(s) failed to update: [Other].'
		]);
		expect(() => cfn.call('UpdateStack', { StackName: 'app', UsePreviousTemplate: true })).toThrow('is in UPDATE_ROLLBACK_FAILED state and can not be updated.');
		// Trying again without skipping fails again.
		cfn.call('ContinueUpdateRollback', { StackName: 'app' });
		settle(world);
		expect(cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0]?.StackStatus).toBe('UPDATE_ROLLBACK_FAILED');
		const mark = events(cfn, 'app').length;
		cfn.call('ContinueUpdateRollback', { StackName: 'app', ResourcesToSkip: ['Other'] });
		settle(world);
		expect(lines(events(cfn, 'app').slice(mark))).toEqual([
			'app UPDATE_ROLLBACK_IN_PROGRESS User Initiated',
			'app UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
			'Broken DELETE_COMPLETE',
			'app UPDATE_ROLLBACK_COMPLETE'
		]);
		expect(cfn.call('DescribeStackResource', { StackName: 'app', LogicalResourceId: 'Other' }).StackResourceDetail?.ResourceStatus).toBe('UPDATE_COMPLETE');
		expect(() => cfn.call('ContinueUpdateRollback', { StackName: 'app' })).toThrow('ContinueUpdateRollback cannot be called from current stack status');
	});

	it('CancelUpdateStack rolls back a running update', () => {
		const { world, cfn, since } = created(template({ ImageTagMutability: 'MUTABLE' }));
		expect(() => cfn.call('CancelUpdateStack', { StackName: 'app' })).toThrow('CancelUpdateStack cannot be called from current stack status');
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }) });
		world.advanceBy(2_500); // Repo's update is running
		expect(() => cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ ImageTagMutability: 'MUTABLE' }) })).toThrow('is in UPDATE_IN_PROGRESS state and can not be updated.');
		cfn.call('CancelUpdateStack', { StackName: 'app' });
		settle(world);
		expect(newEvents(cfn, since)).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'Repo UPDATE_IN_PROGRESS',
			'Repo UPDATE_FAILED Resource update cancelled',
			'app UPDATE_ROLLBACK_IN_PROGRESS Stack update cancelled',
			'Repo UPDATE_IN_PROGRESS',
			'Repo UPDATE_COMPLETE',
			'app UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
			'app UPDATE_ROLLBACK_COMPLETE'
		]);
		expect(store(world).find((r) => r.physicalId === physical(cfn, 'Repo'))?.properties).toEqual({ ImageTagMutability: 'MUTABLE' });
	});

	it('CancelUpdateStack right after UpdateStack, before any resource moved, rolls back with nothing to undo', () => {
		const { world, cfn, since } = created(template({ ImageTagMutability: 'MUTABLE' }));
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }) });
		cfn.call('CancelUpdateStack', { StackName: 'app' });
		settle(world);
		expect(newEvents(cfn, since)).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'app UPDATE_ROLLBACK_IN_PROGRESS Stack update cancelled',
			'app UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
			'app UPDATE_ROLLBACK_COMPLETE'
		]);
		expect(store(world).find((r) => r.physicalId === physical(cfn, 'Repo'))?.properties).toEqual({ ImageTagMutability: 'MUTABLE' });
	});

	it('refuses an update that changes nothing, even written differently', () => {
		const t = template({ ImageTagMutability: 'MUTABLE' });
		const { cfn } = created(t);
		expect(() => cfn.call('UpdateStack', { StackName: 'app', TemplateBody: t })).toThrow('No updates are to be performed.');
		expect(() => cfn.call('UpdateStack', { StackName: 'app', TemplateBody: JSON.stringify(JSON.parse(t), null, 4) })).toThrow('No updates are to be performed.');
		expect(() => cfn.call('UpdateStack', { StackName: 'app', UsePreviousTemplate: true })).toThrow('No updates are to be performed.');
		expect(() => cfn.call('UpdateStack', { StackName: 'missing', UsePreviousTemplate: true })).toThrow('Stack with id missing does not exist');
	});

	it('takes UsePreviousTemplate and UsePreviousValue', () => {
		const t = json({
			Parameters: { Mutability: { Type: 'String' }, Tag: { Type: 'String', Default: 'a' } },
			Resources: { Repo: { Type: REPO, Properties: { ImageTagMutability: { Ref: 'Mutability' }, Tags: [{ Key: 't', Value: { Ref: 'Tag' } }] } } }
		});
		const { world, cfn } = world_(t, [{ ParameterKey: 'Mutability', ParameterValue: 'MUTABLE' }, { ParameterKey: 'Tag', ParameterValue: 'x' }]);
		cfn.call('UpdateStack', { StackName: 'app', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'Mutability', ParameterValue: 'IMMUTABLE' }, { ParameterKey: 'Tag', UsePreviousValue: true }] });
		settle(world);
		expect(cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0]?.Parameters).toEqual([
			{ ParameterKey: 'Mutability', ParameterValue: 'IMMUTABLE' },
			{ ParameterKey: 'Tag', ParameterValue: 'x' }
		]);
		expect(store(world)[0]?.properties).toEqual({ ImageTagMutability: 'IMMUTABLE', Tags: [{ Key: 't', Value: 'x' }] });
	});

	it('refuses a change of resource type', () => {
		const { cfn } = created(template({ ImageTagMutability: 'MUTABLE' }));
		expect(() => cfn.call('UpdateStack', { StackName: 'app', TemplateBody: json({ Resources: { Repo: { Type: THING, Properties: {} }, User: { Type: THING, Properties: {} } } }) })).toThrow(
			'Update of resource type is not permitted. The new template modifies resource type of the following resources: [Repo]'
		);
	});
});

function world_(t: string, parameters: unknown[]) {
	const s = world();
	s.cfn.call('CreateStack', { StackName: 'app', TemplateBody: t, Parameters: parameters });
	settle(s.world);
	return s;
}
