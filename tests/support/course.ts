// Reads the course from disk for tests, through the same rules the build applies.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { checkLesson, headingIds, splitFrontMatter } from '../../scripts/markdown/lesson-rules.js';

export const root = join(import.meta.dirname, '../..');
const lessonDir = join(root, 'content/lessons');

export const moduleIds = (load(readFileSync(join(root, 'content/modules.yaml'), 'utf8')) as { id: string }[]).map((m) => m.id);
export const labIds = (load(readFileSync(join(root, 'labs/catalog.yaml'), 'utf8')) as { id: string }[]).map((l) => l.id);

export const lessonFiles = readdirSync(lessonDir)
	.filter((f) => f.endsWith('.md'))
	.map((f) => ({ slug: f.replace(/\.md$/, ''), source: readFileSync(join(lessonDir, f), 'utf8') }));

export const lessonHeadings = new Map(lessonFiles.map((l) => [l.slug, headingIds(splitFrontMatter(l.source).body)]));

export const checkedLessons = lessonFiles.map((l) => ({
	...l,
	...checkLesson({ slug: l.slug, source: l.source, moduleIds, labIds, lessons: lessonHeadings })
}));
