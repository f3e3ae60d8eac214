import { expect, test } from '@playwright/test';
import { lessonSlugs, open } from './helpers';

test('a lesson marked done and a quiz answer survive a reload, and the home page picks up from there', async ({ page }) => {
	const slug = lessonSlugs[2] ?? '';
	await open(page, `/lessons/${slug}`);
	await page.getByTestId('mark-done').click();
	await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-pressed', 'true');

	const question = page.locator('[data-testid="quiz"] form.question').first();
	await question.getByRole('button', { name: 'Check answer' }).click();
	await expect(question).toContainText('Choose an answer first.');
	await question.getByRole('radio').first().check();
	await question.getByRole('button', { name: 'Check answer' }).click();
	await expect(question).toHaveAttribute('data-result', /^(correct|incorrect)$/);
	const result = await question.getAttribute('data-result');
	const explanation = await question.locator('.explanation').innerText();
	expect(explanation.length).toBeGreaterThan(10);

	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByTestId('mark-done')).toHaveAttribute('aria-pressed', 'true');
	await expect(question).toHaveAttribute('data-result', result ?? '');
	await expect(question.getByRole('radio').first()).toBeChecked();
	await expect(question.locator('.explanation')).toHaveText(explanation);

	await open(page, '/');
	await expect(page.locator(`.modules li[data-status="done"] a[href="/lessons/${slug}"]`)).toHaveCount(1);
	await expect(page.getByTestId('continue')).toContainText(`1 of ${lessonSlugs.length} lessons done`);
	await expect(page.getByTestId('continue').getByRole('link')).toContainText('Continue with the next lesson');

	// Try again clears the saved answer.
	await open(page, `/lessons/${slug}`);
	await question.getByRole('button', { name: 'Try again' }).click();
	await expect(question).toHaveAttribute('data-result', 'open');
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(question).toHaveAttribute('data-result', 'open');
});
