import { expect, test } from '@playwright/test';
import { blockForeignRequests, lessonSlugs, open } from './helpers';

test('the site requests nothing from any host but its own', async ({ page, baseURL }) => {
	const foreign = await blockForeignRequests(page, baseURL);
	await open(page, '/');
	await open(page, `/lessons/${lessonSlugs[0]}`);
	await page.getByRole('link', { name: /Next/ }).click();
	await page.waitForURL(`**/lessons/${lessonSlugs.length > 1 ? '*' : ''}`);
	await open(page, '/search?q=repository');
	await expect(page.getByTestId('search-results').getByRole('link').first()).toBeVisible();
	expect(foreign).toEqual([]);
});
