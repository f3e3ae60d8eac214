// ARNs as IAM reads them: the first five colons separate partition, service, Region and account;
// everything after the fifth colon is the resource part (which may contain more colons). A
// wildcard in one of the first five segments never reaches into the next one, which is why
// ArnLike and StringLike can disagree on the same pattern (documented on the condition
// operators page).
import { compileGlob, matchGlob, type Glob, type Token } from './wildcard';

export const ANONYMOUS = 'anonymous';

/** Splits at the first five colons; undefined when there are fewer than five. */
export function splitArn(text: string): string[] | undefined {
	const parts: string[] = [];
	let from = 0;
	for (let i = 0; i < 5; i++) {
		const at = text.indexOf(':', from);
		if (at === -1) return undefined;
		parts.push(text.slice(from, at));
		from = at + 1;
	}
	parts.push(text.slice(from));
	return parts;
}

export type ArnMatcher = { kind: 'all' } | { kind: 'segments'; parts: Glob[] } | { kind: 'whole'; glob: Glob };

/** Splits resolved tokens at the first five literal colons, the way splitArn splits text. */
function splitTokens(tokens: Token[]): Token[][] {
	const parts: Token[][] = [[]];
	for (const t of tokens) {
		if (t.k !== 'lit' || parts.length === 6) {
			(parts[parts.length - 1] as Token[]).push(t);
			continue;
		}
		let rest = t.s;
		while (parts.length < 6) {
			const at = rest.indexOf(':');
			if (at === -1) break;
			if (at > 0) (parts[parts.length - 1] as Token[]).push({ k: 'lit', s: rest.slice(0, at) });
			parts.push([]);
			rest = rest.slice(at + 1);
		}
		if (rest) (parts[parts.length - 1] as Token[]).push({ k: 'lit', s: rest });
	}
	return parts;
}

/**
 * A Resource pattern or Arn* condition value. A full six-part pattern is matched segment by
 * segment; a shorter one (`arn:aws:ecr:*`) as one wildcard string, so its trailing star covers
 * the segments it leaves out.
 */
export function compileArnPattern(tokens: Token[]): ArnMatcher {
	if (tokens.length === 1 && tokens[0]?.k === 'star') return { kind: 'all' };
	const parts = splitTokens(tokens);
	if (parts.length < 6) return { kind: 'whole', glob: compileGlob(tokens) };
	return { kind: 'segments', parts: parts.map(compileGlob) };
}

export function matchArn(matcher: ArnMatcher, text: string, textParts: string[] | undefined): boolean {
	if (matcher.kind === 'all') return true;
	if (matcher.kind === 'whole') return matchGlob(matcher.glob, text);
	if (!textParts) return false;
	for (let i = 0; i < 6; i++) if (!matchGlob(matcher.parts[i] as Glob, textParts[i] as string)) return false;
	return true;
}

export type PrincipalType = 'root' | 'user' | 'role' | 'assumed-role' | 'federated-user' | 'service' | 'anonymous' | 'unknown';

export interface RequestPrincipal {
	arn: string;
	account: string;
	type: PrincipalType;
	/** For an assumed-role session: the role's name (a session ARN carries no role path). */
	roleName?: string;
	/** The value of aws:PrincipalArn: the role ARN for a role session (path unknown, so none). */
	principalArn: string;
}

const ACCOUNT_ID = /^[0-9]{12}$/;

/** Reads who is calling from the caller's ARN (or a service name, or `anonymous`). */
export function classifyPrincipal(arn: string, account: string): RequestPrincipal {
	const base = { arn, account, principalArn: arn };
	if (arn === ANONYMOUS || arn === '*') return { ...base, type: 'anonymous' };
	const parts = splitArn(arn);
	if (!parts || parts[0] !== 'arn') return { ...base, type: /\.amazonaws\.com(\.cn)?$/.test(arn) ? 'service' : 'unknown' };
	const [, partition, service, , , resource = ''] = parts;
	if (service === 'iam') {
		if (resource === 'root') return { ...base, type: 'root' };
		if (resource.startsWith('user/')) return { ...base, type: 'user' };
		if (resource.startsWith('role/')) return { ...base, type: 'role' };
	}
	if (service === 'sts') {
		const m = /^assumed-role\/([^/]+)\/(.+)$/.exec(resource);
		if (m) {
			const roleName = m[1] as string;
			return { ...base, type: 'assumed-role', roleName, principalArn: `arn:${partition}:iam::${parts[4]}:role/${roleName}` };
		}
		if (resource.startsWith('federated-user/')) return { ...base, type: 'federated-user' };
	}
	return { ...base, type: 'unknown' };
}

export type PrincipalMatch = 'exact' | 'account';

/**
 * Matches one value of a Principal's "AWS" list. `account` means the value names the caller's
 * account (its root ARN or bare ID): that trusts the account, which then decides through its own
 * IAM policies; it grants nothing to a particular principal by itself.
 */
export function matchAwsPrincipal(value: string, req: RequestPrincipal): PrincipalMatch | undefined {
	if (value === '*') return 'exact';
	if (req.type === 'anonymous' || req.type === 'service') return undefined;
	if (ACCOUNT_ID.test(value)) return value === req.account ? 'account' : undefined;
	const parts = splitArn(value);
	if (!parts || parts[0] !== 'arn') return undefined;
	const account = parts[4];
	const resource = parts[5] as string;
	if (parts[2] === 'iam' && resource === 'root') return account === req.account ? 'account' : undefined;
	if (value === req.arn) return 'exact';
	// A role ARN names every session of that role; a session ARN drops the role's path.
	if (req.type === 'assumed-role' && parts[2] === 'iam' && resource.startsWith('role/') && account === req.account) {
		const name = resource.slice(resource.lastIndexOf('/') + 1);
		if (name === req.roleName) return 'exact';
	}
	return undefined;
}

const UNIQUE_ID = /^A[A-Z0-9]{3}[A-Z0-9]{16,}$/;

/** Whether AWS would accept this value in a Principal's "AWS" list (no partial wildcards). */
export function isValidAwsPrincipal(value: string): boolean {
	if (value === '*' || ACCOUNT_ID.test(value) || UNIQUE_ID.test(value)) return true;
	if (value.includes('*') || value.includes('?')) return false;
	const parts = splitArn(value);
	if (!parts || parts[0] !== 'arn' || !parts[1] || !ACCOUNT_ID.test(parts[4] as string) || parts[3] !== '') return false;
	const resource = parts[5] as string;
	if (parts[2] === 'iam') return resource === 'root' || /^(user|role)\/(.+\/)?[^/]+$/.test(resource);
	if (parts[2] === 'sts') return /^assumed-role\/[^/]+\/[^/]+$/.test(resource) || /^federated-user\/[^/]+$/.test(resource);
	return false;
}
