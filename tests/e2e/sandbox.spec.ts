import { expect, test } from '@playwright/test';
import { blockForeignRequests, createAndPush, openSandbox, pushImage } from './helpers';

test('the sandbox runs ECR in the page: push, scan, an IAM denial, and a reload that keeps it all', async ({ page, baseURL }) => {
	const foreign = await blockForeignRequests(page, baseURL);

	await openSandbox(page);
	// From here on the page needs nothing from the network: every API call is answered in the page.
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));

	await createAndPush(page, { repository: 'web', base: 'alpine:3.14', tag: 'v1' });
	const run = page.getByTestId('push-run');
	await expect(run).toHaveAttribute('data-status', 'pushed');
	await expect(run.getByRole('listitem').last()).toContainText('PutImage');

	const row = page.getByTestId('image-row').filter({ hasText: 'v1' });
	await expect(row.getByTestId('scan-status')).toHaveText('IN_PROGRESS');
	const clock = page.getByTestId('virtual-time');
	const before = await clock.textContent();
	await page.getByRole('button', { name: '+1 minute' }).click();
	await expect(clock).not.toHaveText(before ?? '');
	await expect(row.getByTestId('scan-status')).toHaveText('COMPLETE');
	await expect(page.getByTestId('event-log')).toContainText('Image scan COMPLETE: web:v1.');
	await expect(page.getByTestId('announcer')).toContainText('Image scan COMPLETE');

	await row.getByRole('button', { name: 'Findings for web:v1' }).click();
	const findings = page.getByTestId('findings');
	await expect(findings.getByTestId('findings-status')).toHaveText('COMPLETE');
	await expect(findings.getByTestId('findings-table').locator('tbody tr').first()).toBeVisible();
	await expect(findings.getByTestId('findings-table').getByText(/^(CRITICAL|HIGH)$/).first()).toBeVisible();
	await expect(findings.getByTestId('findings-table')).toContainText(/CVE-\d{4}-\d+/);

	// The IAM user dev with the ReadOnly managed policy may log in and check layers, but not upload.
	await page.getByLabel('AWS managed policy attached to dev').selectOption('AmazonEC2ContainerRegistryReadOnly');
	await expect(page.locator('.result-ok', { hasText: 'dev now has AmazonEC2ContainerRegistryReadOnly attached' })).toBeVisible();
	await page.getByRole('radio', { name: /IAM user dev/ }).check();
	await pushImage(page, { repository: 'web', base: 'debian:10', tag: 'v2' });
	await expect(run).toHaveAttribute('data-status', 'failed');
	const denied = run.locator('li[data-status="denied"]');
	await expect(denied).toHaveCount(1);
	await expect(denied).toContainText('InitiateLayerUpload');
	await expect(denied).toContainText('ecr:InitiateLayerUpload');
	const error = run.getByTestId('error-details');
	await expect(error).toContainText('AccessDeniedException');
	await expect(error).toContainText(
		'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:123456789012:repository/web because no identity-based policy allows the ecr:InitiateLayerUpload action'
	);
	const explanation = error.getByTestId('explanation');
	await expect(explanation).toContainText('ImplicitDeny');
	await expect(explanation.getByTestId('deciding-statement')).toContainText('No statement in any policy matches ecr:InitiateLayerUpload');
	await explanation.getByText(/Every statement IAM evaluated/).click();
	await expect(explanation).toContainText('AmazonEC2ContainerRegistryReadOnly statement #1');
	await expect(page.getByTestId('announcer')).toContainText('The push stopped at InitiateLayerUpload (ecr:InitiateLayerUpload)');
	expect(requests).toEqual([]);

	// Everything comes back after a reload.
	const clockBefore = await clock.textContent();
	const saved = await page.evaluate(() => localStorage.getItem('ecr-course/sandbox/v1'));
	expect(saved).toContain('"format":"ecr-cfn-course/world"');
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByTestId('repository')).toHaveCount(1);
	await expect(clock).toHaveText(clockBefore ?? '');
	await expect(page.getByTestId('image-row')).toHaveCount(1);
	await expect(row.getByTestId('scan-status')).toHaveText('COMPLETE');
	await expect(page.getByRole('radio', { name: /IAM user dev/ })).toBeChecked();
	await expect(page.getByLabel('AWS managed policy attached to dev')).toHaveValue('AmazonEC2ContainerRegistryReadOnly');
	await expect(page.getByTestId('event-log')).toContainText('Image scan COMPLETE: web:v1.');
	// The findings are read again, as dev, whose ReadOnly policy allows DescribeImageScanFindings.
	await expect(findings.getByTestId('findings-status')).toHaveText('COMPLETE');
	await expect(page.getByTestId('announcer')).toContainText('Your sandbox was restored');
	expect(foreign).toEqual([]);
});

test('a lifecycle policy preview lists the images it would expire, and the daily run expires them', async ({ page }) => {
	await openSandbox(page);
	await createAndPush(page, { repository: 'app', base: 'alpine:3.22', tag: 'v1' });
	for (const tag of ['v2', 'v3', 'v4']) await pushImage(page, { repository: 'app', base: 'alpine:3.22', tag });
	await expect(page.getByTestId('image-row')).toHaveCount(4);
	await page.getByLabel('Start from').selectOption({ label: 'Keep the 3 newest images' });
	await expect(page.getByLabel(/Lifecycle policy text/)).toHaveValue(/imageCountMoreThan/);
	await page.getByRole('button', { name: 'Preview', exact: true }).click();
	const preview = page.getByTestId('lifecycle-preview');
	await expect(preview).toContainText('COMPLETE');
	await expect(preview).toContainText('1 image of 4 would expire');
	await page.getByRole('button', { name: 'Apply to app' }).click();
	await expect(page.locator('.result-ok', { hasText: 'PutLifecyclePolicy succeeded' })).toBeVisible();
	await page.getByRole('button', { name: '+1 day' }).click();
	await expect(page.getByTestId('event-log')).toContainText(/Lifecycle policy run on app expired 1 image/);
	await expect(page.getByTestId('image-row')).toHaveCount(3);

	// Reset asks first, then starts over.
	await page.getByRole('button', { name: 'Reset sandbox…' }).click();
	await expect(page.getByRole('button', { name: 'Yes, reset the sandbox' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('repository')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Reset sandbox…' })).toBeFocused();
});

test('the sandbox is reached from the header and the home page', async ({ page }) => {
	await page.goto('/');
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByRole('main').getByRole('link', { name: 'Open the sandbox' })).toBeVisible();
	await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Sandbox' }).click();
	await expect(page).toHaveURL(/\/sandbox$/);
	await expect(page.getByRole('heading', { level: 1, name: 'ECR and CloudFormation sandbox' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Sandbox' })).toHaveAttribute('aria-current', 'page');
});

test('the keyboard alone creates a repository and pushes, and focus stays on the push button', async ({ page }) => {
	await openSandbox(page);
	const name = page.getByLabel('Repository name');
	await name.focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('kbd');
	await page.keyboard.press('Tab'); // tag mutability
	await page.keyboard.press('Tab'); // scan on push
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Create repository' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('announcer')).toContainText('CreateRepository succeeded');
	// On to the push form: base image, repository, tag, then the button.
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Base image')).toBeFocused();
	for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
	const push = page.getByRole('button', { name: 'docker push' });
	await expect(push).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('push-run')).toHaveAttribute('data-status', 'pushed');
	await expect(push).toBeFocused();
	await expect(page.getByTestId('image-row').getByTestId('scan-status')).toHaveText('IN_PROGRESS');
});
