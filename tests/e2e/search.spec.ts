import { expect, test } from '@playwright/test';
import { open } from './helpers';

test('search finds lessons by words in their text and links to the section', async ({ page }) => {
	await open(page, '/');
	await page.getByRole('searchbox', { name: 'Search lessons' }).fill('get-login-password');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/search\?q=get-login-password/);
	await page.locator('html[data-hydrated]').waitFor();
	const results = page.getByTestId('search-results').getByRole('link');
	await expect(results.first()).toBeVisible();
	const href = (await results.first().getAttribute('href')) ?? '';
	expect(href).toMatch(/^\/lessons\/[a-z0-9-]+(#[a-z0-9-]+)?$/);

	const box = page.getByRole('searchbox', { name: /Words to find/ });
	await box.fill('zzqxv nothing matches this');
	await expect(page.getByText(/No lesson mentions every word/)).toBeVisible();

	await box.fill('lifecycle untagged');
	await expect(results.first()).toBeVisible();
	await results.first().click();
	await expect(page).toHaveURL(/\/lessons\//);
	await expect(page.locator('h1')).toBeVisible();
});

test('pressing / jumps to the search box', async ({ page }) => {
	await open(page, '/');
	await page.keyboard.press('/');
	await expect(page.getByRole('searchbox', { name: 'Search lessons' })).toBeFocused();
	await page.keyboard.type('drift');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/search\?q=drift/);
	await expect(page.getByTestId('search-results').getByRole('link').first()).toBeVisible();
});
