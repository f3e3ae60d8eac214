import { error } from '@sveltejs/kit';
import { allLessons, lessonBySlug } from '$lib/server/catalog';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => allLessons().map((l) => ({ slug: l.slug }));

export const load: PageServerLoad = ({ params }) => {
	const lesson = lessonBySlug(params.slug);
	if (!lesson) error(404, `There is no lesson called "${params.slug}".`);
	const lessons = allLessons();
	const i = lessons.indexOf(lesson);
	const neighbour = (j: number) => {
		const l = lessons[j];
		return l ? { slug: l.slug, title: l.title } : null;
	};
	return { lesson, previous: neighbour(i - 1), next: neighbour(i + 1) };
};
