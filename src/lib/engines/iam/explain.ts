// The explanation of a decision is data (the PolicyExplainer component renders it; graders query
// it), plus AWS's own AccessDenied sentence. The sentence forms are the ones on IAM's
// "Troubleshoot access denied error messages" page; AWS names a single policy type even when
// several denied.
import type { RequestPrincipal } from './arn';
import type { ConditionOutcome } from './conditions';
import type { Effect, PolicyKind } from './policy';

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface ElementOutcome {
	element: 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal';
	/** Whether this element lets the statement apply to the request (for Not* elements: the request is not listed). */
	matched: boolean;
	/** The policy value that matched (or, for a Not* element, excluded the request). */
	value?: string;
	detail: string;
}

export interface PrincipalOutcome extends ElementOutcome {
	/** `account`: the value names the caller's account, which trusts the account rather than the caller. */
	level?: 'exact' | 'account';
}

export interface StatementExplanation {
	policy: string;
	policyKind: PolicyKind;
	index: number;
	sid?: string;
	/** The Sid, or `#n` counting from 1 when the statement has none. */
	label: string;
	effect: Effect;
	/** Every element matched: the statement's effect applies to this request. */
	applies: boolean;
	/** The statement is one of those that decided the outcome. */
	decisive: boolean;
	action: ElementOutcome;
	resource: ElementOutcome;
	principal?: PrincipalOutcome;
	conditions: ConditionOutcome[];
	/** Why the statement applies, or every reason it does not. */
	reasons: string[];
}

export interface PolicyExplanation {
	name: string;
	kind: PolicyKind;
	side: 'identity' | 'resource';
	statements: StatementExplanation[];
}

export interface StatementRef {
	policy: string;
	side: 'identity' | 'resource';
	index: number;
	label: string;
}

export interface Explanation {
	decision: Decision;
	/** One sentence. For a deny it is AWS's AccessDenied message, word for word. */
	summary: string;
	request: {
		principal: string;
		principalType: RequestPrincipal['type'];
		principalAccount: string;
		action: string;
		resource: string;
		resourceAccount: string;
		crossAccount: boolean;
	};
	identity: { evaluated: boolean; allows: boolean; explicitDeny: boolean };
	resource: { present: boolean; allows: boolean; allowsAccount: boolean; explicitDeny: boolean };
	/** For a deny: which side had no Allow (cross-account needs both), or which side denied explicitly. */
	failedSide?: 'identity' | 'resource' | 'both';
	decidedBy: StatementRef[];
	policies: PolicyExplanation[];
	/** Facts a learner should know about this decision that no single statement shows. */
	notes: string[];
}

export const ref = (s: StatementExplanation, side: 'identity' | 'resource'): StatementRef => ({ policy: s.policy, side, index: s.index, label: s.label });

export type DenyReason = { kind: 'explicit'; policyType: 'identity' | 'resource' } | { kind: 'implicit'; policyType: 'identity' | 'resource' };

const POLICY_TYPE = { identity: 'identity-based', resource: 'resource-based' } as const;

/** AWS's AccessDenied message. */
export function accessDeniedMessage(principal: string, action: string, resource: string, reason: DenyReason): string {
	const head = `User: ${principal} is not authorized to perform: ${action} on resource: ${resource}`;
	if (reason.kind === 'explicit') return `${head} with an explicit deny in ${reason.policyType === 'identity' ? 'an' : 'a'} ${POLICY_TYPE[reason.policyType]} policy`;
	return `${head} because no ${POLICY_TYPE[reason.policyType]} policy allows the ${action} action`;
}
