// The normalized shape of an IAM policy document. Plain JSON data on purpose: a parsed policy can
// sit in a world snapshot or cross a worker boundary; matchers compiled from it are cached
// elsewhere (compile.ts) keyed by object identity.

/**
 * - `identity`: attached to a user or role (no Principal, Resource required, IAM's grammar).
 * - `resource`: a generic resource-based policy (Principal required, Resource optional).
 * - `repository`: an Amazon ECR repository policy (Principal required, Resource forbidden).
 */
export type PolicyKind = 'identity' | 'resource' | 'repository';

export type Effect = 'Allow' | 'Deny';

export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** `Principal` or `NotPrincipal`, each principal type's values as written (strings only). */
export interface PrincipalElement {
	negated: boolean;
	/** `"Principal": "*"` (the bare string form). `{"AWS": "*"}` is kept in `aws` as `"*"`. */
	everyone: boolean;
	aws: string[];
	service: string[];
	federated: string[];
	canonicalUser: string[];
}

/** `Action` / `NotAction`, or `Resource` / `NotResource`. */
export interface MatchElement {
	negated: boolean;
	values: string[];
}

export type SetQualifier = 'ForAnyValue' | 'ForAllValues';

export type BaseOperator =
	| 'StringEquals'
	| 'StringNotEquals'
	| 'StringEqualsIgnoreCase'
	| 'StringNotEqualsIgnoreCase'
	| 'StringLike'
	| 'StringNotLike'
	| 'NumericEquals'
	| 'NumericNotEquals'
	| 'NumericLessThan'
	| 'NumericLessThanEquals'
	| 'NumericGreaterThan'
	| 'NumericGreaterThanEquals'
	| 'DateEquals'
	| 'DateNotEquals'
	| 'DateLessThan'
	| 'DateLessThanEquals'
	| 'DateGreaterThan'
	| 'DateGreaterThanEquals'
	| 'Bool'
	| 'BinaryEquals'
	| 'IpAddress'
	| 'NotIpAddress'
	| 'ArnEquals'
	| 'ArnLike'
	| 'ArnNotEquals'
	| 'ArnNotLike'
	| 'Null';

/** One operator-key pair of a Condition block: `{"<operator>": {"<key>": [values]}}`. */
export interface ConditionClause {
	/** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
	operator: string;
	base: BaseOperator;
	qualifier?: SetQualifier;
	ifExists: boolean;
	/** As written; matched against the request context case-insensitively. */
	key: string;
	/** JSON numbers and booleans are kept as their string form, as AWS reads them. */
	values: string[];
}

export interface Statement {
	/** Position in the Statement list, from 0. */
	index: number;
	sid?: string;
	effect: Effect;
	principal?: PrincipalElement;
	action: MatchElement;
	/** Absent in a resource-based policy means "the resource this policy is attached to". */
	resource?: MatchElement;
	conditions: ConditionClause[];
}

export interface Policy {
	kind: PolicyKind;
	/** Absent when the document has no Version: AWS then reads it as 2008-10-17 (no policy variables). */
	version?: PolicyVersion;
	id?: string;
	statements: Statement[];
}

/** A policy as the authorizer sees it: a name for the explanation (policy name, ARN or "repository policy"). */
export interface NamedPolicy {
	name: string;
	policy: Policy;
}
