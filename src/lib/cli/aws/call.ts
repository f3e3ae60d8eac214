// Calling an engine as the session's principal: the credentials and Region config/resolve.ts
// picks (environment, profile, assume-role), checked the way AWS checks a signed request: a
// user's key signed with another secret, or a temporary key without its session token, is refused.
import type { ShellSession } from '../types';
import type { Caller } from '../../engines/world-constants';
import { AwsError } from '../../engines/errors';
import { secretAccessKey, sessionToken } from '../../engines/identity/key-material';
import { credentialError } from '../../protocol/credential-errors';
import type { Globals } from './globals';
import { CliConfigError } from './config/errors';
import { awsState, profileValues } from './config/store';
import { profileCredentials, resolveCredentials, resolveRegion, SANDBOX_ROOT_KEY, type ResolvedCredentials } from './config/resolve';

export function region(session: ShellSession, globals: Globals): string {
	return resolveRegion(session, globals);
}

// (unverified against live AWS here) The texts AWS answers for a bad signature and a bad session
// token; the codes differ between the Query services and the JSON ones (ECR).
const SIGNATURE = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const signatureError = (service: string) => new AwsError(service === 'ecr' ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', SIGNATURE, { httpStatus: 403 });
const tokenError = (service: string) => credentialError(new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', { httpStatus: 403 }), service === 'ecr' ? 'json' : 'query');

export const isSandboxRootKey = (accessKeyId: string): boolean => accessKeyId === SANDBOX_ROOT_KEY || /^AKIAROOT\d{12}$/.test(accessKeyId);

/** The principal for a key, refusing a secret or session token that does not belong to it. */
function callerForKeys(session: ShellSession, creds: ResolvedCredentials, service: string): Caller {
	let caller: Caller;
	try {
		caller = session.world.callerForAccessKey(creds.accessKeyId);
	} catch (e) {
		throw credentialError(e, service === 'ecr' ? 'json' : 'query');
	}
	// The sandbox's root keys act as that account's root with any secret. The engine answers a key
	// it never issued with the root too (the endpoint's `AWS_ACCESS_KEY_ID=x` convenience), but a
	// learner who mistypes a key in the terminal must hear what AWS says.
	if (isSandboxRootKey(creds.accessKeyId)) return caller;
	if (caller.arn.endsWith(':root')) throw tokenError(service);
	if (caller.session) {
		if (creds.sessionToken !== sessionToken(creds.accessKeyId)) throw tokenError(service);
	}
	if (creds.secretAccessKey !== undefined && creds.secretAccessKey !== secretAccessKey(creds.accessKeyId)) throw signatureError(service);
	return caller;
}

interface AssumeRoleAnswer {
	Credentials?: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: Date | string };
	AssumedRoleUser?: { Arn?: string };
}

/**
 * An assume-role profile's credentials: from the cache while they last on the world's clock,
 * else AssumeRole with the source profile's credentials, as botocore's AssumeRoleProvider does.
 */
function assumedCredentials(session: ShellSession, creds: ResolvedCredentials, depth = 0): ResolvedCredentials {
	const state = awsState(session);
	const key = `${creds.profile}|${creds.roleArn ?? ''}`;
	const cached = state.roleCache[key];
	const now = session.world.clock.now().getTime();
	if (cached && Date.parse(cached.expiration) > now) return { ...creds, accessKeyId: cached.accessKeyId, secretAccessKey: cached.secretAccessKey, sessionToken: cached.sessionToken };
	const sourceName = creds.sourceProfile ?? 'default';
	const sourceValues = profileValues(state, sourceName);
	// (unverified) botocore's InvalidConfigError text for a source_profile that does not exist.
	if (!sourceValues) throw new CliConfigError(`The source_profile "${sourceName}" referenced in the profile "${creds.profile}" does not exist.`);
	let source = profileCredentials(session, sourceName, sourceValues);
	if (source?.method === 'assume-role') {
		if (depth > 5) throw new CliConfigError(`Infinite loop in profile config detected: ${creds.profile}`); // (unverified)
		source = assumedCredentials(session, source, depth + 1);
	}
	const caller = callerForKeys(session, source ?? { method: 'sandbox-root', accessKeyId: SANDBOX_ROOT_KEY, profile: sourceName }, 'sts');
	let answer: AssumeRoleAnswer;
	try {
		answer = session.world.sts(caller).callByName('AssumeRole', {
			RoleArn: creds.roleArn,
			RoleSessionName: creds.roleSessionName ?? `botocore-session-${Math.floor(now / 1000)}`,
			...(creds.durationSeconds !== undefined ? { DurationSeconds: creds.durationSeconds } : {}),
			...(creds.externalId !== undefined ? { ExternalId: creds.externalId } : {})
		}) as AssumeRoleAnswer;
	} catch (e) {
		// The CLI reports the failed AssumeRole as the service error it is (exit 254).
		if (e instanceof AwsError) throw new CliConfigError(`An error occurred (${e.code}) when calling the AssumeRole operation: ${e.message}`, 254);
		throw e;
	}
	const c = answer.Credentials ?? {};
	const expiration = c.Expiration instanceof Date ? c.Expiration.toISOString() : String(c.Expiration ?? '');
	state.roleCache[key] = { accessKeyId: c.AccessKeyId ?? '', secretAccessKey: c.SecretAccessKey ?? '', sessionToken: c.SessionToken ?? '', expiration, arn: answer.AssumedRoleUser?.Arn ?? '' };
	return { ...creds, accessKeyId: c.AccessKeyId ?? '', secretAccessKey: c.SecretAccessKey ?? '', sessionToken: c.SessionToken ?? '' };
}

/** The principal a command runs as (may assume a role, which the world records as a session). */
export function callerFor(session: ShellSession, globals: Globals, service: string): Caller {
	let creds = resolveCredentials(session, globals);
	if (creds.method === 'assume-role') creds = assumedCredentials(session, creds);
	return callerForKeys(session, creds, service);
}

export async function callService(session: ShellSession, service: string, operation: string, input: unknown, globals: Globals): Promise<unknown> {
	const world = session.world;
	const r = region(session, globals);
	const caller = callerFor(session, globals, service);
	switch (service) {
		case 'ecr':
			return world.ecr(caller, r).callByName(operation, input);
		case 'sts':
			return world.sts(caller).callByName(operation, input);
		case 'iam':
			return world.iam(caller).callByName(operation, input);
		case 'cloudformation':
			await world.cloudformationReady();
			return await world.cloudformation(caller, r).callByName(operation, input);
		default:
			throw new Error(`no service ${service}`);
	}
}
