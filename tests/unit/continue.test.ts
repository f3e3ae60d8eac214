import { describe, expect, it } from 'vitest';
import { continueTarget, type ProgressView } from '../../src/lib/content/continue';
import type { LessonSummary } from '../../src/lib/content/types';

const lesson = (slug: string, order: number): LessonSummary => ({ slug, order, title: slug, summary: '', module: 'm', updated: '2026-11-23' });
const lessons = [lesson('a', 1), lesson('b', 2), lesson('c', 3)];
const progress = (...rows: ProgressView[]) => new Map(rows.map((r) => [r.slug, r]));

describe('continue where you left off', () => {
	it('starts at the first lesson when nothing was opened', () => {
		expect(continueTarget(lessons, new Map())).toEqual({ kind: 'start', lesson: lessons[0] });
	});

	it('resumes the lesson opened last when it is not done', () => {
		const p = progress({ slug: 'a', status: 'done', lastVisitedAt: '2026-11-01T00:00:00Z' }, { slug: 'c', status: 'started', lastVisitedAt: '2026-11-02T00:00:00Z' });
		expect(continueTarget(lessons, p)).toEqual({ kind: 'resume', lesson: lessons[2] });
	});

	it('moves on to the next unfinished lesson, wrapping around', () => {
		const p = progress({ slug: 'a', status: 'started', lastVisitedAt: '2026-11-01T00:00:00Z' }, { slug: 'c', status: 'done', lastVisitedAt: '2026-11-02T00:00:00Z' });
		expect(continueTarget(lessons, p)).toEqual({ kind: 'next', lesson: lessons[0] });
	});

	it('says the course is finished when every lesson is done', () => {
		const p = progress(...lessons.map((l, i) => ({ slug: l.slug, status: 'done' as const, lastVisitedAt: `2026-11-0${i + 1}T00:00:00Z` })));
		expect(continueTarget(lessons, p)).toEqual({ kind: 'finished', lesson: undefined });
	});
});
