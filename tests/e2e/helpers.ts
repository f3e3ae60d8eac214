import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export const lessonSlugs = readdirSync(join(import.meta.dirname, '../../content/lessons'))
	.filter((f) => f.endsWith('.md'))
	.map((f) => f.replace(/\.md$/, ''))
	.sort();

/** Prerendered buttons are clickable before Svelte hydrates; wait for the app to be live. */
export async function open(page: Page, path: string) {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
}
