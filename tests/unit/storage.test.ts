import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openCourseDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSION, type CourseDb } from '../../src/lib/storage/db';
import { allProgress, clearQuizAnswer, quizAnswersFor, recordVisit, saveQuizAnswer, setLessonDone } from '../../src/lib/storage/progress';
import { getSetting, putSetting } from '../../src/lib/storage/settings';

let n = 0;
const opened: CourseDb[] = [];
const freshDb = () => {
	const db = openCourseDb(`test-${++n}`);
	opened.push(db);
	return db;
};
afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
});

const t1 = new Date('2026-11-20T09:00:00Z');
const t2 = new Date('2026-11-21T10:30:00Z');

describe('progress storage', () => {
	it('records the first and last visit of a lesson', async () => {
		const db = freshDb();
		await recordVisit(db, 'push-and-pull', t1);
		const row = await recordVisit(db, 'push-and-pull', t2);
		expect(row).toEqual({ slug: 'push-and-pull', status: 'started', firstVisitedAt: t1.toISOString(), lastVisitedAt: t2.toISOString() });
	});

	it('marks a lesson done and undone, and a revisit keeps it done', async () => {
		const db = freshDb();
		await recordVisit(db, 'templates', t1);
		expect((await setLessonDone(db, 'templates', true, t2)).completedAt).toBe(t2.toISOString());
		expect((await recordVisit(db, 'templates', t2)).status).toBe('done');
		const undone = await setLessonDone(db, 'templates', false, t2);
		expect(undone.status).toBe('started');
		expect(undone.completedAt).toBeUndefined();
	});

	it('keeps progress and quiz answers when the database is reopened', async () => {
		const name = `reopen-${++n}`;
		const first = openCourseDb(name);
		await setLessonDone(first, 'encryption', true, t1);
		await saveQuizAnswer(first, { lessonSlug: 'encryption', questionId: 'kms-change', choice: 2, correct: true, answeredAt: t1.toISOString() });
		first.close();
		const again = openCourseDb(name);
		opened.push(again);
		expect((await allProgress(again)).get('encryption')?.status).toBe('done');
		expect((await quizAnswersFor(again, 'encryption')).get('kms-change')?.choice).toBe(2);
	});

	it('stores one answer per question, replaced on a new attempt and removed on retry', async () => {
		const db = freshDb();
		const base = { lessonSlug: 'templates', questionId: 'q1', answeredAt: t1.toISOString() };
		await saveQuizAnswer(db, { ...base, choice: 0, correct: false });
		await saveQuizAnswer(db, { ...base, choice: 1, correct: true });
		await saveQuizAnswer(db, { ...base, lessonSlug: 'other', choice: 3, correct: false });
		expect([...(await quizAnswersFor(db, 'templates')).values()].map((a) => a.choice)).toEqual([1]);
		await clearQuizAnswer(db, 'templates', 'q1');
		expect((await quizAnswersFor(db, 'templates')).size).toBe(0);
		expect((await quizAnswersFor(db, 'other')).size).toBe(1);
	});

	it('defaults the theme to the system setting until one is chosen', async () => {
		const db = freshDb();
		expect(await getSetting(db, 'theme')).toBe('system');
		await putSetting(db, 'theme', 'dark');
		expect(await getSetting(db, 'theme')).toBe('dark');
	});

	it('is at the current schema version: version 1 tables (progress) plus the labs\' tables', async () => {
		const db = freshDb();
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(db.tables.map((t) => t.name).sort()).toEqual([...Object.keys(SCHEMA_V1), ...Object.keys(SCHEMA_V2)].sort());
	});
});
