// Everything the learner owns, as one JSON file and back (design.md, "Storage"): lesson
// progress, quiz answers, settings, and every lab's drafts, worlds, sessions, check runs and
// progress. An import replaces what is stored, in one transaction, and only after
// backup-validate.ts accepted the whole file: a bad file changes nothing.
import type { CourseDb } from './db';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, type CourseBackup } from './backup-validate';

export { BACKUP_FORMAT, BACKUP_VERSION, LIMITS, parseBackup, type CourseBackup } from './backup-validate';

const all = (db: CourseDb) => [db.progress, db.quizAnswers, db.settings, db.labDrafts, db.labWorlds, db.labSessions, db.labGrades, db.labProgress];

export async function exportCourse(db: CourseDb, now: Date): Promise<string> {
	const backup: CourseBackup = await db.transaction('r', all(db), async () => ({
		format: BACKUP_FORMAT,
		schemaVersion: BACKUP_VERSION,
		exportedAt: now.toISOString(),
		progress: await db.progress.toArray(),
		quizAnswers: await db.quizAnswers.toArray(),
		settings: await db.settings.toArray(),
		labDrafts: await db.labDrafts.toArray(),
		labWorlds: await db.labWorlds.toArray(),
		labSessions: await db.labSessions.toArray(),
		// Row ids are this database's own; the import numbers them afresh.
		labGrades: (await db.labGrades.orderBy('id').toArray()).map(({ id: _id, ...row }) => row),
		labProgress: await db.labProgress.toArray()
	}));
	return JSON.stringify(backup);
}

/** A file name for the download: `ecr-cfn-course-2026-11-23.json`. */
export function backupFileName(now: Date): string {
	return `ecr-cfn-course-${now.toISOString().slice(0, 10)}.json`;
}

export type ImportResult = { ok: true; counts: Record<string, number> } | { ok: false; errors: string[] };

/**
 * Replaces the stored data with the file's. Imported lab rows get a revision above the one they
 * replace, so a lab open in another tab sees a conflict instead of writing over the import.
 */
export async function importCourse(db: CourseDb, text: string): Promise<ImportResult> {
	const parsed = parseBackup(text);
	if (!parsed.ok) return parsed;
	const b = parsed.backup;
	await db.transaction('rw', all(db), async () => {
		const worlds = new Map((await db.labWorlds.toArray()).map((r) => [r.labId, r.revision]));
		const sessions = new Map((await db.labSessions.toArray()).map((r) => [r.labId, r.revision]));
		const drafts = new Map((await db.labDrafts.toArray()).map((r) => [`${r.labId}\n${r.path}`, r.revision]));
		const above = (old: number | undefined, mine: number) => Math.max(old ?? 0, mine) + 1;
		await Promise.all(all(db).map((t) => t.clear()));
		await db.progress.bulkPut(b.progress);
		await db.quizAnswers.bulkPut(b.quizAnswers);
		await db.settings.bulkPut(b.settings);
		await db.labDrafts.bulkPut(b.labDrafts.map((r) => ({ ...r, revision: above(drafts.get(`${r.labId}\n${r.path}`), r.revision) })));
		await db.labWorlds.bulkPut(b.labWorlds.map((r) => ({ ...r, revision: above(worlds.get(r.labId), r.revision) })));
		await db.labSessions.bulkPut(b.labSessions.map((r) => ({ ...r, revision: above(sessions.get(r.labId), r.revision) })));
		await db.labGrades.bulkAdd(b.labGrades);
		await db.labProgress.bulkPut(b.labProgress);
	});
	return {
		ok: true,
		counts: {
			progress: b.progress.length,
			quizAnswers: b.quizAnswers.length,
			settings: b.settings.length,
			labDrafts: b.labDrafts.length,
			labWorlds: b.labWorlds.length,
			labSessions: b.labSessions.length,
			labGrades: b.labGrades.length,
			labProgress: b.labProgress.length
		}
	};
}
