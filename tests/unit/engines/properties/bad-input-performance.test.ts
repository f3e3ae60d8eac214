// Bad input that is expensive rather than malformed: huge policies, huge numbers, patterns built to
// make a naive matcher backtrack. Each is rejected with the right error or evaluated to the right
// answer. Nothing here measures time: an engine that hangs fails by never finishing.
import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import { compileTagPattern, evaluateLifecyclePolicy, parseLifecyclePolicy, type LifecycleImage } from '../../../../src/lib/engines/ecr/lifecycle';
import { fakeImage } from '../../../../src/lib/engines/ecr/docker';
import { PREFIX, policyText, rule, thrown } from '../ecr/lifecycle/helpers';
import { DAY_MS, KEEP_TEN, NOW, PROPERTY_TIMEOUT, ecrOf, nested, push } from './arbitraries';

const LENGTH_ERROR = "Invalid parameter at 'lifecyclePolicyText' failed to satisfy constraint: 'Member must have length less than or equal to 30720'";

function errorOf(fn: () => unknown): { code: string; message: string } {
	const e = thrown(fn);
	if (!(e instanceof AwsError)) throw e;
	return { code: e.code, message: e.message };
}

const policyFailure = (detail: string) => ({ code: 'InvalidParameterException', message: `${PREFIX}${detail}'` });

function setup() {
	const world = World.create({ now: NOW });
	const ecr = ecrOf(world);
	ecr.call('CreateRepository', { repositoryName: 'web' });
	ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: KEEP_TEN });
	return { world, ecr };
}

/** Both operations that read a policy text must refuse it the same way and keep the old policy. */
function expectRefused(text: string, expected: { code: string; message: string }) {
	const { ecr } = setup();
	expect(errorOf(() => ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: text }))).toEqual(expected);
	expect(errorOf(() => ecr.call('StartLifecyclePolicyPreview', { repositoryName: 'web', lifecyclePolicyText: text }))).toEqual(expected);
	expect(ecr.call('GetLifecyclePolicy', { repositoryName: 'web' }).lifecyclePolicyText).toBe(KEEP_TEN);
}

const expireTagged = (priority: number, pattern: string) =>
	rule(priority, { tagStatus: 'tagged', tagPatternList: [pattern], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 });

describe('policies too big to read', { timeout: PROPERTY_TIMEOUT }, () => {
	it('10,000 rules in fewer than 30,720 characters: refused by the rule count, before any rule is read', () => {
		const text = JSON.stringify({ rules: Array.from({ length: 10_000 }, () => ({})) });
		expect(text.length).toBeLessThanOrEqual(30_720);
		expectRefused(text, policyFailure('The policy has 10000 rules; a lifecycle policy can have at most 50 rules.'));
	});

	it('10,000 complete rules: refused by the text length, before it is parsed', () => {
		const text = policyText(...Array.from({ length: 10_000 }, (_, i) => expireTagged(i + 1, `v${i}*`)));
		expect(text.length).toBeGreaterThan(1_000_000);
		expectRefused(text, { code: 'InvalidParameterException', message: LENGTH_ERROR });
	});

	it('51 rules that fit: refused with the quota', () => {
		const text = JSON.stringify({ rules: Array.from({ length: 51 }, (_, i) => expireTagged(i + 1, `v${i}*`)) });
		expect(text.length).toBeLessThanOrEqual(30_720);
		expectRefused(text, policyFailure('The policy has 51 rules; a lifecycle policy can have at most 50 rules.'));
	});

	it('a megabyte of policy text, valid JSON or not: refused by the length', () => {
		expectRefused(JSON.stringify({ rules: [rule(1, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 })], padding: ' '.repeat(1 << 20) }), {
			code: 'InvalidParameterException',
			message: LENGTH_ERROR
		});
		expectRefused('{'.repeat(1 << 20), { code: 'InvalidParameterException', message: LENGTH_ERROR });
	});

	it('nesting as deep as 30,720 characters allow: refused as a document, not a stack overflow', () => {
		const text = `{"rules":${'['.repeat(15_000)}${']'.repeat(15_000)}}`;
		const { ecr } = setup();
		const error = errorOf(() => ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: text }));
		expect(error.code).toBe('InvalidParameterException');
		expect(error.message.startsWith(PREFIX)).toBe(true);
	});
});

describe('numbers too big to count with', { timeout: PROPERTY_TIMEOUT }, () => {
	const withCount = (countNumber: number | string, countType = 'imageCountMoreThan') =>
		policyText(rule(1, { tagStatus: 'any', countType, ...(countType === 'imageCountMoreThan' ? {} : { countUnit: 'days' }), countNumber }));

	it('countNumber 2^53 is above the maximum, printed in full', () => {
		expectRefused(withCount(2 ** 53), policyFailure('numeric instance is greater than the required maximum (maximum: 2147483647, found: 9007199254740992)'));
		expectRefused(withCount(2 ** 53, 'sinceImagePushed'), policyFailure('numeric instance is greater than the required maximum (maximum: 2147483647, found: 9007199254740992)'));
	});

	it('rulePriority 2^53 likewise', () => {
		const text = policyText(rule(2 ** 53, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 }));
		expectRefused(text, policyFailure('numeric instance is greater than the required maximum (maximum: 2147483647, found: 9007199254740992)'));
	});

	it('1e400 in the text (Infinity once parsed) is a number, not an integer', () => {
		expectRefused(withCount('__INF__').replace('"__INF__"', '1e400'), policyFailure('instance type (number) does not match any allowed primitive type (allowed: ["integer"])'));
	});

	it('the largest countNumber allowed is evaluated, and keeps or spares everything', () => {
		const { world, ecr } = setup();
		for (const tag of ['v1', 'v2', 'v3']) push(ecr, 'web', fakeImage(`image ${tag}`), tag);
		world.advanceBy(30 * DAY_MS);
		for (const countType of ['imageCountMoreThan', 'sinceImagePushed']) {
			const text = withCount(2_147_483_647, countType);
			ecr.call('StartLifecyclePolicyPreview', { repositoryName: 'web', lifecyclePolicyText: text });
			world.advanceBy(60_000);
			expect(ecr.call('GetLifecyclePolicyPreview', { repositoryName: 'web' }).previewResults).toEqual([]);
			ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: text });
			world.advanceBy(DAY_MS);
			expect(ecr.call('DescribeImages', { repositoryName: 'web' }).imageDetails).toHaveLength(3);
		}
	});
});

describe('patterns built to backtrack', { timeout: PROPERTY_TIMEOUT }, () => {
	const bait = '*a*a*a*a*a*a*a*a*b';

	it('a tag pattern with more than four wildcards is refused', () => {
		expectRefused(
			policyText(expireTagged(1, bait)),
			policyFailure(`Rule with rulePriority 1 has tagPatternList entry "${bait}" with 9 wildcards (*); a tag pattern can contain at most 4 wildcards.`)
		);
	});

	it('the matcher answers for long tags whatever the pattern', () => {
		const long = 'a'.repeat(100_000);
		expect(compileTagPattern(bait).matches(long)).toBe(false);
		expect(compileTagPattern(bait).matches(`${long}b`)).toBe(true);
		expect(compileTagPattern(`${'*a'.repeat(64)}*b`).matches(long)).toBe(false);
		expect(compileTagPattern(`${'*a'.repeat(64)}*b`).matches(`${'a'.repeat(63)}b`)).toBe(false);
		expect(compileTagPattern(`${'*a'.repeat(64)}*b`).matches(`${'a'.repeat(64)}b`)).toBe(true);
	});

	it('a four-wildcard pattern against 300-character tags expires exactly the matching image', () => {
		const { world, ecr } = setup();
		const miss = 'a'.repeat(300);
		const hit = `${'a'.repeat(299)}b`;
		push(ecr, 'web', fakeImage('miss'), miss);
		push(ecr, 'web', fakeImage('hit'), hit);
		world.advanceBy(2 * DAY_MS);
		const text = policyText(expireTagged(1, '*a*a*a*b'));
		ecr.call('StartLifecyclePolicyPreview', { repositoryName: 'web', lifecyclePolicyText: text });
		world.advanceBy(60_000);
		expect(ecr.call('GetLifecyclePolicyPreview', { repositoryName: 'web' }).previewResults?.map((r) => r.imageTags)).toEqual([[hit]]);
		ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: text });
		world.advanceBy(DAY_MS);
		expect(ecr.call('ListImages', { repositoryName: 'web' }).imageIds?.map((i) => i.imageTag)).toEqual([miss]);
	});

	it('a tag-mutability exclusion filter with many wildcards decides per tag', () => {
		const world = World.create({ now: NOW });
		const ecr = ecrOf(world);
		const filter = `${'*a'.repeat(30)}*b`; // 61 characters of the allowed alphabet
		ecr.call('CreateRepository', { repositoryName: 'web', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter }] });
		const fixed = 'a'.repeat(300);
		const moving = `${'a'.repeat(299)}b`;
		push(ecr, 'web', fakeImage('one'), fixed);
		expect(errorOf(() => push(ecr, 'web', fakeImage('two'), fixed)).code).toBe('ImageTagAlreadyExistsException');
		push(ecr, 'web', fakeImage('one'), moving);
		push(ecr, 'web', fakeImage('two'), moving);
		expect(ecr.call('DescribeImages', { repositoryName: 'web', imageIds: [{ imageTag: moving }] }).imageDetails?.[0]?.imageTags).toEqual([moving]);
	});

	it('a registry scanning filter that makes the model pattern backtrack is refused', () => {
		const { ecr } = setup();
		const configure = (filter: string) =>
			ecr.call('PutRegistryScanningConfiguration', { scanType: 'BASIC', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter, filterType: 'WILDCARD' }] }] });
		expect(errorOf(() => configure(`${'a'.repeat(254)}!`))).toEqual({
			code: 'InvalidParameterException',
			message:
				"Invalid parameter at 'rules.1.member.repositoryFilters.1.member.filter' failed to satisfy constraint: 'must satisfy regular expression '^[a-z0-9*](?:[._\\-/a-z0-9*]?[a-z0-9*]+)*$''"
		});
		expect(configure('a'.repeat(255)).registryScanningConfiguration?.rules?.[0]?.repositoryFilters?.[0]?.filter).toBe('a'.repeat(255));
	});
});

describe('lists and documents too big to take', { timeout: PROPERTY_TIMEOUT }, () => {
	it('10,000 items in each list parameter are refused by the list length', () => {
		const { ecr } = setup();
		const many = (item: unknown) => Array.from({ length: 10_000 }, () => item);
		const cases: [string, Record<string, unknown>, string, number][] = [
			['BatchGetImage', { repositoryName: 'web', imageIds: many({ imageTag: 'v1' }) }, 'imageIds', 100],
			['BatchDeleteImage', { repositoryName: 'web', imageIds: many({ imageTag: 'v1' }) }, 'imageIds', 100],
			['DescribeImages', { repositoryName: 'web', imageIds: many({ imageTag: 'v1' }) }, 'imageIds', 100],
			['DescribeRepositories', { repositoryNames: many('web') }, 'repositoryNames', 100],
			['BatchCheckLayerAvailability', { repositoryName: 'web', layerDigests: many('sha256:00') }, 'layerDigests', 100],
			['CompleteLayerUpload', { repositoryName: 'web', uploadId: 'x', layerDigests: many('sha256:00') }, 'layerDigests', 100],
			['GetAuthorizationToken', { registryIds: many('123456789012') }, 'registryIds', 10],
			['TagResource', { resourceArn: 'arn:aws:ecr:us-east-1:123456789012:repository/web', tags: many({ Key: 'k', Value: 'v' }) }, 'tags', 200],
			['PutRegistryScanningConfiguration', { rules: many({ scanFrequency: 'MANUAL', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }) }, 'rules', 2]
		];
		for (const [operation, input, param, max] of cases) {
			expect(errorOf(() => ecr.callByName(operation, input)), operation).toEqual({
				code: 'InvalidParameterException',
				message: `Invalid parameter at '${param}' failed to satisfy constraint: 'must have length less than or equal to ${max}'`
			});
		}
	});

	it('a manifest of 10,000 missing layers is LayersNotFoundException; one over 4 MiB is refused by its length', () => {
		const { ecr } = setup();
		const layers = Array.from({ length: 10_000 }, (_, i) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', size: 1, digest: `sha256:${i.toString(16).padStart(64, '0')}` }));
		const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: layers[0], layers });
		expect(errorOf(() => ecr.call('PutImage', { repositoryName: 'web', imageManifest: manifest, imageTag: 'big' })).code).toBe('LayersNotFoundException');
		expect(errorOf(() => ecr.call('PutImage', { repositoryName: 'web', imageManifest: `${manifest}${' '.repeat(4 * 1024 * 1024)}` }))).toEqual({
			code: 'InvalidParameterException',
			message: "Invalid parameter at 'imageManifest' failed to satisfy constraint: 'must have length less than or equal to 4194304'"
		});
	});

	it('a megabyte repository name and 10,000-level request objects are refused', () => {
		const { ecr } = setup();
		expect(errorOf(() => ecr.call('CreateRepository', { repositoryName: 'a'.repeat(1 << 20) })).message).toBe(
			"Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length less than or equal to 256'"
		);
		expect(errorOf(() => ecr.call('CreateRepository', nested(10_000, 'object'))).code).toBe('InvalidParameterException');
		expect(errorOf(() => ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: nested(10_000, 'array') })).code).toBe('InvalidParameterException');
	});
});

describe('big but valid: evaluated, not refused', { timeout: PROPERTY_TIMEOUT }, () => {
	it('50 pattern rules over 10,000 images: the count rule keeps its newest and expires the rest', () => {
		const now = new Date('2026-06-01T00:00:00.000Z');
		const images: LifecycleImage[] = Array.from({ length: 10_000 }, (_, i) => ({
			imageDigest: `sha256:${i.toString(16).padStart(64, '0')}`,
			imageTags: [`build-${i}-${'x'.repeat(250)}`],
			imagePushedAt: new Date(now.getTime() - (i + 1) * 60_000),
			storageClass: 'STANDARD'
		}));
		const rules = Array.from({ length: 49 }, (_, i) => expireTagged(i + 1, `nomatch-${i}*a*b*c`));
		rules.push(rule(50, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 10 }));
		const decisions = evaluateLifecyclePolicy(parseLifecyclePolicy(JSON.stringify({ rules })), images, now);
		expect(decisions).toHaveLength(9_990);
		expect(decisions.every((d) => d.appliedRulePriority === 50 && d.action.type === 'EXPIRE')).toBe(true);
		// The ten newest (the first ten: each is pushed a minute before the previous one) are kept.
		const expired = new Set(decisions.map((d) => d.imageDigest));
		expect(images.slice(0, 10).some((i) => expired.has(i.imageDigest))).toBe(false);
		expect(images.slice(10).every((i) => expired.has(i.imageDigest))).toBe(true);
	});
});
