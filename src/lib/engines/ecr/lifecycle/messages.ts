// Every message a rejected lifecycle policy can produce, in one place so the wording can be
// checked against AWS line by line.
//
// AWS validates the document with a JSON-schema validator (java-json-tools/json-schema-validator:
// its wording, e.g. "instance failed to match exactly one schema (matched 0 out of 4)", appears
// in real PutLifecyclePolicy errors) and then applies rules a schema cannot express. The schema
// details below reproduce that library's wording. The semantic details (duplicate priorities,
// the `any` rule not last, ...) have never been observed from AWS: they are this simulator's own
// words and say which rule and which field are at fault.
import { AwsError } from '../../errors';
import { LIFECYCLE_POLICY_LIMITS } from './policy';

const PREFIX = "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ";

export function policyError(detail: string): AwsError {
	return new AwsError('InvalidParameterException', `${PREFIX}${detail}'`);
}

/**
 * The API's own length constraint on the member, checked before the document is read. ECR words
 * model-constraint failures as "Invalid parameter at '<member>' failed to satisfy constraint:
 * 'Member must ...'" (seen for `registryIds`).
 */
export function textLengthError(length: number): AwsError {
	const { minTextLength, maxTextLength } = LIFECYCLE_POLICY_LIMITS;
	const constraint =
		length < minTextLength
			? `Member must have length greater than or equal to ${minTextLength}`
			: `Member must have length less than or equal to ${maxTextLength}`;
	return new AwsError('InvalidParameterException', `Invalid parameter at 'lifecyclePolicyText' failed to satisfy constraint: '${constraint}'`);
}

// ---- schema details (json-schema-validator wording) ----

export const COULD_NOT_MAP = 'Could not map policyString into LifecyclePolicy.';

/** Jackson prints a JSON array without spaces: ["a","b"]. */
const jsonList = (names: readonly string[]): string => JSON.stringify(names);

export const missingRequired = (names: readonly string[]): string => `object has missing required properties (${jsonList([...names].sort())})`;

export const notAllowed = (names: readonly string[]): string =>
	`object instance has properties which are not allowed by the schema: ${jsonList([...names].sort())}`;

export const wrongType = (found: string, allowed: string): string =>
	`instance type (${found}) does not match any allowed primitive type (allowed: ${jsonList([allowed])})`;

export const notInEnum = (value: unknown, possible: readonly string[]): string =>
	`instance value (${printJson(value)}) not found in enum (possible values: ${jsonList(possible)})`;

export const belowMinimum = (minimum: number, found: number): string =>
	`numeric instance is lower than the required minimum (minimum: ${printInteger(minimum)}, found: ${printInteger(found)})`;

export const aboveMaximum = (maximum: number, found: number): string =>
	`numeric instance is greater than the required maximum (maximum: ${printInteger(maximum)}, found: ${printInteger(found)})`;

export const arrayTooShort = (minimum: number, found: number): string =>
	`array is too short: must have at least ${minimum} elements but instance has ${found} elements`;

/**
 * The one schema message seen verbatim from AWS. In the observed responses the text ends with a
 * line break before the closing quote, so it is kept.
 */
export const noSchemaMatched = (branches: number): string => `instance failed to match exactly one schema (matched 0 out of ${branches})\n`;

// ---- semantic details (this simulator's wording; AWS's is unknown) ----

export const tooManyRules = (count: number): string =>
	`The policy has ${count} rules; a lifecycle policy can have at most ${LIFECYCLE_POLICY_LIMITS.maxRules} rules.`;

export const taggedWithoutList = (priority: number): string =>
	`Rule with rulePriority ${priority} has tagStatus "tagged" but neither tagPrefixList nor tagPatternList; a tagged rule must specify exactly one of them.`;

export const taggedWithBothLists = (priority: number): string =>
	`Rule with rulePriority ${priority} specifies both tagPrefixList and tagPatternList; a tagged rule must specify exactly one of them.`;

export const listWithoutTagged = (priority: number, tagStatus: string, field: string): string =>
	`Rule with rulePriority ${priority} has tagStatus "${tagStatus}" and specifies ${field}; ${field} can only be used when tagStatus is "tagged".`;

export const tooManyWildcards = (priority: number, pattern: string, count: number): string =>
	`Rule with rulePriority ${priority} has tagPatternList entry ${JSON.stringify(pattern)} with ${count} wildcards (*); a tag pattern can contain at most ${LIFECYCLE_POLICY_LIMITS.maxWildcardsPerPattern} wildcards.`;

export const pulledNeedsTransition = (priority: number): string =>
	`Rule with rulePriority ${priority} uses countType "sinceImagePulled" with action type "expire"; sinceImagePulled can only be used with action type "transition".`;

export const transitionedNeedsExpire = (priority: number): string =>
	`Rule with rulePriority ${priority} uses countType "sinceImageTransitioned" with action type "transition"; sinceImageTransitioned can only be used with action type "expire".`;

export const archiveMinimum = (priority: number, days: number): string =>
	`Rule with rulePriority ${priority} expires archived images after ${printInteger(days)} days (countType "sinceImageTransitioned"); archived images have a minimum storage duration of ${LIFECYCLE_POLICY_LIMITS.archiveMinimumDays} days, so countNumber must be at least ${LIFECYCLE_POLICY_LIMITS.archiveMinimumDays}.`;

export const duplicatePriority = (priority: number): string =>
	`More than one rule has rulePriority ${priority}; each rule must have a unique rulePriority.`;

export const anyRuleNotLast = (priority: number, higher: number, storageClass: string): string =>
	`Rule with rulePriority ${priority} has tagStatus "any" but rule with rulePriority ${higher} selects the same storageClass "${storageClass}" with a higher rulePriority; a rule with tagStatus "any" must have the highest rulePriority.`;

export const secondUntaggedRule = (first: number, second: number, storageClass: string): string =>
	`Rules with rulePriority ${first} and ${second} both select untagged images in storageClass "${storageClass}"; only one rule can select untagged images.`;

export const duplicateTagSet = (first: number, second: number, field: string, storageClass: string): string =>
	`Rules with rulePriority ${first} and ${second} use the same ${field} in storageClass "${storageClass}"; rules must use a unique set of tag prefixes and patterns.`;

// ---- printing ----

/** Integers as Java prints them: all digits, never exponent notation. */
function printInteger(n: number): string {
	return Number.isSafeInteger(n) || !Number.isInteger(n) ? String(n) : BigInt(n).toString();
}

/**
 * The value as JSON, as the validator prints it. A value nested deeper than any engine can
 * stringify reliably is abbreviated, the same way in every browser.
 */
function printJson(value: unknown): string {
	if (!nestsAtMost(value, 64)) return Array.isArray(value) ? '[...]' : '{...}';
	return JSON.stringify(value) ?? String(value);
}

/** Depth check without recursion, so the check itself cannot overflow the stack. */
function nestsAtMost(root: unknown, limit: number): boolean {
	const stack: [unknown, number][] = [[root, 0]];
	while (stack.length > 0) {
		const [value, depth] = stack.pop() as [unknown, number];
		if (typeof value !== 'object' || value === null) continue;
		if (depth >= limit) return false;
		for (const child of Object.values(value)) stack.push([child, depth + 1]);
	}
	return true;
}
