import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { open, openSandbox } from './helpers';

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

/** Everything in the terminal's buffer, scrollback included (Terminal.svelte exposes it for tests). */
const terminalText = (page: Page) => page.getByTestId('terminal-screen').evaluate((el) => (el as HTMLElement & { terminalText?: string }).terminalText ?? '');
const lastLine = async (page: Page) => (await terminalText(page)).split('\n').at(-1) ?? '';

async function openTerminal(page: Page) {
	await page.getByRole('tab', { name: 'Terminal' }).click();
	await page.locator('[data-testid="terminal"][data-status="ready"]').waitFor();
	await page.getByTestId('terminal-screen').click();
}

/** Types a line with the keyboard, presses Enter and waits for the next prompt. */
async function run(page: Page, line: string): Promise<string> {
	const start = (await terminalText(page)).length;
	await page.keyboard.type(line);
	await page.keyboard.press('Enter');
	const since = async () => (await terminalText(page)).slice(start);
	// Done when a new prompt line follows the line typed.
	await expect.poll(async () => /\n[^\n]*\$ ?$/.test(await since())).toBe(true);
	return since();
}

test('the seed notes push flow typed into the terminal shows in the ECR view, and history survives a reload', async ({ page }) => {
	await openSandbox(page);
	await openTerminal(page);
	await expect(page.getByRole('textbox', { name: 'Sandbox terminal' })).toBeFocused();

	expect(await run(page, 'aws ecr create-repository --repository-name web')).toContain(`"repositoryUri": "${HOST}/web"`);
	expect(await run(page, `aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${HOST}`)).toContain('Login Succeeded');
	expect(await run(page, 'docker pull alpine:3.14')).toContain('Status: Downloaded newer image for alpine:3.14');
	await run(page, `docker tag alpine:3.14 ${HOST}/web:v1`);
	const pushed = await run(page, `docker push ${HOST}/web:v1`);
	expect(pushed).toMatch(/v1: digest: sha256:[0-9a-f]{64} size: \d+/);
	const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed)?.[1];

	await page.setViewportSize({ width: 1280, height: 900 });
	await page.getByTestId('terminal').screenshot({ path: '/tmp/shots/terminal-desktop.png' });
	await page.setViewportSize({ width: 360, height: 740 });
	await page.getByTestId('terminal').screenshot({ path: '/tmp/shots/terminal-360.png' });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await page.setViewportSize({ width: 1280, height: 900 });

	expect(await run(page, `docker rmi ${HOST}/web:v1`)).toContain(`Untagged: ${HOST}/web:v1`);
	const pulled = await run(page, `docker pull ${HOST}/web:v1`);
	expect(pulled).toContain(`Digest: ${digest}`);
	expect(pulled).toContain(`Status: Downloaded newer image for ${HOST}/web:v1`);

	// ↑ recalls the line just run; Ctrl+U clears it again.
	await page.keyboard.press('ArrowUp');
	await expect.poll(() => lastLine(page)).toMatch(new RegExp(`\\$ docker pull ${HOST}/web:v1$`));
	await page.keyboard.press('Control+U');
	await expect.poll(() => lastLine(page)).toMatch(/\$ ?$/);

	// Tab completes the service name.
	await page.keyboard.type('aws ec');
	await page.keyboard.press('Tab');
	await expect.poll(() => terminalText(page)).toMatch(/\$ aws ecr $/);
	await page.keyboard.press('Control+C');
	await expect.poll(() => lastLine(page)).toMatch(/\$ ?$/);

	await page.getByRole('tab', { name: 'ECR' }).click();
	const repo = page.getByTestId('repository').filter({ hasText: 'web' });
	await expect(repo).toBeVisible();
	await expect(repo.getByTestId('image-row')).toContainText('v1');

	await page.getByRole('tab', { name: 'Terminal' }).click();
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await page.locator('[data-testid="terminal"][data-status="ready"]').waitFor();
	await page.getByTestId('terminal-screen').click();
	await page.keyboard.press('ArrowUp');
	await expect.poll(() => lastLine(page)).toMatch(new RegExp(`\\$ docker pull ${HOST}/web:v1$`));
});

test('the terminal view has no serious or critical axe violations in either theme', async ({ page }) => {
	for (const theme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: theme });
		// The second time round the saved sandbox opens on the terminal view.
		await open(page, '/sandbox');
		await openTerminal(page);
		await run(page, 'aws ecr describe-repositories --repository-name nope');
		const results = await new AxeBuilder({ page }).include('#view-panel-terminal').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
		const serious = results.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${theme} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
		expect(serious).toEqual([]);
	}
});
