// AssumeRole: a user or role session asks for a role's temporary credentials. The role's trust
// policy and the caller's identity policies decide together (trust.ts), in the caller's account
// or across accounts; ExternalId and the session name are condition keys of the request. The
// answers' wording is AWS's as real answers quote them:
//   root caller      AccessDenied "Roles may not be assumed by root accounts." (kubeflow/testing #961)
//   refused          AccessDenied "User: <caller> is not authorized to perform: sts:AssumeRole on
//                    resource: <role arn>" (many real answers; the same for a role that does not exist)
//   too long         ValidationError "The requested DurationSeconds exceeds the MaxSessionDuration
//                    set for this role." / "... exceeds the 1 hour session limit for roles assumed by
//                    role chaining." (kreuzwerker/awsu #27, aws/eks-anywhere #9485)
import type { AssumeRoleResponse } from '@aws-sdk/client-sts';
import { AccessDeniedException } from '../access-denied';
import { authorize, parsePolicy, type AuthorizationRequest, type Explanation, type NamedPolicy } from '../iam';
import { roleArn } from '../identity/entities';
import { ValidationError } from '../identity/errors';
import { policySize } from '../identity/input';
import { identityPoliciesFor } from '../identity/principals';
import type { IdentityState, RoleState } from '../identity/state';
import { DEFAULT_MAX_SESSION } from '../identity/shapes';
import type { StsContext } from './context';
import { invalidClientToken } from './errors';
import { assumeRoleInput, type AssumeRoleInput } from './input';
import { callerKind } from './principal';
import { refused } from './refusal';
import { issueSession } from './sessions';
import { assumeRoleDenied, decideAssumeRole } from './trust';

/** Role chaining (a session assuming a role) is capped at one hour whatever the role allows. */
const CHAINED_MAX_SECONDS = 3600;
/** STS's plaintext limit for a session policy, which PackedPolicySize reports against. */
const SESSION_POLICY_CHARS = 2048;

/** STS's refusal: AccessDenied, HTTP 403, with the explanation computed only when asked for. */
const denied = (message: string, explain: () => Explanation) => new AccessDeniedException(message, explain, 'AccessDenied', 403);

/** The role an ARN names exactly (its path included), with its account's IAM. */
function findRole(ctx: StsContext, arn: string): { state: IdentityState; role: RoleState } | undefined {
	const account = /^arn:aws:iam::(\d{12}):role\//.exec(arn)?.[1];
	const state = account === undefined ? undefined : ctx.identities(account);
	const role = state?.roles.find((r) => roleArn(state, r) === arn);
	return state && role ? { state, role } : undefined;
}

/** The caller's identity policies; a caller IAM no longer has cannot sign requests. */
function callerPolicies(ctx: StsContext): NamedPolicy[] {
	const state = ctx.identities(ctx.caller.accountId);
	try {
		if (state) return identityPoliciesFor(state, ctx.caller.arn);
	} catch {
		// fall through: the user or role is gone
	}
	throw invalidClientToken();
}

function conditionKeys(input: AssumeRoleInput): Record<string, string> {
	return { 'sts:RoleSessionName': input.roleSessionName, ...(input.externalId !== undefined ? { 'sts:ExternalId': input.externalId } : {}) };
}

/** Refuses a role ARN that names no role exactly as it refuses an untrusted caller, explaining the difference. */
function noSuchRole(request: AuthorizationRequest, identityPolicies: NamedPolicy[]): AccessDeniedException {
	const summary = assumeRoleDenied(request.principalArn, request.resource);
	const account = /^arn:aws:iam::(\d{12}):/.exec(request.resource)?.[1] ?? request.principalAccount;
	return denied(summary, () =>
		refused(
			authorize(request, { identityPolicies, resourceAccount: account }).explanation,
			summary,
			`No role has the ARN ${request.resource} (a role ARN includes the role's path). STS gives the same answer as for a role that does not trust the caller, so a refusal never reveals which roles exist.`
		)
	);
}

function checkDuration(requested: number, role: RoleState, chained: boolean): void {
	if (chained && requested > CHAINED_MAX_SECONDS) throw new ValidationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
	if (requested > (role.maxSessionDuration ?? DEFAULT_MAX_SESSION)) throw new ValidationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
}

export function assumeRole(ctx: StsContext, raw: unknown): AssumeRoleResponse {
	const input = assumeRoleInput(raw);
	const who = callerKind(ctx.caller.arn, ctx.caller.accountId);
	if (!who) throw invalidClientToken();
	if (who.kind === 'root') {
		const summary = 'Roles may not be assumed by root accounts.';
		const request = ctx.request('sts:AssumeRole', input.roleArn, conditionKeys(input));
		throw denied(summary, () =>
			refused(authorize(request, { identityPolicies: [], resourceAccount: ctx.caller.accountId }).explanation, summary, 'An account root user cannot assume roles: sign in as an IAM user (or use a role session) and assume the role from there.', 'identity')
		);
	}
	const identityPolicies = callerPolicies(ctx);
	const request = ctx.request('sts:AssumeRole', input.roleArn, conditionKeys(input));
	const target = findRole(ctx, input.roleArn);
	if (!target) throw noSuchRole(request, identityPolicies);
	const { state, role } = target;
	const trust: NamedPolicy = { name: `trust policy of role ${role.name}`, policy: parsePolicy(role.assumeRolePolicyDocument, 'resource') };
	const decision = decideAssumeRole(request, identityPolicies, trust, state.accountId);
	if (!decision.allowed) throw denied(assumeRoleDenied(ctx.caller.arn, input.roleArn), decision.explain);

	const duration = input.durationSeconds ?? DEFAULT_MAX_SESSION;
	checkDuration(duration, role, ctx.caller.session !== undefined);
	// A session policy must be a valid identity policy (MalformedPolicyDocument otherwise).
	if (input.policy !== undefined) parsePolicy(input.policy, 'identity');

	const arn = `arn:aws:sts::${state.accountId}:assumed-role/${role.name}/${input.roleSessionName}`;
	const assumedRoleId = `${role.id}:${input.roleSessionName}`;
	const credentials = issueSession(
		ctx,
		{ issuedBy: 'AssumeRole', arn, accountId: state.accountId, userId: assumedRoleId, roleArn: roleArn(state, role), ...(input.policy !== undefined ? { policy: input.policy } : {}) },
		duration
	);
	return {
		Credentials: credentials,
		AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: arn },
		// (unverified) AWS packs and compresses the policy before measuring; this is the plaintext share.
		...(input.policy !== undefined ? { PackedPolicySize: Math.max(1, Math.ceil((policySize(input.policy) * 100) / SESSION_POLICY_CHARS)) } : {})
	};
}
