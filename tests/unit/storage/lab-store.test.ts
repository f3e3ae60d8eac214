import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openLabStore, type LabStoreOptions } from '../../../src/lib/storage/lab-store';
import { GRADE_LIMIT, HISTORY_LIMIT, UNDO_LIMIT } from '../../../src/lib/storage/lab-model';
import { clock, connect, manualScheduler, report, silentChannel, uniqueName } from './helpers';

function setup(options: Partial<LabStoreOptions> = {}) {
	const name = uniqueName();
	const db = connect(name);
	const timer = manualScheduler();
	const now = clock();
	const open = (labId = 'first-repo') => openLabStore(labId, { db, now, schedule: timer.schedule, channel: silentChannel(), ...options });
	/** The same database as a fresh page load sees it. */
	const reload = (labId = 'first-repo') => openLabStore(labId, { db: connect(name), now, schedule: timer.schedule, channel: silentChannel() }).load();
	return { db, timer, open, reload };
}

describe('lab store: saving and loading', () => {
	it('starts empty for a lab never opened', async () => {
		const { open } = setup();
		const saved = await open().load();
		expect(saved).toMatchObject({ labId: 'first-repo', undo: [], history: [], terminal: null, machine: null, grades: [] });
		expect(saved.drafts.size).toBe(0);
		expect(saved.world).toBeUndefined();
		expect(saved.hintsShown.size).toBe(0);
	});

	it('saves every part of a lab and brings it back on reload', async () => {
		const { open, reload } = setup();
		const store = open();
		await store.load();
		store.saveDraft('policy.json', '{"rules":[]}');
		store.saveDraft('Dockerfile', 'FROM alpine');
		store.saveWorld({ repos: ['app'] });
		store.saveTerminal({ history: ['aws ecr create-repository --repository-name app'], state: { env: { AWS_REGION: 'us-east-1' }, awsConfig: '[default]\n' } });
		store.saveMachine({ value: 'working', context: { task: 1 } });
		store.recordGrade(report(false));
		store.recordHint('create');
		store.recordHint('create');
		store.markSolutionViewed();
		store.markPassed('2026-01-15T10:00:00.000Z');
		await store.flush();

		const saved = await reload();
		expect(Object.fromEntries(saved.drafts)).toEqual({ 'policy.json': '{"rules":[]}', Dockerfile: 'FROM alpine' });
		expect(saved.world).toEqual({ repos: ['app'] });
		expect(saved.history).toEqual(['aws ecr create-repository --repository-name app']);
		expect(saved.terminal).toEqual({ env: { AWS_REGION: 'us-east-1' }, awsConfig: '[default]\n' });
		expect(saved.machine).toEqual({ value: 'working', context: { task: 1 } });
		expect(saved.grades).toHaveLength(1);
		expect(saved.grades[0]).toMatchObject({ firstPass: false, report: report(false) });
		expect(saved.hintsShown.get('create')).toBe(2);
		expect(saved.solutionViewedAt).toMatch(/^2026-11-23T10:00/);
		expect(saved.passedAt).toBe('2026-01-15T10:00:00.000Z');
	});

	it('keeps labs apart', async () => {
		const { open, reload } = setup();
		const a = open('first-repo');
		const b = open('lifecycle');
		a.saveDraft('policy.json', 'A');
		b.saveDraft('policy.json', 'B');
		await a.flush();
		await b.flush();
		expect((await reload('first-repo')).drafts.get('policy.json')).toBe('A');
		expect((await reload('lifecycle')).drafts.get('policy.json')).toBe('B');
	});

	it('hands out copies: changing what load() returned changes nothing stored', async () => {
		const { open } = setup();
		const store = open();
		store.saveWorld({ n: 1 });
		const saved = await store.load();
		(saved.world as { n: number }).n = 99;
		saved.drafts.set('x', 'y');
		const again = await store.load();
		expect(again.world).toEqual({ n: 1 });
		expect(again.drafts.has('x')).toBe(false);
	});
});

describe('lab store: typing', () => {
	it('folds a burst of keystrokes into one scheduled write of the last text', async () => {
		const { db, open, timer, reload } = setup();
		const store = open();
		await store.load();
		const put = vi.spyOn(db.labDrafts, 'put');
		const text = 'FROM public.ecr.aws/docker/library/alpine:3.20';
		for (let i = 1; i <= text.length; i++) store.saveDraft('Dockerfile', text.slice(0, i));
		expect(timer.pending).toHaveLength(1);
		expect(put).not.toHaveBeenCalled();
		timer.runAll();
		await store.flush();
		expect(put).toHaveBeenCalledTimes(1);
		expect((await reload()).drafts.get('Dockerfile')).toBe(text);
	});

	it('writes without flush once the scheduled time comes', async () => {
		const { db, open, timer, reload } = setup();
		const store = open();
		const put = db.labDrafts.put.bind(db.labDrafts);
		const written = new Promise<void>((resolve) => {
			vi.spyOn(db.labDrafts, 'put').mockImplementation((...args) => put(...args).finally(resolve));
		});
		store.saveDraft('a.yaml', 'x: 1');
		timer.runAll();
		await written;
		await db.labDrafts.toArray(); // waits for the write's transaction to commit
		expect((await reload()).drafts.get('a.yaml')).toBe('x: 1');
	});

	it('flush() writes at once and cancels the scheduled write', async () => {
		const { open, timer, reload } = setup();
		const store = open();
		store.saveDraft('a.yaml', 'x: 2');
		await store.flush();
		expect(timer.pending).toHaveLength(0);
		expect((await reload()).drafts.get('a.yaml')).toBe('x: 2');
	});

	it('flushes when the page is hidden or left, so a draft typed just before the tab dies is there', async () => {
		const events = new EventTarget();
		const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
		vi.stubGlobal('document', doc);
		vi.stubGlobal('addEventListener', events.addEventListener.bind(events));
		vi.stubGlobal('removeEventListener', events.removeEventListener.bind(events));
		try {
			const { open, timer, reload } = setup({ flushOnHide: true });
			const store = open();
			store.saveDraft('a.yaml', 'typed');
			doc.visibilityState = 'hidden';
			doc.dispatchEvent(new Event('visibilitychange'));
			expect(timer.pending).toHaveLength(0);
			await store.flush();
			expect((await reload()).drafts.get('a.yaml')).toBe('typed');
			store.saveDraft('a.yaml', 'typed more');
			events.dispatchEvent(new Event('pagehide'));
			expect(timer.pending).toHaveLength(0);
			await store.close();
			expect((await reload()).drafts.get('a.yaml')).toBe('typed more');
		} finally {
			vi.unstubAllGlobals();
		}
	});
});

describe('lab store: world and undo', () => {
	it('undoes state changes in reverse order, then has nothing left to undo', async () => {
		const { open, reload } = setup();
		const store = open();
		store.saveWorld({ step: 0 });
		for (const step of [1, 2]) {
			store.pushUndo();
			store.saveWorld({ step });
		}
		await store.flush();
		expect((await reload()).undo).toEqual([{ step: 0 }, { step: 1 }]);
		expect(store.popUndo()).toEqual({ step: 1 });
		expect(store.popUndo()).toEqual({ step: 0 });
		expect(store.popUndo()).toBeUndefined();
		await store.flush();
		const saved = await reload();
		expect(saved.world).toEqual({ step: 0 });
		expect(saved.undo).toEqual([]);
	});

	it(`keeps only the last ${UNDO_LIMIT} earlier worlds`, async () => {
		const { open, reload } = setup();
		const store = open();
		store.saveWorld({ step: 0 });
		for (let step = 1; step <= UNDO_LIMIT + 5; step++) {
			store.pushUndo();
			store.saveWorld({ step });
		}
		await store.flush();
		const { undo } = await reload();
		expect(undo).toHaveLength(UNDO_LIMIT);
		expect(undo[0]).toEqual({ step: 5 });
		expect(undo.at(-1)).toEqual({ step: UNDO_LIMIT + 4 });
	});

	it('has nothing to push before a world was saved', async () => {
		const { open } = setup();
		const store = open();
		store.pushUndo();
		expect(store.popUndo()).toBeUndefined();
	});
});

describe('lab store: terminal, grades, hints, completion', () => {
	it(`keeps the last ${HISTORY_LIMIT} terminal lines and changes only the parts given`, async () => {
		const { open, reload } = setup();
		const store = open();
		store.saveTerminal({ history: [], state: { env: {} } });
		store.saveTerminal({ history: Array.from({ length: HISTORY_LIMIT + 3 }, (_, i) => `echo ${i}`) });
		await store.flush();
		const saved = await reload();
		expect(saved.history).toHaveLength(HISTORY_LIMIT);
		expect(saved.history[0]).toBe('echo 3');
		expect(saved.terminal).toEqual({ env: {} });
	});

	it(`keeps the last ${GRADE_LIMIT} check runs and the first passing one`, async () => {
		const { open, reload } = setup();
		const store = open();
		store.recordGrade(report(false, '2026-01-15T09:00:00.000Z'));
		store.recordGrade(report(true, '2026-01-15T09:01:00.000Z'));
		await store.flush();
		for (let i = 0; i < GRADE_LIMIT + 10; i++) {
			store.recordGrade(report(i % 2 === 0));
			if (i % 7 === 0) await store.flush();
		}
		await store.flush();
		const { grades } = await reload();
		expect(grades).toHaveLength(GRADE_LIMIT + 1);
		expect(grades[0]).toMatchObject({ firstPass: true, report: { at: '2026-01-15T09:01:00.000Z', passed: true } });
		expect(grades.filter((g) => g.firstPass)).toHaveLength(1);
		expect((await store.load()).grades).toEqual(grades);
	});

	it('counts hints per task, keeps the first solution view and the first pass', async () => {
		const { open, reload } = setup();
		const store = open();
		store.recordHint('create');
		store.recordHint('policy');
		store.recordHint('create');
		store.markSolutionViewed();
		const first = (await store.load()).solutionViewedAt;
		store.markSolutionViewed();
		store.markPassed('2026-01-15T10:00:00.000Z');
		store.markPassed('2026-01-16T10:00:00.000Z');
		await store.flush();
		const saved = await reload();
		expect(Object.fromEntries(saved.hintsShown)).toEqual({ create: 2, policy: 1 });
		expect(saved.solutionViewedAt).toBe(first);
		expect(saved.passedAt).toBe('2026-01-15T10:00:00.000Z');
	});

	it('stores a task id like __proto__ as a plain key', async () => {
		const { open, reload } = setup();
		const store = open();
		store.recordHint('__proto__');
		await store.flush();
		expect((await reload()).hintsShown.get('__proto__')).toBe(1);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('lab store: calls made while a write is under way', () => {
	it('keeps check runs and hints recorded mid-write, once each', async () => {
		const { db, open, reload } = setup();
		const store = open();
		await store.load();
		const add = db.labGrades.add.bind(db.labGrades);
		let once = true;
		vi.spyOn(db.labGrades, 'add').mockImplementation((...args) => {
			if (once) {
				once = false;
				// The page grades again and shows a hint while the first run is being written.
				store.recordGrade(report(true, '2026-01-15T09:05:00.000Z'));
				store.recordHint('create');
			}
			return add(...args);
		});
		store.recordGrade(report(false, '2026-01-15T09:00:00.000Z'));
		store.recordHint('create');
		await store.flush();
		const during = await store.load();
		expect(during.grades.map((g) => [g.report.at, g.firstPass])).toEqual([
			['2026-01-15T09:00:00.000Z', false],
			['2026-01-15T09:05:00.000Z', true]
		]);
		expect(during.hintsShown.get('create')).toBe(2);
		const saved = await reload();
		expect(saved.grades.map((g) => [g.report.at, g.firstPass])).toEqual(during.grades.map((g) => [g.report.at, g.firstPass]));
		expect(saved.hintsShown.get('create')).toBe(2);
	});
});

describe('lab store: reset', () => {
	it('starts the lab over but keeps the record of check runs, hints and the pass', async () => {
		const { open, reload } = setup();
		const store = open();
		store.saveDraft('policy.json', '{}');
		store.saveWorld({ step: 1 });
		store.pushUndo();
		store.saveTerminal({ history: ['ls'], state: { env: {} } });
		store.saveMachine({ value: 'working' });
		store.recordGrade(report(true));
		store.recordHint('create');
		store.markPassed('2026-01-15T10:00:00.000Z');
		await store.flush();
		await store.reset();
		for (const saved of [await store.load(), await reload()]) {
			expect(saved.drafts.size).toBe(0);
			expect(saved.world).toBeUndefined();
			expect(saved.undo).toEqual([]);
			expect(saved.history).toEqual([]);
			expect(saved.machine).toBeNull();
			expect(saved.grades).toHaveLength(1);
			expect(saved.hintsShown.get('create')).toBe(1);
			expect(saved.passedAt).toBe('2026-01-15T10:00:00.000Z');
		}
		store.saveDraft('policy.json', 'after reset');
		await store.flush();
		expect((await reload()).drafts.get('policy.json')).toBe('after reset');
		expect(store.status.mode).toBe('saved');
	});

	it('forgets everything when asked', async () => {
		const { open, reload } = setup();
		const store = open();
		store.recordGrade(report(true));
		store.recordHint('create');
		store.markPassed('2026-01-15T10:00:00.000Z');
		await store.flush();
		await store.reset({ everything: true });
		const saved = await reload();
		expect(saved.grades).toEqual([]);
		expect(saved.hintsShown.size).toBe(0);
		expect(saved.passedAt).toBeUndefined();
	});
});
