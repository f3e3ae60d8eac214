// The rest of a stack's lifecycle through the sandbox's controller: DisableRollback and
// RollbackStack, a retry once the cause is gone, AWS's refusal of DisableRollback with OnFailure,
// TimeoutInMinutes, termination protection, FORCE_DELETE_STACK, and a stack policy that denies
// replacing the repository (and an override for one update). Settings and scope are saved.
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../../src/routes/sandbox/sandbox.svelte';
import { memoryStore } from '../../../src/routes/sandbox/saved';
import { starterStackPolicy } from '../../../src/routes/sandbox/stack-policy-starter';

const START = new Date('2026-11-23T10:00:00.000Z');

async function started(store = memoryStore()) {
	const sandbox = new Sandbox(store, { now: () => new Date(START) });
	sandbox.start();
	await sandbox.stacks.ensureReady();
	return { sandbox, stacks: sandbox.stacks, store };
}

const events = (sandbox: Sandbox) => sandbox.stacks.detail?.events.map((e) => `${e.logicalId} ${e.status}${e.reason ? ` ${e.reason}` : ''}`) ?? [];

describe('DisableRollback', () => {
	it('stops a failing create at CREATE_FAILED; Roll back then deletes what it made (ROLLBACK_COMPLETE)', async () => {
		const { sandbox, stacks } = await started();
		stacks.chooseStarter('rollback');
		stacks.setDisableRollback(true);
		expect(await stacks.createStack()).toMatchObject({ ok: true });
		await sandbox.runToCompletion();
		expect(stacks.detail).toMatchObject({ status: 'CREATE_FAILED', disableRollback: true });
		// Kept: Builds, and the repository Releases made before ECR refused its lifecycle policy.
		expect(sandbox.repositories.map((r) => r.name)).toEqual(['builds', 'releases']);
		expect(await stacks.rollbackStack()).toMatchObject({ ok: true, message: 'RollbackStack: broken is ROLLBACK_IN_PROGRESS. Move the clock on to watch its events.' });
		await sandbox.runToCompletion();
		expect(stacks.detail?.status).toBe('ROLLBACK_COMPLETE');
		expect(events(sandbox)[0]).toBe('broken ROLLBACK_COMPLETE');
		expect(sandbox.repositories).toEqual([]);
		// Only from CREATE_FAILED and UPDATE_FAILED.
		expect(await stacks.rollbackStack()).toMatchObject({ ok: false, error: { code: 'ValidationError', message: expect.stringContaining('is in ROLLBACK_COMPLETE state and can not be rolled back.') } });
	});

	it('retries a create that failed for a reason that is gone, keeping what was made', async () => {
		const { sandbox, stacks } = await started();
		// The repository's name is taken, so the creation fails; then the learner deletes the one in the way.
		expect(sandbox.createRepository({ name: 'web-app', tagMutability: 'MUTABLE', scanOnPush: false }).ok).toBe(true);
		stacks.chooseStarter('repository');
		stacks.setDisableRollback(true);
		await stacks.createStack();
		await sandbox.runToCompletion();
		expect(stacks.detail?.status).toBe('CREATE_FAILED');
		expect(sandbox.deleteRepository('web-app').ok).toBe(true);
		expect(await stacks.retryUpdate()).toMatchObject({ ok: true, message: expect.stringContaining('UPDATE_IN_PROGRESS with the same template') });
		await sandbox.runToCompletion();
		expect(stacks.detail?.status).toBe('UPDATE_COMPLETE');
		expect(stacks.managed['web-app']).toEqual({ stack: 'web', logicalId: 'Repository' });
	});

	it('with OnFailure as well is refused by AWS, and nothing is created', async () => {
		const { stacks } = await started();
		stacks.chooseStarter('rollback');
		stacks.setDisableRollback(true);
		stacks.setOption('onFailure', 'DELETE');
		expect(await stacks.createStack()).toMatchObject({ ok: false, error: { code: 'ValidationError', message: 'Either DisableRollback or OnFailure can be specified, not both.' } });
		expect(stacks.stacks).toEqual([]);
	});

	it('keeps an update at UPDATE_FAILED instead of rolling it back', async () => {
		const { sandbox, stacks } = await started();
		stacks.chooseStarter('stuck');
		await stacks.createStack();
		await sandbox.runToCompletion();
		stacks.setParameter('Stage', 'two');
		stacks.setDisableRollback(true);
		await stacks.updateStack();
		await sandbox.runToCompletion();
		expect(stacks.detail?.status).toBe('UPDATE_FAILED');
		await stacks.rollbackStack();
		await sandbox.runToCompletion();
		// Putting Builds back fails in this template, as it does without DisableRollback.
		expect(stacks.detail?.status).toBe('UPDATE_ROLLBACK_FAILED');
	});
});

describe('CreateStack settings', () => {
	it('refuses a timeout that is not a number before calling, and passes AWS’s refusal of 0 on', async () => {
		const { stacks, sandbox } = await started();
		stacks.setOption('timeoutMinutes', 'soon');
		expect(await stacks.createStack()).toMatchObject({ ok: false, error: { code: 'ParamValidationError' } });
		expect(sandbox.announcement.text).toMatch(/^ParamValidationError: /);
		stacks.setOption('timeoutMinutes', '0');
		expect(await stacks.createStack()).toMatchObject({ ok: false, error: { message: expect.stringContaining("Value '0' at 'timeoutInMinutes'") } });
		stacks.setOption('timeoutMinutes', '30');
		expect(await stacks.createStack()).toMatchObject({ ok: true });
	});

	it('turns termination protection on at creation; DeleteStack is refused until it is disabled', async () => {
		const { sandbox, stacks } = await started();
		stacks.setOption('terminationProtection', true);
		await stacks.createStack();
		await sandbox.runToCompletion();
		expect(stacks.detail?.terminationProtection).toBe(true);
		expect(await stacks.deleteStack()).toMatchObject({ ok: false, error: { code: 'ValidationError', message: expect.stringContaining('TerminationProtection is enabled') } });
		expect(stacks.setTerminationProtection(false)).toMatchObject({ ok: true });
		expect(stacks.detail?.terminationProtection).toBe(false);
		expect(await stacks.deleteStack()).toMatchObject({ ok: true });
	});
});

describe('FORCE_DELETE_STACK', () => {
	it('deletes a DELETE_FAILED stack, leaving the repository that would not delete', async () => {
		const { sandbox, stacks } = await started();
		await stacks.createStack();
		await sandbox.runToCompletion();
		await sandbox.pushImage({ reference: 'alpine:3.14', repository: 'web-app', tag: 'v1' });
		expect(await stacks.deleteStack([], true)).toMatchObject({ ok: false, error: { message: expect.stringContaining('only when the stack is in the DELETE_FAILED state') } });
		await stacks.deleteStack();
		await sandbox.runToCompletion();
		expect(stacks.detail?.status).toBe('DELETE_FAILED');
		expect(await stacks.deleteStack([], true)).toMatchObject({ ok: true });
		await sandbox.runToCompletion();
		expect(stacks.detail?.status).toBe('DELETE_COMPLETE');
		expect(events(sandbox).slice(0, 2)).toEqual(['web DELETE_COMPLETE', 'Repository DELETE_SKIPPED']);
		expect(sandbox.repositories.map((r) => r.name)).toEqual(['web-app']);
	});
});

describe('a stack policy', () => {
	it('denies replacing the repository: the update fails with the policy’s reason and rolls back; an override lets it through', async () => {
		const { sandbox, stacks } = await started();
		await stacks.createStack();
		await sandbox.runToCompletion();
		expect(stacks.detail?.stackPolicy).toBeNull();
		const policy = starterStackPolicy(stacks.detail!.resources);
		expect(stacks.setStackPolicy(policy)).toMatchObject({ ok: true });
		expect(stacks.detail?.stackPolicy).toBe(policy);
		// A new RepositoryName replaces the repository.
		stacks.setParameter('RepositoryName', 'web-app-2');
		await stacks.updateStack();
		await sandbox.runToCompletion();
		expect(stacks.detail?.status).toBe('UPDATE_ROLLBACK_COMPLETE');
		expect(events(sandbox)).toContain('Repository UPDATE_FAILED Action denied by stack policy: Statement [#1] does not allow [Update:Replace] for resource [LogicalResourceId/Repository];');
		expect(sandbox.repositories.map((r) => r.name)).toEqual(['web-app']);
		// For one update, a policy that allows everything.
		stacks.setOption('policyDuringUpdate', JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'Update:*', Principal: '*', Resource: '*' }] }));
		await stacks.updateStack();
		await sandbox.runToCompletion();
		expect(stacks.detail?.status).toBe('UPDATE_COMPLETE');
		expect(sandbox.repositories.map((r) => r.name)).toEqual(['web-app-2']);
		expect(stacks.detail?.stackPolicy).toBe(policy);
		expect(stacks.setStackPolicy('not a policy')).toMatchObject({ ok: false, error: { message: 'Error validating stack policy: Invalid stack policy' } });
	});
});

describe('saving', () => {
	it('keeps the deploy settings and the account and Region shown', async () => {
		const store = memoryStore();
		const { sandbox, stacks } = await started(store);
		stacks.setDisableRollback(true);
		stacks.setOption('timeoutMinutes', '7');
		stacks.setOption('policyDuringUpdate', '{}');
		sandbox.setStackScope({ account: '210987654321', region: 'eu-west-1' });
		expect(sandbox.announcement.text).toBe('Showing the stacks of account 210987654321 in eu-west-1: 0 stacks.');
		const again = new Sandbox(store, { now: () => new Date(START) });
		again.start();
		expect(again.stacks.options).toMatchObject({ disableRollback: true, onFailure: 'OMIT', timeoutMinutes: '7', policyDuringUpdate: '{}' });
		expect(again.stacks.scope).toEqual({ account: '210987654321', region: 'eu-west-1' });
	});
});
