import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createAndPush, lessonSlugs, open, pushImage } from './helpers';

/** Puts every kind of sandbox output on screen: tables, severity badges, a denial with its explanation, a preview. */
async function fillSandbox(page: Page) {
	await page.getByRole('heading', { name: 'Create a repository' }).waitFor();
	await createAndPush(page, { repository: 'web', base: 'python:3.7', tag: 'v1' });
	await page.getByRole('button', { name: '+1 minute' }).click();
	await page.getByRole('button', { name: 'Findings for web:v1' }).click();
	await page.getByTestId('findings-table').waitFor();
	await page.getByRole('button', { name: 'Preview', exact: true }).click();
	await page.getByTestId('lifecycle-preview').waitFor();
	await page.getByRole('radio', { name: /IAM user dev/ }).check();
	await pushImage(page, { repository: 'web', base: 'alpine:3.14', tag: 'v2' });
	await page.getByTestId('explanation').getByText(/Every statement IAM evaluated|None\./).first().waitFor();
}

for (const theme of ['light', 'dark'] as const) {
	for (const [name, path] of [['home', '/'], ['a lesson', `/lessons/${lessonSlugs[7] ?? lessonSlugs[0]}`], ['search', '/search?q=policy'], ['the sandbox', '/sandbox']] as const) {
		test(`${name} has no serious or critical axe violations in the ${theme} theme`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: theme });
			await open(page, path);
			if (path.startsWith('/lessons/')) {
				// Answer a question so the feedback colours are checked too.
				const q = page.locator('[data-testid="quiz"] form.question').first();
				await q.getByRole('radio').first().check();
				await q.getByRole('button', { name: 'Check answer' }).click();
			}
			if (path === '/sandbox') await fillSandbox(page);
			const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
			const serious = results.violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
			expect(serious).toEqual([]);
		});
	}
}

test('the theme toggle switches themes and the choice survives a reload', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await open(page, '/');
	const toggle = page.getByRole('button', { name: 'Dark theme' });
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	await toggle.click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(darkBg).not.toBe(lightBg);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.locator('html[data-hydrated]').waitFor();
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await toggle.click();
	await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
});

test('at 360 px wide nothing scrolls sideways, and the keyboard reaches the content first', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	for (const path of ['/', `/lessons/${lessonSlugs[7] ?? lessonSlugs[0]}`, '/search?q=stack', '/sandbox']) {
		await open(page, path);
		if (path === '/sandbox') await fillSandbox(page);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
	await open(page, '/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});
