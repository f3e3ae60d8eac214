import { describe, expect, it } from 'vitest';
import type { ImageScanFinding } from '@aws-sdk/client-ecr';
import { baseImageRootfs } from '../../../../../src/lib/engines/ecr/scanning/catalogue';
import {
	CATALOGUE_UPDATED_AT,
	UNSUPPORTED_IMAGE_DESCRIPTION,
	basicScan,
	enhancedFindingArn,
	enhancedScan,
	enhancedSeverityCounts,
	type BasicScanResult,
	type EnhancedScanTarget
} from '../../../../../src/lib/engines/ecr/scanning/findings';
import type { RootfsInfo, RootfsPackage } from '../../../../../src/lib/engines/ecr/scanning/rootfs';
import { SEVERITY_ORDER } from '../../../../../src/lib/engines/ecr/scanning/severity';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const base = (ref: string): RootfsInfo => {
	const r = baseImageRootfs(ref);
	if (!r) throw new Error(`no base ${ref}`);
	return r;
};
const app = (...packages: RootfsPackage[]): RootfsInfo => ({ packages });
const TARGET: EnhancedScanTarget = {
	accountId: '123456789012',
	region: 'us-east-1',
	repositoryName: 'web',
	imageDigest: 'sha256:' + 'ab'.repeat(32),
	imageTags: ['v1'],
	pushedAt: new Date('2026-11-20T00:00:00.000Z'),
	layerDigests: ['sha256:' + '01'.repeat(32), 'sha256:' + '02'.repeat(32)]
};

function complete(result: BasicScanResult) {
	if (result.status !== 'COMPLETE') throw new Error(`expected COMPLETE, got ${result.status}`);
	return result;
}
const severityOf = (findings: readonly ImageScanFinding[]) => Object.fromEntries(findings.map((f) => [`${f.name} ${attr(f, 'package_name')}`, f.severity]));
const attr = (f: ImageScanFinding, key: string) => f.attributes?.find((a) => a.key === key)?.value;

describe('basic scanning of old base images', () => {
	it('finds alpine:3.14 vulnerable with the expected CVEs and severities', () => {
		const scan = complete(basicScan([base('alpine:3.14')], NOW));
		expect(severityOf(scan.findings)).toMatchObject({
			'CVE-2021-3711 openssl': 'CRITICAL',
			'CVE-2021-36159 apk-tools': 'CRITICAL',
			'CVE-2022-37434 zlib': 'CRITICAL',
			'CVE-2022-0778 openssl': 'HIGH',
			'CVE-2023-0286 openssl': 'HIGH',
			'CVE-2022-28391 busybox': 'HIGH',
			'CVE-2021-42386 busybox': 'HIGH',
			'CVE-2018-25032 zlib': 'HIGH',
			'CVE-2021-42374 busybox': 'MEDIUM',
			'CVE-2022-2097 openssl': 'MEDIUM'
		});
		expect(scan.description).toBe('The scan was completed successfully.');
		expect(scan.vulnerabilitySourceUpdatedAt).toEqual(new Date(CATALOGUE_UPDATED_AT));
		expect(scan.imageScanCompletedAt).toEqual(NOW);
	});

	it('writes findings as AWS-native basic scanning does', () => {
		const scan = complete(basicScan([base('alpine:3.14')], NOW));
		const sm2 = scan.findings.find((f) => f.name === 'CVE-2021-3711');
		expect(sm2).toEqual({
			name: 'CVE-2021-3711',
			description: expect.stringMatching(/SM2/),
			uri: 'https://security.alpinelinux.org/vuln/CVE-2021-3711',
			severity: 'CRITICAL',
			attributes: [
				{ key: 'CVSS3_SCORE', value: '9.8' },
				{ key: 'package_version', value: '1.1.1k-r0' },
				{ key: 'package_name', value: 'openssl' },
				{ key: 'CVSS3_VECTOR', value: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
				{ key: 'CVSS2_VECTOR', value: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' },
				{ key: 'CVSS2_SCORE', value: '7.5' }
			]
		});
	});

	it('rates Debian findings with Debian\'s rating when it has one, and links the Debian tracker', () => {
		const scan = complete(basicScan([base('debian:10')], NOW));
		expect(severityOf(scan.findings)).toMatchObject({
			'CVE-2021-3520 lz4': 'CRITICAL',
			'CVE-2022-23219 glibc': 'CRITICAL',
			'CVE-2022-1271 gzip': 'HIGH',
			'CVE-2011-3374 apt': 'LOW',
			'CVE-2010-4756 glibc': 'INFORMATIONAL'
		});
		const glob = scan.findings.find((f) => f.name === 'CVE-2010-4756');
		expect(glob?.uri).toBe('https://security-tracker.debian.org/tracker/CVE-2010-4756');
		// A CVE NVD only scored with CVSS v2 has no CVSS3 attributes.
		expect(glob?.attributes?.map((a) => a.key)).toEqual(['package_version', 'package_name', 'CVSS2_VECTOR', 'CVSS2_SCORE']);
		expect(attr(glob as ImageScanFinding, 'package_version')).toBe('2.28-10');
	});

	it('covers every severity between the old bases, with counts that match the findings', () => {
		const seen = new Set<string>();
		for (const ref of ['alpine:3.14', 'debian:10', 'python:3.7', 'nginx:1.19', 'amazonlinux:2', 'node:14-alpine']) {
			const scan = complete(basicScan([base(ref)], NOW));
			expect(scan.findings.length, ref).toBeGreaterThan(0);
			const counted: Record<string, number> = {};
			for (const f of scan.findings) counted[f.severity as string] = (counted[f.severity as string] ?? 0) + 1;
			expect(scan.findingSeverityCounts, ref).toEqual(counted);
			expect(Object.keys(scan.findingSeverityCounts), ref).toEqual(SEVERITY_ORDER.filter((s) => s in counted));
			for (const s of Object.keys(counted)) seen.add(s);
		}
		expect([...seen].sort()).toEqual(['CRITICAL', 'HIGH', 'INFORMATIONAL', 'LOW', 'MEDIUM']);
	});

	it('sorts findings by severity, then CVE id, then package', () => {
		const findings = complete(basicScan([base('debian:10')], NOW)).findings;
		const keys = findings.map((f) => [SEVERITY_ORDER.indexOf(f.severity as (typeof SEVERITY_ORDER)[number]), f.name ?? '', attr(f, 'package_name') ?? ''] as const);
		const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
		expect(keys).toEqual(sorted);
	});
});

describe('basic scanning of current base images', () => {
	it('finds nothing in current Alpine-based images', () => {
		for (const ref of ['alpine:3.20', 'alpine:3.22', 'node:22-alpine']) {
			const scan = complete(basicScan([base(ref)], NOW));
			expect(scan.findings, ref).toEqual([]);
			expect(scan.findingSeverityCounts, ref).toEqual({});
		}
	});

	it('finds only low and informational issues Debian has not fixed in current Debian-based images', () => {
		for (const ref of ['debian:12', 'python:3.13-slim', 'nginx:1.27']) {
			const scan = complete(basicScan([base(ref)], NOW));
			expect(scan.findingSeverityCounts, ref).toEqual({ LOW: 1, INFORMATIONAL: 1 });
		}
	});
});

describe('images basic scanning cannot scan', () => {
	it('reports scratch, and images with no readable filesystem, as UNSUPPORTED_IMAGE', () => {
		const expected = { status: 'UNSUPPORTED_IMAGE', description: UNSUPPORTED_IMAGE_DESCRIPTION };
		expect(basicScan([base('scratch')], NOW)).toEqual(expected);
		expect(basicScan([undefined, undefined], NOW)).toEqual(expected);
		expect(basicScan([], NOW)).toEqual(expected);
		expect(basicScan([{ os: { id: 'plan9', versionId: '4' }, packages: [] }], NOW)).toEqual(expected);
		expect(UNSUPPORTED_IMAGE_DESCRIPTION).toBe('UnsupportedImageError: The operating system and/or package manager are not supported.');
	});
});

describe('publication dates', () => {
	it('only reports CVEs published by the scan instant', () => {
		const ids = (at: string) => complete(basicScan([base('alpine:3.14')], new Date(at))).findings.map((f) => f.name);
		expect(ids('2022-03-15T17:14:59.999Z')).not.toContain('CVE-2022-0778');
		expect(ids('2022-03-15T17:14:59.999Z')).toContain('CVE-2021-3711');
		expect(ids('2022-03-15T17:15:00.000Z')).toContain('CVE-2022-0778');
		expect(ids('2021-01-01T00:00:00.000Z')).toEqual([]);
	});

	it('lets a continuous rescan surface a CVE published after the first scan, first observed no earlier than its publication', () => {
		const firstScan = new Date('2022-03-01T00:00:00.000Z');
		const before = enhancedScan([base('alpine:3.14')], firstScan, { ...TARGET, firstObservedAt: firstScan });
		expect(before.map((f) => f.packageVulnerabilityDetails?.vulnerabilityId)).not.toContain('CVE-2022-0778');
		const later = new Date('2022-04-01T00:00:00.000Z');
		const after = enhancedScan([base('alpine:3.14')], later, { ...TARGET, firstObservedAt: firstScan });
		const bn = after.find((f) => f.packageVulnerabilityDetails?.vulnerabilityId === 'CVE-2022-0778');
		expect(bn?.firstObservedAt).toEqual(new Date('2022-03-15T17:15:00.000Z'));
		expect(bn?.lastObservedAt).toEqual(later);
		expect(after.find((f) => f.packageVulnerabilityDetails?.vulnerabilityId === 'CVE-2021-3711')?.firstObservedAt).toEqual(firstScan);
	});

	it('takes remembered first-observed instants by finding ARN', () => {
		const arn = enhancedFindingArn(TARGET, 'CVE-2021-3711');
		const [finding] = enhancedScan([base('alpine:3.14')], NOW, { ...TARGET, firstObservedAt: { [arn]: '2026-11-21T00:00:00.000Z' } }).filter((f) => f.findingArn === arn);
		expect(finding?.firstObservedAt).toEqual(new Date('2026-11-21T00:00:00.000Z'));
	});
});

describe('layers', () => {
	it('sees a package upgraded in a later layer, as after `apk upgrade openssl`', () => {
		const upgraded = complete(basicScan([base('alpine:3.14'), app({ ecosystem: 'apk', name: 'openssl', version: '1.1.1t-r0' })], NOW));
		expect(upgraded.findings.filter((f) => attr(f, 'package_name') === 'openssl')).toEqual([]);
		expect(upgraded.findings.some((f) => attr(f, 'package_name') === 'zlib')).toBe(true);
	});
});

describe('basic and enhanced coverage', () => {
	const layers = [base('node:14-alpine'), app({ ecosystem: 'npm', name: 'express', version: '4.17.1' }, { ecosystem: 'npm', name: 'qs', version: '6.7.0' }, { ecosystem: 'npm', name: 'lodash', version: '4.17.20' })];

	it('basic scanning ignores language packages', () => {
		const names = complete(basicScan(layers, NOW)).findings.map((f) => attr(f, 'package_name'));
		expect(names).not.toContain('minimist');
		expect(names).not.toContain('express');
		expect(names).toContain('openssl');
	});

	it('enhanced scanning reports OS and language packages', () => {
		const ids = enhancedScan(layers, NOW, TARGET).map((f) => f.packageVulnerabilityDetails?.vulnerabilityId);
		expect(ids).toEqual(expect.arrayContaining(['CVE-2021-3711', 'CVE-2021-44906', 'CVE-2022-25883', 'CVE-2024-29041', 'CVE-2022-24999', 'CVE-2021-23337']));
	});

	it('enhanced scanning reads language packages even without an OS', () => {
		const ids = enhancedScan([base('scratch'), app({ ecosystem: 'pypi', name: 'requests', version: '2.25.0' }, { ecosystem: 'pypi', name: 'urllib3', version: '1.26.4' })], NOW, TARGET).map((f) => f.packageVulnerabilityDetails?.vulnerabilityId);
		expect(ids).toEqual(['CVE-2021-33503', 'CVE-2023-32681']);
	});
});

describe('enhanced findings', () => {
	it('take the Inspector shape', () => {
		const findings = enhancedScan([base('debian:10'), app({ ecosystem: 'npm', name: 'minimist', version: '1.2.5' })], NOW, TARGET);
		const apt = findings.find((f) => f.packageVulnerabilityDetails?.vulnerabilityId === 'CVE-2011-3374');
		expect(apt).toEqual({
			awsAccountId: '123456789012',
			description: expect.stringMatching(/apt-key/),
			findingArn: enhancedFindingArn(TARGET, 'CVE-2011-3374'),
			firstObservedAt: NOW,
			lastObservedAt: NOW,
			packageVulnerabilityDetails: {
				cvss: [
					{ baseScore: 3.7, scoringVector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N', source: 'NVD', version: '3.1' },
					{ baseScore: 4.3, scoringVector: 'AV:N/AC:M/Au:N/C:N/I:P/A:N', source: 'NVD', version: '2.0' }
				],
				referenceUrls: ['https://nvd.nist.gov/vuln/detail/CVE-2011-3374'],
				relatedVulnerabilities: [],
				source: 'DEBIAN_CVE',
				sourceUrl: 'https://security-tracker.debian.org/tracker/CVE-2011-3374',
				vendorCreatedAt: new Date('2019-11-26T00:15:00.000Z'),
				vendorSeverity: 'not yet assigned',
				vulnerabilityId: 'CVE-2011-3374',
				vulnerablePackages: [
					{ arch: 'AMD64', epoch: 0, name: 'apt', sourceLayerHash: TARGET.layerDigests?.[0], packageManager: 'OS', version: '1.8.2.3', fixedInVersion: 'NotAvailable' }
				]
			},
			remediation: { recommendation: { text: 'None Provided' } },
			resources: [
				{
					details: {
						awsEcrContainerImage: {
							architecture: 'amd64',
							imageHash: TARGET.imageDigest,
							imageTags: ['v1'],
							platform: 'DEBIAN_10',
							pushedAt: TARGET.pushedAt,
							registry: '123456789012',
							repositoryName: 'web'
						}
					},
					id: `arn:aws:ecr:us-east-1:123456789012:repository/web/${TARGET.imageDigest}`,
					tags: {},
					type: 'AWS_ECR_CONTAINER_IMAGE'
				}
			],
			score: 3.7,
			scoreDetails: { cvss: { adjustments: [], score: 3.7, scoreSource: 'NVD', scoringVector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N', version: '3.1' } },
			severity: 'LOW',
			status: 'ACTIVE',
			title: 'CVE-2011-3374 - apt',
			type: 'PACKAGE_VULNERABILITY',
			updatedAt: NOW,
			fixAvailable: 'NO',
			exploitAvailable: 'NO'
		});

		const zlib = findings.find((f) => f.packageVulnerabilityDetails?.vulnerabilityId === 'CVE-2022-37434');
		expect(zlib?.fixAvailable).toBe('YES');
		expect(zlib?.packageVulnerabilityDetails?.vulnerablePackages).toEqual([
			{ arch: 'AMD64', epoch: 1, name: 'zlib', sourceLayerHash: TARGET.layerDigests?.[0], packageManager: 'OS', release: '1', version: '1.2.11.dfsg', fixedInVersion: '1:1.2.11.dfsg-1+deb10u2' }
		]);

		const minimist = findings.find((f) => f.packageVulnerabilityDetails?.vulnerabilityId === 'CVE-2021-44906');
		expect(minimist).toMatchObject({ severity: 'CRITICAL', title: 'CVE-2021-44906 - minimist', packageVulnerabilityDetails: { source: 'NVD', sourceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44906', vendorSeverity: 'CRITICAL' } });
		expect(minimist?.packageVulnerabilityDetails?.vulnerablePackages?.[0]).toMatchObject({ name: 'minimist', version: '1.2.5', packageManager: 'NODEPKG', fixedInVersion: '1.2.6', sourceLayerHash: TARGET.layerDigests?.[1] });
	});

	it('rate by NVD score, so Debian-unimportant issues keep their NVD rating', () => {
		const glob = enhancedScan([base('debian:12')], NOW, TARGET).find((f) => f.packageVulnerabilityDetails?.vulnerabilityId === 'CVE-2010-4756');
		expect(glob).toMatchObject({ severity: 'MEDIUM', score: 4, packageVulnerabilityDetails: { vendorSeverity: 'unimportant' } });
	});

	it('have one deterministic ARN per image and CVE', () => {
		const findings = enhancedScan([base('alpine:3.14')], NOW, TARGET);
		const arns = findings.map((f) => f.findingArn);
		expect(new Set(arns).size).toBe(arns.length);
		for (const arn of arns) expect(arn).toMatch(/^arn:aws:inspector2:us-east-1:123456789012:finding\/[0-9a-f]{32}$/);
		expect(enhancedFindingArn({ ...TARGET, imageDigest: 'sha256:' + 'cd'.repeat(32) }, 'CVE-2021-3711')).not.toBe(enhancedFindingArn(TARGET, 'CVE-2021-3711'));
	});

	it('are sorted by severity, and counted in AWS\'s shape', () => {
		const findings = enhancedScan([base('nginx:1.19')], NOW, TARGET);
		const ranks = findings.map((f) => SEVERITY_ORDER.indexOf(f.severity as (typeof SEVERITY_ORDER)[number]));
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		const counts = enhancedSeverityCounts(findings);
		expect(Object.values(counts).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(findings.length);
		expect(Object.values(counts).every((n) => (n ?? 0) > 0)).toBe(true);
	});

	it('find nothing above LOW in current images', () => {
		for (const ref of ['alpine:3.20', 'alpine:3.22', 'node:22-alpine', 'debian:12', 'python:3.13-slim', 'nginx:1.27']) {
			const severe = enhancedScan([base(ref)], NOW, TARGET).filter((f) => f.severity === 'CRITICAL' || f.severity === 'HIGH');
			expect(severe, ref).toEqual([]);
		}
	});
});

describe('determinism', () => {
	it('returns equal results for equal inputs, and leaves its inputs alone', () => {
		const layers = [base('python:3.7'), app({ ecosystem: 'pypi', name: 'requests', version: '2.25.0' })];
		const copy = structuredClone(layers);
		expect(basicScan(layers, NOW)).toEqual(basicScan(structuredClone(layers), NOW));
		expect(enhancedScan(layers, NOW, TARGET)).toEqual(enhancedScan(structuredClone(layers), NOW, TARGET));
		expect(layers).toEqual(copy);
	});
});
