import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { openLabStore, type LabStoreStatus } from '../../../src/lib/storage/lab-store';
import { storageProblem } from '../../../src/lib/storage/storage-problem';
import { clock, connect, manualScheduler, report, silentChannel, uniqueName } from './helpers';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storage failures never reach the page', () => {
	it('a full disk moves the store to memory: it keeps working and says why', async () => {
		const name = uniqueName('quota');
		const db = connect(name);
		const timer = manualScheduler();
		const store = openLabStore('first-repo', { db, now: clock(), schedule: timer.schedule, channel: silentChannel() });
		store.saveDraft('policy.json', 'saved before the disk filled');
		await store.flush();

		vi.spyOn(db.labDrafts, 'put').mockRejectedValue(quota());
		const seen: LabStoreStatus[] = [];
		store.subscribe((s) => seen.push(s));
		store.saveDraft('policy.json', 'typed after');
		timer.runAll();
		await expect(store.flush()).resolves.toBeUndefined();
		expect(store.status.mode).toBe('memory');
		expect(store.status.problem).toMatch(/storage for this site is full/);
		expect(seen.at(-1)?.problem).toBe(store.status.problem);

		// Every call still works, against the tab's memory.
		store.saveWorld({ step: 1 });
		store.pushUndo();
		store.saveWorld({ step: 2 });
		store.recordGrade(report(true));
		store.recordHint('create');
		store.saveTerminal({ history: ['ls'] });
		expect(store.popUndo()).toEqual({ step: 1 });
		await expect(store.reset()).resolves.toBeUndefined();
		store.saveDraft('policy.json', 'after reset');
		const saved = await store.load();
		expect(saved.drafts.get('policy.json')).toBe('after reset');
		expect(saved.grades).toHaveLength(1);
		expect(store.status.mode).toBe('memory');

		// And nothing half-written reached the database.
		vi.restoreAllMocks();
		expect((await db.labDrafts.toArray()).map((r) => r.text)).toEqual(['saved before the disk filled']);
	});

	it('an IndexedDB that is missing (private mode) gives memory mode from load() on', async () => {
		const store = openLabStore('first-repo', {
			db: () => Promise.reject(new Dexie.MissingAPIError('IndexedDB API missing. Please visit https://tinyurl.com/y2uuvskb')),
			schedule: manualScheduler().schedule,
			channel: silentChannel()
		});
		const saved = await store.load();
		expect(saved.drafts.size).toBe(0);
		expect(store.status).toEqual({ mode: 'memory', problem: expect.stringMatching(/isn't letting the site save/) });
		store.saveDraft('a.yaml', 'kept');
		expect((await store.load()).drafts.get('a.yaml')).toBe('kept');
	});

	it('an upgrade blocked by another tab holding the old version open gives memory mode, not a hang', async () => {
		const name = uniqueName('blocked');
		// A connection at Dexie's version 1 (native 10) that, unlike Dexie, ignores requests to close.
		const old = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(name, 10);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		old.onversionchange = () => undefined;
		vi.spyOn(console, 'warn').mockImplementation(() => undefined); // Dexie logs the block
		const store = openLabStore('first-repo', { db: connect(name), schedule: manualScheduler().schedule, channel: silentChannel() });
		const saved = await store.load();
		expect(saved.drafts.size).toBe(0);
		expect(store.status.mode).toBe('memory');
		expect(store.status.problem).toMatch(/older version of this course/);
		store.saveDraft('a.yaml', 'kept in memory');
		old.close();
		expect((await store.load()).drafts.get('a.yaml')).toBe('kept in memory');
		vi.restoreAllMocks();
	});

	it('names each kind of failure in words the learner can act on', () => {
		const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() });
		expect(storageProblem(wrapped)).toMatch(/full/);
		expect(storageProblem(new DOMException('x', 'InvalidStateError'))).toMatch(/private browsing/);
		expect(storageProblem(new Error('odd'))).toMatch(/^Saving failed \(Error\)/);
		expect(storageProblem('not even an error')).toMatch(/unknown error/);
	});
});
