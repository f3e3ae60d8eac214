// Turns lesson Markdown into plain searchable text, one entry per section, at build time.
import { splitFrontMatter } from '../../../scripts/markdown/lesson-rules.js';
import { createSlugger } from '../../../scripts/markdown/slug.js';
import type { Lesson, SearchDocument, SearchSection } from '$lib/content/types';

function plain(markdown: string): string {
	return markdown
		.replace(/^\s*(```+|~~~+).*$/gm, ' ')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s*>\s?/gm, '')
		.replace(/^\s*([-*+]|\d+\.)\s+/gm, '')
		.replace(/^\s*\|?[\s:|-]+\|[\s:|-]*$/gm, ' ')
		.replace(/[*_`|]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

export function searchDocument(lesson: Lesson, source: string): SearchDocument {
	const { body } = splitFrontMatter(source);
	const slug = createSlugger();
	const sections: SearchSection[] = [{ id: '', heading: lesson.title, text: '' }];
	const chunks: string[][] = [[]];
	let fence = false;
	for (const line of body.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fence = !fence;
		const heading = fence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
		if (heading) {
			const text = (heading[2] ?? '').replace(/`/g, '');
			sections.push({ id: slug(text), heading: text, text: '' });
			chunks.push([]);
		} else {
			chunks[chunks.length - 1]?.push(line);
		}
	}
	sections.forEach((s, i) => (s.text = plain((chunks[i] ?? []).join('\n'))));
	return {
		slug: lesson.slug,
		title: lesson.title,
		summary: lesson.summary,
		module: lesson.module,
		sections: sections.filter((s) => s.text || s.id === '')
	};
}
