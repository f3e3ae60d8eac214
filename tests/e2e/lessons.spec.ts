import { expect, test } from '@playwright/test';
import { lessonSlugs, open } from './helpers';

test('every lesson shows its title, last-edited date, references and quiz, and every internal link resolves', async ({ page, request }) => {
	const checked = new Set<string>();
	for (const slug of lessonSlugs) {
		const response = await page.goto(`/lessons/${slug}`);
		expect(response?.status(), slug).toBe(200);
		await expect(page.locator('h1')).not.toBeEmpty();
		await expect(page.getByTestId('updated')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
		await expect(page.getByRole('heading', { name: 'References', exact: true })).toBeVisible();
		expect(await page.locator('section.references li a[href^="https://"]').count(), slug).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="quiz"] form.question').count(), slug).toBeGreaterThanOrEqual(3);

		const hrefs = await page.locator('main a[href^="/"], main a[href^="#"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		for (const href of hrefs) {
			const url = new URL(href);
			if (url.hash) {
				// An anchor must name an element on the target page.
				const target = url.pathname === new URL(page.url()).pathname ? page : null;
				if (target) expect(await page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).count(), `${slug} → ${href}`).toBe(1);
			}
			if (checked.has(url.pathname)) continue;
			checked.add(url.pathname);
			expect((await request.get(url.pathname)).status(), `${slug} → ${url.pathname}`).toBe(200);
		}
	}
});

test('a lesson has previous and next links, a table of contents and copyable code', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page, `/lessons/${lessonSlugs[1]}`);
	const pager = page.getByRole('navigation', { name: 'Previous and next lessons' });
	await expect(pager.getByRole('link')).toHaveCount(2);
	const toc = page.getByRole('navigation', { name: 'On this page' });
	const firstEntry = toc.getByRole('link').first();
	const id = (await firstEntry.getAttribute('href'))?.slice(1) ?? '';
	await expect(page.locator(`h2[id="${id}"], h3[id="${id}"]`)).toHaveCount(1);

	const block = page.locator('.code-block').first();
	await block.getByRole('button', { name: /Copy/ }).click();
	await expect(block.getByRole('button')).toHaveText('Copied');
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toBe((await block.locator('pre').innerText()).replace(/\n$/, ''));
});

test('the course map lists every lesson by module', async ({ page }) => {
	await open(page, '/');
	for (const slug of lessonSlugs) await expect(page.locator(`.modules a[href="/lessons/${slug}"]`)).toHaveCount(1);
	await expect(page.getByRole('link', { name: /Start the course/ })).toHaveAttribute('href', /^\/lessons\//);
});
