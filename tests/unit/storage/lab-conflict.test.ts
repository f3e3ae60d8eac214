import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openLabStore, type LabStoreStatus } from '../../../src/lib/storage/lab-store';
import { openLabChannel, type LabChannel, type LabWrote } from '../../../src/lib/storage/lab-sync';
import { channelHub, clock, connect, manualScheduler, report, silentChannel, uniqueName } from './helpers';

/** Two tabs: each its own connection to one database and its own store. */
function twoTabs(channel: () => LabChannel) {
	const name = uniqueName('tabs');
	const timer = manualScheduler();
	const now = clock();
	const tab = () => openLabStore('first-repo', { db: connect(name), now, schedule: timer.schedule, channel: channel() });
	const reload = () => openLabStore('first-repo', { db: connect(name), now, schedule: timer.schedule, channel: silentChannel() }).load();
	return { a: tab(), b: tab(), reload };
}

describe('two tabs on one lab', () => {
	it('without BroadcastChannel: the later writer finds the newer revision, writes nothing and reports both versions', async () => {
		const { a, b, reload } = twoTabs(silentChannel);
		await a.load();
		await b.load();
		a.saveDraft('policy.json', 'from A');
		await a.flush();
		const seen: LabStoreStatus[] = [];
		b.subscribe((s) => seen.push(s));
		b.saveDraft('policy.json', 'from B');
		await b.flush();

		expect(b.status.mode).toBe('conflict');
		expect(seen.at(-1)?.mode).toBe('conflict');
		const conflict = b.status.conflict!;
		expect(conflict.rows).toEqual(['draft:policy.json']);
		expect(conflict.mine.drafts.get('policy.json')).toBe('from B');
		expect(conflict.theirs.drafts.get('policy.json')).toBe('from A');
		expect((await reload()).drafts.get('policy.json')).toBe('from A');

		// Read-only until the learner chooses: more typing in B is not written.
		b.saveDraft('policy.json', 'from B, more');
		await b.flush();
		expect((await reload()).drafts.get('policy.json')).toBe('from A');
	});

	it('with BroadcastChannel: the other tab is told at once, before it writes', async () => {
		const hub = channelHub();
		const { a, b, reload } = twoTabs(hub.join);
		await a.load();
		await b.load();
		a.saveWorld({ step: 1 });
		await a.flush();
		await b.flush(); // lets B's handling of the message finish
		expect(hub.posted).toEqual([expect.objectContaining({ type: 'wrote', labId: 'first-repo', rows: ['world'] })]);
		expect(b.status.mode).toBe('conflict');
		expect(b.status.conflict?.theirs.world).toEqual({ step: 1 });
		expect(b.status.conflict?.mine.world).toBeUndefined();
		expect(a.status.mode).toBe('saved');
		expect((await reload()).world).toEqual({ step: 1 });
	});

	it('"use this tab\'s work" writes this tab over the other, and the other tab is told', async () => {
		const hub = channelHub();
		const { a, b, reload } = twoTabs(hub.join);
		await a.load();
		await b.load();
		a.saveDraft('policy.json', 'from A');
		a.saveDraft('only-in-a.yaml', 'a: 1');
		await a.flush();
		b.saveDraft('policy.json', 'from B');
		await b.flush();
		expect(b.status.mode).toBe('conflict');

		await b.keepMine();
		expect(b.status.mode).toBe('saved');
		const saved = await reload();
		expect(Object.fromEntries(saved.drafts)).toEqual({ 'policy.json': 'from B' });
		await a.flush();
		expect(a.status.mode).toBe('conflict');
		expect(a.status.conflict?.theirs.drafts.get('policy.json')).toBe('from B');

		// B carries on writing normally.
		b.saveDraft('policy.json', 'from B again');
		await b.flush();
		expect((await reload()).drafts.get('policy.json')).toBe('from B again');
	});

	it('"load the other tab\'s" gives this tab the other\'s work and lets it write again', async () => {
		const { a, b, reload } = twoTabs(silentChannel);
		await a.load();
		await b.load();
		a.saveDraft('policy.json', 'from A');
		await a.flush();
		b.saveDraft('policy.json', 'from B');
		b.recordHint('create');
		await b.flush();
		expect(b.status.mode).toBe('conflict');

		const theirs = await b.takeTheirs();
		expect(theirs.drafts.get('policy.json')).toBe('from A');
		expect(theirs.hintsShown.get('create')).toBe(1); // a fact from B, merged not dropped
		expect(b.status.mode).toBe('saved');
		b.saveDraft('policy.json', 'B builds on A');
		await b.flush();
		expect(b.status.mode).toBe('saved');
		const saved = await reload();
		expect(saved.drafts.get('policy.json')).toBe('B builds on A');
		expect(saved.hintsShown.get('create')).toBe(1);
	});

	it('merges hints, check runs and the pass from both tabs without a conflict', async () => {
		const hub = channelHub();
		const { a, b, reload } = twoTabs(hub.join);
		await a.load();
		await b.load();
		a.recordHint('create');
		a.recordGrade(report(true, '2026-01-15T09:00:00.000Z'));
		a.markPassed('2026-01-15T09:00:00.000Z');
		await a.flush();
		b.recordHint('create');
		b.recordHint('create');
		b.recordHint('policy');
		b.recordGrade(report(true, '2026-01-15T09:05:00.000Z'));
		await b.flush();
		expect(a.status.mode).toBe('saved');
		expect(b.status.mode).toBe('saved');
		const saved = await reload();
		expect(Object.fromEntries(saved.hintsShown)).toEqual({ create: 2, policy: 1 });
		expect(saved.grades.map((g) => [g.report.at, g.firstPass])).toEqual([
			['2026-01-15T09:00:00.000Z', true],
			['2026-01-15T09:05:00.000Z', false]
		]);
		expect(saved.passedAt).toBe('2026-01-15T09:00:00.000Z');
		expect((await a.load()).hintsShown.get('policy')).toBe(1);
	});

	it('a reset in one tab puts the other into conflict rather than letting it write its old world back', async () => {
		const { a, b, reload } = twoTabs(silentChannel);
		a.saveWorld({ step: 3 });
		await a.flush();
		await b.load();
		await a.reset();
		b.saveWorld({ step: 4 });
		await b.flush();
		expect(b.status.mode).toBe('conflict');
		expect((await reload()).world).toBeUndefined();
	});

	it('ignores late news of a write this tab has already read, and acts on news of one it has not', async () => {
		const name = uniqueName('late');
		let deliver: (m: LabWrote) => void = () => undefined;
		const held: LabChannel = { post() {}, listen: (fn) => void (deliver = fn), close() {} };
		const a = openLabStore('first-repo', { db: connect(name), schedule: manualScheduler().schedule, channel: silentChannel() });
		const b = openLabStore('first-repo', { db: connect(name), schedule: manualScheduler().schedule, channel: held });
		const news: LabWrote = { type: 'wrote', labId: 'first-repo', tab: 'tab-a', rows: ['draft:policy.json'] };
		await b.load();
		a.saveDraft('policy.json', 'from A');
		await a.flush();
		expect((await b.load()).drafts.get('policy.json')).toBe('from A'); // B caught up first
		deliver(news);
		await b.flush();
		expect(b.status.mode).toBe('saved');

		a.saveDraft('policy.json', 'from A again');
		await a.flush();
		deliver(news);
		await b.flush();
		expect(b.status.mode).toBe('conflict');
		expect(b.status.conflict?.rows).toEqual(['draft:policy.json']);
	});

	it('works over a real BroadcastChannel between two stores', async () => {
		const name = `ecr-cfn-test-${process.pid}`;
		const { a, b } = twoTabs(() => openLabChannel(name));
		try {
			await a.load();
			await b.load();
			const told = new Promise<LabStoreStatus>((resolve) => b.subscribe((s) => s.mode === 'conflict' && resolve(s)));
			a.saveDraft('policy.json', 'from A');
			await a.flush();
			expect((await told).conflict?.theirs.drafts.get('policy.json')).toBe('from A');
		} finally {
			await a.close();
			await b.close();
		}
	});
});
