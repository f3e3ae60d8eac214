// The /_sandbox/ control API in process (src/lib/protocol/sandbox-control.ts): the clock only
// moves forward and runs what falls due on the way, reset starts a fresh world, and a save
// restores to the same world while a damaged one is refused and changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { World } from '../../src/lib/engines/world';
import { rootCaller } from '../../src/lib/engines/world-constants';
import { handleSandboxRequest, isSandboxRequest, type WorldHolder } from '../../src/lib/protocol/sandbox-control';
import { T0, jsonOf, sandboxRequest as req } from './endpoint-support';

const REGION = 'us-east-1';
const KEEP_ONE = JSON.stringify({
	rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }]
});
const TEMPLATE = JSON.stringify({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'from-stack' } } } });

const holder = (): WorldHolder => ({ world: World.create({ now: T0 }) });
const repositories = (h: WorldHolder): string[] =>
	(h.world.ecr(rootCaller(), REGION).call('DescribeRepositories', {}).repositories ?? []).map((r) => r.repositoryName ?? '');

beforeAll(async () => {
	await World.create({ now: T0 }).cloudformationReady();
});

describe('GET and POST /_sandbox/clock', () => {
	it('answers the clock and moves it forward by seconds or to an instant', () => {
		const h = holder();
		expect(jsonOf(handleSandboxRequest(h, req('GET', '/_sandbox/clock')))).toEqual({ now: T0 });
		const moved = handleSandboxRequest(h, req('POST', '/_sandbox/clock', { advanceSeconds: 90 }));
		expect(moved.status).toBe(200);
		expect(jsonOf(moved)).toEqual({ now: '2026-03-10T09:01:30.000Z', events: [] });
		expect(jsonOf(handleSandboxRequest(h, req('POST', '/_sandbox/clock', { now: '2026-03-10T12:00:00+02:00' })))).toMatchObject({ now: '2026-03-10T10:00:00.000Z' });
	});

	it('runs what falls due on the way, in time order: a stack operation, then the daily lifecycle run', () => {
		const h = holder();
		const ecr = h.world.ecr(rootCaller(), REGION);
		ecr.call('CreateRepository', { repositoryName: 'app' });
		ecr.call('PutLifecyclePolicy', { repositoryName: 'app', lifecyclePolicyText: KEEP_ONE });
		h.world.cloudformation(rootCaller(), REGION).call('CreateStack', { StackName: 'repo', TemplateBody: TEMPLATE });
		const res = handleSandboxRequest(h, req('POST', '/_sandbox/clock', { advanceSeconds: 2 * 86_400 }));
		const body = jsonOf(res) as { now: string; events: { at: string; kind: string }[] };
		expect(body.now).toBe('2026-03-12T09:00:00.000Z');
		const kinds = body.events.map((e) => e.kind);
		expect(kinds[0]).toBe('stack-operation-complete');
		expect(kinds.filter((k) => k === 'lifecycle-run')).toHaveLength(2);
		expect(body.events.map((e) => e.at)).toEqual([...body.events.map((e) => e.at)].sort());
		expect(repositories(h)).toContain('from-stack');
	});

	it('refuses to move backwards with 400 and a message, and the clock stays', () => {
		const h = holder();
		for (const body of [{ now: '2026-03-09T00:00:00Z' }, { advanceSeconds: -1 }]) {
			const res = handleSandboxRequest(h, req('POST', '/_sandbox/clock', body));
			expect(res.status).toBe(400);
			expect(jsonOf(res)).toMatchObject({ __type: 'InvalidParameterException', message: expect.stringMatching(/backwards/) });
		}
		expect(h.world.clock.now().toISOString()).toBe(T0);
	});

	it.each([
		['no field', {}],
		['both fields', { now: T0, advanceSeconds: 1 }],
		['a zone-less time', { now: '2026-03-11T09:00:00' }],
		['not a date', { now: 'tomorrow' }],
		['seconds as text', { advanceSeconds: '60' }],
		['an unknown field', { advance: 60 }],
		['more than ten years at once', { advanceSeconds: 11 * 366 * 86_400 }],
		['the year 9999', { now: '9999-12-31T00:00:00Z' }]
	])('refuses %s with 400', (_name, body) => {
		const h = holder();
		const res = handleSandboxRequest(h, req('POST', '/_sandbox/clock', body));
		expect(res.status).toBe(400);
		expect(jsonOf(res)).toMatchObject({ __type: 'InvalidParameterException', message: expect.any(String) });
		expect(h.world.clock.now().toISOString()).toBe(T0);
	});

	it.each([
		['malformed JSON', '{"now": '],
		['a JSON array', '[1]'],
		['an empty body', '']
	])('answers %s with a SerializationException', (_name, body) => {
		const res = handleSandboxRequest(holder(), req('POST', '/_sandbox/clock', body));
		expect(res.status).toBe(400);
		expect(jsonOf(res)).toMatchObject({ __type: 'SerializationException' });
	});

	it('answers bytes that are not UTF-8 with a SerializationException', () => {
		const res = handleSandboxRequest(holder(), { ...req('POST', '/_sandbox/clock'), body: new Uint8Array([0xff, 0xfe, 0x7b]) });
		expect(jsonOf(res)).toMatchObject({ __type: 'SerializationException' });
	});
});

describe('POST /_sandbox/reset', () => {
	it('starts a fresh world at the given instant, or where the clock is', () => {
		const h = holder();
		h.world.ecr(rootCaller(), REGION).call('CreateRepository', { repositoryName: 'app' });
		const before = h.world;
		expect(jsonOf(handleSandboxRequest(h, req('POST', '/_sandbox/reset', { now: '2025-01-01T00:00:00Z' })))).toEqual({ now: '2025-01-01T00:00:00.000Z' });
		expect(h.world).not.toBe(before);
		expect(repositories(h)).toEqual([]);
		h.world.ecr(rootCaller(), REGION).call('CreateRepository', { repositoryName: 'again' });
		expect(jsonOf(handleSandboxRequest(h, req('POST', '/_sandbox/reset')))).toEqual({ now: '2025-01-01T00:00:00.000Z' });
		expect(repositories(h)).toEqual([]);
	});
});

describe('GET /_sandbox/snapshot and POST /_sandbox/restore', () => {
	it('round-trips a world through its save', () => {
		const h = holder();
		h.world.ecr(rootCaller(), REGION).call('CreateRepository', { repositoryName: 'saved' });
		handleSandboxRequest(h, req('POST', '/_sandbox/clock', { advanceSeconds: 60 }));
		const saved = handleSandboxRequest(h, req('GET', '/_sandbox/snapshot'));
		expect(saved.status).toBe(200);
		handleSandboxRequest(h, req('POST', '/_sandbox/reset', { now: '2027-01-01T00:00:00Z' }));
		const restored = handleSandboxRequest(h, req('POST', '/_sandbox/restore', typeof saved.body === 'string' ? saved.body : new TextDecoder().decode(saved.body)));
		expect(restored.status).toBe(200);
		expect(jsonOf(restored)).toEqual({ now: '2026-03-10T09:01:00.000Z' });
		expect(repositories(h)).toEqual(['saved']);
		expect(h.world.snapshot()).toEqual(jsonOf(saved));
	});

	it('refuses a damaged save with 400 and the restore error, and keeps the world', () => {
		const h = holder();
		h.world.ecr(rootCaller(), REGION).call('CreateRepository', { repositoryName: 'kept' });
		const before = h.world;
		const damaged = { ...h.world.snapshot(), ecr: [{ accountId: 7 }] };
		let expected = '';
		try {
			World.restore(JSON.parse(JSON.stringify(damaged)));
		} catch (e) {
			expected = (e as Error).message;
		}
		expect(expected).not.toBe('');
		for (const body of [damaged, { format: 'something else' }]) {
			const res = handleSandboxRequest(h, req('POST', '/_sandbox/restore', body));
			expect(res.status).toBe(400);
			expect(jsonOf(res).message).toEqual(body === damaged ? expected : 'This is not a saved world.');
		}
		expect(h.world).toBe(before);
		expect(repositories(h)).toEqual(['kept']);
	});
});

describe('routing', () => {
	it('knows its paths and methods', () => {
		expect(isSandboxRequest({ path: '/_sandbox/clock' })).toBe(true);
		expect(isSandboxRequest({ path: '/' })).toBe(false);
		expect(handleSandboxRequest(holder(), req('GET', '/_sandbox/nothing')).status).toBe(404);
		expect(handleSandboxRequest(holder(), req('GET', '/_sandbox/__proto__')).status).toBe(404);
		expect(handleSandboxRequest(holder(), req('DELETE', '/_sandbox/clock')).status).toBe(405);
		expect(handleSandboxRequest(holder(), req('GET', '/_sandbox/reset')).status).toBe(405);
	});
});
