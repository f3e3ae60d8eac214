import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
	MODELLED_RESOURCE_TYPES,
	isUnresolvedIntrinsic,
	loadSchema,
	propertiesValidationFailedMessage,
	validateProperties
} from '$lib/engines/cloudformation/resources';

const messages = async (type: string, props: unknown) =>
	validateProperties(await loadSchema(type), props).map((p) => p.message);

describe('validateProperties: the lines AWS writes', () => {
	it('accepts valid properties, and a resource without Properties when nothing is required', async () => {
		expect(
			await messages('AWS::ECR::Repository', {
				RepositoryName: 'team/web-app',
				ImageTagMutability: 'IMMUTABLE',
				ImageScanningConfiguration: { ScanOnPush: true },
				EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: 'alias/ecr' },
				LifecyclePolicy: { LifecyclePolicyText: JSON.stringify({ rules: [] }).padEnd(120, ' '), RegistryId: '123456789012' },
				RepositoryPolicyText: { Version: '2012-10-17', Statement: [] },
				EmptyOnDelete: true,
				Tags: [{ Key: 'team', Value: 'web' }]
			})
		).toEqual([]);
		expect(await messages('AWS::ECR::Repository', undefined)).toEqual([]);
		expect(await messages('AWS::ECR::Repository', {})).toEqual([]);
	});

	it('names an unknown property (extraneous key)', async () => {
		expect(await messages('AWS::ECR::Repository', { Foo: 1 })).toEqual(['#: extraneous key [Foo] is not permitted']);
		expect(await messages('AWS::ECR::Repository', { ImageScanningConfiguration: { ScanOnPsh: true } })).toEqual([
			'#/ImageScanningConfiguration: extraneous key [ScanOnPsh] is not permitted'
		]);
	});

	it('names a missing required property', async () => {
		expect(await messages('AWS::IAM::Role', {})).toEqual(['#: required key [AssumeRolePolicyDocument] not found']);
		expect(await messages('AWS::ECR::Repository', { EncryptionConfiguration: {} })).toEqual([
			'#/EncryptionConfiguration: required key [EncryptionType] not found'
		]);
		expect(await messages('AWS::IAM::Policy', { PolicyName: 'p' })).toEqual(['#: required key [PolicyDocument] not found']);
	});

	it('wraps an enum miss in the synthetic allOf, value scrubbed', async () => {
		expect(await messages('AWS::ECR::Repository', { ImageTagMutability: 'SOMETIMES' })).toEqual([
			'#/ImageTagMutability: #: only 1 subschema matches out of 2',
			'#/ImageTagMutability: failed validation constraint for keyword [enum]'
		]);
		expect(await messages('AWS::ECR::Repository', { EncryptionConfiguration: { EncryptionType: 'aes256' } })).toEqual([
			'#/EncryptionConfiguration/EncryptionType: #: only 1 subschema matches out of 2',
			'#/EncryptionConfiguration/EncryptionType: failed validation constraint for keyword [enum]'
		]);
		expect(await messages('AWS::Logs::LogGroup', { RetentionInDays: 2555 })).toEqual([
			'#/RetentionInDays: #: only 1 subschema matches out of 2',
			'#/RetentionInDays: failed validation constraint for keyword [enum]'
		]);
	});

	it('reports wrong types with Java class names', async () => {
		expect(await messages('AWS::ECR::Repository', { Tags: { Key: 'a', Value: 'b' } })).toEqual([
			'#/Tags: expected type: JSONArray, found: JSONObject'
		]);
		expect(await messages('AWS::Lambda::Function', { Code: { ZipFile: 'x' }, Role: ['arn'] })).toEqual([
			'#/Role: expected type: String, found: JSONArray'
		]);
		expect(await messages('AWS::ECR::Repository', { ImageScanningConfiguration: 'yes' })).toEqual([
			'#/ImageScanningConfiguration: expected type: JSONObject, found: String'
		]);
		expect(await messages('AWS::SQS::Queue', { DelaySeconds: 'soon' })).toEqual([
			'#/DelaySeconds: expected type: Integer, found: String'
		]);
		expect(await messages('AWS::SQS::Queue', { DelaySeconds: 1.5 })).toEqual([
			'#/DelaySeconds: expected type: Integer, found: BigDecimal'
		]);
	});

	it('converts template scalars to the schema type first, as CloudFormation does', async () => {
		expect(await messages('AWS::SQS::Queue', { DelaySeconds: '5', FifoQueue: 'true', QueueName: 5 })).toEqual([]);
		expect(await messages('AWS::Logs::LogGroup', { RetentionInDays: '7' })).toEqual([]);
		expect(await messages('AWS::ECR::Repository', { Tags: [{ Key: 'version', Value: 2 }], EmptyOnDelete: 'False' })).toEqual([]);
	});

	it('counts string length and items, and scrubs pattern misses', async () => {
		expect(await messages('AWS::ECR::Repository', { RepositoryName: 'A' })).toEqual([
			'#/RepositoryName: expected minLength: 2, actual: 1',
			'#/RepositoryName: failed validation constraint for keyword [pattern]'
		]);
		expect(await messages('AWS::ECR::Repository', { RepositoryName: 'Web' })).toEqual([
			'#/RepositoryName: failed validation constraint for keyword [pattern]'
		]);
		expect(await messages('AWS::ECR::Repository', { RepositoryName: 'a'.repeat(257) })).toEqual([
			'#/RepositoryName: expected maxLength: 256, actual: 257',
			'#/RepositoryName: failed validation constraint for keyword [pattern]'
		]);
		const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
		expect(await messages('AWS::ECR::Repository', { Tags: tags })).toEqual([
			'#/Tags: expected maximum item count: 50, found: 51'
		]);
		expect(await messages('AWS::ECR::Repository', { ImageTagMutabilityExclusionFilters: [] })).toEqual([
			'#/ImageTagMutabilityExclusionFilters: expected minimum item count: 1, found: 0'
		]);
		expect(
			await messages('AWS::ECR::Repository', { Tags: [{ Key: 'a', Value: 'b' }, { Value: 'b', Key: 'a' }] })
		).toEqual(['#/Tags: array items are not unique']);
		expect(await messages('AWS::ECR::Repository', { Tags: [{ Key: '', Value: 'b' }, { Key: 'x' }] })).toEqual([
			'#/Tags/0/Key: expected minLength: 1, actual: 0',
			'#/Tags/1: required key [Value] not found'
		]);
	});

	it('scrubs numeric bounds', async () => {
		expect(await messages('AWS::CloudFormation::WaitCondition', { Count: 1, Timeout: '300', Handle: 'h' })).toEqual([]);
		expect(await messages('AWS::KMS::Key', { RotationPeriodInDays: 89 })).toEqual([
			'#/RotationPeriodInDays: failed validation constraint for keyword [minimum]'
		]);
		expect(await messages('AWS::KMS::Key', { RotationPeriodInDays: '2561' })).toEqual([
			'#/RotationPeriodInDays: failed validation constraint for keyword [maximum]'
		]);
		expect(await messages('AWS::KMS::Key', { RotationPeriodInDays: 365 })).toEqual([]);
		// cfn-lint's own extra bounds (PendingWindowInDays 7-30) are not AWS's schema: not checked here
		expect(await messages('AWS::KMS::Key', { PendingWindowInDays: 3 })).toEqual([]);
	});

	it('lists every problem, in template order, and writes the event reason', async () => {
		const s = await loadSchema('AWS::ECR::Repository');
		const problems = validateProperties(s, { Foo: 1, ImageTagMutability: 'X', Tags: {} });
		expect(problems.map((p) => [p.pointer, p.keyword])).toEqual([
			['#', 'additionalProperties'],
			['#/ImageTagMutability', 'allOf'],
			['#/ImageTagMutability', 'enum'],
			['#/Tags', 'type']
		]);
		expect(propertiesValidationFailedMessage('MyRepo', problems)).toBe(
			'Properties validation failed for resource MyRepo with message:\n' +
				'#: extraneous key [Foo] is not permitted\n' +
				'#/ImageTagMutability: #: only 1 subschema matches out of 2\n' +
				'#/ImageTagMutability: failed validation constraint for keyword [enum]\n' +
				'#/Tags: expected type: JSONArray, found: JSONObject'
		);
	});

	it('skips values that are still unresolved intrinsic functions', async () => {
		expect(isUnresolvedIntrinsic({ Ref: 'X' })).toBe(true);
		expect(isUnresolvedIntrinsic({ 'Fn::GetAtt': ['A', 'Arn'] })).toBe(true);
		expect(isUnresolvedIntrinsic({ Ref: 'X', Other: 1 })).toBe(false);
		expect(isUnresolvedIntrinsic('Ref')).toBe(false);
		expect(
			await messages('AWS::ECR::Repository', {
				RepositoryName: { 'Fn::Sub': '${AWS::StackName}-web' },
				ImageTagMutability: { Ref: 'Mutability' },
				Tags: [{ Key: { Ref: 'K' }, Value: { 'Fn::GetAtt': ['A', 'B'] } }, { Ref: 'AWS::NoValue' }],
				ImageScanningConfiguration: { 'Fn::If': ['Scan', { ScanOnPush: true }, { Ref: 'AWS::NoValue' }] }
			})
		).toEqual([]);
		expect(await messages('AWS::ECR::Repository', { Ref: 'Props' })).toEqual([]);
		// a custom decision
		const s = await loadSchema('AWS::ECR::Repository');
		expect(validateProperties(s, { RepositoryName: '??' }, '#', { isUnresolved: (v) => v === '??' })).toEqual([]);
	});

	it('reports a Properties value that is not an object', async () => {
		expect(await messages('AWS::ECR::Repository', 'name')).toEqual(['#: expected type: JSONObject, found: String']);
		expect(await messages('AWS::ECR::Repository', [])).toEqual(['#: expected type: JSONObject, found: JSONArray']);
	});

	it('never throws, whatever the property bag (property test)', async () => {
		const schemas = await Promise.all(MODELLED_RESOURCE_TYPES.map((t) => loadSchema(t)));
		const names = [...new Set(schemas.flatMap((s) => Object.keys(s.properties ?? {})))];
		const leaf = fc.oneof(
			fc.string(),
			fc.integer(),
			fc.double(),
			fc.boolean(),
			fc.constant(null),
			fc.constant(undefined),
			fc.constantFrom('MUTABLE', 'KMS', 'true', '5', '-1', 'a/b', ''),
			fc.record({ Ref: fc.string() })
		);
		const value = fc.letrec((tie) => ({
			v: fc.oneof(
				{ depthSize: 'small', withCrossShrink: true },
				leaf,
				fc.array(tie('v'), { maxLength: 4 }),
				fc.dictionary(fc.oneof(fc.constantFrom(...names, 'Key', 'Value', 'EncryptionType'), fc.string()), tie('v'), {
					maxKeys: 4
				})
			)
		})).v;
		const bag = fc.oneof(
			fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 8 }),
			value,
			fc.anything()
		);
		fc.assert(
			fc.property(fc.integer({ min: 0, max: schemas.length - 1 }), bag, (i, props) => {
				const problems = validateProperties(schemas[i]!, props);
				expect(Array.isArray(problems)).toBe(true);
				for (const p of problems) {
					expect(p.message.startsWith(p.pointer + ': ')).toBe(true);
					expect(p.pointer.startsWith('#')).toBe(true);
				}
			}),
			{ numRuns: 400 }
		);
	});
});

// Real templates that cfn-lint accepts (shared/corpus/cfn, picked for this project's tests): every
// resource of a modelled type must validate clean (intrinsics are skipped).
const corpus = fileURLToPath(new URL('../../../../fixtures/cfn-corpus/', import.meta.url));
const FNS = ['Ref', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'FindInMap', 'GetAZs', 'ImportValue', 'Base64', 'Cidr', 'If', 'Equals', 'And', 'Or', 'Not', 'Condition', 'Transform'];
const fnKey = (n: string) => (n === 'Ref' || n === 'Condition' ? n : `Fn::${n}`);
const cfnSchema = yaml.CORE_SCHEMA.withTags(
	// any other local tag (e.g. rain's !Rain::Embed) becomes { "<tag>": value }
	yaml.defineScalarTag('!', {
		matchByTagPrefix: true,
		resolve: (s: string, _explicit: boolean, tag: string) => ({ [tag]: s }),
		identify: () => false
	}),
	...FNS.flatMap((n) => [
		yaml.defineScalarTag('!' + n, {
			resolve: (s: string) => ({ [fnKey(n)]: n === 'GetAtt' ? s.split(/\.(.*)/s).slice(0, 2) : s }),
			identify: () => false
		}),
		yaml.defineSequenceTag<unknown[], unknown>('!' + n, {
			create: () => [],
			addItem: (c, item) => {
				c.push(item);
			},
			finalize: (c) => ({ [fnKey(n)]: c }),
			identify: () => false
		}),
		yaml.defineMappingTag<Record<string, unknown>, unknown>('!' + n, {
			create: () => ({}),
			addPair: (c, k, v) => {
				c[String(k)] = v;
				return '';
			},
			has: (c, k) => String(k) in c,
			keys: (r) => Object.keys(r as object),
			get: (r, k) => (r as Record<string, unknown>)[String(k)],
			finalize: (c) => ({ [fnKey(n)]: c }),
			identify: () => false
		})
	])
);

describe('real templates from the corpus in tests/fixtures', () => {
	it('validate clean for every modelled resource', async () => {
		const manifest = JSON.parse(readFileSync(corpus + 'manifest.json', 'utf8')) as {
			files: { file: string; expect: string }[];
		};
		let checked = 0;
		const failures: string[] = [];
		for (const f of manifest.files.filter((x) => x.expect === 'valid')) {
			const text = readFileSync(corpus + f.file, 'utf8');
			const tpl = (f.file.endsWith('.json') ? JSON.parse(text) : yaml.load(text, { schema: cfnSchema })) as {
				Resources?: Record<string, { Type?: string; Properties?: unknown }>;
			};
			for (const [id, r] of Object.entries(tpl.Resources ?? {})) {
				if (!r.Type || !MODELLED_RESOURCE_TYPES.includes(r.Type)) continue;
				checked++;
				const problems = validateProperties(await loadSchema(r.Type), r.Properties, '#', {
					// a tool's own tag (rain's !Rain::Embed) is expanded before CloudFormation sees the template
					isUnresolved: (v) =>
						isUnresolvedIntrinsic(v) || (!!v && typeof v === 'object' && Object.keys(v).some((k) => k.startsWith('!')))
				});
				if (problems.length) failures.push(`${f.file} ${id}: ${propertiesValidationFailedMessage(id, problems)}`);
			}
		}
		expect(failures).toEqual([]);
		expect(checked).toBeGreaterThan(50);
	});
});
