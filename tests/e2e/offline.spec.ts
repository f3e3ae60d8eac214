import { expect, test } from '@playwright/test';
import { lessonSlugs, open } from './helpers';

test('after one visit, lessons open with the network off', async ({ page, context }) => {
	await open(page, '/');
	// The service worker caches the whole site on install; wait until it controls the page.
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
	await context.setOffline(true);
	const slug = lessonSlugs[Math.floor(lessonSlugs.length / 2)];
	await page.goto(`/lessons/${slug}`);
	await expect(page.locator('h1')).toBeVisible();
	await expect(page.getByTestId('updated')).toBeVisible();
	await page.reload();
	await expect(page.locator('h1')).toBeVisible();
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('navigation', { name: 'Previous and next lessons' }).getByRole('link').first().click();
	await expect(page.locator('h1')).toBeVisible();
	await expect(page).toHaveURL(/\/lessons\//);
	await context.setOffline(false);
});
