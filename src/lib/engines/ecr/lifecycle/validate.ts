// PutLifecyclePolicy / StartLifecyclePolicyPreview validation of `lifecyclePolicyText`.
//
// Three stages: the API's length constraint on the text; the JSON schema (shape, types, enums,
// one schema per countType for `selection`, one per action type for `action`); then the rules a
// schema cannot express (lists only with `tagged`, wildcard count, count types paired with
// actions, unique priorities, `any` last, one untagged rule). AWS answers with one message, so
// the first failure found is the one reported; which one AWS picks when a document breaks
// several rules at once is not known, so the order within a stage is this simulator's choice.
//
// Input is hostile by assumption (anything a learner pastes), so: the length check comes before
// parsing, so at most 30,720 characters are ever parsed; only the fields the schema names are
// read, always as own properties (`__proto__`, `constructor` are just unknown keys), and the
// result is built from fresh objects, never from the parsed ones; nothing recurses into values,
// so nesting depth costs nothing; and any exception is converted to an AwsError.
import { AwsError } from '../../errors';
import * as m from './messages';
import { countWildcards } from './pattern';
import {
	DEFAULT_POLICY_STORAGE_CLASS,
	LIFECYCLE_POLICY_LIMITS,
	type CountType,
	type LifecycleAction,
	type LifecyclePolicy,
	type LifecycleRule,
	type LifecycleSelection,
	type PolicyStorageClass,
	type TagStatus
} from './policy';

type JsonObject = Record<string, unknown>;

const TAG_STATUSES: readonly TagStatus[] = ['tagged', 'untagged', 'any'];
const POLICY_KEYS = ['rules'];
const RULE_KEYS = ['rulePriority', 'description', 'selection', 'action'];
const SELECTION_KEYS = ['tagStatus', 'tagPrefixList', 'tagPatternList', 'storageClass', 'countType', 'countUnit', 'countNumber'];
const ACTION_KEYS = ['type', 'targetStorageClass'];

/** Parses and validates a lifecycle policy; throws InvalidParameterException with AWS's message. */
export function parseLifecyclePolicy(text: string): LifecyclePolicy {
	try {
		return parse(text);
	} catch (error) {
		if (error instanceof AwsError) throw error;
		// A bug here must still look like a rejected policy, not crash the caller's operation.
		throw m.policyError(m.COULD_NOT_MAP);
	}
}

function parse(text: unknown): LifecyclePolicy {
	if (typeof text !== 'string') throw m.policyError(m.COULD_NOT_MAP);
	const { minTextLength, maxTextLength } = LIFECYCLE_POLICY_LIMITS;
	if (text.length < minTextLength || text.length > maxTextLength) throw m.textLengthError(text.length);

	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch {
		throw m.policyError(m.COULD_NOT_MAP);
	}
	// A document that is not a JSON object cannot be mapped onto the policy type at all.
	if (!isObject(document)) throw m.policyError(m.COULD_NOT_MAP);

	const policy = readPolicy(document);
	checkRules(policy.rules);
	return policy;
}

// ---- schema ----

function readPolicy(document: JsonObject): LifecyclePolicy {
	checkKeys(document, POLICY_KEYS, ['rules']);
	const rules = own(document, 'rules');
	if (!Array.isArray(rules)) fail(m.wrongType(typeName(rules), 'array'));
	if (rules.length === 0) fail(m.arrayTooShort(1, 0));
	// Checked before the rules are read so a huge rule list costs nothing more.
	if (rules.length > LIFECYCLE_POLICY_LIMITS.maxRules) fail(m.tooManyRules(rules.length));
	return { rules: rules.map(readRule) };
}

function readRule(value: unknown): LifecycleRule {
	if (!isObject(value)) fail(m.wrongType(typeName(value), 'object'));
	checkKeys(value, RULE_KEYS, ['rulePriority', 'selection', 'action']);

	const rulePriority = readInteger(own(value, 'rulePriority'));
	let description: string | undefined;
	if (Object.hasOwn(value, 'description')) {
		const given = own(value, 'description');
		if (typeof given !== 'string') fail(m.wrongType(typeName(given), 'string'));
		description = given;
	}
	const selection = readSelection(own(value, 'selection'));
	const action = readAction(own(value, 'action'));
	return description === undefined ? { rulePriority, selection, action } : { rulePriority, description, selection, action };
}

function readSelection(value: unknown): LifecycleSelection {
	if (!isObject(value)) fail(m.wrongType(typeName(value), 'object'));
	checkKeys(value, SELECTION_KEYS, ['tagStatus', 'countType', 'countNumber']);

	const tagStatus = own(value, 'tagStatus');
	if (typeof tagStatus !== 'string' || !(TAG_STATUSES as readonly string[]).includes(tagStatus)) fail(m.notInEnum(tagStatus, TAG_STATUSES));
	const tagPrefixList = Object.hasOwn(value, 'tagPrefixList') ? readStringList(own(value, 'tagPrefixList')) : undefined;
	const tagPatternList = Object.hasOwn(value, 'tagPatternList') ? readStringList(own(value, 'tagPatternList')) : undefined;
	const countNumber = readInteger(own(value, 'countNumber'));

	// The oneOf: one branch per countType, each fixing which countUnit and storageClass may go
	// with it. Branches differ in countType, so at most one can match; none matching is the
	// "matched 0 out of 4" error.
	const countType = own(value, 'countType');
	const hasUnit = Object.hasOwn(value, 'countUnit');
	const unitIsDays = own(value, 'countUnit') === 'days';
	const hasStorage = Object.hasOwn(value, 'storageClass');
	const storage = own(value, 'storageClass');
	let branchMatched = false;
	switch (countType) {
		case 'imageCountMoreThan':
			branchMatched = !hasUnit && (!hasStorage || storage === 'standard');
			break;
		case 'sinceImagePushed':
		case 'sinceImagePulled':
			branchMatched = unitIsDays && (!hasStorage || storage === 'standard');
			break;
		case 'sinceImageTransitioned':
			branchMatched = unitIsDays && storage === 'archive';
			break;
	}
	if (!branchMatched) fail(m.noSchemaMatched(4));

	const selection: LifecycleSelection = { tagStatus: tagStatus as TagStatus, countType: countType as CountType, countNumber };
	if (tagPrefixList) selection.tagPrefixList = tagPrefixList;
	if (tagPatternList) selection.tagPatternList = tagPatternList;
	if (hasStorage) selection.storageClass = storage as PolicyStorageClass;
	if (hasUnit) selection.countUnit = 'days';
	return selection;
}

function readAction(value: unknown): LifecycleAction {
	if (!isObject(value)) fail(m.wrongType(typeName(value), 'object'));
	checkKeys(value, ACTION_KEYS, ['type']);
	const type = own(value, 'type');
	const hasTarget = Object.hasOwn(value, 'targetStorageClass');
	// oneOf: {type: expire} alone, or {type: transition, targetStorageClass: archive}.
	if (type === 'expire' && !hasTarget) return { type: 'expire' };
	if (type === 'transition' && own(value, 'targetStorageClass') === 'archive') return { type: 'transition', targetStorageClass: 'archive' };
	fail(m.noSchemaMatched(2));
}

function readStringList(value: unknown): string[] {
	if (!Array.isArray(value)) fail(m.wrongType(typeName(value), 'array'));
	if (value.length === 0) fail(m.arrayTooShort(1, 0));
	const list: string[] = [];
	for (const entry of value) {
		if (typeof entry !== 'string') fail(m.wrongType(typeName(entry), 'string'));
		list.push(entry);
	}
	return list;
}

function readInteger(value: unknown): number {
	if (typeof value !== 'number' || !Number.isInteger(value)) fail(m.wrongType(typeName(value), 'integer'));
	if (value < 1) fail(m.belowMinimum(1, value));
	if (value > LIFECYCLE_POLICY_LIMITS.maxInteger) fail(m.aboveMaximum(LIFECYCLE_POLICY_LIMITS.maxInteger, value));
	return value;
}

/** Required keys first, then keys the schema does not know, as the validator reports them. */
function checkKeys(value: JsonObject, allowed: readonly string[], required: readonly string[]): void {
	const missing = required.filter((key) => !Object.hasOwn(value, key));
	if (missing.length > 0) fail(m.missingRequired(missing));
	const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
	if (unknown.length > 0) fail(m.notAllowed(unknown));
}

// ---- rules a schema cannot express ----

function checkRules(rules: readonly LifecycleRule[]): void {
	for (const rule of rules) checkRule(rule);

	const seen = new Set<number>();
	for (const { rulePriority } of rules) {
		if (seen.has(rulePriority)) fail(m.duplicatePriority(rulePriority));
		seen.add(rulePriority);
	}

	// Each storage class is its own pool of images: the `any` rule must come last and only one
	// rule may take untagged images within the class, which is how AWS's own archive example
	// can have an `any` rule for standard and another for archive.
	const byPriority = [...rules].sort((a, b) => a.rulePriority - b.rulePriority);
	const highest = new Map<PolicyStorageClass, number>();
	for (const rule of byPriority) highest.set(storageClassOf(rule), rule.rulePriority);

	const untagged = new Map<PolicyStorageClass, number>();
	const tagSets = new Map<string, number>();
	for (const rule of byPriority) {
		const storageClass = storageClassOf(rule);
		const { tagStatus } = rule.selection;
		const last = highest.get(storageClass) ?? rule.rulePriority;
		if (tagStatus === 'any' && last !== rule.rulePriority) fail(m.anyRuleNotLast(rule.rulePriority, last, storageClass));
		if (tagStatus === 'untagged') {
			const first = untagged.get(storageClass);
			if (first !== undefined) fail(m.secondUntaggedRule(first, rule.rulePriority, storageClass));
			untagged.set(storageClass, rule.rulePriority);
		}
		if (tagStatus === 'tagged') {
			const field = rule.selection.tagPrefixList ? 'tagPrefixList' : 'tagPatternList';
			const entries = rule.selection.tagPrefixList ?? rule.selection.tagPatternList ?? [];
			const key = JSON.stringify([storageClass, field, [...new Set(entries)].sort()]);
			const first = tagSets.get(key);
			if (first !== undefined) fail(m.duplicateTagSet(first, rule.rulePriority, field, storageClass));
			tagSets.set(key, rule.rulePriority);
		}
	}
}

function checkRule({ rulePriority, selection, action }: LifecycleRule): void {
	const { tagStatus, tagPrefixList, tagPatternList, countType, countNumber } = selection;
	if (tagStatus === 'tagged') {
		if (!tagPrefixList && !tagPatternList) fail(m.taggedWithoutList(rulePriority));
		if (tagPrefixList && tagPatternList) fail(m.taggedWithBothLists(rulePriority));
	} else {
		if (tagPrefixList) fail(m.listWithoutTagged(rulePriority, tagStatus, 'tagPrefixList'));
		if (tagPatternList) fail(m.listWithoutTagged(rulePriority, tagStatus, 'tagPatternList'));
	}
	for (const pattern of tagPatternList ?? []) {
		const wildcards = countWildcards(pattern);
		if (wildcards > LIFECYCLE_POLICY_LIMITS.maxWildcardsPerPattern) fail(m.tooManyWildcards(rulePriority, pattern, wildcards));
	}
	if (countType === 'sinceImagePulled' && action.type !== 'transition') fail(m.pulledNeedsTransition(rulePriority));
	if (countType === 'sinceImageTransitioned') {
		if (action.type !== 'expire') fail(m.transitionedNeedsExpire(rulePriority));
		if (countNumber < LIFECYCLE_POLICY_LIMITS.archiveMinimumDays) fail(m.archiveMinimum(rulePriority, countNumber));
	}
}

// ---- helpers ----

function storageClassOf(rule: LifecycleRule): PolicyStorageClass {
	return rule.selection.storageClass ?? DEFAULT_POLICY_STORAGE_CLASS;
}

function fail(detail: string): never {
	throw m.policyError(detail);
}

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a key only if the object itself has it, so inherited names never leak in. */
function own(value: JsonObject, key: string): unknown {
	return Object.hasOwn(value, key) ? value[key] : undefined;
}

/** The validator's type names: an integral number is "integer", any other number "number". */
function typeName(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}
