// The StackSets panel's controller: an operation fails where a role is missing, with AWS's reason
// in its results; the roles are made through IAM; adding the same instances again succeeds; the
// instance's stack in the second account opens there; instances and the stack set are deleted.
// The clock runs until stack set operations are over, and their outcomes reach the log.
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../../src/routes/sandbox/sandbox.svelte';
import { memoryStore } from '../../../src/routes/sandbox/saved';
import { operationPreferences, targetsText } from '../../../src/routes/sandbox/stacksets.svelte';
import { statusTone } from '../../../src/routes/sandbox/status';

const START = new Date('2026-11-23T10:00:00.000Z');
const ME = '123456789012';
const OTHER = '210987654321';
const NO_ADMIN_ROLE = `Account ${ME} should have 'AWSCloudFormationStackSetAdministrationRole' role with trust relationship to CloudFormation service.`;
const NO_EXEC_ROLE = `Account ${OTHER} should have 'AWSCloudFormationStackSetExecutionRole' role with trust relationship to Role 'AWSCloudFormationStackSetAdministrationRole'.`;

async function started(store = memoryStore()) {
	const sandbox = new Sandbox(store, { now: () => new Date(START) });
	sandbox.start();
	await sandbox.stacks.ensureReady();
	return { sandbox, sets: sandbox.stackSets, store };
}

const results = (sandbox: Sandbox) => sandbox.stackSets.detail?.results.map((r) => [r.account, r.region, r.status, r.reason]);

describe('StackSets in the sandbox', () => {
	it('fails without the roles, partly fails without the second execution role, and succeeds once it exists', async () => {
		const { sandbox, sets } = await started();
		expect(sets.roles.map((r) => [r.roleName, r.account, r.exists])).toEqual([
			['AWSCloudFormationStackSetAdministrationRole', ME, false],
			['AWSCloudFormationStackSetExecutionRole', ME, false],
			['AWSCloudFormationStackSetExecutionRole', OTHER, false]
		]);
		expect(sets.createStackSet()).toMatchObject({ ok: true, message: expect.stringMatching(/^CreateStackSet: repos \(repos:[0-9a-f-]+\) exists/) });
		expect(sets.selected).toBe('repos');
		expect(sets.detail?.parameters.map((p) => p.key)).toEqual(['RepositoryName', 'TagMutability', 'UntaggedDays']);

		// No roles at all: the account gate fails.
		expect(sets.addInstances()).toMatchObject({ ok: true, message: expect.stringContaining('RUNNING for 2 stack instances (2 accounts × 1 Region)') });
		expect(sets.detail?.operation?.status).toBe('RUNNING');
		const ran = await sandbox.runToCompletion();
		expect(ran.ok && ran.message).toContain('StackSet repos: CREATE operation FAILED, 1 stack instance failed.');
		expect(results(sandbox)).toEqual([
			[ME, 'us-east-1', 'FAILED', NO_ADMIN_ROLE],
			[OTHER, 'us-east-1', 'CANCELLED', 'Cancelled since failure tolerance has exceeded']
		]);

		// The administration role and this account's execution role: the second account still fails.
		expect(sets.createRole(ME, 'AWSCloudFormationStackSetAdministrationRole')).toMatchObject({ ok: true, message: expect.stringContaining('CreateRole, PutRolePolicy') });
		expect(sets.createRole(ME, 'AWSCloudFormationStackSetExecutionRole')).toMatchObject({ ok: true });
		expect(sets.roles.filter((r) => r.exists)).toHaveLength(2);
		sets.addInstances();
		await sandbox.runToCompletion();
		expect(sets.detail?.operation).toMatchObject({ action: 'CREATE', status: 'FAILED', failedCount: 1 });
		expect(results(sandbox)).toEqual([
			[ME, 'us-east-1', 'SUCCEEDED', undefined],
			[OTHER, 'us-east-1', 'FAILED', NO_EXEC_ROLE]
		]);
		expect(sets.detail?.instances.map((i) => [i.account, i.status, i.detailedStatus])).toEqual([
			[ME, 'CURRENT', 'SUCCEEDED'],
			[OTHER, 'OUTDATED', 'FAILED']
		]);
		expect(sandbox.log.some((e) => e.text === 'StackSet repos: CREATE operation FAILED, 1 stack instance failed.')).toBe(true);
		// The instance's stack in this account is an ordinary stack here, and its repository is in the ECR view.
		expect(sandbox.stacks.stacks.map((s) => s.name)).toEqual([expect.stringMatching(/^StackSet-repos-[0-9a-f-]+$/)]);
		expect(sandbox.repositories.map((r) => r.name)).toEqual(['web-app']);

		// The missing role, then the same instances again.
		sets.createRole(OTHER, 'AWSCloudFormationStackSetExecutionRole');
		sets.addInstances();
		expect(sets.addInstances()).toMatchObject({ ok: false, error: { code: 'OperationInProgressException' } });
		await sandbox.runToCompletion();
		expect(sets.detail?.operation).toMatchObject({ status: 'SUCCEEDED', failedCount: 0 });
		expect(sets.detail?.instances.map((i) => [i.account, i.status, i.detailedStatus])).toEqual([
			[ME, 'CURRENT', 'SUCCEEDED'],
			[OTHER, 'CURRENT', 'SUCCEEDED']
		]);
		// Earlier operations stay listed, newest first, and their results can be shown again.
		expect(sets.detail?.operations.map((o) => o.status)).toEqual(['SUCCEEDED', 'FAILED', 'FAILED']);
		sets.showOperation(sets.detail!.operations[1]!.id);
		expect(results(sandbox)?.[1]).toEqual([OTHER, 'us-east-1', 'FAILED', NO_EXEC_ROLE]);
	});

	it('opens an instance’s stack in its own account, then deletes instances and the stack set', async () => {
		const { sandbox, sets } = await started();
		for (const r of sets.roles) sets.createRole(r.account, r.roleName);
		sets.createStackSet();
		sets.setTarget('regions', 'us-west-2', true);
		sets.setTarget('accounts', ME, false);
		expect(sets.regions).toEqual(['us-east-1', 'us-west-2']);
		sets.addInstances();
		await sandbox.runToCompletion();
		const instance = sets.detail!.instances.find((i) => i.region === 'us-west-2')!;
		expect(instance).toMatchObject({ account: OTHER, status: 'CURRENT' });
		expect(sandbox.openStack(instance.stackId!)).toMatchObject({ ok: true, message: expect.stringMatching(/^Showing stack StackSet-repos-\S+ in account 210987654321, us-west-2: CREATE_COMPLETE\.$/) });
		expect(sandbox.stacks.scope).toEqual({ account: OTHER, region: 'us-west-2' });
		expect(sandbox.stacks.detail?.id).toBe(instance.stackId);
		// Home is still where the ECR view looks: no repository there.
		expect(sandbox.repositories).toEqual([]);

		expect(sets.deleteStackSet()).toMatchObject({ ok: false, error: { code: 'StackSetNotEmptyException', message: 'StackSet is not empty' } });
		sets.retainStacks = true;
		sets.setTarget('regions', 'us-east-1', false);
		sets.deleteInstances();
		await sandbox.runToCompletion();
		expect(sets.detail?.instances.map((i) => i.region)).toEqual(['us-east-1']);
		// The retained stack is still there, outside the stack set.
		expect(sandbox.stacks.detail?.status).toBe('CREATE_COMPLETE');
		sets.retainStacks = false;
		sets.setTarget('regions', 'us-east-1', true);
		sets.deleteInstances();
		await sandbox.runToCompletion();
		expect(sets.detail?.instances).toEqual([]);
		expect(sets.deleteStackSet()).toMatchObject({ ok: true, message: 'DeleteStackSet: repos is deleted.' });
		expect(sets.sets).toEqual([]);
		expect(sets.detail).toBeNull();
	});

	it('saves its draft and selection, and a restored world’s operations are not news', async () => {
		const store = memoryStore();
		const { sandbox, sets } = await started(store);
		sets.name = 'fleet';
		sets.createStackSet();
		sets.failureTolerance = '1';
		sets.setTarget('regions', 'eu-west-1', true);
		sets.addInstances();
		sandbox.persist();
		const again = new Sandbox(store, { now: () => new Date(START) });
		again.start();
		await again.stacks.ensureReady();
		expect(again.stackSets.snapshot()).toMatchObject({ name: 'fleet', failureTolerance: '1', regions: ['us-east-1', 'eu-west-1'], selected: 'fleet' });
		const logged = again.log.length;
		await again.runToCompletion();
		const fresh = again.log.slice(0, again.log.length - logged).map((e) => e.text);
		// Without roles both accounts fail in us-east-1: more than the 1 tolerated, so eu-west-1 is cancelled.
		expect(fresh).toContain('StackSet fleet: CREATE operation FAILED, 2 stack instances failed.');
	});
});

describe('StackSets form helpers', () => {
	it('read FailureToleranceCount as the AWS CLI would', () => {
		expect(operationPreferences('')).toEqual({ ok: true, value: {} });
		expect(operationPreferences(' 2 ')).toEqual({ ok: true, value: { FailureToleranceCount: 2 } });
		expect(operationPreferences('-1')).toMatchObject({ ok: false, error: { code: 'ParamValidationError' } });
		expect(targetsText(['a', 'b'], ['r'])).toBe('2 stack instances (2 accounts × 1 Region)');
	});

	it('give StackSets statuses a tone', () => {
		expect(['SUCCEEDED', 'CURRENT', 'RUNNING', 'STOPPING', 'OUTDATED', 'INOPERABLE', 'FAILED', 'CANCELLED', 'PENDING', 'SKIPPED'].map(statusTone)).toEqual([
			'ok',
			'ok',
			'progress',
			'progress',
			'warn',
			'bad',
			'bad',
			'neutral',
			'progress',
			'neutral'
		]);
	});
});
