import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { blockForeignRequests, openSandbox } from './helpers';

/** Opens the sandbox on its CloudFormation view. */
async function openCloudFormation(page: Page) {
	await openSandbox(page);
	await page.getByRole('tab', { name: 'CloudFormation' }).click();
	await page.getByRole('heading', { name: 'Template', exact: true }).waitFor();
}

const headline = (page: Page) => page.getByTestId('stack-detail').getByTestId('stack-headline');
const runToCompletion = (page: Page) => page.getByRole('button', { name: 'Run stacks to completion' }).click();

async function createFailingStack(page: Page) {
	await page.getByLabel('Starter template').selectOption({ label: 'A stack that fails and rolls back' });
	await expect(page.getByLabel('Stack name')).toHaveValue('broken');
	await page.getByRole('button', { name: 'Create stack', exact: true }).click();
	await expect(headline(page)).toContainText('CREATE_IN_PROGRESS');
}

async function axeSerious(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

test('a stack makes a repository the ECR view shows; a change set modifies it; deleting it in ECR is drift; a reload keeps it', async ({ page, baseURL }) => {
	const foreign = await blockForeignRequests(page, baseURL);
	await openCloudFormation(page);
	await expect(page.getByRole('tab', { name: 'CloudFormation' })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByLabel('Starter template')).toHaveValue('repository');
	await expect(page.getByLabel('Stack name')).toHaveValue('web');
	await expect(page.getByRole('combobox', { name: 'TagMutability (String)' })).toHaveValue('MUTABLE');

	await page.getByRole('button', { name: 'Create stack', exact: true }).click();
	await expect(headline(page)).toContainText('CREATE_IN_PROGRESS');
	await runToCompletion(page);
	await expect(headline(page)).toContainText('CREATE_COMPLETE');
	await expect(page.getByTestId('stack-row').filter({ hasText: 'web' }).getByTestId('stack-status')).toHaveText('✓CREATE_COMPLETE');
	await expect(page.getByTestId('announcer')).toContainText('Stack web CREATE_COMPLETE');
	const events = page.getByTestId('stack-event');
	await expect(events.first()).toHaveAttribute('data-status', 'CREATE_COMPLETE');
	await expect(events.last()).toContainText('User Initiated');
	await expect(page.locator('[data-testid="stack-event"][data-logical-id="Repository"][data-status="CREATE_COMPLETE"]')).toHaveCount(1);
	await page.getByRole('tab', { name: 'Outputs' }).click();
	await expect(page.getByTestId('stack-outputs')).toContainText('web-RepositoryUri');
	await expect(page.getByTestId('stack-outputs')).toContainText('123456789012.dkr.ecr.us-east-1.amazonaws.com/web-app');

	// The same world underneath: the repository is in the ECR view.
	await page.getByRole('tab', { name: 'ECR' }).click();
	const repo = page.getByTestId('repository').filter({ hasText: 'web-app' });
	await expect(repo).toBeVisible();
	await expect(repo.getByTestId('managed-by')).toContainText('Made by the CloudFormation stack web');

	// An update through a change set: a Modify row, then executing it.
	await page.getByRole('tab', { name: 'CloudFormation' }).click();
	await page.getByRole('combobox', { name: 'TagMutability (String)' }).selectOption('IMMUTABLE');
	await page.getByRole('button', { name: 'Create change set' }).click();
	await expect(page.getByRole('tab', { name: 'Change sets' })).toHaveAttribute('aria-selected', 'true');
	const change = page.getByTestId('changes').getByTestId('change');
	await expect(change).toHaveCount(1);
	await expect(change).toHaveAttribute('data-action', 'Modify');
	await expect(change).toContainText('Repository');
	await expect(change).toContainText('AWS::ECR::Repository');
	await expect(change).toContainText('False');
	await expect(change).toContainText('Properties.ImageTagMutability');
	await page.getByRole('button', { name: 'Execute change set' }).click();
	await expect(headline(page)).toContainText('UPDATE_IN_PROGRESS');
	await runToCompletion(page);
	await expect(headline(page)).toContainText('UPDATE_COMPLETE');

	// Deleted behind the stack's back: DELETED drift.
	await page.getByRole('tab', { name: 'ECR' }).click();
	await expect(repo.getByText('IMMUTABLE')).toBeVisible();
	await page.getByRole('button', { name: 'Delete repository web-app' }).click();
	await page.getByRole('button', { name: 'Yes, delete web-app' }).click();
	await expect(page.getByTestId('repository')).toHaveCount(0);
	await expect(page.locator('.result-ok', { hasText: 'detect drift on web' })).toBeVisible();
	await page.getByRole('tab', { name: 'CloudFormation' }).click();
	await page.getByRole('button', { name: 'Detect drift' }).click();
	await expect(page.getByRole('tab', { name: 'Drift' })).toHaveAttribute('aria-selected', 'true');
	const drift = page.getByTestId('drift-row').filter({ hasText: 'Repository' });
	await expect(drift.getByTestId('drift-status-cell')).toHaveText('✕DELETED');
	await expect(page.getByTestId('drift-status')).toContainText('DRIFTED');
	await expect(page.getByTestId('announcer')).toContainText('DetectStackDrift: web is DRIFTED');

	// A reload brings back the view, the stack and the template text.
	const clock = await page.getByTestId('virtual-time').textContent();
	await page.getByLabel('Template body').fill('# my own\n' + (await page.getByLabel('Template body').inputValue()));
	await expect(page.getByLabel('Starter template')).toHaveValue('custom');
	await page.waitForTimeout(600); // the editor saves 0.4 s after the last keystroke
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByRole('tab', { name: 'CloudFormation' })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByTestId('virtual-time')).toHaveText(clock ?? '');
	await expect(headline(page)).toContainText('UPDATE_COMPLETE');
	await expect(page.getByLabel('Template body')).toHaveValue(/^# my own\n/);
	await expect(page.getByTestId('drift-row').filter({ hasText: 'Repository' }).getByTestId('drift-status-cell')).toHaveText('✕DELETED');
	expect(foreign).toEqual([]);
});

test('a failing template rolls back, 5 seconds at a time, with the handler reason in the events', async ({ page }) => {
	await openCloudFormation(page);
	await createFailingStack(page);
	await page.getByRole('button', { name: '+5 seconds' }).click();
	await expect(page.locator('[data-testid="stack-event"][data-logical-id="Builds"]').first()).toBeVisible();
	// The same clock, beside the events.
	const bar = page.getByRole('group', { name: 'Simulated clock' });
	await expect(bar).toContainText(/Simulated time \d\d:\d\d:05 UTC/);
	await bar.getByRole('button', { name: 'Wait 5 seconds' }).click();
	await expect(bar).toContainText(/Simulated time \d\d:\d\d:10 UTC/);
	await expect(headline(page)).toContainText('ROLLBACK_IN_PROGRESS');
	await expect(headline(page)).toContainText('The following resource(s) failed to create: [Releases]');
	await expect(page.getByTestId('announcer')).toContainText('ROLLBACK_IN_PROGRESS');
	await runToCompletion(page);
	await expect(headline(page)).toContainText('ROLLBACK_COMPLETE');
	const failed = page.locator('[data-testid="stack-event"][data-logical-id="Releases"][data-status="CREATE_FAILED"]');
	await expect(failed).toContainText('Resource handler returned message');
	await expect(failed).toContainText('Lifecycle policy validation failure');
	await expect(page.locator('[data-testid="stack-event"][data-logical-id="Builds"][data-status="DELETE_COMPLETE"]')).toHaveCount(1);
	await expect(page.getByTestId('event-log')).toContainText('Stack broken ROLLBACK_COMPLETE');
	// Nothing is left in ECR.
	await page.getByRole('tab', { name: 'ECR' }).click();
	await expect(page.getByTestId('repository')).toHaveCount(0);
});

test('a template error shows its line and column, and the button goes there', async ({ page }) => {
	await openCloudFormation(page);
	const editor = page.getByLabel('Template body');
	await editor.fill('Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: !Ref Nope\n');
	await page.getByRole('button', { name: 'Validate' }).click();
	const error = page.getByTestId('error-details');
	await expect(error).toContainText('ValidationError');
	await expect(error).toContainText('Unresolved resource dependencies [Nope]');
	await expect(error.getByTestId('error-location')).toContainText('At line 5, column 23 (/Resources/Repo/Properties/RepositoryName)');
	await error.getByRole('button', { name: 'Go to line 5, column 23 in the template' }).click();
	await expect(editor).toBeFocused();
	expect(await editor.evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd))).toBe('!Ref Nope');
	// The parameters form says the text does not parse as it is.
	await expect(page.getByTestId('summary-problem')).toBeVisible();
});

test('the view tabs work from the keyboard', async ({ page }) => {
	await openSandbox(page);
	const ecr = page.getByRole('tab', { name: 'ECR' });
	const cfn = page.getByRole('tab', { name: 'CloudFormation' });
	await expect(ecr).toHaveAttribute('aria-selected', 'true');
	await ecr.focus();
	await page.keyboard.press('ArrowRight');
	await expect(cfn).toBeFocused();
	await expect(cfn).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByRole('tabpanel', { name: 'CloudFormation' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Create a repository' })).toBeHidden();
	await page.keyboard.press('Home');
	await expect(ecr).toBeFocused();
	await expect(page.getByRole('heading', { name: 'Create a repository' })).toBeVisible();
	await page.keyboard.press('End');
	await expect(page.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.press('ArrowLeft');
	await expect(cfn).toHaveAttribute('aria-selected', 'true');
	// One tab stop for the list: Tab goes on into the panel.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('tabpanel', { name: 'CloudFormation' })).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
	test(`the CloudFormation view has no serious or critical axe violations in the ${theme} theme`, async ({ page }) => {
		test.slow(); // three axe runs over a large page
		await page.emulateMedia({ colorScheme: theme });
		await openCloudFormation(page);
		await page.getByRole('button', { name: 'Create stack', exact: true }).click();
		await runToCompletion(page);
		await createFailingStack(page);
		await page.getByRole('button', { name: '+5 seconds' }).click();
		await page.getByRole('button', { name: '+5 seconds' }).click();
		await expect(headline(page)).toContainText('ROLLBACK_IN_PROGRESS');
		expect(await axeSerious(page)).toEqual([]);
		await runToCompletion(page);
		await page.getByRole('button', { name: 'Show stack web' }).click();
		await page.getByLabel('Starter template').selectOption('repository');
		await page.getByRole('combobox', { name: 'TagMutability (String)' }).selectOption('IMMUTABLE');
		await page.getByRole('button', { name: 'Create change set' }).click();
		await expect(page.getByTestId('change')).toHaveCount(1);
		await page.getByRole('button', { name: 'Validate' }).click();
		await expect(page.getByTestId('validation')).toBeVisible();
		expect(await axeSerious(page)).toEqual([]);
		await page.getByRole('button', { name: 'Detect drift' }).click();
		await expect(page.getByTestId('drift-results')).toBeVisible();
		expect(await axeSerious(page)).toEqual([]);
	});
}

test('at 360 px wide the CloudFormation view does not scroll sideways', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await openCloudFormation(page);
	await createFailingStack(page);
	await page.getByRole('button', { name: '+5 seconds' }).click();
	await page.getByRole('button', { name: '+5 seconds' }).click();
	await expect(headline(page)).toContainText('ROLLBACK_IN_PROGRESS');
	const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(await overflow()).toBeLessThanOrEqual(0);
	for (const tab of ['Resources', 'Template', 'Drift']) {
		await page.getByRole('tab', { name: tab, exact: true }).click();
		expect(await overflow(), tab).toBeLessThanOrEqual(0);
	}
	// Every control stays inside the screen.
	for (const name of ['Create stack', 'Create change set', 'Run stacks to completion', 'Detect drift']) {
		const box = await page.getByRole('button', { name, exact: true }).boundingBox();
		expect(box && box.x >= 0 && box.x + box.width <= 360, name).toBe(true);
	}
});

test.describe('the rest of a stack’s lifecycle', () => {
	const detail = (page: Page) => page.getByTestId('stack-detail');

	test('with rollback disabled a failing create stops at CREATE_FAILED, and Roll back takes it to ROLLBACK_COMPLETE', async ({ page }) => {
		await openCloudFormation(page);
		await page.getByLabel('Starter template').selectOption({ label: 'A stack that fails and rolls back' });
		const disable = page.getByRole('checkbox', { name: /^Disable rollback/ });
		await disable.check();
		// Ticking it leaves OnFailure out, as AWS takes only one of the two.
		await expect(page.getByRole('radio', { name: /^Not sent/ })).toBeChecked();
		await page.getByRole('button', { name: 'Create stack', exact: true }).click();
		await runToCompletion(page);
		await expect(headline(page)).toContainText('CREATE_FAILED');
		await expect(detail(page).getByTestId('rollback-setting')).toHaveText('Disabled (DisableRollback)');
		const paused = detail(page).getByTestId('paused-failure');
		await expect(paused).toContainText('Releases failed');
		// Kept: Builds is still in ECR.
		await expect(page.locator('[data-testid="stack-event"][data-logical-id="Builds"][data-status="DELETE_COMPLETE"]')).toHaveCount(0);
		await paused.getByRole('button', { name: 'Roll back', exact: true }).click();
		await expect(headline(page)).toContainText('ROLLBACK_IN_PROGRESS');
		await expect(page.getByTestId('announcer')).toContainText('RollbackStack: broken is ROLLBACK_IN_PROGRESS');
		await runToCompletion(page);
		await expect(headline(page)).toContainText('ROLLBACK_COMPLETE');
		await expect(page.locator('[data-testid="stack-event"][data-logical-id="Builds"][data-status="DELETE_COMPLETE"]')).toHaveCount(1);
		// Neither Roll back nor Retry is offered from ROLLBACK_COMPLETE.
		await expect(detail(page).getByRole('button', { name: 'Roll back', exact: true })).toHaveCount(0);
		await expect(detail(page).getByRole('button', { name: 'Retry update' })).toHaveCount(0);
	});

	test('the form warns when DisableRollback and OnFailure are both chosen, and shows AWS’s refusal if sent', async ({ page }) => {
		await openCloudFormation(page);
		await page.getByRole('checkbox', { name: /^Disable rollback/ }).check();
		await expect(page.getByTestId('options-conflict')).toHaveCount(0);
		await page.getByRole('radio', { name: /^DELETE/ }).check();
		const warning = page.getByTestId('options-conflict');
		await expect(warning).toContainText('AWS accepts DisableRollback or OnFailure, not both.');
		const create = page.getByRole('button', { name: 'Create stack', exact: true });
		await expect(create).toHaveAccessibleDescription(/AWS accepts DisableRollback or OnFailure, not both/);
		await create.click();
		const error = page.locator('section[aria-labelledby="stack-form-title"]').getByTestId('error-details');
		await expect(error).toContainText('ValidationError: Either DisableRollback or OnFailure can be specified, not both.');
		await expect(page.getByTestId('no-stacks')).toBeVisible();
	});

	test('a stack policy that denies replacing the repository fails the update, with the policy’s reason in the events', async ({ page }) => {
		await openCloudFormation(page);
		await page.getByRole('button', { name: 'Create stack', exact: true }).click();
		await runToCompletion(page);
		await page.getByRole('tab', { name: 'Stack policy' }).click();
		await expect(detail(page).getByTestId('no-stack-policy')).toBeVisible();
		await expect(page.getByLabel('New stack policy')).toHaveValue(/"Resource": "LogicalResourceId\/Repository"/);
		await detail(page).getByRole('button', { name: 'Set stack policy' }).click();
		await expect(detail(page).getByTestId('current-stack-policy')).toContainText('"Action": "Update:Replace"');
		await expect(page.getByTestId('announcer')).toContainText('SetStackPolicy: web has the policy.');
		// A new repository name means a new repository: Update:Replace.
		await page.getByRole('textbox', { name: 'RepositoryName (String)' }).fill('web-app-2');
		await page.getByRole('button', { name: 'Update stack', exact: true }).click();
		await runToCompletion(page);
		await expect(headline(page)).toContainText('UPDATE_ROLLBACK_COMPLETE');
		const denied = page.locator('[data-testid="stack-event"][data-logical-id="Repository"][data-status="UPDATE_FAILED"]');
		await expect(denied).toContainText('Action denied by stack policy: Statement [#1] does not allow [Update:Replace] for resource [LogicalResourceId/Repository];');
		// With an override for this update only, it goes through.
		await page.getByRole('button', { name: 'Fill in a policy that allows every update' }).click();
		await page.getByRole('button', { name: 'Update stack', exact: true }).click();
		await runToCompletion(page);
		await expect(headline(page)).toContainText('UPDATE_COMPLETE');
	});

	test('termination protection is set at creation and toggled from the stack', async ({ page }) => {
		await openCloudFormation(page);
		await page.getByRole('checkbox', { name: /^Termination protection/ }).check();
		await page.getByRole('button', { name: 'Create stack', exact: true }).click();
		await runToCompletion(page);
		await expect(detail(page).getByTestId('termination-protection')).toHaveText('Enabled');
		await detail(page).getByRole('button', { name: 'Delete stack…' }).click();
		await expect(detail(page).getByRole('group', { name: 'Confirm deletion' })).toContainText('Termination protection is on');
		await detail(page).getByRole('button', { name: 'Yes, delete web' }).click();
		await expect(detail(page).getByTestId('error-details')).toContainText('TerminationProtection is enabled');
		await detail(page).getByRole('button', { name: 'Disable termination protection' }).click();
		await expect(detail(page).getByTestId('termination-protection')).toHaveText('Disabled');
		await expect(detail(page).getByRole('button', { name: 'Enable termination protection' })).toBeVisible();
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`the lifecycle controls have no serious or critical axe violations in the ${theme} theme`, async ({ page }) => {
			test.slow();
			await page.emulateMedia({ colorScheme: theme });
			await openCloudFormation(page);
			await page.getByRole('checkbox', { name: /^Disable rollback/ }).check();
			await page.getByRole('radio', { name: /^DO_NOTHING/ }).check();
			await expect(page.getByTestId('options-conflict')).toBeVisible();
			await page.getByRole('radio', { name: /^Not sent/ }).check();
			await page.getByLabel('Starter template').selectOption({ label: 'A stack that fails and rolls back' });
			await page.getByRole('button', { name: 'Create stack', exact: true }).click();
			await runToCompletion(page);
			await expect(detail(page).getByTestId('paused-failure')).toBeVisible();
			await page.getByRole('radio', { name: /^DO_NOTHING/ }).check();
			expect(await axeSerious(page)).toEqual([]);
			await page.getByRole('tab', { name: 'Stack policy' }).click();
			await detail(page).getByRole('button', { name: 'Delete stack…' }).click();
			expect(await axeSerious(page)).toEqual([]);
		});
	}

	test('at 360 px the Roll back action and the stack policy fit the screen', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await openCloudFormation(page);
		await page.getByLabel('Starter template').selectOption({ label: 'A stack that fails and rolls back' });
		await page.getByRole('checkbox', { name: /^Disable rollback/ }).check();
		await page.getByRole('button', { name: 'Create stack', exact: true }).click();
		await runToCompletion(page);
		const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(await overflow()).toBeLessThanOrEqual(0);
		for (const name of ['Roll back', 'Retry update', 'Enable termination protection', 'Delete stack…']) {
			const box = await detail(page).getByRole('button', { name, exact: true }).boundingBox();
			expect(box && box.x >= 0 && box.x + box.width <= 360, name).toBe(true);
		}
		await page.getByRole('tab', { name: 'Stack policy' }).click();
		expect(await overflow()).toBeLessThanOrEqual(0);
		// Keyboard: the Roll back button is reachable and works with Enter.
		await detail(page).getByRole('button', { name: 'Roll back', exact: true }).focus();
		await page.keyboard.press('Enter');
		await expect(headline(page)).toContainText('ROLLBACK_IN_PROGRESS');
	});
});
