import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { AwsError } from '../../../../../src/lib/engines/errors';
import { parseLifecyclePolicy, type LifecyclePolicy, type LifecycleRule } from '../../../../../src/lib/engines/ecr/lifecycle';
import { expectAwsError, expectPolicyError, policyText, rule, thrown } from './helpers';

const untagged30 = { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 };
const prodCount = { tagStatus: 'tagged', tagPatternList: ['prod*'], countType: 'imageCountMoreThan', countNumber: 5 };
const parse = (text: string) => () => parseLifecyclePolicy(text);
const parseRules = (...rules: unknown[]) => parse(policyText(...rules));
const ONE_OF_4 = 'instance failed to match exactly one schema (matched 0 out of 4)\n';
const ONE_OF_2 = 'instance failed to match exactly one schema (matched 0 out of 2)\n';

describe('parseLifecyclePolicy accepts the documented policies', () => {
	it('the seed policy: expire untagged images older than 30 days', () => {
		const text = `{
  "rules": [
    {
      "rulePriority": 1,
      "description": "Expire untagged images older than 30 days",
      "selection": {
        "tagStatus": "untagged",
        "countType": "sinceImagePushed",
        "countUnit": "days",
        "countNumber": 30
      },
      "action": {
        "type": "expire"
      }
    }
  ]
}`;
		expect(parseLifecyclePolicy(text)).toEqual({
			rules: [
				{
					rulePriority: 1,
					description: 'Expire untagged images older than 30 days',
					selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 },
					action: { type: 'expire' }
				}
			]
		});
	});

	it.each<[string, unknown[]]>([
		['expire prod* images older than 14 days', [rule(1, { tagStatus: 'tagged', tagPatternList: ['prod*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 })]],
		['keep only one untagged image', [rule(1, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 })]],
		['the 2022 prefix form', [rule(1, { tagStatus: 'tagged', tagPrefixList: ['prod'], countType: 'imageCountMoreThan', countNumber: 1 })]],
		[
			'archive images not pulled in 90 days',
			[rule(1, { tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 90 }, { type: 'transition', targetStorageClass: 'archive' })]
		],
		['expire archived images after 365 days', [rule(1, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365 })]],
		[
			'archive prod* images older than 30 days',
			[rule(1, { tagStatus: 'tagged', tagPatternList: ['prod*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 }, { type: 'transition', targetStorageClass: 'archive' })]
		],
		[
			'archive after 30 days, expire from archive after 365 days (an any rule per storage class)',
			[
				rule(1, { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 }, { type: 'transition', targetStorageClass: 'archive' }),
				rule(2, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365 })
			]
		],
		['keep the 10 newest active images, archive the rest', [rule(1, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 10 }, { type: 'transition', targetStorageClass: 'archive' })]],
		['explicit storageClass standard', [rule(1, { ...untagged30, storageClass: 'standard' })]],
		['untagged rules in different storage classes', [rule(1, untagged30), rule(2, { tagStatus: 'untagged', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90 })]],
		['non-sequential priorities, given out of order', [rule(30, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 3 }), rule(7, untagged30)]],
		['exactly four wildcards, either way round', [rule(1, { tagStatus: 'tagged', tagPatternList: ['*test*1*2*3', 'test*1*2*3*'], countType: 'imageCountMoreThan', countNumber: 1 })]],
		['different rules may use different kinds of list', [rule(1, { tagStatus: 'tagged', tagPrefixList: ['prod'], countType: 'imageCountMoreThan', countNumber: 1 }), rule(2, { tagStatus: 'tagged', tagPatternList: ['prod'], countType: 'imageCountMoreThan', countNumber: 1 })]],
		['the largest integer', [rule(2147483647, { ...untagged30, countNumber: 2147483647 })]]
	])('%s', (_name, rules) => {
		const policy = parseLifecyclePolicy(policyText(...rules));
		expect(policy).toEqual({ rules });
	});

	it('accepts exactly 50 rules and exactly 100 and 30,720 characters', () => {
		const rules = Array.from({ length: 50 }, (_, i) => rule(i + 1, { tagStatus: 'tagged', tagPrefixList: [`t${i}`], countType: 'imageCountMoreThan', countNumber: 1 }));
		expect(parseLifecyclePolicy(JSON.stringify({ rules })).rules).toHaveLength(50);
		const compact = JSON.stringify({ rules: [rule(1, untagged30)] });
		expect(parseLifecyclePolicy(compact.padEnd(100, ' ')).rules).toHaveLength(1);
		expect(parseLifecyclePolicy(compact.padEnd(30720, ' ')).rules).toHaveLength(1);
	});

	it('leaves absent optional fields absent', () => {
		const [parsed] = parseLifecyclePolicy(policyText(rule(1, prodCount))).rules;
		expect(parsed).toBeDefined();
		expect(Object.keys(parsed as LifecycleRule)).toEqual(['rulePriority', 'selection', 'action']);
		expect(Object.keys((parsed as LifecycleRule).selection).sort()).toEqual(['countNumber', 'countType', 'tagPatternList', 'tagStatus']);
	});
});

describe('the text itself', () => {
	it('rejects text shorter than 100 characters (API length constraint)', () => {
		expectAwsError(
			parse(JSON.stringify({ rules: [rule(1, untagged30)] }).slice(0, 99)),
			'InvalidParameterException',
			"Invalid parameter at 'lifecyclePolicyText' failed to satisfy constraint: 'Member must have length greater than or equal to 100'"
		);
	});

	it('rejects text longer than 30,720 characters, quickly, even at 1 MB or with 10,000 rules', () => {
		const message = "Invalid parameter at 'lifecyclePolicyText' failed to satisfy constraint: 'Member must have length less than or equal to 30720'";
		const valid = JSON.stringify({ rules: [rule(1, untagged30)] });
		expectAwsError(parse(valid.padEnd(30721, ' ')), 'InvalidParameterException', message);
		const huge = JSON.stringify({ rules: Array.from({ length: 10_000 }, (_, i) => rule(i + 1, prodCount)) });
		const megabyte = '['.repeat(1 << 20);
		const started = performance.now();
		expectAwsError(parse(huge), 'InvalidParameterException', message);
		expectAwsError(parse(megabyte), 'InvalidParameterException', message);
		expect(performance.now() - started).toBeLessThan(50);
	});

	it.each([
		['malformed JSON', `{"rules": [${JSON.stringify(rule(1, untagged30))},]}`.padEnd(120, ' ')],
		['a trailing garbage token', `${policyText(rule(1, untagged30))} x`],
		['a JSON array', JSON.stringify([rule(1, untagged30)]).padEnd(120, ' ')],
		['a JSON string', JSON.stringify('x'.repeat(120))],
		['JSON null', 'null'.padEnd(120, ' ')],
		['a JSON number', '1'.padEnd(120, ' ')],
		['not JSON at all', 'some invalid input '.repeat(10)],
		['deeply nested arrays', `${'['.repeat(15_000)}${']'.repeat(15_000)}`]
	])('cannot map %s into a policy', (_name, text) => {
		expectPolicyError(parse(text), 'Could not map policyString into LifecyclePolicy.');
	});

	it('does not let a non-string through', () => {
		expectPolicyError(() => parseLifecyclePolicy(undefined as unknown as string), 'Could not map policyString into LifecyclePolicy.');
	});
});

describe('schema errors (json-schema-validator wording)', () => {
	it('requires rules', () => {
		expectPolicyError(parse(JSON.stringify({ no_rules: 'x' }).padEnd(120, ' ')), 'object has missing required properties (["rules"])');
	});

	it('rejects unknown top-level properties', () => {
		expectPolicyError(parse(JSON.stringify({ rules: [rule(1, untagged30)], version: 1 }).padEnd(120, ' ')), 'object instance has properties which are not allowed by the schema: ["version"]');
	});

	it('rejects a __proto__ key as an unknown property without polluting any prototype', () => {
		const text = `{"__proto__": {"polluted": true}, "rules": [${JSON.stringify(rule(1, untagged30))}]}`;
		expectPolicyError(parse(text), 'object instance has properties which are not allowed by the schema: ["__proto__"]');
		const inRule = `{"rules": [{"__proto__": {"rulePriority": 1}, "constructor": 1, ${JSON.stringify(rule(1, untagged30)).slice(1)}]}`;
		expectPolicyError(parse(inRule), 'object instance has properties which are not allowed by the schema: ["__proto__","constructor"]');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(({} as Record<string, unknown>).rulePriority).toBeUndefined();
	});

	it('does not read inherited names as fields', () => {
		const text = `{"rules": [{"rulePriority": 1, "action": {"type": "expire"}, "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "toString": 1}}]}`;
		expectPolicyError(parse(text), 'object has missing required properties (["countNumber"])');
	});

	it('rules must be an array', () => {
		expectPolicyError(parse(JSON.stringify({ rules: null }).padEnd(120, ' ')), 'instance type (null) does not match any allowed primitive type (allowed: ["array"])');
		expectPolicyError(parse(JSON.stringify({ rules: rule(1, untagged30) }).padEnd(120, ' ')), 'instance type (object) does not match any allowed primitive type (allowed: ["array"])');
	});

	it('rules must not be empty', () => {
		expectPolicyError(parse(JSON.stringify({ rules: [] }).padEnd(120, ' ')), 'array is too short: must have at least 1 elements but instance has 0 elements');
	});

	it('each rule must be an object', () => {
		expectPolicyError(parse(JSON.stringify({ rules: ['not_dict'] }).padEnd(120, ' ')), 'instance type (string) does not match any allowed primitive type (allowed: ["object"])');
	});

	it('a rule needs rulePriority, selection and action', () => {
		expectPolicyError(parseRules({ description: 'no priority', selection: untagged30, action: { type: 'expire' } }), 'object has missing required properties (["rulePriority"])');
		expectPolicyError(parseRules({ rulePriority: 1, description: 'only a priority and a long description' }), 'object has missing required properties (["action","selection"])');
	});

	it('rejects unknown rule properties', () => {
		expectPolicyError(parseRules({ ...rule(1, untagged30), unknown: 123 }), 'object instance has properties which are not allowed by the schema: ["unknown"]');
	});

	it.each<[unknown, string]>([
		['1', 'instance type (string) does not match any allowed primitive type (allowed: ["integer"])'],
		[1.5, 'instance type (number) does not match any allowed primitive type (allowed: ["integer"])'],
		[null, 'instance type (null) does not match any allowed primitive type (allowed: ["integer"])'],
		[0, 'numeric instance is lower than the required minimum (minimum: 1, found: 0)'],
		[-3, 'numeric instance is lower than the required minimum (minimum: 1, found: -3)'],
		[2147483648, 'numeric instance is greater than the required maximum (maximum: 2147483647, found: 2147483648)'],
		[1e21, 'numeric instance is greater than the required maximum (maximum: 2147483647, found: 1000000000000000000000)']
	])('rulePriority %j', (rulePriority, detail) => {
		expectPolicyError(parseRules({ ...rule(1, untagged30), rulePriority }), detail);
	});

	it('description must be a string', () => {
		expectPolicyError(parseRules({ ...rule(1, untagged30), description: 42 }), 'instance type (integer) does not match any allowed primitive type (allowed: ["string"])');
	});

	it('selection must be an object with tagStatus, countType and countNumber', () => {
		expectPolicyError(parseRules(rule(1, [] as unknown as Record<string, unknown>)), 'instance type (array) does not match any allowed primitive type (allowed: ["object"])');
		expectPolicyError(parseRules(rule(1, { countType: 'imageCountMoreThan', countNumber: 30 })), 'object has missing required properties (["tagStatus"])');
		expectPolicyError(parseRules(rule(1, { tagStatus: 'untagged', countNumber: 30 })), 'object has missing required properties (["countType"])');
		expectPolicyError(parseRules(rule(1, { tagStatus: 'untagged', countType: 'imageCountMoreThan' })), 'object has missing required properties (["countNumber"])');
	});

	it('rejects unknown selection properties', () => {
		expectPolicyError(parseRules(rule(1, { ...untagged30, tagSuffixList: ['x'] })), 'object instance has properties which are not allowed by the schema: ["tagSuffixList"]');
	});

	it('tagStatus must be tagged, untagged or any (case matters)', () => {
		expectPolicyError(parseRules(rule(1, { ...untagged30, tagStatus: 'TAGGED' })), 'instance value ("TAGGED") not found in enum (possible values: ["tagged","untagged","any"])');
		expectPolicyError(parseRules(rule(1, { ...untagged30, tagStatus: null })), 'instance value (null) not found in enum (possible values: ["tagged","untagged","any"])');
	});

	it('prints a wrong value in full, abbreviating only absurd nesting', () => {
		const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
		const text = (value: string) => `{"rules":[{"rulePriority":1,"selection":{"tagStatus":${value},"countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}`;
		expectPolicyError(parse(text('{"a": [1, "b"]}')), 'instance value ({"a":[1,"b"]}) not found in enum (possible values: ["tagged","untagged","any"])');
		expectPolicyError(parse(text(nested(64))), `instance value (${nested(64)}) not found in enum (possible values: ["tagged","untagged","any"])`);
		expectPolicyError(parse(text(nested(15_000))), 'instance value ([...]) not found in enum (possible values: ["tagged","untagged","any"])');
	});

	it('tag lists must be non-empty arrays of strings', () => {
		const tagged = { ...prodCount, tagPatternList: undefined };
		expectPolicyError(parseRules(rule(1, { ...tagged, tagPrefixList: null })), 'instance type (null) does not match any allowed primitive type (allowed: ["array"])');
		expectPolicyError(parseRules(rule(1, { ...tagged, tagPrefixList: 'prod' })), 'instance type (string) does not match any allowed primitive type (allowed: ["array"])');
		expectPolicyError(parseRules(rule(1, { ...tagged, tagPatternList: ['prod*', 7] })), 'instance type (integer) does not match any allowed primitive type (allowed: ["string"])');
		expectPolicyError(parseRules(rule(1, { ...tagged, tagPatternList: [] })), 'array is too short: must have at least 1 elements but instance has 0 elements');
	});

	it.each<[unknown, string]>([
		[0, 'numeric instance is lower than the required minimum (minimum: 1, found: 0)'],
		[-1, 'numeric instance is lower than the required minimum (minimum: 1, found: -1)'],
		['5', 'instance type (string) does not match any allowed primitive type (allowed: ["integer"])'],
		[2.5, 'instance type (number) does not match any allowed primitive type (allowed: ["integer"])'],
		[2147483648, 'numeric instance is greater than the required maximum (maximum: 2147483647, found: 2147483648)']
	])('countNumber %j', (countNumber, detail) => {
		expectPolicyError(parseRules(rule(1, { ...untagged30, countNumber })), detail);
	});

	it.each<[string, Record<string, unknown>]>([
		['countUnit with imageCountMoreThan', { tagStatus: 'any', countType: 'imageCountMoreThan', countUnit: 'days', countNumber: 5 }],
		['countUnit null with imageCountMoreThan', { tagStatus: 'any', countType: 'imageCountMoreThan', countUnit: null, countNumber: 5 }],
		['sinceImagePushed without countUnit', { tagStatus: 'any', countType: 'sinceImagePushed', countNumber: 5 }],
		['sinceImagePulled without countUnit', { tagStatus: 'any', countType: 'sinceImagePulled', countNumber: 5 }],
		['countUnit other than days', { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'hours', countNumber: 5 }],
		['an unknown countType', { tagStatus: 'any', countType: 'sinceImageBuilt', countUnit: 'days', countNumber: 5 }],
		['countType null', { tagStatus: 'any', countType: null, countNumber: 5 }],
		['storageClass archive with sinceImagePushed', { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 5 }],
		['storageClass archive with imageCountMoreThan', { tagStatus: 'any', storageClass: 'archive', countType: 'imageCountMoreThan', countNumber: 5 }],
		['sinceImageTransitioned without storageClass', { tagStatus: 'any', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365 }],
		['sinceImageTransitioned with storageClass standard', { tagStatus: 'any', storageClass: 'standard', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365 }],
		['storageClass in upper case', { tagStatus: 'any', storageClass: 'STANDARD', countType: 'imageCountMoreThan', countNumber: 5 }],
		['storageClass null', { tagStatus: 'any', storageClass: null, countType: 'imageCountMoreThan', countNumber: 5 }]
	])('selection matches no countType schema: %s', (_name, selection) => {
		expectPolicyError(parseRules(rule(1, selection)), ONE_OF_4);
	});

	it('action needs a type and nothing unknown', () => {
		expectPolicyError(parseRules(rule(1, untagged30, {})), 'object has missing required properties (["type"])');
		expectPolicyError(parseRules(rule(1, untagged30, { type: 'expire', unknown: 123 })), 'object instance has properties which are not allowed by the schema: ["unknown"]');
		expectPolicyError(parseRules(rule(1, untagged30, null as unknown as Record<string, unknown>)), 'instance type (null) does not match any allowed primitive type (allowed: ["object"])');
	});

	it.each<[string, Record<string, unknown>]>([
		['an unknown type', { type: 'keep' }],
		['type in upper case', { type: 'EXPIRE' }],
		['transition without targetStorageClass', { type: 'transition' }],
		['transition to standard', { type: 'transition', targetStorageClass: 'standard' }],
		['expire with a targetStorageClass', { type: 'expire', targetStorageClass: 'archive' }],
		['expire with targetStorageClass null', { type: 'expire', targetStorageClass: null }]
	])('action matches neither action schema: %s', (_name, action) => {
		expectPolicyError(parseRules(rule(1, { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 }, action)), ONE_OF_2);
	});
});

describe('rules a schema cannot express', () => {
	it('at most 50 rules', () => {
		const rules = Array.from({ length: 51 }, (_, i) => rule(i + 1, { tagStatus: 'tagged', tagPrefixList: [`t${i}`], countType: 'imageCountMoreThan', countNumber: 1 }));
		expectPolicyError(parse(JSON.stringify({ rules })), 'The policy has 51 rules; a lifecycle policy can have at most 50 rules.');
	});

	it('a tagged rule needs a tag list', () => {
		expectPolicyError(
			parseRules(rule(4, { tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 1 })),
			'Rule with rulePriority 4 has tagStatus "tagged" but neither tagPrefixList nor tagPatternList; a tagged rule must specify exactly one of them.'
		);
	});

	it('a tagged rule cannot use both kinds of list', () => {
		expectPolicyError(
			parseRules(rule(2, { ...prodCount, tagPrefixList: ['prod'] })),
			'Rule with rulePriority 2 specifies both tagPrefixList and tagPatternList; a tagged rule must specify exactly one of them.'
		);
	});

	it('untagged and any rules must omit the tag lists', () => {
		expectPolicyError(
			parseRules(rule(3, { ...untagged30, tagPrefixList: ['prod'] })),
			'Rule with rulePriority 3 has tagStatus "untagged" and specifies tagPrefixList; tagPrefixList can only be used when tagStatus is "tagged".'
		);
		expectPolicyError(
			parseRules(rule(5, { ...prodCount, tagStatus: 'any' })),
			'Rule with rulePriority 5 has tagStatus "any" and specifies tagPatternList; tagPatternList can only be used when tagStatus is "tagged".'
		);
	});

	it('at most four wildcards per pattern', () => {
		expectPolicyError(
			parseRules(rule(1, { ...prodCount, tagPatternList: ['prod*', 'test*1*2*3*4*5*6'] })),
			'Rule with rulePriority 1 has tagPatternList entry "test*1*2*3*4*5*6" with 6 wildcards (*); a tag pattern can contain at most 4 wildcards.'
		);
		expectPolicyError(
			parseRules(rule(1, { ...prodCount, tagPatternList: ['*a*b*c*d*'] })),
			'Rule with rulePriority 1 has tagPatternList entry "*a*b*c*d*" with 5 wildcards (*); a tag pattern can contain at most 4 wildcards.'
		);
	});

	it('a tag prefix is not a pattern: stars in it are not counted', () => {
		expect(() => parseLifecyclePolicy(policyText(rule(1, { tagStatus: 'tagged', tagPrefixList: ['a*b*c*d*e*f'], countType: 'imageCountMoreThan', countNumber: 1 })))).not.toThrow();
	});

	it('sinceImagePulled only archives', () => {
		expectPolicyError(
			parseRules(rule(6, { tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 90 })),
			'Rule with rulePriority 6 uses countType "sinceImagePulled" with action type "expire"; sinceImagePulled can only be used with action type "transition".'
		);
	});

	it('sinceImageTransitioned only expires', () => {
		expectPolicyError(
			parseRules(rule(2, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365 }, { type: 'transition', targetStorageClass: 'archive' })),
			'Rule with rulePriority 2 uses countType "sinceImageTransitioned" with action type "transition"; sinceImageTransitioned can only be used with action type "expire".'
		);
	});

	it('archived images stay at least 90 days', () => {
		expectPolicyError(
			parseRules(rule(2, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 89 })),
			'Rule with rulePriority 2 expires archived images after 89 days (countType "sinceImageTransitioned"); archived images have a minimum storage duration of 90 days, so countNumber must be at least 90.'
		);
		expect(() => parseLifecyclePolicy(policyText(rule(2, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90 })))).not.toThrow();
	});

	it('rule priorities are unique', () => {
		expectPolicyError(parseRules(rule(1, untagged30), rule(1, prodCount)), 'More than one rule has rulePriority 1; each rule must have a unique rulePriority.');
	});

	it('the any rule has the highest priority', () => {
		expectPolicyError(
			parseRules(rule(2, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 10 }), rule(3, untagged30)),
			'Rule with rulePriority 2 has tagStatus "any" but rule with rulePriority 3 selects the same storageClass "standard" with a higher rulePriority; a rule with tagStatus "any" must have the highest rulePriority.'
		);
		expectPolicyError(
			parseRules(rule(1, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 10 }), rule(2, { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 10 })),
			'Rule with rulePriority 1 has tagStatus "any" but rule with rulePriority 2 selects the same storageClass "standard" with a higher rulePriority; a rule with tagStatus "any" must have the highest rulePriority.'
		);
	});

	it('the any rule is last within its storage class, not across classes', () => {
		const archiveAny = rule(9, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 180 });
		expect(() => parseLifecyclePolicy(policyText(rule(5, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 3 }), archiveAny))).not.toThrow();
		expectPolicyError(
			parseRules(rule(1, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365 }), rule(2, { tagStatus: 'tagged', tagPatternList: ['*'], storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90 })),
			'Rule with rulePriority 1 has tagStatus "any" but rule with rulePriority 2 selects the same storageClass "archive" with a higher rulePriority; a rule with tagStatus "any" must have the highest rulePriority.'
		);
	});

	it('only one rule selects untagged images in a storage class', () => {
		expectPolicyError(
			parseRules(rule(4, untagged30), rule(2, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 })),
			'Rules with rulePriority 2 and 4 both select untagged images in storageClass "standard"; only one rule can select untagged images.'
		);
	});

	it('rules use a unique set of tag prefixes (order and repeats do not matter)', () => {
		expectPolicyError(
			parseRules(
				rule(1, { tagStatus: 'tagged', tagPrefixList: ['prod', 'web'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 }),
				rule(2, { tagStatus: 'tagged', tagPrefixList: ['web', 'prod', 'web'], countType: 'imageCountMoreThan', countNumber: 5 })
			),
			'Rules with rulePriority 1 and 2 use the same tagPrefixList in storageClass "standard"; rules must use a unique set of tag prefixes and patterns.'
		);
	});

	it('reports the first problem: schema before semantics, rules in the order given', () => {
		expectPolicyError(parseRules(rule(1, untagged30), rule(1, { ...untagged30, countNumber: 0 })), 'numeric instance is lower than the required minimum (minimum: 1, found: 0)');
		expectPolicyError(
			parseRules(rule(3, { tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 1 }), rule(3, untagged30)),
			'Rule with rulePriority 3 has tagStatus "tagged" but neither tagPrefixList nor tagPatternList; a tagged rule must specify exactly one of them.'
		);
	});
});

describe('properties', () => {
	const isAwsError = (error: unknown) => error instanceof AwsError && error.code === 'InvalidParameterException';

	function neverThrowsOtherThanAwsError(text: string): void {
		try {
			parseLifecyclePolicy(text);
		} catch (error) {
			expect(isAwsError(error), String(error)).toBe(true);
		}
	}

	it('arbitrary strings are parsed or rejected with an AwsError', () => {
		fc.assert(fc.property(fc.string({ maxLength: 400 }), neverThrowsOtherThanAwsError), { numRuns: 2000 });
		fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 100, maxLength: 400 }), neverThrowsOtherThanAwsError), { numRuns: 1000 });
	});

	it('arbitrary JSON values are parsed or rejected with an AwsError', () => {
		const padded = (value: unknown) => (JSON.stringify(value) ?? '').padEnd(100, ' ');
		fc.assert(fc.property(fc.jsonValue(), (value) => neverThrowsOtherThanAwsError(padded(value))), { numRuns: 1000 });
		fc.assert(fc.property(fc.jsonValue(), (value) => neverThrowsOtherThanAwsError(padded({ rules: value }))), { numRuns: 500 });
		fc.assert(fc.property(fc.array(fc.jsonValue(), { maxLength: 3 }), (rules) => neverThrowsOtherThanAwsError(padded({ rules }))), { numRuns: 500 });
	});

	it('valid policies with one field replaced by any JSON value are parsed or rejected with an AwsError', () => {
		const base = rule(1, { ...prodCount }, { type: 'expire' }) as unknown as Record<string, Record<string, unknown>>;
		const paths = [
			['rulePriority'],
			['description'],
			['selection'],
			['action'],
			['selection', 'tagStatus'],
			['selection', 'tagPatternList'],
			['selection', 'tagPrefixList'],
			['selection', 'storageClass'],
			['selection', 'countType'],
			['selection', 'countUnit'],
			['selection', 'countNumber'],
			['action', 'type'],
			['action', 'targetStorageClass']
		];
		fc.assert(
			fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
				const copy = structuredClone(base);
				if (path.length === 1) (copy as Record<string, unknown>)[path[0] as string] = value;
				else (copy[path[0] as string] as Record<string, unknown>)[path[1] as string] = value;
				neverThrowsOtherThanAwsError(policyText(copy));
			}),
			{ numRuns: 2000 }
		);
	});

	it('a generated valid policy round-trips unchanged', () => {
		const taggedRule = fc.record({
			list: fc.constantFrom('tagPrefixList', 'tagPatternList'),
			countType: fc.constantFrom('imageCountMoreThan', 'sinceImagePushed'),
			countNumber: fc.integer({ min: 1, max: 1000 }),
			transition: fc.boolean(),
			description: fc.option(fc.string({ maxLength: 20 }), { nil: undefined })
		});
		fc.assert(
			fc.property(fc.array(taggedRule, { minLength: 1, maxLength: 20 }), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 1000 }), (tagged, withUntagged, withAny, start) => {
				const rules: LifecycleRule[] = [];
				let priority = start;
				tagged.forEach((r, i) => {
					const countUnit = r.countType === 'imageCountMoreThan' ? {} : { countUnit: 'days' as const };
					rules.push({
						rulePriority: priority++,
						...(r.description === undefined ? {} : { description: r.description }),
						selection: { tagStatus: 'tagged', [r.list]: [`team-${i}-`], countType: r.countType, ...countUnit, countNumber: r.countNumber },
						action: r.transition ? { type: 'transition', targetStorageClass: 'archive' } : { type: 'expire' }
					} as LifecycleRule);
				});
				if (withUntagged) rules.push({ rulePriority: priority++, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } });
				if (withAny) rules.push({ rulePriority: priority++, selection: { tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 90 }, action: { type: 'transition', targetStorageClass: 'archive' } });
				const policy: LifecyclePolicy = { rules: rules.reverse() };
				expect(parseLifecyclePolicy(JSON.stringify(policy, null, 2))).toEqual(policy);
			}),
			{ numRuns: 300 }
		);
	});

	it('never throws anything but an AwsError, even for strange errors deep inside', () => {
		// Whatever the text, the failure is the AWS error type the operations expect.
		const error = thrown(() => parseLifecyclePolicy('{'.padEnd(200, '{')));
		expect(isAwsError(error)).toBe(true);
	});
});
