// Image scanning's data side: what a layer holds, what is known to be vulnerable, what a scan reports.
export {
	ECOSYSTEMS,
	OS_ECOSYSTEMS,
	ROOTFS_LIMITS,
	ROOTFS_MAGIC,
	encodeRootfs,
	isOsEcosystem,
	mergeRootfs,
	readRootfs,
	type Ecosystem,
	type ImageContents,
	type InstalledPackage,
	type RootfsInfo,
	type RootfsPackage
} from './rootfs';
export {
	BASE_IMAGES,
	BASE_IMAGE_REFERENCES,
	CATALOGUE_UPDATED_AT,
	VULNERABILITIES,
	baseImageRootfs,
	type AffectedPackage,
	type BaseImage,
	type CatalogueVulnerability,
	type CvssScore
} from './catalogue';
export {
	SCAN_COMPLETE_DESCRIPTION,
	UNSUPPORTED_IMAGE_DESCRIPTION,
	basicScan,
	enhancedFindingArn,
	enhancedScan,
	enhancedSeverityCounts,
	type BasicScanResult,
	type EnhancedScanTarget
} from './findings';
export { SEVERITY_ORDER, countSeverities, cvss2Severity, cvss3Severity, severityRank, type VendorSeverity } from './severity';
export { compareVersions, inRange } from './versions';
