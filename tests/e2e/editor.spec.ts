import { expect, test } from '@playwright/test';

// The lab editor on its test bench (/dev/editor): schema completion and engine markers in
// Monaco on a wide screen; the textarea and its problem list on a narrow one.

test('Monaco: tagStatus completion, and a bad template marked at its line', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	await page.setViewportSize({ width: 1200, height: 900 });
	await page.goto('/dev/editor');
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.locator('[data-editor-status="ready"]')).toBeVisible();
	await expect(page.getByText('Esc then Tab', { exact: false })).toBeVisible();

	// Replace the tagStatus value and ask for suggestions inside the empty string.
	const editor = page.locator('.monaco-editor').first();
	await editor.click();
	// Line 7 is `"tagStatus": "tagged",`: select the value, delete it, type a quote (Monaco closes it).
	await page.keyboard.press('Control+Home');
	for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('End');
	await page.keyboard.press('ArrowLeft');
	for (let i = 0; i < '"tagged"'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
	await page.keyboard.press('Backspace');
	await page.keyboard.type('"');
	const suggestions = page.locator('.suggest-widget .monaco-list-row');
	// The JSON worker may still be starting on a busy machine: ask again until it answers.
	await expect(async () => {
		await page.keyboard.press('Control+Space');
		await expect(suggestions.filter({ hasText: 'untagged' })).toBeVisible({ timeout: 3000 });
	}).toPass();
	await expect(suggestions.filter({ hasText: 'any' })).toBeVisible();
	await page.screenshot({ path: '/tmp/shots/editor-completion.png' });
	await page.keyboard.press('Escape');

	// The template refers to a parameter it does not declare (line 7).
	await page.getByRole('tab', { name: /template\.yaml/ }).click();
	const problems = page.getByTestId('editor-diagnostics');
	const unresolved = problems.getByRole('button', { name: /Unresolved resource dependencies \[RepoName\]/ });
	await expect(unresolved).toBeVisible();
	await expect(unresolved.locator('.where')).toHaveText('7:23');
	await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
	await expect(page.getByRole('tab', { name: /template\.yaml/ })).toContainText('1');
	await page.screenshot({ path: '/tmp/shots/editor-template.png' });

	// Esc then Tab leaves the editor for the next control.
	await editor.click();
	await page.keyboard.press('Escape');
	await page.keyboard.press('Tab');
	await expect(page.locator('.monaco-editor textarea')).not.toBeFocused();
	expect(errors).toEqual([]);
});

test('narrow screens: a textarea, no Monaco, and the diagnostics as buttons', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/dev/editor');
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('tab', { name: /template\.yaml/ }).click();
	const textarea = page.getByRole('textbox', { name: /Lab files: template\.yaml/ });
	await expect(textarea).toBeVisible();
	const problem = page.getByTestId('editor-diagnostics').getByRole('button', { name: /Unresolved resource dependencies \[RepoName\]/ });
	await expect(problem.locator('.where')).toHaveText('7:23');
	await problem.click();
	await expect(textarea).toBeFocused();
	const caret = await textarea.evaluate((el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart).split('\n').length);
	expect(caret).toBe(7);
	await expect(page.locator('.monaco-editor')).toHaveCount(0);
	await page.screenshot({ path: '/tmp/shots/editor-narrow.png', fullPage: true });
});
