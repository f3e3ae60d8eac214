// Client-side search over the lessons' index: every query word must appear somewhere in a lesson;
// matches in titles and headings weigh more than matches in body text.
import type { SearchDocument } from './types';

export interface SearchHit {
	slug: string;
	title: string;
	/** Anchor of the best-matching section, '' for the top of the lesson. */
	sectionId: string;
	sectionHeading: string;
	snippet: string;
	score: number;
}

export const tokenize = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

const WEIGHTS = { title: 12, heading: 6, summary: 4, text: 1 } as const;

function countPrefixMatches(words: string[], term: string): number {
	let n = 0;
	for (const w of words) if (w.startsWith(term)) n++;
	return n;
}

function snippetAround(text: string, terms: string[], radius = 90): string {
	const lower = text.toLowerCase();
	const at = terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
	if (at === undefined) return text.slice(0, radius * 2) + (text.length > radius * 2 ? '…' : '');
	const start = Math.max(0, at - radius);
	const end = Math.min(text.length, at + radius);
	return (start > 0 ? '…' : '') + text.slice(start, end).trim() + (end < text.length ? '…' : '');
}

export function search(index: SearchDocument[], query: string, limit = 20): SearchHit[] {
	const terms = [...new Set(tokenize(query))];
	if (terms.length === 0) return [];
	const hits: SearchHit[] = [];
	for (const doc of index) {
		const titleWords = tokenize(doc.title);
		const summaryWords = tokenize(doc.summary);
		const sections = doc.sections.map((s) => ({ s, heading: tokenize(s.heading), text: tokenize(s.text) }));
		let score = 0;
		let everyTermFound = true;
		for (const term of terms) {
			const inTitle = countPrefixMatches(titleWords, term);
			const inSummary = countPrefixMatches(summaryWords, term);
			let inSections = 0;
			for (const { heading, text } of sections) {
				inSections += countPrefixMatches(heading, term) * WEIGHTS.heading + Math.min(countPrefixMatches(text, term), 5) * WEIGHTS.text;
			}
			if (inTitle + inSummary + inSections === 0) everyTermFound = false;
			score += inTitle * WEIGHTS.title + inSummary * WEIGHTS.summary + Math.min(inSections, 40);
		}
		if (!everyTermFound) continue;
		const best = sections
			.map(({ s, heading, text }) => ({
				s,
				score: terms.reduce((sum, t) => sum + countPrefixMatches(heading, t) * WEIGHTS.heading + (countPrefixMatches(text, t) > 0 ? 2 : 0), 0)
			}))
			.sort((a, b) => b.score - a.score)[0];
		const section = best && best.score > 0 ? best.s : doc.sections[0];
		hits.push({
			slug: doc.slug,
			title: doc.title,
			sectionId: section?.id ?? '',
			sectionHeading: section?.heading ?? doc.title,
			snippet: snippetAround(section?.text || doc.summary, terms),
			score
		});
	}
	return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, limit);
}
