import { json } from '@sveltejs/kit';
import { allLessons, lessonSource } from '$lib/server/catalog';
import { searchDocument } from '$lib/server/search-index';

export const prerender = true;

export const GET = () => json(allLessons().map((l) => searchDocument(l, lessonSource(l.slug) ?? '')));
