// Which `Type` names a template may use. ValidateTemplate rejects only names that do not exist:
//   Template format error: Unrecognized resource types: [AWS::S3::Bukket]
// The list of real names is generated (resource-types.generated.ts); it is expanded into a Set the
// first time it is needed.
//
// Rules beyond the list:
// - Custom resources: `AWS::CloudFormation::CustomResource` (in the list) and `Custom::<Name>`, where
//   the name uses letters, digits and `_@-` and the whole type is at most 60 characters (AWS's
//   AWS::CloudFormation::CustomResource page; the same rule the AWS CDK validates).
// - Type names are case-sensitive: `aws::ecr::repository` is not `AWS::ECR::Repository`.
// - Module types (`Org::Service::Name::MODULE`) and third-party/private extensions exist only once
//   registered or activated in an account and region. The simulator has no such registry, so they
//   are unknown here, as they are in an account that has not registered them.

import { RESOURCE_TYPES_ENCODED, RESOURCE_TYPE_COUNT } from './resource-types.generated';

export { RESOURCE_TYPE_COUNT };

let known: Set<string> | undefined;

function knownSet(): Set<string> {
	if (!known) {
		known = new Set();
		for (const line of RESOURCE_TYPES_ENCODED.split('\n')) {
			const colon = line.lastIndexOf(':');
			const prefix = line.slice(0, colon);
			for (const name of line.slice(colon + 1).split(',')) known.add(`${prefix}::${name}`);
		}
	}
	return known;
}

const CUSTOM_TYPE = /^Custom::[A-Za-z0-9_@-]+$/;

/** `Custom::Name` (name of letters, digits, `_`, `@`, `-`; at most 60 characters in all) or AWS::CloudFormation::CustomResource. */
export function isCustomResourceType(type: string): boolean {
	return type === 'AWS::CloudFormation::CustomResource' || (type.length <= 60 && CUSTOM_TYPE.test(type));
}

/** True when a template may declare a resource of this type (a real registry type or a custom resource). */
export function isKnownResourceType(type: unknown): boolean {
	if (typeof type !== 'string') return false;
	return knownSet().has(type) || isCustomResourceType(type);
}

/** Every known registry type name, sorted (custom resource names are a rule, not a list). */
export function knownResourceTypes(): string[] {
	return [...knownSet()].sort();
}

/**
 * Known type names that differ from `type` only in letter case, or that share its `Org::Service::`
 * prefix and are close in spelling: hints for a feedback message ("did you mean AWS::ECR::Repository?").
 * Not something CloudFormation says; it only lists the unrecognized names.
 */
export function similarResourceTypes(type: string, max = 3): string[] {
	const set = knownSet();
	const lower = type.toLowerCase();
	const sameCase = [...set].filter((t) => t.toLowerCase() === lower && t !== type);
	if (sameCase.length) return sameCase.slice(0, max);
	const cut = type.lastIndexOf('::');
	const prefix = cut > 0 ? type.slice(0, cut + 2).toLowerCase() : '';
	const candidates = [...set].filter((t) => (prefix ? t.toLowerCase().startsWith(prefix) : true));
	return candidates
		.map((t) => ({ t, d: editDistance(t.toLowerCase(), lower) }))
		.filter(({ t, d }) => d <= Math.max(2, Math.floor(t.length / 4)))
		.sort((a, b) => a.d - b.d || (a.t < b.t ? -1 : 1))
		.slice(0, max)
		.map(({ t }) => t);
}

function editDistance(a: string, b: string): number {
	const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0]!;
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const up = prev[j]!;
			prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = up;
		}
	}
	return prev[b.length]!;
}

/** ValidateTemplate's message for the unknown types of a template (in template order, no duplicates). */
export function unrecognizedResourceTypesMessage(types: readonly string[]): string {
	return `Template format error: Unrecognized resource types: [${[...new Set(types)].join(', ')}]`;
}
