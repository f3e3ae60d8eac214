// AWS's evaluation order for one request (IAM "Policy evaluation logic", single-account and
// cross-account pages), reduced to the policy types this simulator has:
//   1. an explicit Deny in any applicable policy decides;
//   2. same account: an Allow in the caller's identity policies OR a resource-policy Allow that
//      names the caller suffices;
//   3. cross-account: the resource policy must allow the caller (or trust its account) AND the
//      caller's own identity policies must allow;
//   4. otherwise the request is implicitly denied.
// A resource-policy statement whose Principal is the caller's account (root ARN or bare ID)
// trusts the account rather than granting anything to the caller: across accounts it satisfies
// the resource side, within the account it adds nothing the identity policies did not already
// give. A Deny naming the account applies to everyone in it.
//
// Two front ends share one core: authorize() explains everything (the explainer, graders);
// checkAccess() only decides (every API call), skipping the text. A property test holds them to
// the same decision.
import { compilePolicy } from './compile';
import { makeEnv, type AuthorizationRequest } from './context';
import { accessDeniedMessage, ref, type Decision, type DenyReason, type Explanation, type PolicyExplanation, type StatementRef } from './explain';
import type { NamedPolicy } from './policy';
import { explainStatement, judgeStatement, type Side, type StatementResult } from './statements';
import type { RequestPrincipal } from './arn';

export type { AuthorizationRequest } from './context';

export interface AuthorizationPolicies {
	identityPolicies: NamedPolicy[];
	resourcePolicy?: NamedPolicy;
	resourceAccount: string;
}

export interface AuthorizationResult {
	decision: Decision;
	explanation: Explanation;
}

export interface AccessCheck {
	decision: Decision;
	/** AWS's AccessDenied message when the decision is a deny. */
	message?: string;
}

interface Decided {
	decision: Decision;
	decided: { r: StatementResult; side: Side }[];
	failedSide?: 'identity' | 'resource' | 'both';
	deny?: DenyReason;
	identity: { policy: NamedPolicy; results: StatementResult[] }[];
	resource: StatementResult[];
	principal: RequestPrincipal;
	crossAccount: boolean;
	hasIdentity: boolean;
	identityAllows: boolean;
	resourceAllowExact: StatementResult[];
	resourceAllowAccount: StatementResult[];
	identityAllow: StatementResult[];
	identityDeny: StatementResult[];
	resourceDeny: StatementResult[];
}

function decideCore(request: AuthorizationRequest, policies: AuthorizationPolicies, explain: boolean): Decided {
	const env = makeEnv(request);
	const principal = env.principal;
	const hasIdentity = principal.type !== 'anonymous' && principal.type !== 'service';
	const crossAccount = !hasIdentity || principal.account !== policies.resourceAccount;
	const run = (named: NamedPolicy, side: Side) =>
		compilePolicy(named.policy).map((cs) => (explain ? explainStatement(cs, side, env, named) : judgeStatement(cs, side, env, named.name)));

	const identity = (hasIdentity ? policies.identityPolicies : []).map((policy) => ({ policy, results: run(policy, 'identity') }));
	const resource = policies.resourcePolicy ? run(policies.resourcePolicy, 'resource') : [];

	const identityDeny: StatementResult[] = [];
	const identityAllow: StatementResult[] = [];
	const resourceDeny: StatementResult[] = [];
	const resourceAllowExact: StatementResult[] = [];
	const resourceAllowAccount: StatementResult[] = [];
	for (const p of identity) {
		for (const r of p.results) if (r.applies) (r.effect === 'Deny' ? identityDeny : identityAllow).push(r);
	}
	for (const r of resource) {
		if (!r.applies) continue;
		if (r.effect === 'Deny') resourceDeny.push(r);
		else if (r.level === 'exact') resourceAllowExact.push(r);
		else if (r.level === 'account') resourceAllowAccount.push(r);
	}
	// The root user has full access within its own account; only an explicit deny stops it.
	const identityAllows = hasIdentity && (principal.type === 'root' || identityAllow.length > 0);
	const d: Decided = {
		decision: 'ImplicitDeny',
		decided: [],
		identity,
		resource,
		principal,
		crossAccount,
		hasIdentity,
		identityAllows,
		resourceAllowExact,
		resourceAllowAccount,
		identityAllow,
		identityDeny,
		resourceDeny
	};
	const tag = (side: Side) => (r: StatementResult) => ({ r, side });

	if (identityDeny.length > 0 || resourceDeny.length > 0) {
		d.decision = 'ExplicitDeny';
		d.decided = [...identityDeny.map(tag('identity')), ...resourceDeny.map(tag('resource'))];
		d.failedSide = identityDeny.length > 0 && resourceDeny.length > 0 ? 'both' : identityDeny.length > 0 ? 'identity' : 'resource';
		d.deny = { kind: 'explicit', policyType: identityDeny.length > 0 ? 'identity' : 'resource' };
	} else if (!crossAccount) {
		if (identityAllows || resourceAllowExact.length > 0) {
			d.decision = 'Allow';
			d.decided = [...identityAllow.map(tag('identity')), ...resourceAllowExact.map(tag('resource'))];
		} else {
			// Without a resource policy only the identity side could have allowed it.
			d.failedSide = policies.resourcePolicy ? 'both' : 'identity';
			d.deny = { kind: 'implicit', policyType: 'identity' };
		}
	} else {
		const resourceOk = resourceAllowExact.length > 0 || resourceAllowAccount.length > 0;
		if (resourceOk && (identityAllows || !hasIdentity)) {
			d.decision = 'Allow';
			const resourceSide = resourceAllowExact.length > 0 ? resourceAllowExact : resourceAllowAccount;
			d.decided = [...resourceSide.map(tag('resource')), ...identityAllow.map(tag('identity'))];
		} else {
			d.failedSide = !resourceOk && hasIdentity && !identityAllows ? 'both' : !resourceOk ? 'resource' : 'identity';
			d.deny = { kind: 'implicit', policyType: resourceOk ? 'identity' : 'resource' };
		}
	}
	return d;
}

/** Decides one request without explaining it: the path every simulated API call takes. */
export function checkAccess(request: AuthorizationRequest, policies: AuthorizationPolicies): AccessCheck {
	const d = decideCore(request, policies, false);
	return d.deny ? { decision: d.decision, message: accessDeniedMessage(request.principalArn, request.action, request.resource, d.deny) } : { decision: d.decision };
}

const describeRef = (r: StatementResult, side: Side) =>
	side === 'identity' ? `statement ${r.label} of identity-based policy ${r.policy}` : `statement ${r.label} of the resource-based policy ${r.policy}`;

/** Decides one request and explains the decision. Pure: same inputs, same answer. */
export function authorize(request: AuthorizationRequest, policies: AuthorizationPolicies): AuthorizationResult {
	const d = decideCore(request, policies, true);
	const who = request.principalArn;
	const notes: string[] = [];
	let summary: string;
	if (d.deny) {
		summary = accessDeniedMessage(who, request.action, request.resource, d.deny);
	} else if (!d.crossAccount) {
		const first = d.decided[0];
		summary = `Allowed: ${who} may perform ${request.action} on ${request.resource}`;
		summary += first ? `: ${describeRef(first.r, first.side)} allows it` : ': the account root user has full access to its own account';
	} else {
		const first = d.decided[0]!;
		summary = `Allowed: ${who} may perform ${request.action} on ${request.resource} in account ${policies.resourceAccount}: ${describeRef(first.r, first.side)} allows it`;
		if (d.hasIdentity) {
			summary += d.identityAllow[0] ? `, and ${describeRef(d.identityAllow[0], 'identity')} allows it in the caller's account` : ', and the caller is its account root user';
		}
	}

	if (d.decision === 'ImplicitDeny' && d.hasIdentity && !d.identityAllows) {
		const count = d.identity.reduce((n, p) => n + p.results.length, 0);
		notes.push(
			count === 0
				? `${who} has no identity-based policies, so nothing allows ${request.action}.`
				: `None of the ${count} statement${count === 1 ? '' : 's'} in ${who}'s identity-based policies allows ${request.action} on ${request.resource}; each statement below says why.`
		);
	}
	if (d.decision === 'ImplicitDeny' && !d.crossAccount && d.resourceAllowAccount.length > 0) {
		notes.push(
			`Within one account, a resource-policy statement whose Principal is the account (${d.resourceAllowAccount[0]?.explanation?.principal?.value}) does not allow anyone by itself: the account's IAM policies still have to allow ${request.action}.`
		);
	}
	if (d.decision === 'ImplicitDeny' && d.crossAccount && d.hasIdentity) {
		if (!policies.resourcePolicy) notes.push(`The resource has no resource-based policy, so no principal outside account ${policies.resourceAccount} can use it.`);
		const resourceOk = d.resourceAllowExact.length > 0 || d.resourceAllowAccount.length > 0;
		notes.push(
			`Cross-account access needs both sides: the resource policy ${resourceOk ? 'allows' : 'does not allow'} this request and the caller's identity-based policies ${d.identityAllows ? 'allow' : 'do not allow'} it.`
		);
	}
	if (d.principal.type === 'root' && d.decision !== 'ExplicitDeny') {
		notes.push('The caller is an account root user, which IAM policies cannot restrict; only an explicit deny (or an AWS Organizations policy) stops it.');
	}
	for (const r of d.resource) {
		const p = r.explanation?.principal;
		if (p?.element === 'NotPrincipal' && p.matched && p.value !== undefined && r.effect === 'Deny') {
			notes.push(
				`Statement ${r.label} lists ${p.value} in NotPrincipal but not everything AWS may check (the account, then the role or user): the IAM docs warn that AWS may then deny the caller anyway, and this simulator does.`
			);
		}
	}

	for (const x of d.decided) if (x.r.explanation) x.r.explanation.decisive = true;
	const decidedBy: StatementRef[] = d.decided.flatMap((x) => (x.r.explanation ? [ref(x.r.explanation, x.side)] : []));
	const explain = (results: StatementResult[]) => results.flatMap((r) => (r.explanation ? [r.explanation] : []));
	const policiesExplained: PolicyExplanation[] = d.identity.map((p) => ({ name: p.policy.name, kind: p.policy.policy.kind, side: 'identity' as const, statements: explain(p.results) }));
	if (policies.resourcePolicy) {
		policiesExplained.push({ name: policies.resourcePolicy.name, kind: policies.resourcePolicy.policy.kind, side: 'resource', statements: explain(d.resource) });
	}
	const explanation: Explanation = {
		decision: d.decision,
		summary,
		request: {
			principal: request.principalArn,
			principalType: d.principal.type,
			principalAccount: d.principal.account,
			action: request.action,
			resource: request.resource,
			resourceAccount: policies.resourceAccount,
			crossAccount: d.crossAccount
		},
		identity: { evaluated: d.hasIdentity, allows: d.identityAllows, explicitDeny: d.identityDeny.length > 0 },
		resource: {
			present: policies.resourcePolicy !== undefined,
			allows: d.resourceAllowExact.length > 0,
			allowsAccount: d.resourceAllowAccount.length > 0,
			explicitDeny: d.resourceDeny.length > 0
		},
		decidedBy,
		policies: policiesExplained,
		notes
	};
	if (d.failedSide) explanation.failedSide = d.failedSide;
	return { decision: d.decision, explanation };
}
