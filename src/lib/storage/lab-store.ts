// One lab's saved state, for the lab page, without the page knowing about Dexie.
//
//   const store = openLabStore(lab.id);
//   const saved = await store.load();        // SavedLab: drafts, world, undo, terminal, grades, hints...
//   store.saveDraft('policy.json', text);    // on every keystroke: writes are coalesced
//   store.pushUndo(); store.saveWorld(world.snapshot());   // around a state change
//   const previous = store.popUndo();        // "undo the last state change" (undefined: nothing to undo)
//   store.saveTerminal({ history, state }); store.saveMachine(actor.getPersistedSnapshot());
//   store.recordGrade(report); store.recordHint(taskId); store.markSolutionViewed(); store.markPassed(at);
//   await store.reset();                     // start the lab over (keeps grades, hints, pass)
//   store.subscribe((s) => ...)              // Svelte store: { mode, problem?, conflict? }
//
// Writing. Every call changes the in-memory model at once (so load() and the page agree) and
// marks what changed; one write follows WRITE_DELAY_MS later (`schedule` is injectable), carrying
// every change made meanwhile. flush() writes now; the store calls it on `pagehide` and when the tab is
// hidden, so a draft typed just before the tab closes is saved.
//
// Two tabs. Each draft, the world and the session row carry a revision. A write first checks that
// the row is still at the revision this tab last read or wrote; if another tab wrote since (or a
// BroadcastChannel message says it did), nothing is overwritten: the store goes to mode
// 'conflict', stops writing (this tab is read-only) and reports both versions. The page asks the
// learner and calls keepMine() ("use this tab's work": written over the other tab's) or
// takeTheirs() ("load the other tab's": returned, for the page to show). Hints, the solution
// view, the pass and check runs only grow, so two tabs' copies merge instead of conflicting.
// While read-only the tab's edits still reach its model (and `conflict.mine` as of the conflict),
// but only keepMine() writes them: a tab closed in conflict leaves the other tab's work stored.
//
// Failures. No method throws a storage error into the page: on any IndexedDB failure (quota
// full, IndexedDB missing in private mode, an upgrade blocked) the store goes to mode 'memory',
// keeps the learner's work in this tab and sets `problem` to a sentence the page shows.
import type { GradeReport } from '$lib/labs/types';
import { courseDb } from './client';
import type { CourseDb } from './db';
import { allRowKeys, deleteLab, draftKey, readLab, writeLab, type RowKey, type WritePlan } from './lab-persist';
import type { Json } from './lab-rows';
import { boundHistory, cloneLab, emptyLab, mergeProgress, pushUndo, withPending, type SavedGrade, type SavedLab } from './lab-model';
import { openLabChannel, type LabChannel, type LabWrote } from './lab-sync';
import { storageProblem } from './storage-problem';

export type { SavedLab, SavedGrade } from './lab-model';

export interface LabConflict {
	/** The rows another tab changed: `draft:<path>`, `world` or `session`. */
	rows: string[];
	/** This tab's version (what the page shows now). */
	mine: SavedLab;
	/** What the other tab saved. */
	theirs: SavedLab;
}

export interface LabStoreStatus {
	/** 'saved' is IndexedDB; 'memory' after a storage failure; 'conflict' while read-only. */
	mode: 'saved' | 'memory' | 'conflict';
	problem?: string;
	conflict?: LabConflict;
}

export interface LabStore {
	load(): Promise<SavedLab>;
	saveDraft(path: string, text: string): void;
	saveWorld(snapshot: Json): void;
	/** Keeps the current world on the undo stack (at most UNDO_LIMIT), before a state change. */
	pushUndo(): void;
	/** Makes the last pushed world current again and returns it; undefined when there is none. */
	popUndo(): Json | undefined;
	saveTerminal(parts: { history?: string[]; state?: Json | null }): void;
	saveMachine(snapshot: Json | null): void;
	recordGrade(report: GradeReport): void;
	/** One more hint shown for the task. */
	recordHint(taskId: string): void;
	markSolutionViewed(): void;
	markPassed(at: string): void;
	/** Forgets the working state (drafts, world, undo, terminal, machine); `everything` also the record. */
	reset(options?: { everything?: boolean }): Promise<void>;
	/** In a conflict: "use this tab's work". Writes this tab's drafts, world and session over the other tab's. */
	keepMine(): Promise<void>;
	/** In a conflict: "load the other tab's". Returns the stored lab for the page to show; this tab's hints and check runs merge in. */
	takeTheirs(): Promise<SavedLab>;
	/** Writes whatever is waiting now. */
	flush(): Promise<void>;
	readonly status: LabStoreStatus;
	subscribe(fn: (status: LabStoreStatus) => void): () => void;
	close(): Promise<void>;
}

/** Runs `write` later; returns a cancel function. */
export type Schedule = (write: () => void) => () => void;

export interface LabStoreOptions {
	/** Default: the app's database (client.ts). */
	db?: CourseDb | (() => Promise<CourseDb>);
	/** ISO time for `updatedAt` and `recordedAt`. */
	now?: () => string;
	schedule?: Schedule;
	channel?: LabChannel;
	/** Listen for pagehide / visibilitychange (default: when a document exists). */
	flushOnHide?: boolean;
}

const blocked = new WeakMap<CourseDb, Promise<never>>();

/**
 * Rejects when opening the database waits on another tab that holds an older version open and
 * won't close it. Dexie waits for as long as that lasts; the page shouldn't.
 */
function untilBlocked(db: CourseDb): Promise<never> {
	let promise = blocked.get(db);
	if (!promise) {
		promise = new Promise<never>((_, reject) => {
			db.on('blocked', () => reject(Object.assign(new Error('Opening the database is blocked by another connection'), { name: 'BlockedError' })));
		});
		promise.catch(() => undefined);
		blocked.set(db, promise);
	}
	return promise;
}

type Progress = Parameters<typeof mergeProgress>[0];
const progressOf = (lab: Pick<SavedLab, 'hintsShown' | 'solutionViewedAt' | 'passedAt'>): Progress => ({ hintsShown: Object.fromEntries(lab.hintsShown), solutionViewedAt: lab.solutionViewedAt, passedAt: lab.passedAt });
const progressFrom = (p: Progress): Pick<SavedLab, 'hintsShown' | 'solutionViewedAt' | 'passedAt'> => ({
	hintsShown: new Map(Object.entries(p.hintsShown)),
	solutionViewedAt: p.solutionViewedAt,
	passedAt: p.passedAt
});

/** Short enough that little is lost if the tab is killed, long enough to fold a burst of typing into one write. */
export const WRITE_DELAY_MS = 150;

const defaultSchedule: Schedule = (write) => {
	const timer = setTimeout(write, WRITE_DELAY_MS);
	return () => clearTimeout(timer);
};

export function openLabStore(labId: string, options: LabStoreOptions = {}): LabStore {
	const now = options.now ?? (() => new Date().toISOString());
	const schedule = options.schedule ?? defaultSchedule;
	const channel = options.channel ?? openLabChannel();
	const tab = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
	const getDb = typeof options.db === 'function' ? options.db : options.db ? () => Promise.resolve(options.db as CourseDb) : courseDb;

	let model = emptyLab(labId);
	let known = new Map<RowKey, number>();
	let dirty = new Set<RowKey>();
	let dirtyProgress = false;
	let pendingGrades: Omit<SavedGrade, 'firstPass'>[] = [];
	let status: LabStoreStatus = { mode: 'saved' };
	let cancelScheduled: (() => void) | undefined;
	let queue: Promise<void> = Promise.resolve();
	const listeners = new Set<(s: LabStoreStatus) => void>();

	const setStatus = (next: LabStoreStatus) => {
		status = next;
		for (const fn of listeners) fn(status);
	};

	const toMemory = (err: unknown) => {
		if (status.mode === 'memory') return;
		setStatus({ mode: 'memory', problem: storageProblem(err) });
	};

	/** Runs one database job after the previous ones; a failure moves the store to memory. */
	const serial = <T>(job: (db: CourseDb) => Promise<T>): Promise<T | undefined> => {
		const run = queue.then(async () => {
			if (status.mode === 'memory') return undefined;
			try {
				const db = await getDb();
				return await Promise.race([job(db), untilBlocked(db)]);
			} catch (err) {
				toMemory(err);
				return undefined;
			}
		});
		queue = run.then(() => undefined);
		return run;
	};

	const enterConflict = async (db: CourseDb, rows: string[]) => {
		const theirs = (await readLab(db, labId)).lab;
		setStatus({ mode: 'conflict', conflict: { rows, mine: cloneLab(model), theirs } });
	};

	const announce = (rows: string[]) => channel.post({ type: 'wrote', labId, tab, rows });

	const writeDirty = async (db: CourseDb) => {
		if (status.mode !== 'saved') return;
		if (dirty.size === 0 && !dirtyProgress && pendingGrades.length === 0) return;
		const plan: WritePlan = { rows: dirty, progress: dirtyProgress, grades: pendingGrades };
		dirty = new Set();
		dirtyProgress = false;
		pendingGrades = [];
		const restore = () => {
			for (const k of plan.rows) dirty.add(k);
			dirtyProgress ||= plan.progress;
			pendingGrades = [...plan.grades, ...pendingGrades];
		};
		let outcome;
		try {
			outcome = await writeLab(db, model, plan, known, now());
		} catch (err) {
			restore();
			throw err;
		}
		if (status.mode !== 'saved') return;
		if (!outcome.ok) {
			restore();
			await enterConflict(db, outcome.conflicts);
			return;
		}
		for (const [k, r] of outcome.revisions) known.set(k, r);
		// Calls made while the write was under way are in the model and still to be written: keep them.
		if (outcome.grades) model.grades = withPending(outcome.grades, pendingGrades);
		if (outcome.progress) Object.assign(model, progressFrom(mergeProgress(progressOf(model), progressOf(outcome.progress))));
		announce([...plan.rows, ...(plan.progress ? ['progress'] : []), ...(plan.grades.length ? ['grades'] : [])]);
	};

	const flush = async () => {
		cancelScheduled?.();
		cancelScheduled = undefined;
		await serial(writeDirty);
	};

	const changed = (row?: RowKey) => {
		if (row) dirty.add(row);
		if (status.mode !== 'saved' || cancelScheduled) return;
		cancelScheduled = schedule(() => {
			cancelScheduled = undefined;
			void serial(writeDirty);
		});
	};

	const onMessage = (message: LabWrote) => {
		if (message.labId !== labId || message.tab === tab) return;
		const revisioned = message.rows.filter((r) => r === 'world' || r === 'session' || r.startsWith('draft:'));
		void serial(async (db) => {
			if (status.mode !== 'saved') return;
			const { lab, revisions } = await readLab(db, labId);
			if (status.mode !== 'saved') return;
			// Messages arrive late: a row this tab has read or written since is no conflict.
			const newer = revisioned.filter((r) => (revisions.get(r as RowKey) ?? 0) !== (known.get(r as RowKey) ?? 0));
			if (newer.length > 0) return setStatus({ mode: 'conflict', conflict: { rows: newer, mine: cloneLab(model), theirs: lab } });
			// Otherwise only merged facts changed: take the other tab's, and keep this tab's unsaved ones.
			model.grades = withPending(lab.grades, pendingGrades);
			Object.assign(model, progressFrom(mergeProgress(progressOf(model), progressOf(lab))));
		});
	};
	channel.listen(onMessage);

	const onHide = () => {
		if (typeof document === 'undefined' || document.visibilityState === 'hidden') void flush();
	};
	const hideEvents = options.flushOnHide ?? (typeof document !== 'undefined' && typeof addEventListener === 'function');
	if (hideEvents) {
		addEventListener('pagehide', onHide);
		document.addEventListener('visibilitychange', onHide);
	}

	return {
		async load() {
			await flush();
			await serial(async (db) => {
				if (status.mode !== 'saved' || dirty.size > 0) return;
				const read = await readLab(db, labId);
				// A read that finishes after the store gave up (a blocked open) must not replace work done since.
				if (status.mode !== 'saved') return;
				model = read.lab;
				known = read.revisions;
			});
			return cloneLab(model);
		},
		saveDraft(path, text) {
			model.drafts.set(path, text);
			changed(draftKey(path));
		},
		saveWorld(snapshot) {
			model.world = structuredClone(snapshot);
			changed('world');
		},
		pushUndo() {
			if (model.world === undefined) return;
			model.undo = pushUndo(model.undo, model.world);
			changed('world');
		},
		popUndo() {
			const previous = model.undo.at(-1);
			if (previous === undefined) return undefined;
			model.undo = model.undo.slice(0, -1);
			model.world = previous;
			changed('world');
			return structuredClone(previous);
		},
		saveTerminal({ history, state }) {
			if (history) model.history = boundHistory(history);
			if (state !== undefined) model.terminal = structuredClone(state);
			changed('session');
		},
		saveMachine(snapshot) {
			model.machine = structuredClone(snapshot);
			changed('session');
		},
		recordGrade(report) {
			const grade = { report: structuredClone(report), recordedAt: now() };
			pendingGrades.push(grade);
			model.grades = withPending(model.grades, [grade]);
			changed();
		},
		recordHint(taskId) {
			model.hintsShown.set(taskId, (model.hintsShown.get(taskId) ?? 0) + 1);
			dirtyProgress = true;
			changed();
		},
		markSolutionViewed() {
			model.solutionViewedAt ??= now();
			dirtyProgress = true;
			changed();
		},
		markPassed(at) {
			model.passedAt ??= at;
			dirtyProgress = true;
			changed();
		},
		async reset({ everything = false } = {}) {
			cancelScheduled?.();
			cancelScheduled = undefined;
			const fresh = emptyLab(labId);
			if (!everything) {
				Object.assign(fresh, { grades: model.grades, hintsShown: model.hintsShown, solutionViewedAt: model.solutionViewedAt, passedAt: model.passedAt });
			}
			const rows = allRowKeys(model).concat([...known.keys()]);
			model = fresh;
			known = new Map();
			dirty = new Set();
			if (everything) {
				dirtyProgress = false;
				pendingGrades = [];
			}
			// Starting over is the learner's explicit choice, so it also ends a conflict.
			if (status.mode === 'conflict') setStatus({ mode: 'saved' });
			await serial(async (db) => {
				await deleteLab(db, labId, everything);
				announce([...new Set(rows)]);
			});
			await flush();
		},
		async keepMine() {
			if (status.mode !== 'conflict') return;
			setStatus({ mode: 'saved' });
			await serial(async (db) => {
				// Drafts only the other tab has go too: the learner chose this tab's files.
				const theirs = await readLab(db, labId);
				const rows = new Set<RowKey>([...allRowKeys(model), ...theirs.revisions.keys()]);
				const plan: WritePlan = { rows, progress: true, grades: pendingGrades };
				pendingGrades = [];
				const outcome = await writeLab(db, model, plan, known, now(), true);
				if (!outcome.ok) return;
				known = outcome.revisions;
				dirty = new Set();
				dirtyProgress = false;
				if (outcome.grades) model.grades = withPending(outcome.grades, pendingGrades);
				if (outcome.progress) Object.assign(model, progressFrom(mergeProgress(progressOf(model), progressOf(outcome.progress))));
				announce([...rows]);
			});
		},
		async takeTheirs() {
			if (status.mode === 'conflict') {
				await serial(async (db) => {
					const read = await readLab(db, labId);
					if (status.mode !== 'conflict') return;
					// Check runs, hints, the solution view and the pass are facts from this tab
					// too: they merge into the other tab's state rather than go.
					const mine = progressOf(model);
					model = read.lab;
					Object.assign(model, progressFrom(mergeProgress(progressOf(model), mine)));
					model.grades = withPending(model.grades, pendingGrades);
					known = read.revisions;
					dirty = new Set();
					setStatus({ mode: 'saved' });
				});
				changed();
			}
			return cloneLab(model);
		},
		flush,
		get status() {
			return status;
		},
		subscribe(fn) {
			listeners.add(fn);
			fn(status);
			return () => listeners.delete(fn);
		},
		async close() {
			await flush();
			channel.close();
			if (hideEvents) {
				removeEventListener('pagehide', onHide);
				document.removeEventListener('visibilitychange', onHide);
			}
		}
	};
}
