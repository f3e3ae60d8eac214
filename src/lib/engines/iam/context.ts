// What a request looks like to the policies: the caller, the time, and the condition keys,
// with the global keys AWS adds to every request.
import { AwsError } from '../errors';
import { classifyPrincipal, splitArn, type RequestPrincipal } from './arn';
import type { ConditionContext } from './conditions';
import { parseIamDate } from './dates';

export interface AuthorizationRequest {
	/** The caller: a user, role or role-session ARN, an account root ARN, a service name or `anonymous`. */
	principalArn: string;
	principalAccount: string;
	/** `service:Action`, e.g. `ecr:PutImage`. */
	action: string;
	/** The ARN of the resource acted on (`*` for actions without one, like ecr:GetAuthorizationToken). */
	resource: string;
	/**
	 * Condition keys of this request (aws:SourceIp, ecr:ResourceTag/env, aws:TagKeys ...).
	 * A key set to undefined is explicitly absent: it removes a default below.
	 */
	context: Record<string, string | string[] | undefined>;
	/** The request time (ISO 8601), from the world's clock: aws:CurrentTime and aws:EpochTime. */
	now: string;
}

const PRINCIPAL_TYPE: Partial<Record<RequestPrincipal['type'], string>> = {
	root: 'Account',
	user: 'User',
	role: 'AssumedRole',
	'assumed-role': 'AssumedRole',
	'federated-user': 'FederatedUser',
	anonymous: 'Anonymous'
};

interface TimeKeys {
	ms: number;
	iso: string[];
	epoch: string[];
}

// The same few instants and callers come back on every call of a push or a pull; remembering
// them keeps the hot path free of date parsing. Both maps hold derived, immutable values only.
const timeCache = new Map<string, TimeKeys | null>();
const principalCache = new Map<string, { principal: RequestPrincipal; keys: Map<string, string[]> }>();
const remember = <V>(cache: Map<string, V>, key: string, make: () => V): V => {
	const hit = cache.get(key);
	if (hit !== undefined) return hit;
	if (cache.size >= 256) cache.clear();
	const value = make();
	cache.set(key, value);
	return value;
};

function timeKeys(now: string): TimeKeys {
	const keys = remember(timeCache, String(now), () => {
		const ms = parseIamDate(String(now));
		return ms === undefined ? null : { ms, iso: [new Date(ms).toISOString()], epoch: [String(Math.floor(ms / 1000))] };
	});
	if (!keys) throw new AwsError('InternalFailure', `The request time ${String(now)} is not a date`, { fault: 'server' });
	return keys;
}

/** The caller and the global keys that describe it (aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:username). */
function caller(arn: string, account: string): { principal: RequestPrincipal; keys: Map<string, string[]> } {
	return remember(principalCache, `${account}\n${arn}`, () => {
		const principal = classifyPrincipal(arn, account);
		const keys = new Map<string, string[]>();
		if (principal.type !== 'anonymous' && principal.type !== 'service') {
			keys.set('aws:principalarn', [principal.principalArn]);
			keys.set('aws:principalaccount', [principal.account]);
		}
		const type = PRINCIPAL_TYPE[principal.type];
		if (type) keys.set('aws:principaltype', [type]);
		if (principal.type === 'user') keys.set('aws:username', [principal.arn.slice(principal.arn.lastIndexOf('/') + 1)]);
		return { principal, keys };
	});
}

const SECURE_TRANSPORT = ['true'];

/**
 * Global keys AWS puts in every request context (aws:CurrentTime, aws:EpochTime, the principal
 * keys above, aws:SecureTransport); the caller's context adds to them or overrides them, and a key
 * it sets to undefined is removed. Keys are matched case-insensitively, as IAM does.
 */
function buildContext(request: AuthorizationRequest, principalKeys: Map<string, string[]>, time: TimeKeys): ConditionContext {
	const given = new Map<string, string[] | null>();
	const context = request.context ?? {};
	for (const key of Object.keys(context)) {
		const v = context[key];
		if (v === undefined) given.set(key.toLowerCase(), null);
		else if (typeof v === 'string') given.set(key.toLowerCase(), [v]);
		else if (Array.isArray(v)) given.set(key.toLowerCase(), v.filter((x): x is string => typeof x === 'string'));
	}
	const get = (k: string): string[] | undefined => {
		const v = given.get(k);
		if (v !== undefined) return v ?? undefined;
		if (k === 'aws:currenttime') return time.iso;
		if (k === 'aws:epochtime') return time.epoch;
		// The simulated endpoints are HTTPS, like AWS's; a lab can still remove the key or set it to "false".
		if (k === 'aws:securetransport') return SECURE_TRANSPORT;
		return principalKeys.get(k);
	};
	return {
		get,
		variable: (k) => {
			const v = get(k);
			return v && v.length === 1 ? v[0] : undefined;
		}
	};
}

/** What every statement is judged against. */
export interface Env {
	request: AuthorizationRequest;
	actionLower: string;
	resourceParts: string[] | undefined;
	principal: RequestPrincipal;
	ctx: ConditionContext;
}

export function makeEnv(request: AuthorizationRequest): Env {
	const time = timeKeys(request.now);
	const { principal, keys } = caller(request.principalArn, request.principalAccount);
	return {
		request,
		actionLower: request.action.toLowerCase(),
		resourceParts: splitArn(request.resource),
		principal,
		ctx: buildContext(request, keys, time)
	};
}
