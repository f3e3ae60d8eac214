// What OperationPreferences mean for the order and pace of an operation (User Guide, "StackSet
// operation options"; API Reference, StackSetOperationPreferences):
// - Regions go in RegionOrder first, then the others in the order the call named them; SEQUENTIAL
//   (the default) finishes a Region before starting the next, PARALLEL runs them all at once.
// - Failure tolerance is per Region; a percentage rounds down. Exceeding it stops the operation:
//   nothing more starts in that Region or any later one.
// - At most MaxConcurrent targets run at once in a Region (default 1; a percentage rounds down,
//   but never below one). STRICT_FAILURE_TOLERANCE (the default) also keeps concurrency at or below
//   FailureToleranceCount + 1, lowered by each failure; SOFT_FAILURE_TOLERANCE does not.
import type { OperationRecord, PreferencesRecord, TargetRecord } from './state';

/** Targets ordered Region by Region: RegionOrder first, then the Regions as given; accounts as given. */
export function orderTargets(pairs: readonly { account: string; region: string }[], prefs: PreferencesRecord): { account: string; region: string }[] {
	const given = [...new Set(pairs.map((p) => p.region))];
	const order = [...prefs.regionOrder.filter((r) => given.includes(r)), ...given.filter((r) => !prefs.regionOrder.includes(r))];
	return order.flatMap((region) => pairs.filter((p) => p.region === region));
}

/** The Regions of an operation in the order it works through them. */
export const regionsOf = (op: OperationRecord): string[] => [...new Set(op.targets.map((t) => t.region))];

const inRegion = (op: OperationRecord, region: string): TargetRecord[] => op.targets.filter((t) => t.region === region);

const count = (n: unknown): number | undefined => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : undefined);

/** How many targets of a Region may fail before the operation stops. */
export function tolerance(op: OperationRecord, region: string): number {
	const p = op.preferences;
	const fixed = count(p.failureToleranceCount);
	if (fixed !== undefined) return fixed;
	const pct = count(p.failureTolerancePercentage);
	return pct === undefined ? 0 : Math.floor((Math.min(pct, 100) * inRegion(op, region).length) / 100);
}

export const failures = (op: OperationRecord, region: string): number => inRegion(op, region).filter((t) => t.status === 'FAILED').length;

export const toleranceExceeded = (op: OperationRecord, region: string): boolean => failures(op, region) > tolerance(op, region);

/** How many targets of a Region may run at once now. */
export function concurrency(op: OperationRecord, region: string): number {
	const p = op.preferences;
	const pct = count(p.maxConcurrentPercentage);
	const max = count(p.maxConcurrentCount) ?? (pct === undefined ? 1 : Math.floor((Math.min(pct, 100) * inRegion(op, region).length) / 100));
	const limit = Math.max(1, max);
	if (p.concurrencyMode === 'SOFT_FAILURE_TOLERANCE') return limit;
	return Math.max(1, Math.min(limit, tolerance(op, region) + 1 - failures(op, region)));
}

export const isParallel = (op: OperationRecord): boolean => op.preferences.regionConcurrencyType === 'PARALLEL';
