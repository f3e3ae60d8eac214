import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/lib/engines/world';
import { caught } from './helpers';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { fakeImage, pushSteps, runSteps } from '../../../../src/lib/engines/ecr/docker';
import { BASIC_SCAN_MS, ENHANCED_SCAN_MS, RESCAN_DURATION_MS } from '../../../../src/lib/engines/ecr/scanning/scan-api';

const NOW = '2026-11-23T10:00:00.000Z';
const DAY = 24 * 3600 * 1000;

function setup(scanOnPush = true) {
	const world = World.create({ now: NOW });
	const ecr = world.ecr(rootCaller(), 'us-east-1');
	ecr.call('CreateRepository', { repositoryName: 'web', imageScanningConfiguration: { scanOnPush } });
	const push = (image: string, tag: string) => runSteps(pushSteps(fakeImage(image), 'web', tag), (s) => ecr.callByName(s.operation, s.input));
	return { world, ecr, push };
}


describe('basic scanning', () => {
	it('scans on push: IN_PROGRESS, then COMPLETE with findings for an old base image', () => {
		const { world, ecr, push } = setup();
		push('alpine:3.14', 'old');
		const findings = () => ecr.call('DescribeImageScanFindings', { repositoryName: 'web', imageId: { imageTag: 'old' } });
		expect(findings().imageScanStatus?.status).toBe('IN_PROGRESS');
		expect(findings().imageScanFindings).toBeUndefined();
		expect(world.advanceBy(BASIC_SCAN_MS).map((e) => e.kind)).toEqual(['image-scan-complete']);
		const done = findings();
		expect(done.imageScanStatus).toEqual({ status: 'COMPLETE', description: 'The scan was completed successfully.' });
		const list = done.imageScanFindings?.findings ?? [];
		expect(list.length).toBeGreaterThan(0);
		expect(list.every((f) => /^CVE-\d{4}-\d{4,}$/.test(f.name ?? ''))).toBe(true);
		const counts = done.imageScanFindings?.findingSeverityCounts ?? {};
		expect(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(list.length);
		const [detail] = ecr.call('DescribeImages', { repositoryName: 'web', imageIds: [{ imageTag: 'old' }] }).imageDetails ?? [];
		expect(detail?.imageScanFindingsSummary?.findingSeverityCounts).toEqual(counts);
	});

	it('a newer base image comes back clean: rebuild, rescan, findings drop', () => {
		const { world, ecr, push } = setup();
		push('alpine:3.20', 'new');
		world.advanceBy(BASIC_SCAN_MS);
		const done = ecr.call('DescribeImageScanFindings', { repositoryName: 'web', imageId: { imageTag: 'new' } });
		expect(done.imageScanStatus?.status).toBe('COMPLETE');
		expect(done.imageScanFindings?.findings ?? []).toEqual([]);
	});

	it('a scratch image is UNSUPPORTED_IMAGE', () => {
		const { world, ecr, push } = setup();
		push('scratch', 'bare');
		world.advanceBy(BASIC_SCAN_MS);
		expect(ecr.call('DescribeImageScanFindings', { repositoryName: 'web', imageId: { imageTag: 'bare' } }).imageScanStatus?.status).toBe('UNSUPPORTED_IMAGE');
	});

	it('manual scans: ScanNotFoundException before any, then at most one per image per 24 hours', () => {
		const { world, ecr, push } = setup(false);
		push('alpine:3.14', 'old');
		expect(caught(() => ecr.call('DescribeImageScanFindings', { repositoryName: 'web', imageId: { imageTag: 'old' } })).code).toBe('ScanNotFoundException');
		expect(ecr.call('StartImageScan', { repositoryName: 'web', imageId: { imageTag: 'old' } }).imageScanStatus).toEqual({ status: 'IN_PROGRESS' });
		world.advanceBy(BASIC_SCAN_MS);
		const again = caught(() => ecr.call('StartImageScan', { repositoryName: 'web', imageId: { imageTag: 'old' } }));
		expect(again.code).toBe('LimitExceededException');
		expect(again.message).toBe('The scan quota per image has been exceeded. Wait and try again.');
		world.advanceBy(DAY);
		expect(ecr.call('StartImageScan', { repositoryName: 'web', imageId: { imageTag: 'old' } }).imageScanStatus?.status).toBe('IN_PROGRESS');
	});

	it('registry rules scan on push only the repositories their filters match', () => {
		const { world, ecr } = setup(false);
		ecr.call('PutRegistryScanningConfiguration', { scanType: 'BASIC', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: 'prod*', filterType: 'WILDCARD' }] }] });
		for (const name of ['prod-api', 'dev-api']) {
			ecr.call('CreateRepository', { repositoryName: name });
			runSteps(pushSteps(fakeImage('alpine:3.14'), name, 'v1'), (s) => ecr.callByName(s.operation, s.input));
		}
		world.advanceBy(BASIC_SCAN_MS);
		expect(ecr.call('DescribeImageScanFindings', { repositoryName: 'prod-api', imageId: { imageTag: 'v1' } }).imageScanStatus?.status).toBe('COMPLETE');
		expect(caught(() => ecr.call('DescribeImageScanFindings', { repositoryName: 'dev-api', imageId: { imageTag: 'v1' } })).code).toBe('ScanNotFoundException');
	});
});

describe('enhanced scanning', () => {
	it('continuous scanning is ACTIVE with Inspector findings, refuses manual scans, and lapses after the re-scan duration', () => {
		const { world, ecr } = setup(false);
		ecr.call('PutRegistryScanningConfiguration', { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] });
		runSteps(pushSteps(fakeImage('node:14-alpine'), 'web', 'v1'), (s) => ecr.callByName(s.operation, s.input));
		const findings = () => ecr.call('DescribeImageScanFindings', { repositoryName: 'web', imageId: { imageTag: 'v1' } });
		expect(findings().imageScanStatus?.status).toBe('PENDING');
		world.advanceBy(ENHANCED_SCAN_MS);
		const active = findings();
		expect(active.imageScanStatus?.status).toBe('ACTIVE');
		const enhanced = active.imageScanFindings?.enhancedFindings ?? [];
		expect(enhanced.length).toBeGreaterThan(0);
		expect(enhanced[0]).toMatchObject({ status: 'ACTIVE', type: 'PACKAGE_VULNERABILITY' });
		expect(caught(() => ecr.call('StartImageScan', { repositoryName: 'web', imageId: { imageTag: 'v1' } })).code).toBe('ValidationException');
		world.advanceBy(RESCAN_DURATION_MS + DAY);
		expect(findings().imageScanStatus?.status).toBe('SCAN_ELIGIBILITY_EXPIRED');
	});

	it('switching back to basic hides enhanced results', () => {
		const { world, ecr } = setup(false);
		ecr.call('PutRegistryScanningConfiguration', { scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: 'web', filterType: 'WILDCARD' }] }] });
		runSteps(pushSteps(fakeImage('alpine:3.14'), 'web', 'v1'), (s) => ecr.callByName(s.operation, s.input));
		world.advanceBy(ENHANCED_SCAN_MS);
		ecr.call('PutRegistryScanningConfiguration', { scanType: 'BASIC', rules: [] });
		expect(caught(() => ecr.call('DescribeImageScanFindings', { repositoryName: 'web', imageId: { imageTag: 'v1' } })).code).toBe('ScanNotFoundException');
	});
});
