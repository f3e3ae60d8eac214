import { error } from '@sveltejs/kit';
import type { Component } from 'svelte';
import type { TocEntry } from '$lib/content/types';
import type { PageLoad } from './$types';

const bodies = import.meta.glob<{ default: Component; metadata: { toc?: TocEntry[] } }>('/content/lessons/*.md');

export const load: PageLoad = async ({ params, data }) => {
	const importBody = bodies[`/content/lessons/${params.slug}.md`];
	if (!importBody) error(404, `There is no lesson called "${params.slug}".`);
	const mod = await importBody();
	return { ...data, body: mod.default, toc: mod.metadata.toc ?? [] };
};
