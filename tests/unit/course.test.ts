import { describe, expect, it } from 'vitest';
import { checkedLessons, lessonFiles } from '../support/course';

describe('the course', () => {
	it('has 14 to 20 lessons in a single course order', () => {
		expect(lessonFiles.length).toBeGreaterThanOrEqual(14);
		expect(lessonFiles.length).toBeLessThanOrEqual(20);
		const orders = checkedLessons.map((l) => l.meta?.order).sort((a, b) => (a ?? 0) - (b ?? 0));
		expect(orders).toEqual(lessonFiles.map((_, i) => i + 1));
	});

	it.each(checkedLessons.map((l) => [l.slug, l] as const))('%s follows content/AUTHORING.md', (_slug, lesson) => {
		expect(lesson.problems.map((p) => `line ${p.line}: ${p.message}`)).toEqual([]);
		expect(lesson.meta?.references.length).toBeGreaterThanOrEqual(1);
		expect(lesson.meta?.quiz.length).toBeGreaterThanOrEqual(3);
		expect(lesson.meta?.quiz.length).toBeLessThanOrEqual(5);
		expect(lesson.meta?.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});
