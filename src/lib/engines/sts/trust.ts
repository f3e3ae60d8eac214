// Who may assume a role. The role's trust policy is its resource-based policy and, unlike other
// resource policies, it must always allow the caller (IAM User Guide, policy evaluation logic:
// "role trust policies ... must explicitly allow access for principals"):
//   - an explicit Deny in the caller's identity policies or the trust policy decides;
//   - the trust policy must allow sts:AssumeRole for the caller (named exactly) or its account;
//   - when it names only the account (root ARN or account id), the caller's own identity
//     policies must also allow sts:AssumeRole on the role; across accounts they always must.
// IAM's evaluator already gives the last two for cross-account calls; within one account it would
// let an identity Allow suffice, so the trust requirement is added here.
// STS's refusal names neither policy: "User: <caller> is not authorized to perform:
// sts:AssumeRole on resource: <role arn>", the same whether or not the role exists, so a refusal
// never tells a stranger which roles an account has.
import { authorize, type AuthorizationRequest, type Explanation, type NamedPolicy } from '../iam';
import { refused } from './refusal';

export interface TrustDecision {
	allowed: boolean;
	explain: () => Explanation;
}

export const assumeRoleDenied = (callerArn: string, roleArn: string) => `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`;

/** Decides AssumeRole for an existing role, given its parsed trust policy. */
export function decideAssumeRole(request: AuthorizationRequest, identityPolicies: NamedPolicy[], trust: NamedPolicy, roleAccount: string): TrustDecision {
	const result = authorize(request, { identityPolicies, resourcePolicy: trust, resourceAccount: roleAccount });
	const e = result.explanation;
	const trusted = e.resource.allows || e.resource.allowsAccount;
	const allowed = result.decision === 'Allow' && trusted;
	const summary = assumeRoleDenied(request.principalArn, request.resource);
	if (allowed) return { allowed, explain: () => e };
	let note: string;
	if (result.decision === 'ExplicitDeny') note = 'An explicit Deny for sts:AssumeRole decides, whichever policy it is in.';
	else if (!trusted) note = `The role's trust policy does not allow ${request.principalArn} (or its account) to perform sts:AssumeRole: a role can only be assumed by principals its trust policy names, whatever their own policies allow.`;
	else if (e.request.crossAccount) note = `Across accounts both sides must allow: the trust policy does, but none of the caller's identity-based policies in account ${request.principalAccount} allows sts:AssumeRole on the role.`;
	else note = `The trust policy trusts account ${request.principalAccount} rather than naming ${request.principalArn}, so the caller's identity-based policies must also allow sts:AssumeRole on the role, and none does.`;
	return { allowed, explain: () => refused(e, summary, note) };
}
