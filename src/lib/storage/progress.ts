// Lesson progress and quiz answers. Callers pass the time so tests control it.
import type { CourseDb, LessonProgress, QuizAnswer } from './db';

export async function recordVisit(db: CourseDb, slug: string, now: Date): Promise<LessonProgress> {
	return db.transaction('rw', db.progress, async () => {
		const at = now.toISOString();
		const existing = await db.progress.get(slug);
		const row: LessonProgress = existing
			? { ...existing, lastVisitedAt: at }
			: { slug, status: 'started', firstVisitedAt: at, lastVisitedAt: at };
		await db.progress.put(row);
		return row;
	});
}

export async function setLessonDone(db: CourseDb, slug: string, done: boolean, now: Date): Promise<LessonProgress> {
	return db.transaction('rw', db.progress, async () => {
		const at = now.toISOString();
		const existing = (await db.progress.get(slug)) ?? { slug, status: 'started' as const, firstVisitedAt: at, lastVisitedAt: at };
		const row: LessonProgress = done
			? { ...existing, status: 'done', completedAt: at }
			: { slug: existing.slug, status: 'started', firstVisitedAt: existing.firstVisitedAt, lastVisitedAt: existing.lastVisitedAt };
		await db.progress.put(row);
		return row;
	});
}

export async function allProgress(db: CourseDb): Promise<Map<string, LessonProgress>> {
	const rows = await db.progress.toArray();
	return new Map(rows.map((r) => [r.slug, r]));
}

export async function saveQuizAnswer(db: CourseDb, answer: QuizAnswer): Promise<void> {
	await db.quizAnswers.put(answer);
}

export async function clearQuizAnswer(db: CourseDb, lessonSlug: string, questionId: string): Promise<void> {
	await db.quizAnswers.delete([lessonSlug, questionId]);
}

export async function quizAnswersFor(db: CourseDb, lessonSlug: string): Promise<Map<string, QuizAnswer>> {
	const rows = await db.quizAnswers.where('lessonSlug').equals(lessonSlug).toArray();
	return new Map(rows.map((r) => [r.questionId, r]));
}
