import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { AwsError } from '../../../../../src/lib/engines/errors';
import {
	creationOrder,
	deletionOrder,
	parseTemplate,
	planStack,
	resolveProperties,
	type PlanInput
} from '../../../../../src/lib/engines/cloudformation/template';
import { validate } from './helpers';

/** Runs `fn`; an AwsError is an answer, anything else escaping is a bug. */
function onlyAwsErrors(fn: () => unknown): void {
	try {
		fn();
	} catch (e) {
		if (!(e instanceof AwsError)) throw e;
	}
}

const identity: PlanInput = { accountId: '123456789012', region: 'eu-west-1', stackName: 's', stackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/s/1' };

const FUNCTIONS = ['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::FindInMap', 'Fn::GetAZs', 'Fn::ImportValue', 'Fn::Base64', 'Fn::Cidr', 'Fn::If', 'Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Condition', 'Fn::Length', 'Fn::ToJsonString', 'Fn::Transform', 'Fn::Nope', '__proto__'];
const NAMES = ['A', 'B', 'C', 'P', 'AWS::Region', 'AWS::NoValue', 'M', 'K', 'IsProd', 'Arn', 'x', '${A}', '${B.Arn}', '${!A}', '${P}', '10.0.0.0/16', '0', '1', ''];

/** Values shaped like template values: scalars, lists, objects and function calls with arbitrary arguments. */
const cfnValue = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		fc.constantFrom(...NAMES),
		fc.integer({ min: -3, max: 300 }),
		fc.boolean(),
		fc.constant(null),
		fc.array(tie('value'), { maxLength: 4 }),
		fc.dictionary(fc.constantFrom('Type', 'Properties', 'Value', 'Name', 'Default', 'a', 'b', 'DependsOn', 'Condition'), tie('value'), { maxKeys: 3 }),
		fc.tuple(fc.constantFrom(...FUNCTIONS), tie('value')).map(([fn, arg]) => ({ [fn]: arg }))
	)
})).value;

/** Whole templates from those values, with section names that usually exist. */
const cfnTemplate = fc.record(
	{
		AWSTemplateFormatVersion: fc.constantFrom('2010-09-09', '2010-09-10'),
		Transform: fc.constantFrom('AWS::LanguageExtensions', 'AWS::Serverless-2016-10-31'),
		Parameters: fc.dictionary(fc.constantFrom('P', 'Q', 'A'), fc.oneof(fc.record({ Type: fc.constantFrom('String', 'CommaDelimitedList', 'Number'), Default: fc.constantFrom('a', '1', 'a,b') }), cfnValue), { maxKeys: 2 }),
		Mappings: fc.oneof(fc.constant({ M: { K: { Arn: 'v', x: ['1', '2'] } } }), cfnValue),
		Conditions: fc.dictionary(fc.constantFrom('IsProd', 'C2'), fc.oneof(fc.constant({ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] }), cfnValue), { maxKeys: 2 }),
		Resources: fc.dictionary(
			fc.constantFrom('A', 'B', 'C', 'D'),
			fc.oneof(
				fc.record({ Type: fc.constantFrom('AWS::S3::Bucket', 'AWS::SNS::Topic', 'AWS::Nope::X'), Properties: fc.dictionary(fc.constantFrom('p', 'q'), cfnValue, { maxKeys: 2 }) }, { requiredKeys: ['Type'] }),
				cfnValue
			),
			{ maxKeys: 4 }
		),
		Outputs: fc.dictionary(fc.constantFrom('O', 'Out'), fc.oneof(fc.record({ Value: cfnValue }), cfnValue), { maxKeys: 2 })
	},
	{ requiredKeys: [] }
);

const exercise = (text: string) =>
	onlyAwsErrors(() => {
		const v = validate(text);
		const plan = planStack(v, identity);
		for (const r of plan.resources) onlyAwsErrors(() => resolveProperties(r.properties, plan.context));
	});

describe('robustness: nothing but AwsError escapes', () => {
	it('random text', () => {
		fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => exercise(s)), { numRuns: 1000 });
	});

	it('random bytes read as text (UTF-8 with replacement characters)', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => exercise(new TextDecoder().decode(bytes))),
			{ numRuns: 1000 }
		);
	});

	it('random YAML-ish text made of YAML syntax', () => {
		const token = fc.constantFrom('Resources:', '\n', '  ', '- ', ': ', '!Ref ', '!GetAtt ', '!Sub ', '!If ', '[', ']', '{', '}', ',', '"', "'", '&a ', '*a', '|', '>', '#', 'A', 'Type', 'AWS::S3::Bucket', '---', '? ', '!!str ', '%YAML 1.2\n', '\t');
		fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (tokens) => exercise(tokens.join(''))), { numRuns: 1500 });
	});

	it('random JSON values, as JSON and as YAML', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
				exercise(JSON.stringify(v));
				exercise(dump(v));
			}),
			{ numRuns: 500 }
		);
	});

	it('random template-shaped values with random function calls', () => {
		fc.assert(
			fc.property(cfnTemplate, (t) => {
				exercise(JSON.stringify(t));
				onlyAwsErrors(() => exercise(dump(t, { noRefs: true })));
			}),
			{ numRuns: 1500 }
		);
	});

	it('deep nesting is refused, not a stack overflow', () => {
		exercise('['.repeat(5000));
		exercise('{"a":'.repeat(3000) + '1' + '}'.repeat(3000));
		exercise('a:\n' + Array.from({ length: 400 }, (_, i) => ' '.repeat(i + 1) + 'b:').join('\n'));
	});
});

/** Well-formed templates: N topics, each depending on some earlier ones (so never a cycle). */
const wellFormed = fc
	.integer({ min: 1, max: 25 })
	.chain((n) =>
		fc.tuple(
			fc.constant(n),
			fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: n, maxLength: n }),
			fc.array(fc.constantFrom('Ref', 'GetAtt', 'Sub', 'SubAttr', 'DependsOn', 'If'), { minLength: n, maxLength: n }),
			fc.boolean()
		)
	)
	.map(([n, picks, kinds, isProd]) => {
		const resources: Record<string, unknown> = {};
		const expected = new Map<string, Set<string>>();
		for (let i = 0; i < n; i++) {
			const id = `T${i}`;
			const deps = new Set(i === 0 ? [] : (picks[i] ?? []).map((p) => `T${p % i}`));
			const properties: Record<string, unknown> = { TopicName: `t${i}` };
			const list = [...deps];
			const kind = kinds[i];
			const def: Record<string, unknown> = { Type: 'AWS::SNS::Topic', Properties: properties };
			if (kind === 'DependsOn') def['DependsOn'] = list;
			else
				list.forEach((d, k) => {
					properties[`P${k}`] =
						kind === 'Ref' ? { Ref: d } : kind === 'GetAtt' ? { 'Fn::GetAtt': [d, 'TopicArn'] } : kind === 'Sub' ? { 'Fn::Sub': `\${${d}}-x` } : kind === 'SubAttr' ? { 'Fn::Sub': `\${${d}.TopicName}` } : { 'Fn::If': ['IsProd', { Ref: d }, 'none'] };
				});
			expected.set(id, kind === 'If' && !isProd ? new Set() : deps);
			resources[id] = def;
		}
		const template = { Parameters: { Env: { Type: 'String', Default: isProd ? 'prod' : 'dev' } }, Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } }, Resources: resources };
		return { template, expected };
	});

describe('well-formed templates: parse → validate → plan', () => {
	it('JSON and YAML give the same model; the order respects every dependency, the deletion order reverses it', () => {
		fc.assert(
			fc.property(wellFormed, ({ template, expected }) => {
				const fromJson = validate(JSON.stringify(template));
				const fromYaml = validate(dump(template, { noRefs: true }));
				expect(JSON.stringify(fromYaml.model.resources)).toBe(JSON.stringify(fromJson.model.resources));
				const plan = planStack(fromJson, identity);
				for (const [id, deps] of expected) expect(new Set(plan.graph.dependencies[id])).toEqual(deps);
				const order = creationOrder(plan.graph);
				expect(order).toHaveLength(expected.size);
				for (const [id, deps] of expected) for (const d of deps) expect(order.indexOf(d)).toBeLessThan(order.indexOf(id));
				const del = deletionOrder(plan.graph);
				for (const [id, deps] of expected) for (const d of deps) expect(del.indexOf(d)).toBeGreaterThan(del.indexOf(id));
				expect(plan.waves.flat()).toEqual(order);
			}),
			{ numRuns: 300 }
		);
	});

	it('the source map places every resource on its line', () => {
		fc.assert(
			fc.property(wellFormed, ({ template }) => {
				const text = dump(template, { noRefs: true });
				const { sourceMap } = parseTemplate(text);
				const lines = text.split('\n');
				for (const id of Object.keys(template.Resources)) {
					const at = sourceMap.locate(['Resources', id]);
					expect(lines[(at.line ?? 0) - 1]?.slice((at.column ?? 0) - 1).startsWith(`${id}:`)).toBe(true);
				}
			}),
			{ numRuns: 100 }
		);
	});
});
