import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { blockForeignRequests, openSandbox } from './helpers';

const ME = '123456789012';
const OTHER = '210987654321';
const NO_EXEC_ROLE = `Account ${OTHER} should have 'AWSCloudFormationStackSetExecutionRole' role with trust relationship to Role 'AWSCloudFormationStackSetAdministrationRole'.`;

async function openCloudFormation(page: Page) {
	await openSandbox(page);
	await page.getByRole('tab', { name: 'CloudFormation' }).click();
	await page.getByRole('heading', { name: 'StackSets', exact: true }).waitFor();
}

const panel = (page: Page) => page.getByTestId('stacksets-panel');
const result = (page: Page, account: string) => panel(page).locator(`[data-testid="stackset-result"][data-account="${account}"]`);
const waitForOperations = (page: Page) => panel(page).getByRole('button', { name: 'Wait until no operation is in progress' }).click();

/** Roles in the learner's account only, a stack set, and instances in both accounts: the second fails. */
async function partlyFailedOperation(page: Page) {
	const roles = panel(page).getByTestId('stackset-roles');
	await roles.getByRole('button', { name: `Create administration role in ${ME}` }).click();
	await roles.getByRole('button', { name: `Create execution role in ${ME}` }).click();
	await expect(roles.locator('[data-exists="true"]')).toHaveCount(2);
	await expect(roles.locator(`[data-account="${OTHER}"]`)).toContainText('Missing');
	await panel(page).getByRole('button', { name: 'Create stack set' }).click();
	await expect(panel(page).getByRole('heading', { name: 'Stack set repos' })).toBeVisible();
	await expect(panel(page).getByRole('checkbox', { name: `${OTHER} (second)` })).toBeChecked();
	await expect(panel(page).getByRole('checkbox', { name: 'us-east-1' })).toBeChecked();
	await panel(page).getByRole('button', { name: 'Add stack instances' }).click();
	await expect(panel(page).getByTestId('stackset-operation').first()).toHaveAttribute('data-status', 'RUNNING');
	await waitForOperations(page);
	await expect(panel(page).getByTestId('stackset-operation').first()).toHaveAttribute('data-status', 'FAILED');
}

async function axeSerious(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

test('a stack set fails in the account without the execution role, succeeds once it is made, and its stack opens there', async ({ page, baseURL }) => {
	const foreign = await blockForeignRequests(page, baseURL);
	await openCloudFormation(page);
	await expect(panel(page).getByTestId('no-stack-sets')).toBeVisible();
	await partlyFailedOperation(page);

	await expect(result(page, ME)).toHaveAttribute('data-status', 'SUCCEEDED');
	await expect(result(page, OTHER).getByTestId('stackset-result-status')).toHaveText('✕FAILED');
	await expect(result(page, OTHER).getByTestId('stackset-result-reason')).toHaveText(NO_EXEC_ROLE);
	await expect(page.getByTestId('announcer')).toContainText('StackSet repos: CREATE operation FAILED, 1 stack instance failed.');
	await expect(panel(page).locator(`[data-testid="stackset-instance"][data-account="${OTHER}"]`)).toHaveAttribute('data-detailed-status', 'FAILED');
	// The instance in this account is an ordinary stack in the list.
	await expect(page.getByTestId('stack-row').filter({ hasText: /StackSet-repos-/ })).toHaveCount(1);

	// Make the missing role, then add the same instances again.
	await panel(page).getByRole('button', { name: `Create execution role in ${OTHER}` }).click();
	await expect(panel(page).locator(`[data-testid="stackset-role"][data-account="${OTHER}"]`)).toHaveAttribute('data-exists', 'true');
	await panel(page).getByRole('button', { name: 'Add stack instances' }).click();
	await waitForOperations(page);
	await expect(panel(page).getByTestId('stackset-operation').first()).toHaveAttribute('data-status', 'SUCCEEDED');
	await expect(result(page, OTHER)).toHaveAttribute('data-status', 'SUCCEEDED');
	await expect(panel(page).locator('[data-testid="stackset-instance"][data-status="CURRENT"]')).toHaveCount(2);
	await expect(page.getByTestId('announcer')).toContainText('StackSet repos: CREATE operation SUCCEEDED.');
	// The earlier operation's results are still there to read.
	await panel(page).getByTestId('stackset-operation').nth(1).getByRole('button').click();
	await expect(result(page, OTHER).getByTestId('stackset-result-reason')).toHaveText(NO_EXEC_ROLE);

	// The stack in the second account: the view moves there and focus goes to the stack.
	await panel(page).getByRole('button', { name: `Open stack in ${OTHER}, us-east-1` }).click();
	await expect(page.getByLabel('Account', { exact: true })).toHaveValue(OTHER);
	await expect(page.getByLabel('Region', { exact: true })).toHaveValue('us-east-1');
	await expect(page.locator('#stack-detail-title')).toBeFocused();
	await expect(page.getByTestId('stack-detail').getByTestId('stack-headline')).toContainText('CREATE_COMPLETE');
	await expect(page.getByTestId('deploy-scope')).toContainText(`To account ${OTHER}, Region us-east-1, as its root user`);
	// And back home by the selector.
	await page.getByLabel('Account', { exact: true }).selectOption(ME);
	await expect(page.getByTestId('stack-row')).toHaveCount(1);
	expect(foreign).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
	test(`the StackSets panel has no serious or critical axe violations in the ${theme} theme`, async ({ page }) => {
		test.slow();
		await page.emulateMedia({ colorScheme: theme });
		await openCloudFormation(page);
		expect(await axeSerious(page)).toEqual([]);
		await partlyFailedOperation(page);
		await page.getByTestId('stack-row').first().getByRole('button').click();
		expect(await axeSerious(page)).toEqual([]);
	});
}

test('at 360 px wide the StackSets panel does not scroll sideways, and a keyboard reaches its controls', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await openCloudFormation(page);
	await partlyFailedOperation(page);
	const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(await overflow()).toBeLessThanOrEqual(0);
	for (const name of ['Add stack instances', 'Update stack set', 'Delete stack instances', `Create execution role in ${OTHER}`]) {
		const box = await panel(page).getByRole('button', { name }).boundingBox();
		expect(box && box.x >= 0 && box.x + box.width <= 360, name).toBe(true);
	}
	// The results table scrolls inside its own region, which takes focus for the keyboard.
	const region = panel(page).getByRole('region', { name: /^Results of operation/ });
	await region.focus();
	await expect(region).toBeFocused();
	await page.keyboard.press('ArrowRight');
	expect(await overflow()).toBeLessThanOrEqual(0);
});
