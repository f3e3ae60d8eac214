// The rows the labs keep in IndexedDB (schema version 2), one lab per `labId`. Snapshots from
// the world, the terminal and the lab session machine are opaque JSON here: their owners
// restore and check them, storage only keeps them.
import type { GradeReport } from '$lib/labs/types';

/** Any value JSON.parse can return. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * `revision` counts the writes to one row. A tab remembers the revision it last read or wrote;
 * finding another in the database means a second tab wrote since (lab-store.ts, conflicts).
 */
interface Revisioned {
	labId: string;
	updatedAt: string;
	revision: number;
}

/** One editor file's text as the learner left it. */
export interface LabDraftRow extends Revisioned {
	path: string;
	text: string;
}

/** The world now, and earlier worlds for "undo the last state change" (oldest first). */
export interface LabWorldRow extends Revisioned {
	snapshot: Json;
	undo: Json[];
}

/** What the terminal and the lab session machine need to pick up where they stopped. */
export interface LabSessionRow extends Revisioned {
	/** Command lines typed, oldest first. */
	history: string[];
	/** The shell's own persisted parts (env, aws config text, docker state). */
	terminal: Json | null;
	/** The lab session machine's persisted snapshot. */
	machine: Json | null;
}

/** One run of the checks. `firstPass` marks the first passing run, kept when older runs are pruned. */
export interface LabGradeRow {
	id?: number;
	labId: string;
	recordedAt: string;
	report: GradeReport;
	firstPass: boolean;
}

/**
 * Facts that only ever grow, so two tabs merge them instead of conflicting: the most hints
 * shown per task, the first time the solution was viewed, the first pass.
 */
export interface LabProgressRow {
	labId: string;
	hintsShown: Record<string, number>;
	solutionViewedAt?: string;
	passedAt?: string;
	updatedAt: string;
}
