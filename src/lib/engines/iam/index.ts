// The IAM policy engine: parse policy documents with AWS's errors, decide requests in AWS's
// evaluation order, and explain every decision. Pure TypeScript; time comes in with the request.
export type {
	BaseOperator,
	ConditionClause,
	Effect,
	MatchElement,
	NamedPolicy,
	Policy,
	PolicyKind,
	PolicyVersion,
	PrincipalElement,
	SetQualifier,
	Statement
} from './policy';
export { parsePolicy, tryParsePolicy, MAX_POLICY_CHARS, REPOSITORY_POLICY_MESSAGE } from './parse';
export { PolicyError, isPolicyError } from './policy-error';
export { authorize, checkAccess, type AccessCheck, type AuthorizationPolicies, type AuthorizationRequest, type AuthorizationResult } from './evaluate';
export {
	accessDeniedMessage,
	type Decision,
	type DenyReason,
	type ElementOutcome,
	type Explanation,
	type PolicyExplanation,
	type PrincipalOutcome,
	type StatementExplanation,
	type StatementRef
} from './explain';
export type { ConditionOutcome } from './conditions';
export { ANONYMOUS, classifyPrincipal, type PrincipalType, type RequestPrincipal } from './arn';
export { wildcardMatch } from './wildcard';
