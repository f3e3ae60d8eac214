// Severities, their order, and how a score or a distribution's rating becomes one.
import type { FindingSeverity } from '@aws-sdk/client-ecr';

/** Worst first: the order findings are listed in. Enhanced findings add UNTRIAGED (no score yet). */
export const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNTRIAGED', 'UNDEFINED'] as const;

export const severityRank = (severity: string | undefined): number => {
	const i = (SEVERITY_ORDER as readonly string[]).indexOf(severity ?? '');
	return i === -1 ? SEVERITY_ORDER.length : i;
};

/** NVD's CVSS v3 bands (also Inspector's, per "Severity levels for Amazon Inspector findings"). */
export function cvss3Severity(score: number): FindingSeverity {
	if (score >= 9) return 'CRITICAL';
	if (score >= 7) return 'HIGH';
	if (score >= 4) return 'MEDIUM';
	if (score > 0) return 'LOW';
	return 'INFORMATIONAL';
}

/** NVD's CVSS v2 bands: v2 had no "critical". */
export function cvss2Severity(score: number): FindingSeverity {
	if (score >= 7) return 'HIGH';
	if (score >= 4) return 'MEDIUM';
	return 'LOW';
}

/**
 * A distribution's own rating, when it has one. Debian's "unimportant" is how a Debian scan on ECR
 * ends up with many INFORMATIONAL findings; the mapping itself is this simulator's reading of it.
 */
export type VendorSeverity = 'unimportant' | 'low' | 'medium' | 'high' | 'critical';

const VENDOR: Record<VendorSeverity, FindingSeverity> = {
	unimportant: 'INFORMATIONAL',
	low: 'LOW',
	medium: 'MEDIUM',
	high: 'HIGH',
	critical: 'CRITICAL'
};

export const vendorSeverity = (rating: VendorSeverity): FindingSeverity => VENDOR[rating];

/** Counts in AWS's shape: only the severities that occur, keys in severity order. */
export function countSeverities<S extends string>(severities: Iterable<S>): Partial<Record<S, number>> {
	const counts = new Map<S, number>();
	for (const s of severities) counts.set(s, (counts.get(s) ?? 0) + 1);
	const out: Partial<Record<S, number>> = {};
	for (const s of [...counts.keys()].sort((a, b) => severityRank(a) - severityRank(b))) out[s] = counts.get(s);
	return out;
}
