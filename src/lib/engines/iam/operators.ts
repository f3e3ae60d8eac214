// Condition operator names: an optional set qualifier (`ForAnyValue:` / `ForAllValues:`), a base
// operator, and an optional `IfExists` suffix (not allowed on Null, per the IAM docs).
import type { BaseOperator, SetQualifier } from './policy';

const BASE_OPERATORS: readonly BaseOperator[] = [
	'StringEquals',
	'StringNotEquals',
	'StringEqualsIgnoreCase',
	'StringNotEqualsIgnoreCase',
	'StringLike',
	'StringNotLike',
	'NumericEquals',
	'NumericNotEquals',
	'NumericLessThan',
	'NumericLessThanEquals',
	'NumericGreaterThan',
	'NumericGreaterThanEquals',
	'DateEquals',
	'DateNotEquals',
	'DateLessThan',
	'DateLessThanEquals',
	'DateGreaterThan',
	'DateGreaterThanEquals',
	'Bool',
	'BinaryEquals',
	'IpAddress',
	'NotIpAddress',
	'ArnEquals',
	'ArnLike',
	'ArnNotEquals',
	'ArnNotLike',
	'Null'
];

/** Operators that hold when the key's value matches none of the policy values (NOR of the values). */
export const NEGATED: ReadonlySet<BaseOperator> = new Set<BaseOperator>([
	'StringNotEquals',
	'StringNotEqualsIgnoreCase',
	'StringNotLike',
	'NumericNotEquals',
	'DateNotEquals',
	'NotIpAddress',
	'ArnNotEquals',
	'ArnNotLike'
]);

export interface ParsedOperator {
	base: BaseOperator;
	qualifier?: SetQualifier;
	ifExists: boolean;
}

export function parseOperator(name: string): ParsedOperator | undefined {
	let rest = name;
	let qualifier: SetQualifier | undefined;
	for (const q of ['ForAnyValue', 'ForAllValues'] as const) {
		if (rest.startsWith(`${q}:`)) {
			qualifier = q;
			rest = rest.slice(q.length + 1);
			break;
		}
	}
	let ifExists = false;
	if (rest.endsWith('IfExists')) {
		ifExists = true;
		rest = rest.slice(0, -'IfExists'.length);
	}
	const base = BASE_OPERATORS.find((b) => b === rest);
	if (!base) return undefined;
	if (base === 'Null' && (ifExists || qualifier)) return undefined;
	return qualifier ? { base, qualifier, ifExists } : { base, ifExists };
}
