// What a scan of an image reports, as pure functions of the image's layers and the scan instant.
//
// Basic scanning (ECR's own, "AWS native") reads OS packages only and answers in the
// ImageScanFinding shape; enhanced scanning (Amazon Inspector) also reads language packages and
// answers in the EnhancedImageScanFinding shape. Both only know CVEs published by the scan
// instant, so a continuous rescan later in virtual time can surface a CVE the first scan could not.
//
// Shapes follow real responses: basic attributes are CVSS3_SCORE, package_version, package_name,
// CVSS3_VECTOR, then CVSS2_VECTOR and CVSS2_SCORE when NVD has a v2 score, and a Debian finding's
// uri is its Debian security-tracker page (all as in a published AWS-native scan result); an
// enhanced finding's ARN, resource id, DEBIAN_CVE source, "not yet assigned" vendor severity,
// "NotAvailable" fix, "None Provided" remediation and "<CVE> - <package>" title are as in a
// published Inspector finding. Choices without such a source are marked where they are made.
import type { EnhancedImageScanFinding, FindingSeverity, ImageScanFinding, VulnerablePackage } from '@aws-sdk/client-ecr';
import { sha256, toHex } from '../../sha256';
import { CATALOGUE_UPDATED_AT, VULNERABILITIES, type AffectedPackage, type CatalogueVulnerability } from './catalogue';
import { compareStrings, isOsEcosystem, mergeRootfs, type Ecosystem, type ImageContents, type InstalledPackage, type RootfsInfo } from './rootfs';
import { countSeverities, cvss2Severity, cvss3Severity, severityRank, vendorSeverity } from './severity';
import { inRange } from './versions';

export { CATALOGUE_UPDATED_AT };

/** ECR's words for an image without an OS it can scan (seen in DescribeImageScanFindings responses). */
export const UNSUPPORTED_IMAGE_DESCRIPTION = 'UnsupportedImageError: The operating system and/or package manager are not supported.';
export const SCAN_COMPLETE_DESCRIPTION = 'The scan was completed successfully.';

// Which package database an OS keeps its packages in. The distributions are those ECR's
// troubleshooting page says basic scanning supports.
const OS_ECOSYSTEM: Readonly<Record<string, Ecosystem>> = {
	alpine: 'apk',
	debian: 'deb',
	ubuntu: 'deb',
	amzn: 'rpm',
	centos: 'rpm',
	rhel: 'rpm',
	ol: 'rpm'
};

export type BasicScanResult =
	| { status: 'UNSUPPORTED_IMAGE'; description: string }
	| {
			status: 'COMPLETE';
			description: string;
			findings: ImageScanFinding[];
			findingSeverityCounts: Partial<Record<FindingSeverity, number>>;
			imageScanCompletedAt: Date;
			vulnerabilitySourceUpdatedAt: Date;
	  };

interface Match {
	vulnerability: CatalogueVulnerability;
	affected: AffectedPackage;
	installed: InstalledPackage;
}

function published(v: CatalogueVulnerability, at: Date): boolean {
	return Date.parse(v.publishedAt) <= at.getTime();
}

/** Every (CVE, installed package) pair the catalogue knows about at the given instant. */
function matches(packages: readonly InstalledPackage[], at: Date): Match[] {
	const out: Match[] = [];
	for (const vulnerability of VULNERABILITIES) {
		if (!published(vulnerability, at)) continue;
		for (const installed of packages) {
			// A package can sit in several ranges of one CVE (several branches): report it once.
			const affected = vulnerability.affects.find((a) => a.ecosystem === installed.ecosystem && a.name === installed.name && inRange(installed.version, a));
			if (affected) out.push({ vulnerability, affected, installed });
		}
	}
	return out;
}

function nvdSeverity(v: CatalogueVulnerability): FindingSeverity | undefined {
	if (v.cvss3) return cvss3Severity(v.cvss3.score);
	if (v.cvss2) return cvss2Severity(v.cvss2.score);
	return undefined;
}

/** Basic scanning prefers the distribution's rating and falls back to NVD's (ECR user guide, basic scanning). */
function basicSeverity(m: Match): FindingSeverity {
	if (m.affected.vendorSeverity) return vendorSeverity(m.affected.vendorSeverity);
	return nvdSeverity(m.vulnerability) ?? 'UNDEFINED';
}

const nvdUrl = (id: string): string => `https://nvd.nist.gov/vuln/detail/${id}`;

// Only the Debian form is confirmed; the Alpine and Amazon Linux trackers are this simulator's choice.
function trackerUrl(ecosystem: Ecosystem, id: string): string {
	if (ecosystem === 'deb') return `https://security-tracker.debian.org/tracker/${id}`;
	if (ecosystem === 'apk') return `https://security.alpinelinux.org/vuln/${id}`;
	if (ecosystem === 'rpm') return `https://alas.aws.amazon.com/cve/html/${id}.html`;
	return nvdUrl(id);
}

const score = (n: number): string => n.toFixed(1);

function basicFinding(m: Match): ImageScanFinding {
	const { vulnerability: v, installed } = m;
	const attributes = [
		...(v.cvss3 ? [{ key: 'CVSS3_SCORE', value: score(v.cvss3.score) }] : []),
		{ key: 'package_version', value: installed.version },
		{ key: 'package_name', value: installed.name },
		...(v.cvss3 ? [{ key: 'CVSS3_VECTOR', value: v.cvss3.vector }] : []),
		...(v.cvss2
			? [
					{ key: 'CVSS2_VECTOR', value: v.cvss2.vector },
					{ key: 'CVSS2_SCORE', value: score(v.cvss2.score) }
				]
			: [])
	];
	return { name: v.id, description: v.description, uri: trackerUrl(installed.ecosystem, v.id), severity: basicSeverity(m), attributes };
}

const bySeverityThenId = (a: { severity?: string; id: string; key: string }, b: { severity?: string; id: string; key: string }): number =>
	severityRank(a.severity) - severityRank(b.severity) || compareStrings(a.id, b.id) || compareStrings(a.key, b.key);

/** The OS package database basic scanning reads, or undefined when it cannot scan the image. */
function scannableOs(contents: ImageContents): Ecosystem | undefined {
	return contents.os ? OS_ECOSYSTEM[contents.os.id] : undefined;
}

/**
 * A basic scan of an image, given each layer's filesystem (undefined for an opaque layer), base
 * layer first. OS packages only; an image with no OS release it knows (scratch) is UNSUPPORTED_IMAGE.
 */
export function basicScan(layers: readonly (RootfsInfo | undefined)[], scannedAt: Date): BasicScanResult {
	const contents = mergeRootfs(layers);
	const ecosystem = scannableOs(contents);
	if (!ecosystem) return { status: 'UNSUPPORTED_IMAGE', description: UNSUPPORTED_IMAGE_DESCRIPTION };
	const findings = matches(
		contents.packages.filter((p) => p.ecosystem === ecosystem),
		scannedAt
	)
		.map(basicFinding)
		.map((f) => ({ f, sortKey: { severity: f.severity, id: f.name ?? '', key: packageNameOf(f) } }))
		.sort((a, b) => bySeverityThenId(a.sortKey, b.sortKey))
		.map(({ f }) => f);
	return {
		status: 'COMPLETE',
		description: SCAN_COMPLETE_DESCRIPTION,
		findings,
		findingSeverityCounts: countSeverities(findings.map((f) => f.severity ?? 'UNDEFINED')),
		imageScanCompletedAt: new Date(scannedAt.getTime()),
		vulnerabilitySourceUpdatedAt: new Date(CATALOGUE_UPDATED_AT)
	};
}

const packageNameOf = (f: ImageScanFinding): string => f.attributes?.find((a) => a.key === 'package_name')?.value ?? '';

// ---------------------------------------------------------------- enhanced (Inspector)

/** Which image an enhanced scan is of, and what the caller remembers between rescans. */
export interface EnhancedScanTarget {
	accountId: string;
	region: string;
	repositoryName: string;
	imageDigest: string;
	imageTags?: readonly string[];
	pushedAt?: Date;
	/** The image config's architecture; amd64 when not given. */
	architecture?: string;
	/** Each layer's blob digest, in the same order as the layers: a package's sourceLayerHash. */
	layerDigests?: readonly string[];
	/**
	 * When findings were first reported. A Date is when the image was first scanned: a finding
	 * counts from then, or from its CVE's publication if that came later (a later rescan found it).
	 * A record maps finding ARNs to ISO instants, for callers that remember each finding.
	 */
	firstObservedAt?: Date | Readonly<Record<string, string>>;
}

/** Deterministic stand-in for Inspector's finding id: one finding per (image, CVE). */
export function enhancedFindingArn(input: Pick<EnhancedScanTarget, 'accountId' | 'region' | 'repositoryName' | 'imageDigest'>, vulnerabilityId: string): string {
	const hash = toHex(sha256([input.accountId, input.region, input.repositoryName, input.imageDigest, vulnerabilityId].join('\n'))).slice(0, 32);
	return `arn:aws:inspector2:${input.region}:${input.accountId}:finding/${hash}`;
}

// Inspector's platform names for ECR images. DEBIAN_<major> is seen in a published finding; the
// Alpine and Amazon Linux spellings follow the same pattern but are not confirmed.
function platform(os: ImageContents['os']): string | undefined {
	if (!os) return undefined;
	const [major = '', minor] = os.versionId.split('.');
	if (os.id === 'debian') return `DEBIAN_${major}`;
	if (os.id === 'alpine') return `ALPINE_LINUX_${major}_${minor ?? '0'}`;
	if (os.id === 'amzn') return `AMAZON_LINUX_${major}`;
	return `${os.id.toUpperCase()}_${major}`;
}

// Where a language package's metadata lives inside the image. Illustrative paths: the simulated
// filesystem does not record where a package was installed.
function languagePackage(p: InstalledPackage): Pick<VulnerablePackage, 'packageManager' | 'filePath'> {
	if (p.ecosystem === 'npm') return { packageManager: 'NODEPKG', filePath: `app/node_modules/${p.name}/package.json` };
	return { packageManager: 'PYTHONPKG', filePath: `usr/local/lib/python3/site-packages/${p.name}-${p.version}.dist-info/METADATA` };
}

// Inspector splits OS package versions into epoch, version and release (dpkg "1:1.2.11.dfsg-1"
// becomes epoch 1, version 1.2.11.dfsg, release 1) and prints fixed versions with the epoch.
function splitOsVersion(version: string): { epoch: number; version: string; release?: string } {
	const m = /^(\d+):(.*)$/.exec(version);
	const epoch = m ? Number(m[1]) : 0;
	const rest = m ? (m[2] ?? '') : version;
	const dash = rest.lastIndexOf('-');
	return dash === -1 ? { epoch, version: rest } : { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
}

const withEpoch = (version: string): string => (/^\d+:/.test(version) ? version : `0:${version}`);

function vulnerablePackage(m: Match, layerDigests: readonly string[]): VulnerablePackage {
	const { installed, affected } = m;
	const sourceLayerHash = layerDigests[installed.layerIndex];
	const common = { name: installed.name, ...(sourceLayerHash ? { sourceLayerHash } : {}) };
	if (isOsEcosystem(installed.ecosystem)) {
		const { epoch, version, release } = splitOsVersion(installed.version);
		return {
			arch: 'AMD64',
			epoch,
			...common,
			packageManager: 'OS',
			...(release !== undefined ? { release } : {}),
			version,
			fixedInVersion: affected.fixed ? withEpoch(affected.fixed) : 'NotAvailable'
		};
	}
	return { ...common, ...languagePackage(installed), version: installed.version, fixedInVersion: affected.fixed ?? 'NotAvailable' };
}

const cvssVersion = (vector: string): string => /^CVSS:(3\.[01])\//.exec(vector)?.[1] ?? '3.1';

function enhancedFinding(vulnerabilityMatches: readonly Match[], scannedAt: Date, input: EnhancedScanTarget, contents: ImageContents): EnhancedImageScanFinding {
	const first = vulnerabilityMatches[0] as Match;
	const v = first.vulnerability;
	const debian = vulnerabilityMatches.every((m) => m.installed.ecosystem === 'deb');
	const findingArn = enhancedFindingArn(input, v.id);
	const primary = v.cvss3 ? { score: v.cvss3.score, vector: v.cvss3.vector, version: cvssVersion(v.cvss3.vector) } : v.cvss2 ? { score: v.cvss2.score, vector: v.cvss2.vector, version: '2.0' } : undefined;
	// Inspector rates findings by NVD score; UNTRIAGED when there is none. A v2-only CVE is rated on
	// its v2 score here (an assumption: the catalogue's v2-only CVE predates v3).
	const severity = v.cvss3 ? cvss3Severity(v.cvss3.score) : v.cvss2 ? cvss2Severity(v.cvss2.score) : 'UNTRIAGED';
	const vendor = vulnerabilityMatches.find((m) => m.affected.vendorSeverity)?.affected.vendorSeverity;
	const fixes = vulnerabilityMatches.filter((m) => m.affected.fixed !== undefined).length;
	const names = [...new Set(vulnerabilityMatches.map((m) => m.installed.name))];
	const awsEcrContainerImage = {
		architecture: input.architecture ?? 'amd64',
		imageHash: input.imageDigest,
		...(input.imageTags?.length ? { imageTags: [...input.imageTags] } : {}),
		...(platform(contents.os) ? { platform: platform(contents.os) } : {}),
		...(input.pushedAt ? { pushedAt: new Date(input.pushedAt.getTime()) } : {}),
		registry: input.accountId,
		repositoryName: input.repositoryName
	};
	return {
		awsAccountId: input.accountId,
		description: v.description,
		findingArn,
		firstObservedAt: firstObserved(input.firstObservedAt, findingArn, v, scannedAt),
		lastObservedAt: new Date(scannedAt.getTime()),
		packageVulnerabilityDetails: {
			cvss: [
				...(v.cvss3 ? [{ baseScore: v.cvss3.score, scoringVector: v.cvss3.vector, source: 'NVD', version: cvssVersion(v.cvss3.vector) }] : []),
				...(v.cvss2 ? [{ baseScore: v.cvss2.score, scoringVector: v.cvss2.vector, source: 'NVD', version: '2.0' }] : [])
			],
			referenceUrls: debian ? [nvdUrl(v.id)] : [],
			relatedVulnerabilities: [],
			source: debian ? 'DEBIAN_CVE' : 'NVD',
			sourceUrl: debian ? trackerUrl('deb', v.id) : nvdUrl(v.id),
			vendorCreatedAt: new Date(v.publishedAt),
			vendorSeverity: debian ? (vendor ?? 'not yet assigned') : (nvdSeverity(v) ?? 'UNTRIAGED'),
			vulnerabilityId: v.id,
			vulnerablePackages: vulnerabilityMatches.map((m) => vulnerablePackage(m, input.layerDigests ?? []))
		},
		remediation: { recommendation: { text: 'None Provided' } },
		resources: [
			{
				details: { awsEcrContainerImage },
				id: `arn:aws:ecr:${input.region}:${input.accountId}:repository/${input.repositoryName}/${input.imageDigest}`,
				tags: {},
				type: 'AWS_ECR_CONTAINER_IMAGE'
			}
		],
		score: primary?.score ?? 0,
		...(primary ? { scoreDetails: { cvss: { adjustments: [], score: primary.score, scoreSource: 'NVD', scoringVector: primary.vector, version: primary.version } } } : {}),
		severity,
		status: 'ACTIVE',
		title: `${v.id} - ${names.join(', ')}`,
		type: 'PACKAGE_VULNERABILITY',
		updatedAt: new Date(scannedAt.getTime()),
		fixAvailable: fixes === vulnerabilityMatches.length ? 'YES' : fixes === 0 ? 'NO' : 'PARTIAL',
		// The catalogue does not track exploit intelligence.
		exploitAvailable: 'NO'
	};
}

function firstObserved(remembered: EnhancedScanTarget['firstObservedAt'], findingArn: string, v: CatalogueVulnerability, scannedAt: Date): Date {
	let ms = scannedAt.getTime();
	if (remembered instanceof Date) ms = Math.max(remembered.getTime(), Date.parse(v.publishedAt));
	else if (remembered?.[findingArn] !== undefined) ms = Date.parse(remembered[findingArn] as string);
	return new Date(Number.isFinite(ms) ? Math.min(ms, scannedAt.getTime()) : scannedAt.getTime());
}

/**
 * An enhanced scan of an image, given each layer's filesystem (undefined for an opaque layer),
 * base layer first: OS packages (of the image's OS) and language packages, one finding per CVE
 * listing every vulnerable package, sorted by severity then CVE id. An image without an OS
 * release still has its language packages scanned.
 */
export function enhancedScan(layers: readonly (RootfsInfo | undefined)[], scannedAt: Date, target: EnhancedScanTarget): EnhancedImageScanFinding[] {
	const contents = mergeRootfs(layers);
	const osEcosystem = scannableOs(contents);
	const scanned = contents.packages.filter((p) => (isOsEcosystem(p.ecosystem) ? p.ecosystem === osEcosystem : true));
	const grouped = new Map<string, Match[]>();
	for (const m of matches(scanned, scannedAt)) grouped.set(m.vulnerability.id, [...(grouped.get(m.vulnerability.id) ?? []), m]);
	return [...grouped.values()]
		.map((ms) => enhancedFinding(ms, scannedAt, target, contents))
		.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || compareStrings(a.packageVulnerabilityDetails?.vulnerabilityId ?? '', b.packageVulnerabilityDetails?.vulnerabilityId ?? ''));
}

/** findingSeverityCounts for enhanced findings, which may include UNTRIAGED. */
export const enhancedSeverityCounts = (findings: readonly EnhancedImageScanFinding[]): Partial<Record<string, number>> =>
	countSeverities(findings.map((f) => f.severity ?? 'UNTRIAGED'));
