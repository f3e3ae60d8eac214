// "Continue where you left off": the lesson last opened, unless it is done, then the next one
// not yet done in course order.
import type { LessonSummary } from './types';

export interface ProgressView {
	slug: string;
	status: 'started' | 'done';
	lastVisitedAt: string;
}

export type ContinueTarget = { kind: 'start' | 'resume' | 'next' | 'finished'; lesson: LessonSummary | undefined };

export function continueTarget(lessons: LessonSummary[], progress: Map<string, ProgressView>): ContinueTarget {
	const ordered = [...lessons].sort((a, b) => a.order - b.order);
	const visited = [...progress.values()].sort((a, b) => b.lastVisitedAt.localeCompare(a.lastVisitedAt));
	const last = visited[0];
	if (!last) return { kind: 'start', lesson: ordered[0] };
	if (last.status !== 'done') {
		const lesson = ordered.find((l) => l.slug === last.slug);
		if (lesson) return { kind: 'resume', lesson };
	}
	const from = ordered.findIndex((l) => l.slug === last.slug);
	const rotated = [...ordered.slice(from + 1), ...ordered.slice(0, from + 1)];
	const next = rotated.find((l) => progress.get(l.slug)?.status !== 'done');
	return next ? { kind: 'next', lesson: next } : { kind: 'finished', lesson: undefined };
}
