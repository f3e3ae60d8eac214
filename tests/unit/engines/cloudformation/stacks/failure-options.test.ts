// "Preserve successfully provisioned resources" (stack-failure-options): UpdateStack with
// DisableRollback stops at UPDATE_FAILED; from CREATE_FAILED and UPDATE_FAILED the learner may
// retry with UpdateStack (DisableRollback required), roll back with RollbackStack, or delete;
// RollbackStack goes back to the last known stable state, or deletes everything when there is none;
// RetainExceptOnCreate; and AWS's refusals for each status.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import type { World } from '../../../../../src/lib/engines/world';
import { events, fakeProvider, fakeRegistry, json, lines, OTHER, settle, setup, THING, type Cfn } from './helpers';

const REPO = 'AWS::ECR::Repository';

beforeAll(async () => {
	await loadResourceSchemas([REPO]);
});

const world = () => setup(fakeRegistry(fakeProvider(REPO), fakeProvider(THING, { create: 2_000, update: 2_000, delete: 2_000 }), fakeProvider(OTHER, { create: 2_000, update: 2_000, delete: 2_000 })));

const template = (repo: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	json({
		Resources: {
			Repo: { Type: REPO, Properties: repo },
			User: { Type: THING, Properties: { RepoArn: { 'Fn::GetAtt': ['Repo', 'Arn'] } } },
			...extra
		}
	});

const ORIGINAL = template({ ImageTagMutability: 'MUTABLE' }, { Other: { Type: THING, Properties: { V: 1 } } });
const FAILING_UPDATE = template({ ImageTagMutability: 'IMMUTABLE' }, { Other: { Type: THING, DependsOn: 'Repo', Properties: { V: 2, FailUpdate: 'Quota exceeded' } }, Added: { Type: THING, Properties: { New: true } } });
const FIXED_UPDATE = template({ ImageTagMutability: 'IMMUTABLE' }, { Other: { Type: THING, DependsOn: 'Repo', Properties: { V: 2 } }, Added: { Type: THING, Properties: { New: true } } });

const masked = (l: string[]) => l.map((x) => x.replace(/RequestToken: [0-9a-f-]+/, 'RequestToken: <uuid>'));
const since = (cfn: Cfn, name: string, mark: number) => masked(lines(events(cfn, name).slice(mark)));
const status = (cfn: Cfn, name: string) => cfn.call('DescribeStacks', { StackName: name }).Stacks?.[0]?.StackStatus;
const resources = (cfn: Cfn, name: string) => cfn.call('ListStackResources', { StackName: name }).StackResourceSummaries?.map((r) => [r.LogicalResourceId, r.ResourceStatus]);
const store = (w: World) => w.snapshot().lightResources.flatMap((s) => s.resources);

function failedUpdate() {
	const s = world();
	s.cfn.call('CreateStack', { StackName: 'app', TemplateBody: ORIGINAL });
	settle(s.world);
	const mark = events(s.cfn, 'app').length;
	s.cfn.call('UpdateStack', { StackName: 'app', TemplateBody: FAILING_UPDATE, DisableRollback: true });
	settle(s.world);
	return { ...s, mark };
}

describe('UpdateStack with DisableRollback', () => {
	it('stops at UPDATE_FAILED, keeping what was updated and created; RollbackStack then returns to the last stable state', () => {
		const { world, cfn, mark } = failedUpdate();
		expect(since(cfn, 'app', mark)).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'Repo UPDATE_IN_PROGRESS',
			'Added CREATE_IN_PROGRESS',
			'Added CREATE_IN_PROGRESS Resource creation Initiated',
			'Repo UPDATE_COMPLETE',
			'Added CREATE_COMPLETE',
			'Other UPDATE_IN_PROGRESS',
			'Other UPDATE_FAILED Resource handler returned message: "Quota exceeded" (RequestToken: <uuid>, HandlerErrorCode: InvalidRequest)',
			'app UPDATE_FAILED The following resource(s) failed to update: [Other].'
		]);
		expect(status(cfn, 'app')).toBe('UPDATE_FAILED');
		expect(resources(cfn, 'app')).toEqual([
			['Repo', 'UPDATE_COMPLETE'],
			['Other', 'UPDATE_FAILED'],
			['User', 'CREATE_COMPLETE'],
			['Added', 'CREATE_COMPLETE']
		]);
		// The successful update is kept in the world; the failed template is the stack's template.
		expect(store(world).find((r) => r.type === REPO)?.properties).toEqual({ ImageTagMutability: 'IMMUTABLE' });
		expect(store(world).some((r) => r.properties['New'] === true)).toBe(true);
		expect(cfn.call('GetTemplate', { StackName: 'app' }).TemplateBody).toBe(FAILING_UPDATE);

		const mark2 = events(cfn, 'app').length;
		expect(cfn.call('RollbackStack', { StackName: 'app' }).StackId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/app\//);
		settle(world);
		expect(since(cfn, 'app', mark2)).toEqual([
			'app UPDATE_ROLLBACK_IN_PROGRESS User Initiated',
			'Repo UPDATE_IN_PROGRESS',
			'Other UPDATE_IN_PROGRESS',
			'Other UPDATE_COMPLETE',
			'Repo UPDATE_COMPLETE',
			'app UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
			'Added DELETE_IN_PROGRESS',
			'Added DELETE_COMPLETE',
			'app UPDATE_ROLLBACK_COMPLETE'
		]);
		expect(cfn.call('GetTemplate', { StackName: 'app' }).TemplateBody).toBe(ORIGINAL);
		expect(store(world).find((r) => r.type === REPO)?.properties).toEqual({ ImageTagMutability: 'MUTABLE' });
		expect(store(world).some((r) => r.properties['New'] === true)).toBe(false);
		expect(resources(cfn, 'app')).toEqual([
			['Repo', 'UPDATE_COMPLETE'],
			['Other', 'UPDATE_COMPLETE'],
			['User', 'CREATE_COMPLETE']
		]);
		// UPDATE_ROLLBACK_COMPLETE is an ordinary, updatable state.
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: FIXED_UPDATE });
		settle(world);
		expect(status(cfn, 'app')).toBe('UPDATE_COMPLETE');
	});

	it('from UPDATE_FAILED an update retries only with DisableRollback, even with the same template, and completes', () => {
		const { world, cfn, mark } = failedUpdate();
		expect(() => cfn.call('UpdateStack', { StackName: 'app', UsePreviousTemplate: true })).toThrow(
			'This stack is currently in a non-terminal [UPDATE_FAILED] state. To update the stack from this state, please use the disable-rollback parameter with update-stack API. To rollback to the last known good state, use the rollback-stack API'
		);
		const mark2 = events(cfn, 'app').length;
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: FIXED_UPDATE, DisableRollback: true });
		settle(world);
		expect(since(cfn, 'app', mark2)).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'Other UPDATE_IN_PROGRESS',
			'Other UPDATE_COMPLETE',
			'app UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
			'app UPDATE_COMPLETE'
		]);
		expect(resources(cfn, 'app')).toEqual([
			['Repo', 'UPDATE_COMPLETE'],
			['Other', 'UPDATE_COMPLETE'],
			['User', 'CREATE_COMPLETE'],
			['Added', 'CREATE_COMPLETE']
		]);
		expect(mark).toBeGreaterThan(0);
		// Once complete, there is nothing to roll back to any more.
		expect(() => cfn.call('RollbackStack', { StackName: 'app' })).toThrow(`Stack:${cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0]?.StackId} is in UPDATE_COMPLETE state and can not be rolled back.`);
	});

	it('a retry that fails again still rolls back to the state before the first failure', () => {
		const { world, cfn } = failedUpdate();
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }, { Other: { Type: THING, Properties: { V: 3, FailUpdate: 'Still failing' } }, Added: { Type: THING, Properties: { New: 'again' } } }), DisableRollback: true });
		settle(world);
		expect(status(cfn, 'app')).toBe('UPDATE_FAILED');
		cfn.call('RollbackStack', { StackName: 'app' });
		settle(world);
		expect(status(cfn, 'app')).toBe('UPDATE_ROLLBACK_COMPLETE');
		expect(cfn.call('GetTemplate', { StackName: 'app' }).TemplateBody).toBe(ORIGINAL);
		expect(store(world).map((r) => r.properties).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
			[{ ImageTagMutability: 'MUTABLE' }, { RepoArn: expect.any(String) }, { V: 1 }].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
		);
	});

	it('UPDATE_FAILED can also be deleted', () => {
		const { world, cfn } = failedUpdate();
		const id = cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0]?.StackId ?? '';
		cfn.call('DeleteStack', { StackName: 'app' });
		settle(world);
		expect(lines(events(cfn, id)).at(-1)).toBe('app DELETE_COMPLETE');
		expect(store(world)).toEqual([]);
	});
});

/** Base is created; Bad fails; Late waits for Bad and never starts; Free is on another path and is created. */
const FAILING_CREATE = json({
	Resources: {
		Base: { Type: THING, Properties: { V: 1 } },
		Kept: { Type: THING, DeletionPolicy: 'Retain', Properties: { V: 2 } },
		Bad: { Type: OTHER, Properties: { On: { Ref: 'Base' }, FailCreate: 'Simulated handler failure' } },
		Late: { Type: THING, Properties: { On: { Ref: 'Bad' } } }
	}
});
const FIXED_CREATE = json({
	Resources: {
		Base: { Type: THING, Properties: { V: 1 } },
		Kept: { Type: THING, DeletionPolicy: 'Retain', Properties: { V: 2 } },
		Bad: { Type: OTHER, Properties: { On: { Ref: 'Base' } } },
		Late: { Type: THING, Properties: { On: { Ref: 'Bad' } } }
	}
});

function failedCreate(options: Record<string, unknown> = { DisableRollback: true }) {
	const s = world();
	const { StackId } = s.cfn.call('CreateStack', { StackName: 'new', TemplateBody: FAILING_CREATE, ...options });
	settle(s.world);
	return { ...s, stackId: StackId ?? '', mark: events(s.cfn, 'new').length };
}

describe('a CREATE_FAILED stack kept by DisableRollback', () => {
	it('is updated to completion with DisableRollback: failed resources are retried, the rest is kept', () => {
		const { world, cfn, mark } = failedCreate();
		expect(resources(cfn, 'new')).toEqual([
			['Base', 'CREATE_COMPLETE'],
			['Kept', 'CREATE_COMPLETE'],
			['Bad', 'CREATE_FAILED']
		]);
		expect(() => cfn.call('UpdateStack', { StackName: 'new', TemplateBody: FIXED_CREATE })).toThrow(
			'This stack is currently in a non-terminal [CREATE_FAILED] state. To update the stack from this state, please use the disable-rollback parameter with update-stack API. To rollback to the last known good state, use the rollback-stack API'
		);
		cfn.call('UpdateStack', { StackName: 'new', TemplateBody: FIXED_CREATE, DisableRollback: true });
		settle(world);
		expect(since(cfn, 'new', mark)).toEqual([
			'new UPDATE_IN_PROGRESS User Initiated',
			'Bad CREATE_IN_PROGRESS',
			'Bad CREATE_IN_PROGRESS Resource creation Initiated',
			'Bad CREATE_COMPLETE',
			'Late CREATE_IN_PROGRESS',
			'Late CREATE_IN_PROGRESS Resource creation Initiated',
			'Late CREATE_COMPLETE',
			'new UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
			'new UPDATE_COMPLETE'
		]);
		expect(resources(cfn, 'new')).toEqual([
			['Base', 'CREATE_COMPLETE'],
			['Kept', 'CREATE_COMPLETE'],
			['Bad', 'CREATE_COMPLETE'],
			['Late', 'CREATE_COMPLETE']
		]);
		expect(store(world)).toHaveLength(4);
	});

	it('is rolled back by RollbackStack to ROLLBACK_COMPLETE: no stable state, so everything is deleted (Retain kept)', () => {
		const { world, cfn, mark } = failedCreate();
		cfn.call('RollbackStack', { StackName: 'new' });
		settle(world);
		expect(since(cfn, 'new', mark)).toEqual([
			'new ROLLBACK_IN_PROGRESS User Initiated',
			'Kept DELETE_SKIPPED',
			'Bad DELETE_COMPLETE',
			'Base DELETE_IN_PROGRESS',
			'Base DELETE_COMPLETE',
			'new ROLLBACK_COMPLETE'
		]);
		expect(store(world).map((r) => r.properties)).toEqual([{ V: 2 }]);
		// ROLLBACK_COMPLETE can only be deleted.
		expect(() => cfn.call('UpdateStack', { StackName: 'new', TemplateBody: FIXED_CREATE, DisableRollback: true })).toThrow('is in ROLLBACK_COMPLETE state and can not be updated.');
	});

	it('RollbackStack with RetainExceptOnCreate deletes even the Retain resources the create made', () => {
		const { world, cfn, mark } = failedCreate();
		cfn.call('RollbackStack', { StackName: 'new', RetainExceptOnCreate: true });
		settle(world);
		expect(since(cfn, 'new', mark)).toEqual([
			'new ROLLBACK_IN_PROGRESS User Initiated',
			'Kept DELETE_IN_PROGRESS',
			'Bad DELETE_COMPLETE',
			'Base DELETE_IN_PROGRESS',
			'Kept DELETE_COMPLETE',
			'Base DELETE_COMPLETE',
			'new ROLLBACK_COMPLETE'
		]);
		expect(store(world)).toEqual([]);
		expect(cfn.call('DescribeStacks', { StackName: 'new' }).Stacks?.[0]?.RetainExceptOnCreate).toBe(true);
	});

	it('an update from CREATE_FAILED that fails again ends UPDATE_FAILED; RollbackStack then deletes everything (still no stable state)', () => {
		const { world, cfn } = failedCreate();
		cfn.call('UpdateStack', { StackName: 'new', TemplateBody: FAILING_CREATE, DisableRollback: true });
		settle(world);
		expect(status(cfn, 'new')).toBe('UPDATE_FAILED');
		const mark = events(cfn, 'new').length;
		cfn.call('RollbackStack', { StackName: 'new' });
		settle(world);
		expect(since(cfn, 'new', mark)[0]).toBe('new ROLLBACK_IN_PROGRESS User Initiated');
		expect(status(cfn, 'new')).toBe('ROLLBACK_COMPLETE');
		expect(store(world).map((r) => r.properties)).toEqual([{ V: 2 }]);
	});

	it('made with OnFailure=DO_NOTHING, it cannot be updated, only rolled back or deleted', () => {
		const { world, cfn } = failedCreate({ OnFailure: 'DO_NOTHING' });
		expect(() => cfn.call('UpdateStack', { StackName: 'new', TemplateBody: FIXED_CREATE, DisableRollback: true })).toThrow(
			'This stack cannot be updated from [CREATE_FAILED] state because it contains [on-failure: DO_NOTHING]. Please use disable-rollback option instead during stack creation.'
		);
		cfn.call('RollbackStack', { StackName: 'new' });
		settle(world);
		expect(status(cfn, 'new')).toBe('ROLLBACK_COMPLETE');
	});
});

describe('RollbackStack refusals', () => {
	it('is refused outside CREATE_FAILED and UPDATE_FAILED, and for a stack that does not exist', () => {
		const { world, cfn } = world_();
		const { StackId } = cfn.call('CreateStack', { StackName: 'ok', TemplateBody: ORIGINAL });
		expect(() => cfn.call('RollbackStack', { StackName: 'ok' })).toThrow(`Stack:${StackId} is in CREATE_IN_PROGRESS state and can not be rolled back.`);
		settle(world);
		expect(() => cfn.call('RollbackStack', { StackName: 'ok' })).toThrow(`Stack:${StackId} is in CREATE_COMPLETE state and can not be rolled back.`);
		expect(() => cfn.call('RollbackStack', { StackName: 'nope' })).toThrow('Stack with id nope does not exist');
	});

	it('an update from UPDATE_ROLLBACK_FAILED or DELETE_FAILED keeps AWS\'s plain refusal', () => {
		const { cfn, world } = world_();
		const { StackId } = cfn.call('CreateStack', { StackName: 'df', TemplateBody: json({ Resources: { A: { Type: THING, Properties: { FailDelete: 'in use' } } } }) });
		settle(world);
		cfn.call('DeleteStack', { StackName: 'df' });
		settle(world);
		expect(() => cfn.call('UpdateStack', { StackName: 'df', TemplateBody: json({ Resources: { A: { Type: THING, Properties: {} } } }), DisableRollback: true })).toThrow(
			`Stack:${StackId} is in DELETE_FAILED state and can not be updated.`
		);
		expect(() => cfn.call('RollbackStack', { StackName: 'df' })).toThrow(`Stack:${StackId} is in DELETE_FAILED state and can not be rolled back.`);
	});
});

function world_() {
	return world();
}

describe('ExecuteChangeSet with DisableRollback', () => {
	it('an UPDATE change set executed with DisableRollback stops at UPDATE_FAILED instead of rolling back', () => {
		const { world, cfn } = world_();
		cfn.call('CreateStack', { StackName: 'app', TemplateBody: ORIGINAL });
		settle(world);
		cfn.call('CreateChangeSet', { StackName: 'app', ChangeSetName: 'cs', TemplateBody: FAILING_UPDATE });
		settle(world);
		cfn.call('ExecuteChangeSet', { StackName: 'app', ChangeSetName: 'cs', DisableRollback: true });
		settle(world);
		expect(status(cfn, 'app')).toBe('UPDATE_FAILED');
	});

	it('without it the same change set rolls the update back', () => {
		const { world, cfn } = world_();
		cfn.call('CreateStack', { StackName: 'app', TemplateBody: ORIGINAL });
		settle(world);
		cfn.call('CreateChangeSet', { StackName: 'app', ChangeSetName: 'cs', TemplateBody: FAILING_UPDATE });
		settle(world);
		cfn.call('ExecuteChangeSet', { StackName: 'app', ChangeSetName: 'cs' });
		settle(world);
		expect(status(cfn, 'app')).toBe('UPDATE_ROLLBACK_COMPLETE');
	});
});

