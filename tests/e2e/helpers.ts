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

/** Opens /sandbox and waits until the simulator has started. */
export async function openSandbox(page: Page) {
	await open(page, '/sandbox');
	await page.getByRole('heading', { name: 'Create a repository' }).waitFor();
}

/** In the sandbox: creates a repository (with scan on push) and pushes one image, as whoever is calling. */
export async function createAndPush(page: Page, options: { repository?: string; base?: string; tag?: string } = {}) {
	const { repository = 'web', base = 'alpine:3.14', tag = 'v1' } = options;
	await page.getByLabel('Repository name').fill(repository);
	await page.getByLabel('Scan on push').check();
	await page.getByRole('button', { name: 'Create repository' }).click();
	await page.locator('.result-ok', { hasText: 'CreateRepository succeeded' }).waitFor();
	await pushImage(page, { repository, base, tag });
}

/** In the sandbox: runs `docker push` and waits for it to finish, pushed or stopped. */
export async function pushImage(page: Page, { repository, base, tag }: { repository: string; base: string; tag: string }) {
	await page.getByLabel('Base image').selectOption(base);
	await page.getByLabel('Push to repository').selectOption(repository);
	await page.getByLabel('Tag', { exact: true }).fill(tag);
	const run = page.getByTestId('push-run');
	const previous = (await run.count()) ? await run.getAttribute('data-run') : null;
	await page.getByRole('button', { name: 'docker push' }).click();
	await page.locator(`[data-testid="push-run"]:not([data-status="running"]):not([data-run="${previous}"])`).waitFor();
}

/** Aborts every request to another origin and collects its URL, so a test can assert there were none. */
export async function blockForeignRequests(page: Page, baseURL: string | undefined): Promise<string[]> {
	const origin = new URL(baseURL ?? '').origin;
	const foreign: string[] = [];
	await page.route('**/*', (route) => {
		const url = route.request().url();
		if (new URL(url).origin !== origin && !url.startsWith('data:')) {
			foreign.push(url);
			return route.abort();
		}
		return route.continue();
	});
	return foreign;
}
