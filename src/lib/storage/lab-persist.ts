// Reads and writes one lab's rows in one transaction each, with the revision check that stops
// a tab from overwriting rows another tab wrote since it last looked.
import type { CourseDb } from './db';
import type { LabGradeRow, LabProgressRow } from './lab-rows';
import { emptyLab, gradesToKeep, mergeProgress, toSavedGrade, type SavedGrade, type SavedLab } from './lab-model';

/** A row that carries a revision: one draft per path, the world, the terminal/machine session. */
export type RowKey = `draft:${string}` | 'world' | 'session';

export const draftKey = (path: string): RowKey => `draft:${path}`;

const tables = (db: CourseDb) => [db.labDrafts, db.labWorlds, db.labSessions, db.labGrades, db.labProgress];

export interface ReadLab {
	lab: SavedLab;
	revisions: Map<RowKey, number>;
}

export async function readLab(db: CourseDb, labId: string): Promise<ReadLab> {
	return db.transaction('r', tables(db), async () => {
		const lab = emptyLab(labId);
		const revisions = new Map<RowKey, number>();
		for (const d of await db.labDrafts.where('labId').equals(labId).toArray()) {
			lab.drafts.set(d.path, d.text);
			revisions.set(draftKey(d.path), d.revision);
		}
		const world = await db.labWorlds.get(labId);
		if (world) {
			lab.world = world.snapshot;
			lab.undo = world.undo;
			revisions.set('world', world.revision);
		}
		const session = await db.labSessions.get(labId);
		if (session) {
			lab.history = session.history;
			lab.terminal = session.terminal;
			lab.machine = session.machine;
			revisions.set('session', session.revision);
		}
		lab.grades = (await db.labGrades.where('labId').equals(labId).sortBy('id')).map(toSavedGrade);
		const progress = await db.labProgress.get(labId);
		if (progress) {
			lab.hintsShown = new Map(Object.entries(progress.hintsShown));
			if (progress.solutionViewedAt !== undefined) lab.solutionViewedAt = progress.solutionViewedAt;
			if (progress.passedAt !== undefined) lab.passedAt = progress.passedAt;
		}
		return { lab, revisions };
	});
}

export interface WritePlan {
	rows: Set<RowKey>;
	progress: boolean;
	/** New check runs, oldest first; `firstPass` is decided here against what the database holds. */
	grades: Omit<SavedGrade, 'firstPass'>[];
}

export type WriteOutcome =
	| {
			ok: true;
			revisions: Map<RowKey, number>;
			/** The lab's stored runs after appending, when there were runs to append. */
			grades?: SavedGrade[];
			/** The stored progress after merging, when progress was written. */
			progress?: Pick<SavedLab, 'hintsShown' | 'solutionViewedAt' | 'passedAt'>;
	  }
	| { ok: false; conflicts: RowKey[] };

/**
 * Writes the planned parts of `lab`. Every planned row must still be at the revision this tab
 * knows (`known`; 0 = absent), else nothing is written and the conflicting rows are returned.
 * `force` skips that check: the learner chose this tab's work over another's.
 */
export async function writeLab(db: CourseDb, lab: SavedLab, plan: WritePlan, known: Map<RowKey, number>, now: string, force = false): Promise<WriteOutcome> {
	const { labId } = lab;
	return db.transaction('rw', tables(db), async () => {
		const current = new Map<RowKey, number>();
		for (const key of plan.rows) current.set(key, await revisionOf(db, labId, key));
		if (!force) {
			const conflicts = [...plan.rows].filter((k) => current.get(k) !== (known.get(k) ?? 0));
			if (conflicts.length > 0) return { ok: false as const, conflicts };
		}
		const revisions = new Map<RowKey, number>();
		for (const key of plan.rows) {
			const revision = (current.get(key) ?? 0) + 1;
			const written = await putRow(db, lab, key, revision, now);
			revisions.set(key, written ? revision : 0);
		}
		let progress: Pick<SavedLab, 'hintsShown' | 'solutionViewedAt' | 'passedAt'> | undefined;
		if (plan.progress) {
			const stored = await db.labProgress.get(labId);
			const mine = { hintsShown: Object.fromEntries(lab.hintsShown), solutionViewedAt: lab.solutionViewedAt, passedAt: lab.passedAt };
			const merged = mergeProgress(stored ?? { hintsShown: {} }, mine);
			const row: LabProgressRow = { labId, updatedAt: now, ...merged };
			await db.labProgress.put(row);
			progress = { ...merged, hintsShown: new Map(Object.entries(merged.hintsShown)) };
		}
		const grades = plan.grades.length > 0 ? await appendGrades(db, labId, plan.grades) : undefined;
		return { ok: true as const, revisions, grades, progress };
	});
}

async function revisionOf(db: CourseDb, labId: string, key: RowKey): Promise<number> {
	if (key === 'world') return (await db.labWorlds.get(labId))?.revision ?? 0;
	if (key === 'session') return (await db.labSessions.get(labId))?.revision ?? 0;
	return (await db.labDrafts.get([labId, key.slice('draft:'.length)]))?.revision ?? 0;
}

/** Puts the row, or deletes it when the lab no longer has that part; true when a row remains. */
async function putRow(db: CourseDb, lab: SavedLab, key: RowKey, revision: number, updatedAt: string): Promise<boolean> {
	const { labId } = lab;
	if (key === 'world') {
		if (lab.world === undefined) return void (await db.labWorlds.delete(labId)), false;
		await db.labWorlds.put({ labId, snapshot: lab.world, undo: lab.undo, revision, updatedAt });
		return true;
	}
	if (key === 'session') {
		await db.labSessions.put({ labId, history: lab.history, terminal: lab.terminal, machine: lab.machine, revision, updatedAt });
		return true;
	}
	const path = key.slice('draft:'.length);
	const text = lab.drafts.get(path);
	if (text === undefined) return void (await db.labDrafts.delete([labId, path])), false;
	await db.labDrafts.put({ labId, path, text, revision, updatedAt });
	return true;
}

async function appendGrades(db: CourseDb, labId: string, fresh: Omit<SavedGrade, 'firstPass'>[]): Promise<SavedGrade[]> {
	const rows = await db.labGrades.where('labId').equals(labId).sortBy('id');
	let passedBefore = rows.some((r) => r.firstPass);
	for (const g of fresh) {
		const firstPass = g.report.passed && !passedBefore;
		passedBefore ||= firstPass;
		const row: LabGradeRow = { labId, recordedAt: g.recordedAt, report: g.report, firstPass };
		row.id = await db.labGrades.add(row);
		rows.push(row);
	}
	const keep = new Set(gradesToKeep(rows));
	const drop = rows.filter((r) => !keep.has(r)).map((r) => r.id!);
	if (drop.length > 0) await db.labGrades.bulkDelete(drop);
	return rows.filter((r) => keep.has(r)).map(toSavedGrade);
}

/** Deletes the lab's working state (drafts, world, session) or, with `everything`, its record too. */
export async function deleteLab(db: CourseDb, labId: string, everything: boolean): Promise<void> {
	await db.transaction('rw', tables(db), async () => {
		await db.labDrafts.where('labId').equals(labId).delete();
		await db.labWorlds.delete(labId);
		await db.labSessions.delete(labId);
		if (everything) {
			await db.labGrades.where('labId').equals(labId).delete();
			await db.labProgress.delete(labId);
		}
	});
}

/** Every row key the lab has, for writing all of it (the learner kept this tab's work). */
export function allRowKeys(lab: SavedLab): RowKey[] {
	return [...[...lab.drafts.keys()].map(draftKey), 'world', 'session'];
}
