// Reads the course from content/ at build time. Every lesson is checked with the same rules as
// scripts/check-lessons.mjs, so a malformed lesson fails the build with its file and line.
import { load } from 'js-yaml';
import { checkLesson, headingIds, splitFrontMatter } from '../../../scripts/markdown/lesson-rules.js';
import type { CourseModule, LabLink, Lesson, LessonSummary } from '$lib/content/types';

const lessonSources = import.meta.glob<string>('/content/lessons/*.md', { query: '?raw', import: 'default', eager: true });
const modulesYaml = import.meta.glob<string>('/content/modules.yaml', { query: '?raw', import: 'default', eager: true });
const labsYaml = import.meta.glob<string>('/labs/catalog.yaml', { query: '?raw', import: 'default', eager: true });
const playableLabs = import.meta.glob('/labs/*/lab.yaml');

interface ModuleEntry { id: string; title: string; summary: string }
interface LabEntry { id: string; title: string }

const slugOf = (path: string) => path.replace(/^.*\/([^/]+)\.md$/, '$1');

function buildCourse() {
	const modules = load(Object.values(modulesYaml)[0] ?? '[]') as ModuleEntry[];
	const labs = load(Object.values(labsYaml)[0] ?? '[]') as LabEntry[];
	const moduleIds = modules.map((m) => m.id);
	const labIds = labs.map((l) => l.id);
	const entries = Object.entries(lessonSources).map(([path, source]) => ({ path, slug: slugOf(path), source }));
	const headings = new Map(entries.map((e) => [e.slug, headingIds(splitFrontMatter(e.source).body)]));

	const problems: string[] = [];
	const lessons: Lesson[] = [];
	for (const { path, slug, source } of entries) {
		const result = checkLesson({ slug, source, moduleIds, labIds, lessons: headings });
		for (const p of result.problems) problems.push(`${path.slice(1)}:${p.line}: ${p.message}`);
		if (!result.meta) continue;
		const { labs: labRefs, ...meta } = result.meta;
		lessons.push({
			...meta,
			slug,
			labs: labRefs.map((id): LabLink => ({
				id,
				title: labs.find((l) => l.id === id)?.title ?? id,
				available: `/labs/${id}/lab.yaml` in playableLabs
			}))
		});
	}
	const orders = new Map<number, string>();
	for (const l of lessons) {
		const other = orders.get(l.order);
		if (other) problems.push(`content/lessons/${l.slug}.md: order ${l.order} is also used by ${other}`);
		orders.set(l.order, l.slug);
	}
	if (problems.length) throw new Error(`The course has problems:\n${problems.join('\n')}`);

	lessons.sort((a, b) => a.order - b.order);
	return { modules, lessons, sources: new Map(entries.map((e) => [e.slug, e.source])) };
}

const course = buildCourse();

export const allLessons = (): Lesson[] => course.lessons;

export const lessonBySlug = (slug: string): Lesson | undefined => course.lessons.find((l) => l.slug === slug);

export const lessonSource = (slug: string): string | undefined => course.sources.get(slug);

const summaryOf = ({ slug, title, summary, module, order, updated }: Lesson): LessonSummary => ({
	slug, title, summary, module, order, updated
});

/** The course map: modules in order, each with its lessons in course order. */
export function courseMap(): CourseModule[] {
	return course.modules
		.map((m) => ({ ...m, lessons: course.lessons.filter((l) => l.module === m.id).map(summaryOf) }))
		.filter((m) => m.lessons.length > 0);
}
