// From the access key id a request is signed with to the principal it acts as (the local
// endpoint's and the SDK harness's caller resolution, through world.callerForAccessKey):
//   AKIAROOT<account id>       that account's root user (the sandbox's fixed root keys)
//   a user's AKIA key          that user; refused when inactive (InvalidClientTokenId)
//   a deleted AKIA key         refused (InvalidClientTokenId)
//   an ASIA key from STS       its session; refused once expired (ExpiredToken)
//   anything else              the learner account's root user, so any credentials work
// The caller's context gets the request's keys (aws:SourceIp ...) and the principal's own
// (aws:PrincipalArn with a role's path, aws:PrincipalAccount, aws:PrincipalOrgID), the latter last
// so a request cannot claim another principal's. aws:CurrentTime is not pinned here: IAM's
// evaluator takes it from the world's clock at each decision, and a Caller can outlive its
// request (a stack operation runs as its caller for minutes of virtual time).
import type { IdentityState } from '../identity/state';
import { userArn } from '../identity/entities';
import { keyHolder } from '../identity/access-keys';
import { ACCOUNTS, LEARNER_ACCOUNT, ORGANIZATION_ID, type Caller } from '../world-constants';
import { expiredToken, invalidClientToken } from './errors';
import { findSession } from './sessions';
import type { StsState } from './state';

export type RequestContext = Record<string, string | string[]>;

/** Where a key was used, for GetAccessKeyLastUsed. */
export interface KeyUsage {
	service: string;
	region: string;
}

export interface KeyLookup {
	identities: readonly IdentityState[];
	sts: StsState;
	now: Date;
}

const ROOT_KEY = /^AKIAROOT(\d{12})$/;

const principalKeys = (arn: string, accountId: string): RequestContext => ({ 'aws:PrincipalArn': arn, 'aws:PrincipalAccount': accountId, 'aws:PrincipalOrgID': ORGANIZATION_ID });

function root(accountId: string, context: RequestContext): Caller {
	const arn = `arn:aws:iam::${accountId}:root`;
	return { arn, accountId, context: { ...context, ...principalKeys(arn, accountId) } };
}

export function callerForAccessKey(lookup: KeyLookup, accessKeyId: unknown, context: RequestContext = {}, usage?: KeyUsage): Caller {
	if (typeof accessKeyId !== 'string') return root(LEARNER_ACCOUNT, context);
	const rootKey = ROOT_KEY.exec(accessKeyId)?.[1];
	if (rootKey !== undefined && (ACCOUNTS as readonly string[]).includes(rootKey)) return root(rootKey, context);

	const session = findSession(lookup.sts.sessions, accessKeyId);
	if (session) {
		if (lookup.now.getTime() >= Date.parse(session.expiresAt)) throw expiredToken();
		return {
			arn: session.arn,
			accountId: session.accountId,
			context: { ...context, ...principalKeys(session.roleArn ?? session.arn, session.accountId) },
			session: { issuedBy: session.issuedBy, ...(session.policy !== undefined ? { policy: session.policy } : {}) }
		};
	}

	for (const state of lookup.identities) {
		const held = keyHolder(state, accessKeyId);
		if (held) {
			if (held.key.status !== 'Active') throw invalidClientToken();
			if (usage) held.key.lastUsed = { at: lookup.now.toISOString(), service: usage.service, region: usage.region };
			const arn = userArn(state, held.user);
			return { arn, accountId: state.accountId, context: { ...context, ...principalKeys(arn, state.accountId) } };
		}
		if (state.retiredAccessKeyIds?.includes(accessKeyId)) throw invalidClientToken();
	}
	return root(LEARNER_ACCOUNT, context);
}
