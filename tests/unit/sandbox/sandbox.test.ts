import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../../src/routes/sandbox/sandbox.svelte';
import { memoryStore } from '../../../src/routes/sandbox/saved';
import { LIFECYCLE_PRESETS, presetText } from '../../../src/routes/sandbox/presets';

const START = new Date('2026-11-23T10:00:30.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function started(store = memoryStore()) {
	const sandbox = new Sandbox(store, { now: () => new Date(START) });
	sandbox.start();
	return { sandbox, store };
}

describe('the ECR sandbox controller', () => {
	it('starts a world at the current minute with an IAM user dev and no policy', () => {
		const { sandbox } = started();
		expect(sandbox.ready).toBe(true);
		expect(sandbox.now).toBe('2026-11-23T10:00:00.000Z');
		expect(sandbox.devPolicy).toBe('none');
		expect(sandbox.callerArn).toBe('arn:aws:iam::123456789012:root');
		expect(sandbox.repositories).toEqual([]);
		expect(sandbox.log[0]?.text).toMatch(/IAM user named dev/);
	});

	it('creates a repository, pushes an old base image, and shows the scan findings once the clock moves', async () => {
		const { sandbox } = started();
		expect(sandbox.createRepository({ name: 'web', tagMutability: 'IMMUTABLE', scanOnPush: true }).ok).toBe(true);
		const pushed = await sandbox.pushImage({ reference: 'alpine:3.14', repository: 'web', tag: 'v1' });
		expect(pushed.ok).toBe(true);
		expect(sandbox.push?.status).toBe('pushed');
		expect(sandbox.push?.steps.map((s) => s.operation)).toEqual([
			'GetAuthorizationToken',
			'BatchCheckLayerAvailability',
			...Array(3).fill(['InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload']).flat(),
			'PutImage'
		]);
		const [repo] = sandbox.repositories;
		expect(repo).toMatchObject({ name: 'web', tagMutability: 'IMMUTABLE', scanOnPush: true });
		expect(repo?.images[0]).toMatchObject({ tags: ['v1'], scanStatus: 'IN_PROGRESS' });

		sandbox.advance(MINUTE, '1 minute');
		expect(sandbox.repositories[0]?.images[0]?.scanStatus).toBe('COMPLETE');
		expect(sandbox.log.some((e) => e.text === 'Image scan COMPLETE: web:v1.')).toBe(true);
		expect(sandbox.announcement.text).toMatch(/Image scan COMPLETE: web:v1/);

		sandbox.selectImage('web', repo!.images[0]!.digest);
		const f = sandbox.findings;
		expect(f?.status).toBe('COMPLETE');
		expect(f?.findings.some((x) => x.severity === 'CRITICAL' || x.severity === 'HIGH')).toBe(true);
		expect(f?.findings[0]).toMatchObject({ severity: 'CRITICAL', name: expect.stringMatching(/^CVE-/), packageName: expect.any(String) });
	});

	it('stops a push by dev with ReadOnly at InitiateLayerUpload and explains the implicit deny', async () => {
		const { sandbox } = started();
		sandbox.createRepository({ name: 'web', tagMutability: 'MUTABLE', scanOnPush: false });
		expect(sandbox.setDevPolicy('AmazonEC2ContainerRegistryReadOnly').ok).toBe(true);
		expect(sandbox.devPolicy).toBe('AmazonEC2ContainerRegistryReadOnly');
		sandbox.setCaller('dev');
		const out = await sandbox.pushImage({ reference: 'debian:10', repository: 'web', tag: 'v2' });
		expect(out.ok).toBe(false);
		const run = sandbox.push!;
		expect(run.steps.at(-1)).toMatchObject({ operation: 'InitiateLayerUpload', action: 'ecr:InitiateLayerUpload', status: 'denied' });
		expect(run.error?.code).toBe('AccessDeniedException');
		expect(run.error?.explanation).toMatchObject({ decision: 'ImplicitDeny', action: 'ecr:InitiateLayerUpload', decidedBy: [] });
		expect(run.error?.explanation?.statements.map((s) => s.policy)).toEqual(['AmazonEC2ContainerRegistryReadOnly']);
		expect(sandbox.repositories[0]?.images).toEqual([]);
		expect(sandbox.announcement.text).toMatch(/stopped at InitiateLayerUpload \(ecr:InitiateLayerUpload\)/);

		// Switching policy detaches the old one.
		sandbox.setDevPolicy('AmazonEC2ContainerRegistryPowerUser');
		expect(sandbox.devPolicy).toBe('AmazonEC2ContainerRegistryPowerUser');
		expect((await sandbox.pushImage({ reference: 'debian:10', repository: 'web', tag: 'v2' })).ok).toBe(true);
		expect(sandbox.createRepository({ name: 'other', tagMutability: 'MUTABLE', scanOnPush: false }).ok).toBe(false);
	});

	it('saves after every change and restores world, caller, log and selection', async () => {
		const { sandbox, store } = started();
		sandbox.createRepository({ name: 'web', tagMutability: 'MUTABLE', scanOnPush: true });
		await sandbox.pushImage({ reference: 'alpine:3.14', repository: 'web', tag: 'v1' });
		sandbox.advance(DAY, '1 day');
		sandbox.selectImage('web', sandbox.repositories[0]!.images[0]!.digest);
		sandbox.setCaller('dev');

		const again = new Sandbox(store, { now: () => new Date('2030-01-01T00:00:00Z') });
		again.start();
		expect(again.now).toBe(sandbox.now);
		expect(again.repositories).toEqual(sandbox.repositories);
		expect(again.callerKind).toBe('dev');
		expect(again.log).toEqual(sandbox.log);
		// dev has no policy, so the restored findings read is denied, and says so.
		expect(again.findings?.error?.code).toBe('AccessDeniedException');
		expect(again.announcement.text).toMatch(/restored/);
	});

	it('starts afresh, and says so, when the saved value is not a sandbox', () => {
		const store = memoryStore();
		store.save({ version: 1, world: { format: 'something else' } });
		const { sandbox } = started(store);
		expect(sandbox.repositories).toEqual([]);
		expect(sandbox.announcement.text).toMatch(/could not be read/);
		expect(sandbox.log.some((e) => /could not be read/.test(e.text))).toBe(true);
	});

	it('reports a store that refuses to save without losing the sandbox', () => {
		const store = { ...memoryStore(), save: () => { throw new Error('QuotaExceededError'); } };
		const { sandbox } = started(store);
		expect(sandbox.createRepository({ name: 'web', tagMutability: 'MUTABLE', scanOnPush: false }).ok).toBe(true);
		expect(sandbox.saveProblem).toMatch(/QuotaExceededError/);
		expect(sandbox.repositories).toHaveLength(1);
	});

	it('previews a lifecycle policy, then the daily run expires what the preview said', async () => {
		const { sandbox } = started();
		sandbox.createRepository({ name: 'web', tagMutability: 'MUTABLE', scanOnPush: false });
		for (const tag of ['v1', 'v2', 'v3', 'v4', 'v5']) {
			await sandbox.pushImage({ reference: 'alpine:3.22', repository: 'web', tag });
			sandbox.advance(MINUTE, '1 minute');
		}
		const keep3 = presetText(LIFECYCLE_PRESETS.find((p) => p.id === 'keep-3')!);
		expect(sandbox.previewLifecycle('web', keep3).ok).toBe(true);
		expect(sandbox.preview).toMatchObject({ repository: 'web', status: 'COMPLETE', expiringCount: 2, imageCount: 5 });
		expect(sandbox.preview?.results.filter((r) => r.action === 'EXPIRE').flatMap((r) => r.tags).sort()).toEqual(['v1', 'v2']);
		expect(sandbox.log.some((e) => e.text === 'Lifecycle policy preview COMPLETE for web.')).toBe(true);

		expect(sandbox.putLifecyclePolicy('web', keep3).ok).toBe(true);
		expect(sandbox.repositories[0]?.lifecyclePolicyText).toBeDefined();
		sandbox.advance(DAY, '1 day');
		expect(sandbox.repositories[0]?.images.flatMap((i) => i.tags).sort()).toEqual(['v3', 'v4', 'v5']);
		expect(sandbox.log.some((e) => /^Lifecycle policy run on web expired 2 images \(web:v\d; web:v\d\)\.$/.test(e.text))).toBe(true);

		// Thirty quiet daily runs are one log line.
		const before = sandbox.log.length;
		sandbox.advance(30 * DAY, '30 days');
		expect(sandbox.log.length - before).toBe(2);
		expect(sandbox.log[0]?.text).toMatch(/^Clock moved forward 30 days, to /);
		expect(sandbox.log[1]?.text).toBe('Lifecycle policy ran 30 times on web (daily at 00:00 UTC): nothing to expire.');
	});

	it('every preset is a policy ECR accepts', () => {
		const { sandbox } = started();
		sandbox.createRepository({ name: 'web', tagMutability: 'MUTABLE', scanOnPush: false });
		for (const preset of LIFECYCLE_PRESETS) expect(sandbox.putLifecyclePolicy('web', presetText(preset))).toMatchObject({ ok: true });
	});

	it('shows AWS errors as they come: an invalid lifecycle policy, a bad repository name', () => {
		const { sandbox } = started();
		const bad = sandbox.createRepository({ name: 'Web', tagMutability: 'MUTABLE', scanOnPush: false });
		expect(bad.ok ? '' : bad.error.code).toBe('InvalidParameterException');
		sandbox.createRepository({ name: 'web', tagMutability: 'MUTABLE', scanOnPush: false });
		const lc = sandbox.previewLifecycle('web', '{"rules": []}');
		expect(lc.ok).toBe(false);
		expect(sandbox.preview?.error?.code).toBeDefined();
	});

	it('reset starts a new world', async () => {
		const { sandbox, store } = started();
		sandbox.createRepository({ name: 'web', tagMutability: 'MUTABLE', scanOnPush: false });
		sandbox.setCaller('dev');
		sandbox.reset();
		expect(sandbox.repositories).toEqual([]);
		expect(sandbox.callerKind).toBe('root');
		expect((store.load() as { world: { ecr: { repositories: unknown[] }[] } }).world.ecr.every((r) => r.repositories.length === 0)).toBe(true);
	});
});
