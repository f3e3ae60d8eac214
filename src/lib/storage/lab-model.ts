// A lab's saved state as the page sees it, and the pure rules that change it: the bounded undo
// stack, the bounded terminal history, which check runs are kept, and how two tabs' progress
// merges. lab-store.ts keeps one of these in memory and writes it to IndexedDB.
import type { GradeReport } from '$lib/labs/types';
import type { Json, LabGradeRow, LabProgressRow } from './lab-rows';

/** Earlier worlds kept for "undo the last state change". */
export const UNDO_LIMIT = 20;
/** Check runs kept per lab (plus the first passing one, whatever its age). */
export const GRADE_LIMIT = 50;
/** Terminal lines kept, newest last. */
export const HISTORY_LIMIT = 500;

export interface SavedGrade {
	report: GradeReport;
	recordedAt: string;
	firstPass: boolean;
}

/** Everything saved for one lab. Absent parts mean "start from the lab's own starting point". */
export interface SavedLab {
	labId: string;
	/** Editor text by file path; files the learner never edited are absent. */
	drafts: Map<string, string>;
	/** `world.snapshot()` JSON. */
	world?: Json;
	/** Earlier snapshots, oldest first; at most UNDO_LIMIT. */
	undo: Json[];
	history: string[];
	/** The terminal session's persisted parts (env, aws config text, docker state). */
	terminal: Json | null;
	/** The lab session machine's persisted snapshot. */
	machine: Json | null;
	/** Check runs, oldest first. */
	grades: SavedGrade[];
	/** Hints shown so far, by task id. */
	hintsShown: Map<string, number>;
	solutionViewedAt?: string;
	passedAt?: string;
}

export function emptyLab(labId: string): SavedLab {
	return { labId, drafts: new Map(), undo: [], history: [], terminal: null, machine: null, grades: [], hintsShown: new Map() };
}

/** A deep copy, so the page can't change the store's model by changing what it was given. */
export function cloneLab(lab: SavedLab): SavedLab {
	return structuredClone(lab);
}

export function pushUndo(undo: Json[], snapshot: Json): Json[] {
	return [...undo, snapshot].slice(-UNDO_LIMIT);
}

export function boundHistory(lines: string[]): string[] {
	return lines.slice(-HISTORY_LIMIT);
}

/** Which rows to keep: the newest GRADE_LIMIT, and the first pass even when it is older. */
export function gradesToKeep<T extends { firstPass: boolean }>(oldestFirst: T[]): T[] {
	const cut = oldestFirst.length - GRADE_LIMIT;
	return oldestFirst.filter((g, i) => i >= cut || g.firstPass);
}

/** Stored runs followed by this tab's unwritten ones, marking the first pass among them all. */
export function withPending(stored: SavedGrade[], pending: Omit<SavedGrade, 'firstPass'>[]): SavedGrade[] {
	let passed = stored.some((g) => g.firstPass);
	const local = pending.map((g) => {
		const firstPass = g.report.passed && !passed;
		passed ||= firstPass;
		return { ...g, firstPass };
	});
	return gradesToKeep([...stored, ...local]);
}

const earliest = (a?: string, b?: string) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

/** Two tabs' progress together: the most hints per task, the earliest solution view and pass. */
export function mergeProgress(
	a: Pick<LabProgressRow, 'hintsShown' | 'solutionViewedAt' | 'passedAt'>,
	b: Pick<LabProgressRow, 'hintsShown' | 'solutionViewedAt' | 'passedAt'>
): Pick<LabProgressRow, 'hintsShown' | 'solutionViewedAt' | 'passedAt'> {
	const hints = new Map(Object.entries(a.hintsShown));
	for (const [task, n] of Object.entries(b.hintsShown)) hints.set(task, Math.max(n, hints.get(task) ?? 0));
	const merged: Pick<LabProgressRow, 'hintsShown' | 'solutionViewedAt' | 'passedAt'> = {
		// fromEntries defines own properties, so a task id like "__proto__" can't reach the prototype.
		hintsShown: Object.fromEntries(hints)
	};
	const viewed = earliest(a.solutionViewedAt, b.solutionViewedAt);
	const passed = earliest(a.passedAt, b.passedAt);
	if (viewed !== undefined) merged.solutionViewedAt = viewed;
	if (passed !== undefined) merged.passedAt = passed;
	return merged;
}

export function toSavedGrade(row: LabGradeRow): SavedGrade {
	return { report: row.report, recordedAt: row.recordedAt, firstPass: row.firstPass };
}
