// Where the CloudFormation view looks: one account and Region of the world, as the console's
// account and Region selectors choose. Stacks a stack set makes live in other accounts and
// Regions, so the learner moves there to open them.
import { ACCOUNTS, LEARNER_ACCOUNT, REGIONS } from '$lib/engines/world-constants';

export interface Scope {
	account: string;
	region: string;
}

export const scopeKey = (s: Scope): string => `${s.account}/${s.region}`;
export const sameScope = (a: Scope, b: Scope): boolean => a.account === b.account && a.region === b.region;
export const isKnownScope = (s: Scope): boolean => (ACCOUNTS as readonly string[]).includes(s.account) && (REGIONS as readonly string[]).includes(s.region);

/** Which account is the learner's, in words short enough for a select on a phone. */
export const accountLabel = (account: string): string => (account === LEARNER_ACCOUNT ? `${account} (yours)` : `${account} (second)`);

/** A saved scope, or `fallback` when it is not one of the world's accounts and Regions. */
export function restoreScope(raw: unknown, fallback: Scope): Scope {
	const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Scope, unknown>>;
	const scope = { account: String(s.account ?? ''), region: String(s.region ?? '') };
	return isKnownScope(scope) ? scope : { ...fallback };
}

/** The account and Region in a stack ARN (`arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>`). */
export function scopeOfStackId(stackId: string): Scope | null {
	const m = /^arn:aws:cloudformation:([a-z0-9-]+):(\d{12}):stack\//.exec(stackId);
	if (!m) return null;
	const scope = { account: m[2]!, region: m[1]! };
	return isKnownScope(scope) ? scope : null;
}
