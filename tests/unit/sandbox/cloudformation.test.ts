// The sandbox's CloudFormation view, driven through its controller: starter templates deploy real
// (simulated) repositories, change sets show their Changes, a repository deleted in the ECR view is
// drift, a failing template rolls back, a rollback that fails can be continued, and all of it is
// saved and comes back.
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../../src/routes/sandbox/sandbox.svelte';
import { memoryStore } from '../../../src/routes/sandbox/saved';
import { STARTER_TEMPLATES } from '../../../src/routes/sandbox/cfn-templates';
import { statusTone } from '../../../src/routes/sandbox/status';

const START = new Date('2026-11-23T10:00:00.000Z');

async function started(store = memoryStore()) {
	const sandbox = new Sandbox(store, { now: () => new Date(START) });
	sandbox.start();
	await sandbox.stacks.ensureReady();
	return { sandbox, stacks: sandbox.stacks, store };
}

const status = (sandbox: Sandbox, name: string) => sandbox.stacks.stacks.find((s) => s.name === name && s.status !== 'DELETE_COMPLETE')?.status;

async function deploy(sandbox: Sandbox, starter: string, change: (s: Sandbox['stacks']) => void = () => {}) {
	sandbox.stacks.chooseStarter(starter);
	change(sandbox.stacks);
	const out = await sandbox.stacks.createStack();
	expect(out).toMatchObject({ ok: true });
	await sandbox.runToCompletion();
}

describe('the CloudFormation view of the sandbox', () => {
	it('offers starter templates whose parameters come from GetTemplateSummary', async () => {
		const { stacks } = await started();
		for (const t of STARTER_TEMPLATES) {
			stacks.chooseStarter(t.id);
			expect(stacks.summaryError, t.id).toBeNull();
			expect(stacks.stackName).toBe(t.stackName);
		}
		stacks.chooseStarter('repository');
		expect(stacks.summary?.parameters.map((p) => p.key)).toEqual(['RepositoryName', 'TagMutability', 'UntaggedDays']);
		expect(stacks.summary?.parameters[1]).toMatchObject({ default: 'MUTABLE', allowedValues: ['MUTABLE', 'IMMUTABLE'] });
		stacks.chooseStarter('importer');
		expect(stacks.summary?.capabilities).toEqual(['CAPABILITY_IAM']);
	});

	it('creates the repository stack; the repository shows in the ECR view and events in the log', async () => {
		const { sandbox, stacks } = await started();
		await deploy(sandbox, 'repository');
		expect(status(sandbox, 'web')).toBe('CREATE_COMPLETE');
		expect(sandbox.now).toBe('2026-11-23T10:00:05.000Z');
		expect(sandbox.repositories.map((r) => r.name)).toEqual(['web-app']);
		expect(sandbox.repositories[0]).toMatchObject({ scanOnPush: true, lifecyclePolicyText: expect.stringContaining('"countNumber": 14') });
		expect(stacks.managed['web-app']).toEqual({ stack: 'web', logicalId: 'Repository' });
		const d = stacks.detail!;
		expect(d.events[0]).toMatchObject({ logicalId: 'web', status: 'CREATE_COMPLETE' });
		expect(d.events.at(-1)).toMatchObject({ logicalId: 'web', status: 'CREATE_IN_PROGRESS', reason: 'User Initiated' });
		expect(d.outputs.map((o) => o.exportName)).toEqual(['web-RepositoryUri', 'web-RepositoryArn']);
		expect(sandbox.log.some((e) => e.kind === 'stack' && e.text === 'Stack web CREATE_COMPLETE.')).toBe(true);
		expect(sandbox.announcement.text).toMatch(/Ran the clock 5 seconds.*Stack web CREATE_COMPLETE/);
	});

	it('shows an UPDATE change set with a Modify row, then executes it', async () => {
		const { sandbox, stacks } = await started();
		await deploy(sandbox, 'repository');
		stacks.setParameter('TagMutability', 'IMMUTABLE');
		expect(await stacks.createChangeSet()).toMatchObject({ ok: true, message: expect.stringMatching(/UPDATE.*CREATE_COMPLETE with 1 change/) });
		expect(stacks.tab).toBe('changesets');
		expect(stacks.changeSetName).toBe('change-2');
		const cs = stacks.detail?.changeSet;
		expect(cs).toMatchObject({ name: 'change-1', status: 'CREATE_COMPLETE', executionStatus: 'AVAILABLE' });
		expect(cs?.changes).toEqual([
			{
				action: 'Modify',
				logicalId: 'Repository',
				physicalId: 'web-app',
				type: 'AWS::ECR::Repository',
				replacement: 'False',
				details: ['Properties.ImageTagMutability: DirectModification, Dynamic, RequiresRecreation Never', 'Properties.ImageTagMutability: ParameterReference, Static, RequiresRecreation Never (caused by TagMutability)']
			}
		]);
		expect(await stacks.executeChangeSet(cs!.id)).toMatchObject({ ok: true });
		await sandbox.runToCompletion();
		expect(status(sandbox, 'web')).toBe('UPDATE_COMPLETE');
		expect(sandbox.repositories[0]?.tagMutability).toBe('IMMUTABLE');
	});

	it('reports a repository deleted in the ECR view as DELETED drift', async () => {
		const { sandbox, stacks } = await started();
		await deploy(sandbox, 'repository');
		expect(sandbox.deleteRepository('web-app')).toMatchObject({ ok: true, message: expect.stringContaining('detect drift on web') });
		expect(sandbox.repositories).toEqual([]);
		expect(stacks.detectDrift()).toMatchObject({ ok: true, message: expect.stringContaining('DRIFTED') });
		expect(stacks.tab).toBe('drift');
		expect(stacks.detail?.drifts).toMatchObject([{ logicalId: 'Repository', physicalId: 'web-app', status: 'DELETED', differences: [] }]);
		expect(stacks.detail?.detection).toMatchObject({ status: 'DETECTION_COMPLETE', driftStatus: 'DRIFTED', driftedCount: 1 });
		expect(stacks.stacks[0]?.drift).toBe('DRIFTED');
		expect(sandbox.log.some((e) => e.text === 'Drift detection on stack web: DETECTION_COMPLETE, DRIFTED.')).toBe(true);
	});

	it('rolls the failing template back, with the handler reason in the events', async () => {
		const { sandbox, stacks } = await started();
		await deploy(sandbox, 'rollback');
		expect(status(sandbox, 'broken')).toBe('ROLLBACK_COMPLETE');
		const failed = stacks.detail?.events.find((e) => e.status === 'CREATE_FAILED');
		expect(failed).toMatchObject({ logicalId: 'Releases', reason: expect.stringContaining('Lifecycle policy validation failure') });
		expect(stacks.detail?.events.filter((e) => e.status === 'DELETE_COMPLETE').map((e) => e.logicalId).sort()).toEqual(['Builds', 'Releases']);
		expect(sandbox.repositories).toEqual([]);
		expect(sandbox.log.some((e) => e.text.startsWith('Stack broken: Releases CREATE_FAILED: Resource handler returned message'))).toBe(true);
		expect(sandbox.log.some((e) => e.text.startsWith('Stack broken ROLLBACK_IN_PROGRESS: The following resource(s) failed to create: [Releases]'))).toBe(true);
	});

	it('moves 5 seconds at a time through a rollback', async () => {
		const { sandbox, stacks } = await started();
		stacks.chooseStarter('rollback');
		await stacks.createStack();
		sandbox.advance(5_000, '5 seconds');
		expect(status(sandbox, 'broken')).toBe('CREATE_IN_PROGRESS');
		sandbox.advance(5_000, '5 seconds');
		expect(status(sandbox, 'broken')).toBe('ROLLBACK_IN_PROGRESS');
		expect(sandbox.announcement.text).toContain('Stack broken ROLLBACK_IN_PROGRESS');
	});

	it('needs CAPABILITY_IAM for the importer, and keeps the exporting stack while it is imported', async () => {
		const { sandbox, stacks } = await started();
		await deploy(sandbox, 'repository');
		stacks.chooseStarter('importer');
		expect(await stacks.createStack()).toMatchObject({ ok: false, error: { code: 'InsufficientCapabilitiesException', message: 'Requires capabilities : [CAPABILITY_IAM]' } });
		stacks.setCapability('CAPABILITY_IAM', true);
		await deploy(sandbox, 'importer', (s) => s.setCapability('CAPABILITY_IAM', true));
		expect(status(sandbox, 'web-consumers')).toBe('CREATE_COMPLETE');
		stacks.select(stacks.stacks.find((s) => s.name === 'web')!.id);
		expect(await stacks.deleteStack()).toMatchObject({ ok: true, message: expect.stringContaining('Export web-RepositoryUri cannot be deleted as it is in use by web-consumers') });
		expect(status(sandbox, 'web')).toBe('CREATE_COMPLETE');
	});

	it('stops in UPDATE_ROLLBACK_FAILED and continues the rollback skipping Builds', async () => {
		const { sandbox, stacks } = await started();
		await deploy(sandbox, 'stuck');
		expect(status(sandbox, 'locked')).toBe('CREATE_COMPLETE');
		stacks.setParameter('Stage', 'two');
		expect(await stacks.updateStack()).toMatchObject({ ok: true });
		await sandbox.runToCompletion();
		expect(status(sandbox, 'locked')).toBe('UPDATE_ROLLBACK_FAILED');
		expect(stacks.detail?.resources.find((r) => r.logicalId === 'Builds')?.status).toBe('UPDATE_FAILED');
		expect(await stacks.continueRollback(['Builds'])).toMatchObject({ ok: true });
		await sandbox.runToCompletion();
		expect(status(sandbox, 'locked')).toBe('UPDATE_ROLLBACK_COMPLETE');
	});

	it('cancels an update that is running', async () => {
		const { sandbox, stacks } = await started();
		await deploy(sandbox, 'repository');
		stacks.setParameter('TagMutability', 'IMMUTABLE');
		await stacks.updateStack();
		sandbox.advance(2_500, '2.5 seconds');
		expect(stacks.cancelUpdate()).toMatchObject({ ok: true });
		await sandbox.runToCompletion();
		expect(status(sandbox, 'web')).toBe('UPDATE_ROLLBACK_COMPLETE');
		expect(sandbox.repositories[0]?.tagMutability).toBe('MUTABLE');
	});

	it('shows where a template error is', async () => {
		const { stacks } = await started();
		stacks.editTemplate('Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: !Ref Nope\n');
		expect(stacks.starter).toBe('custom');
		const out = stacks.validate();
		expect(out).toMatchObject({ ok: false, error: { code: 'ValidationError', location: { path: '/Resources/Repo/Properties/RepositoryName', line: 5, column: 23 } } });
		stacks.editTemplate('Resources:\n  X: [\n');
		expect(stacks.validate()).toMatchObject({ ok: false, error: { message: expect.stringContaining('YAML not well-formed'), location: { line: 3 } } });
	});

	it('saves the draft and the stacks, and finishes a restored operation after a reload', async () => {
		const store = memoryStore();
		const { sandbox, stacks } = await started(store);
		stacks.chooseStarter('rollback');
		stacks.editTemplate(stacks.template.replace('RepositoryName: builds', 'RepositoryName: builds2'));
		await stacks.createStack();
		sandbox.advance(5_000, '5 seconds');
		sandbox.setView('cloudformation');

		const again = new Sandbox(store, { now: () => new Date('2030-01-01T00:00:00Z') });
		again.start();
		expect(again.view).toBe('cloudformation');
		expect(again.stacks.template).toContain('RepositoryName: builds2');
		expect(again.stacks.starter).toBe('custom');
		expect(again.stacks.stackName).toBe('broken');
		expect(again.stacks.detail?.name).toBe('broken');
		expect(again.stacks.detail?.status).toBe('CREATE_IN_PROGRESS');
		const logged = again.log.length;
		await again.runToCompletion();
		expect(again.stacks.detail?.status).toBe('ROLLBACK_COMPLETE');
		// Only what happened after the reload is new in the log.
		expect(again.log.slice(0, again.log.length - logged).filter((e) => e.text.includes('CREATE_IN_PROGRESS: User Initiated'))).toEqual([]);
	});

	it('tells statuses apart by tone', () => {
		expect(['CREATE_COMPLETE', 'CREATE_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_FAILED', 'DELETE_COMPLETE', 'IN_SYNC', 'DELETED', 'REVIEW_IN_PROGRESS'].map(statusTone)).toEqual([
			'ok',
			'progress',
			'warn',
			'bad',
			'neutral',
			'ok',
			'bad',
			'neutral'
		]);
	});
});

describe('deleting a stack whose repository holds images', () => {
	it('ends DELETE_FAILED, and a second delete that retains the repository succeeds', async () => {
		const { sandbox, stacks } = await started();
		await deploy(sandbox, 'repository');
		expect((await sandbox.pushImage({ reference: 'alpine:3.14', repository: 'web-app', tag: 'v1' })).ok).toBe(true);
		expect(await stacks.deleteStack()).toMatchObject({ ok: true, message: 'DeleteStack: web is DELETE_IN_PROGRESS.' });
		await sandbox.runToCompletion();
		expect(stacks.detail?.status).toBe('DELETE_FAILED');
		expect(stacks.detail?.resources.find((r) => r.logicalId === 'Repository')).toMatchObject({ status: 'DELETE_FAILED', reason: expect.stringContaining('cannot be deleted because it still contains images') });
		expect(await stacks.deleteStack(['Repository'])).toMatchObject({ ok: true });
		await sandbox.runToCompletion();
		expect(stacks.detail?.status).toBe('DELETE_COMPLETE');
		expect(sandbox.repositories.map((r) => r.name)).toEqual(['web-app']);
		expect(stacks.managed).toEqual({});
	});
});
