import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { AwsError } from '../../../../../src/lib/engines/errors';
import {
	evaluateLifecyclePolicy,
	parseLifecyclePolicy,
	type LifecycleDecision,
	type LifecycleImage,
	type LifecyclePolicy,
	type LifecycleRule
} from '../../../../../src/lib/engines/ecr/lifecycle';
import { DAY, HOUR, NOW, ago, daysAgo, image, policyText, rule } from './helpers';

const evaluate = (policy: LifecyclePolicy | string, images: LifecycleImage[], now = NOW): LifecycleDecision[] =>
	evaluateLifecyclePolicy(typeof policy === 'string' ? parseLifecyclePolicy(policy) : policy, images, now);
const digests = (decisions: LifecycleDecision[]) => decisions.map((d) => d.imageDigest).sort();
const byRule = (decisions: LifecycleDecision[]) => Object.fromEntries(decisions.map((d) => [d.imageDigest, d.appliedRulePriority]));

/** The current docs select with tagPatternList ["prod*"], the 2022 text with tagPrefixList ["prod"]; both must agree. */
const KINDS: [string, (prefixes: string[]) => Record<string, string[]>][] = [
	['tagPatternList', (prefixes) => ({ tagPatternList: prefixes.map((prefix) => `${prefix}*`) })],
	['tagPrefixList', (prefixes) => ({ tagPrefixList: prefixes })]
];
const countMoreThan = (n: number) => ({ countType: 'imageCountMoreThan', countNumber: n });
const pushedMoreThan = (days: number) => ({ countType: 'sinceImagePushed', countUnit: 'days', countNumber: days });

describe.each(KINDS)('worked examples from "Examples of lifecycle policies" (%s)', (_kind, list) => {
	const multipleRulesRepo = () => [image('A', ['beta-1', 'prod-1'], daysAgo(10)), image('B', ['beta-2', 'prod-2'], daysAgo(9)), image('C', ['beta-3'], daysAgo(8))];

	it('filtering on multiple rules, example A: only A expires', () => {
		const policy = policyText(
			rule(1, { tagStatus: 'tagged', ...list(['prod']), ...countMoreThan(1) }),
			rule(2, { tagStatus: 'tagged', ...list(['beta']), ...countMoreThan(1) })
		);
		const result = evaluate(policy, multipleRulesRepo());
		expect(digests(result)).toEqual(['A']);
		expect(byRule(result)).toEqual({ A: 1 });
	});

	it('filtering on multiple rules, example B: A and B expire', () => {
		const policy = policyText(
			rule(1, { tagStatus: 'tagged', ...list(['beta']), ...countMoreThan(1) }),
			rule(2, { tagStatus: 'tagged', ...list(['prod']), ...countMoreThan(1) })
		);
		const result = evaluate(policy, multipleRulesRepo());
		expect(digests(result)).toEqual(['A', 'B']);
		expect(byRule(result)).toEqual({ A: 1, B: 1 });
	});

	it('filtering on multiple tags in a single rule, example A: only C expires', () => {
		const repo = [
			image('A', ['alpha-1'], daysAgo(12)),
			image('B', ['beta-1'], daysAgo(11)),
			image('C', ['alpha-2', 'beta-2'], daysAgo(10)),
			image('D', ['alpha-3'], daysAgo(4)),
			image('E', ['beta-3'], daysAgo(3)),
			image('F', ['alpha-4', 'beta-4'], daysAgo(2))
		];
		const policy = policyText(rule(1, { tagStatus: 'tagged', ...list(['alpha', 'beta']), ...pushedMoreThan(5) }));
		expect(digests(evaluate(policy, repo))).toEqual(['C']);
	});

	it('filtering on multiple tags in a single rule, example B: A and B expire (extra tags do not matter)', () => {
		const repo = [image('A', ['alpha-1', 'beta-1', 'gamma-1'], daysAgo(10)), image('B', ['alpha-2', 'beta-2'], daysAgo(9)), image('C', ['alpha-3', 'beta-3', 'gamma-2'], daysAgo(8))];
		const policy = policyText(rule(1, { tagStatus: 'tagged', ...list(['alpha', 'beta']), ...countMoreThan(1) }));
		expect(digests(evaluate(policy, repo))).toEqual(['A', 'B']);
	});

	it('filtering on all images, example B: A by rule 1, B by rule 2, D by rule 3', () => {
		// D and E were both pushed "1 day ago"; E is the newer of the two, and exactly one day
		// old, so rule 2 (older than 1 day) spares it.
		const repo = [
			image('A', ['alpha-1', 'beta-1'], daysAgo(4)),
			image('B', [], daysAgo(3)),
			image('C', ['alpha-2'], daysAgo(2)),
			image('D', ['git hash'], ago(DAY + HOUR)),
			image('E', [], daysAgo(1))
		];
		const policy = policyText(
			rule(1, { tagStatus: 'tagged', ...list(['alpha']), ...countMoreThan(1) }),
			rule(2, { tagStatus: 'untagged', ...pushedMoreThan(1) }),
			rule(3, { tagStatus: 'any', ...countMoreThan(1) })
		);
		const result = evaluate(policy, repo);
		expect(digests(result)).toEqual(['A', 'B', 'D']);
		expect(byRule(result)).toEqual({ A: 1, B: 2, D: 3 });
	});
});

describe('worked examples without tag lists', () => {
	it('filtering on all images, example A: A, B and C expire', () => {
		const repo = [image('A', ['alpha-1'], daysAgo(4)), image('B', ['beta-1'], daysAgo(3)), image('C', [], daysAgo(2)), image('D', ['alpha-2'], daysAgo(1))];
		const result = evaluate(policyText(rule(1, { tagStatus: 'any', ...countMoreThan(1) })), repo);
		expect(digests(result)).toEqual(['A', 'B', 'C']);
	});

	it('the seed policy expires untagged images older than 30 days and nothing else', () => {
		const repo = [
			image('old-untagged', [], daysAgo(45)),
			image('just-over', [], ago(30 * DAY + 1)),
			image('exactly-30', [], daysAgo(30)),
			image('young-untagged', [], daysAgo(3)),
			image('old-tagged', ['v1.0.0'], daysAgo(400))
		];
		const policy = policyText({ rulePriority: 1, description: 'Expire untagged images older than 30 days', selection: { tagStatus: 'untagged', ...pushedMoreThan(30) }, action: { type: 'expire' } });
		const result = evaluate(policy, repo);
		expect(digests(result)).toEqual(['just-over', 'old-untagged']);
		expect(result[0]).toEqual({
			imageDigest: 'old-untagged',
			imageTags: [],
			imagePushedAt: daysAgo(45),
			storageClass: 'STANDARD',
			action: { type: 'EXPIRE' },
			appliedRulePriority: 1
		});
	});
});

describe('claiming and counting', () => {
	it('an image matched by an earlier rule is never acted on later, even if the earlier rule left it alone', () => {
		const repo = [image('prod-old', ['prod-1'], daysAgo(50)), image('prod-new', ['prod-2'], daysAgo(40)), image('dev-old', ['dev-1'], daysAgo(30)), image('dev-new', ['dev-2'], daysAgo(1))];
		const policy = policyText(rule(1, { tagStatus: 'tagged', tagPatternList: ['prod*'], ...pushedMoreThan(365) }), rule(2, { tagStatus: 'any', ...countMoreThan(1) }));
		// Rule 1 acts on nothing (nothing is a year old) but claims both prod images; rule 2
		// keeps dev-new and may only expire dev-old.
		expect(byRule(evaluate(policy, repo))).toEqual({ 'dev-old': 2 });
	});

	it('claimed images still hold the places an imageCountMoreThan rule keeps', () => {
		const repo = [image('prod', ['prod-1'], daysAgo(1)), image('dev-a', ['dev-a'], daysAgo(2)), image('dev-b', ['dev-b'], daysAgo(3))];
		const policy = policyText(rule(1, { tagStatus: 'tagged', tagPatternList: ['prod*'], ...pushedMoreThan(30) }), rule(2, { tagStatus: 'any', ...countMoreThan(1) }));
		// The newest image overall is the claimed prod image, so both dev images are beyond the one kept.
		expect(digests(evaluate(policy, repo))).toEqual(['dev-a', 'dev-b']);
	});

	it('an image already expired by an earlier rule is still counted by a later one', () => {
		const repo = [image('x1', ['x-1'], daysAgo(1)), image('x2', ['x-2'], daysAgo(2)), image('y1', ['y-1'], daysAgo(3)), image('y2', ['y-2'], daysAgo(4))];
		const policy = policyText(rule(1, { tagStatus: 'tagged', tagPrefixList: ['x'], ...countMoreThan(1) }), rule(2, { tagStatus: 'tagged', tagPatternList: ['*-*'], ...countMoreThan(2) }));
		// Rule 2 ranks x1, x2 (expired by rule 1), y1, y2: keeps x1 and x2, expires y1 and y2.
		expect(byRule(evaluate(policy, repo))).toEqual({ x2: 1, y1: 2, y2: 2 });
	});

	it('every list entry must be matched by some tag (AND), one tag may satisfy several entries', () => {
		const repo = [image('both', ['prod-1', 'web'], daysAgo(10)), image('prod-only', ['prod-2'], daysAgo(10)), image('one-tag', ['prod-web'], daysAgo(10))];
		const policy = policyText(rule(1, { tagStatus: 'tagged', tagPatternList: ['prod*', '*web'], ...pushedMoreThan(5) }));
		expect(digests(evaluate(policy, repo))).toEqual(['both', 'one-tag']);
	});

	it('a tagged rule with pattern * takes every tagged image and no untagged one', () => {
		const repo = [image('tagged', ['anything'], daysAgo(10)), image('untagged', [], daysAgo(10))];
		expect(digests(evaluate(policyText(rule(1, { tagStatus: 'tagged', tagPatternList: ['*'], ...pushedMoreThan(5) })), repo))).toEqual(['tagged']);
		expect(digests(evaluate(policyText(rule(1, { tagStatus: 'tagged', tagPrefixList: [''], ...pushedMoreThan(5) })), repo))).toEqual(['tagged']);
	});

	it('patterns are whole-tag and case-sensitive', () => {
		const repo = [image('ab', ['ab'], daysAgo(10)), image('axbyy', ['axbyy'], daysAgo(10)), image('ba', ['ba'], daysAgo(10)), image('AB', ['AB'], daysAgo(10)), image('xab', ['xab'], daysAgo(10))];
		expect(digests(evaluate(policyText(rule(1, { tagStatus: 'tagged', tagPatternList: ['a*b*'], ...pushedMoreThan(5) })), repo))).toEqual(['ab', 'axbyy']);
	});

	it('untagged selects only images with no tags at all', () => {
		const repo = [image('none', [], daysAgo(10)), image('some', ['x'], daysAgo(10))];
		expect(digests(evaluate(policyText(rule(1, { tagStatus: 'untagged', ...pushedMoreThan(5) })), repo))).toEqual(['none']);
	});
});

describe('time', () => {
	it('an image exactly N days old is not older than N days; a millisecond more is', () => {
		const repo = [image('exact', [], daysAgo(14)), image('over', [], ago(14 * DAY + 1))];
		expect(digests(evaluate(policyText(rule(1, { tagStatus: 'any', ...pushedMoreThan(14) })), repo))).toEqual(['over']);
	});

	it('imageCountMoreThan ranks a restored image by its restore time', () => {
		const repo = [image('restored', ['r'], daysAgo(300), { lastActivatedAt: daysAgo(1) }), image('recent', ['n'], daysAgo(5)), image('older', ['o'], daysAgo(10))];
		expect(digests(evaluate(policyText(rule(1, { tagStatus: 'any', ...countMoreThan(2) })), repo))).toEqual(['older']);
	});

	it('ties on push time are broken by digest, whatever the input order', () => {
		const at = daysAgo(3);
		const repo = [image('sha256:bbb', [], at), image('sha256:aaa', [], at), image('sha256:ccc', [], at)];
		const policy = parseLifecyclePolicy(policyText(rule(1, { tagStatus: 'any', ...countMoreThan(1) })));
		// Equal push times: the larger digest counts as the newer image, so ccc is the one kept.
		const forward = evaluate(policy, repo);
		expect(digests(forward)).toEqual(['sha256:aaa', 'sha256:bbb']);
		expect(evaluate(policy, [...repo].reverse())).toEqual(forward);
	});

	it('gives the same order when push times span decades (too wide for the packed sort)', () => {
		const repo = [image('1971', ['a'], new Date('1971-06-01T00:00:00Z')), image('2020', ['b'], new Date('2020-06-01T00:00:00Z')), image('twin-b', ['c'], daysAgo(2)), image('twin-a', ['d'], daysAgo(2)), image('new', ['e'], daysAgo(1))];
		const result = evaluate(policyText(rule(1, { tagStatus: 'any', ...countMoreThan(2) })), repo);
		expect(result.map((d) => d.imageDigest)).toEqual(['1971', '2020', 'twin-a']);
	});

	it('does not throw on an image with an invalid date', () => {
		const repo = [image('bad', [], new Date(Number.NaN)), image('ok', [], daysAgo(40)), image('new', [], daysAgo(1))];
		const policy = policyText(rule(1, { tagStatus: 'untagged', ...pushedMoreThan(30) }));
		expect(digests(evaluate(policy, repo))).toEqual(['ok']);
		expect(() => evaluate(policyText(rule(1, { tagStatus: 'any', ...countMoreThan(1) })), repo)).not.toThrow();
	});

	describe('sinceImagePulled', () => {
		const archiveUnpulled = policyText(rule(1, { tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 90 }, { type: 'transition', targetStorageClass: 'archive' }));

		it('counts from the last recorded pull, or from the push if never pulled', () => {
			const repo = [
				image('never-pulled-old', ['a'], daysAgo(120)),
				image('never-pulled-new', ['b'], daysAgo(30)),
				image('pulled-long-ago', ['c'], daysAgo(400), { lastRecordedPullTime: daysAgo(100) }),
				image('pulled-recently', ['d'], daysAgo(400), { lastRecordedPullTime: daysAgo(10) })
			];
			const result = evaluate(archiveUnpulled, repo);
			expect(digests(result)).toEqual(['never-pulled-old', 'pulled-long-ago']);
			expect(result.every((d) => d.action.type === 'TRANSITION' && d.action.targetStorageClass === 'ARCHIVE')).toBe(true);
		});

		it('counts from the restore for an image restored and not pulled since', () => {
			const repo = [
				image('restored-recently', ['a'], daysAgo(400), { lastRecordedPullTime: daysAgo(300), lastActivatedAt: daysAgo(5) }),
				image('restored-long-ago', ['b'], daysAgo(400), { lastActivatedAt: daysAgo(95) }),
				image('pulled-after-restore', ['c'], daysAgo(400), { lastActivatedAt: daysAgo(200), lastRecordedPullTime: daysAgo(20) })
			];
			expect(digests(evaluate(archiveUnpulled, repo))).toEqual(['restored-long-ago']);
		});
	});
});

describe('storage classes', () => {
	const archived = (name: string, archivedDaysAgo: number | undefined, extra: Partial<LifecycleImage> = {}) =>
		image(name, [], daysAgo(500), { storageClass: 'ARCHIVE', ...(archivedDaysAgo === undefined ? {} : { lastArchivedAt: daysAgo(archivedDaysAgo) }), ...extra });

	it('standard rules neither see nor count archived images', () => {
		const repo = [archived('archived', 10), image('a', ['a'], daysAgo(2)), image('b', ['b'], daysAgo(3))];
		expect(digests(evaluate(policyText(rule(1, { tagStatus: 'any', ...countMoreThan(1) })), repo))).toEqual(['b']);
		expect(digests(evaluate(policyText(rule(1, { tagStatus: 'any', ...pushedMoreThan(1) })), repo))).toEqual(['a', 'b']);
	});

	it('archive rules expire only archived images that have been in archive long enough', () => {
		const repo = [archived('in-archive-400', 400), archived('in-archive-100', 100), archived('no-archive-time', undefined), image('active', [], daysAgo(900))];
		const policy = policyText(rule(1, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365 }));
		const result = evaluate(policy, repo);
		expect(result).toEqual([
			{ imageDigest: 'in-archive-400', imageTags: [], imagePushedAt: daysAgo(500), storageClass: 'ARCHIVE', action: { type: 'EXPIRE' }, appliedRulePriority: 1 }
		]);
	});

	it('never expires an image archived for less than 90 days, even under a hand-built policy', () => {
		const handBuilt: LifecyclePolicy = {
			rules: [{ rulePriority: 1, selection: { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 30 }, action: { type: 'expire' } }]
		};
		const repo = [archived('40-days', 40), archived('95-days', 95)];
		expect(digests(evaluate(handBuilt, repo))).toEqual(['95-days']);
	});

	it('archive then expire: each storage class has its own any rule', () => {
		const repo = [image('stale', ['s'], daysAgo(60)), image('fresh', ['f'], daysAgo(5)), archived('long-archived', 400)];
		const policy = policyText(
			rule(1, { tagStatus: 'any', ...pushedMoreThan(30) }, { type: 'transition', targetStorageClass: 'archive' }),
			rule(2, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365 })
		);
		const result = evaluate(policy, repo);
		expect(result.map((d) => [d.imageDigest, d.action.type, d.storageClass])).toEqual([
			['stale', 'TRANSITION', 'STANDARD'],
			['long-archived', 'EXPIRE', 'ARCHIVE']
		]);
	});
});

describe('manifest lists', () => {
	it('an image a manifest list refers to is counted and claimed, never acted on', () => {
		const repo = [
			image('index', ['v2'], daysAgo(1)),
			image('child-amd64', [], daysAgo(40), { referencedByManifestList: true }),
			image('child-arm64', [], daysAgo(40), { referencedByManifestList: true }),
			image('orphan', [], daysAgo(40))
		];
		const policy = policyText(rule(1, { tagStatus: 'untagged', ...pushedMoreThan(30) }), rule(2, { tagStatus: 'any', ...countMoreThan(1) }));
		expect(byRule(evaluate(policy, repo))).toEqual({ orphan: 1 });
	});
});

describe('output', () => {
	it('is ordered by rule priority, then oldest push first, then digest', () => {
		const repo = [image('u-new', [], daysAgo(40)), image('t-b', ['t'], daysAgo(20)), image('u-old', [], daysAgo(50)), image('t-a', ['t'], daysAgo(20)), image('t-new', ['t'], daysAgo(1))];
		const policy = policyText(rule(7, { tagStatus: 'tagged', tagPrefixList: ['t'], ...countMoreThan(1) }), rule(3, { tagStatus: 'untagged', ...pushedMoreThan(30) }));
		expect(evaluate(policy, repo).map((d) => `${d.appliedRulePriority}:${d.imageDigest}`)).toEqual(['3:u-old', '3:u-new', '7:t-a', '7:t-b']);
	});

	it('does not change its inputs and shares no arrays or dates with them', () => {
		const repo = [image('a', ['x-1', 'x-2'], daysAgo(10)), image('b', ['x-3'], daysAgo(1))];
		const snapshot = structuredClone(repo);
		const policy = parseLifecyclePolicy(policyText(rule(1, { tagStatus: 'tagged', tagPrefixList: ['x'], ...countMoreThan(1) })));
		const policySnapshot = structuredClone(policy);
		const [decision] = evaluate(policy, repo);
		expect(repo).toEqual(snapshot);
		expect(policy).toEqual(policySnapshot);
		expect(decision?.imageTags).not.toBe(repo[0]?.imageTags);
		expect(decision?.imagePushedAt).not.toBe(repo[0]?.imagePushedAt);
	});

	it('an empty repository gives no decisions', () => {
		expect(evaluate(policyText(rule(1, { tagStatus: 'any', ...countMoreThan(1) })), [])).toEqual([]);
	});

	it('refuses an invalid current time with an AwsError', () => {
		const policy = parseLifecyclePolicy(policyText(rule(1, { tagStatus: 'any', ...countMoreThan(1) })));
		expect(() => evaluateLifecyclePolicy(policy, [], new Date(Number.NaN))).toThrow(AwsError);
	});
});

describe('properties', () => {
	const TAG_ALPHABET = ['prod', 'dev', 'beta', 'v1', 'v2'];
	const tagArb = fc.tuple(fc.constantFrom(...TAG_ALPHABET), fc.constantFrom('', '-1', '-2', '.x')).map(([a, b]) => a + b);
	const imagesArb = fc
		.array(
			fc.record({
				tags: fc.uniqueArray(tagArb, { maxLength: 3 }),
				pushedHoursAgo: fc.integer({ min: 0, max: 24 * 400 }),
				pulledHoursAgo: fc.option(fc.integer({ min: 0, max: 24 * 400 }), { nil: undefined }),
				archivedHoursAgo: fc.option(fc.integer({ min: 0, max: 24 * 400 }), { nil: undefined }),
				referenced: fc.boolean()
			}),
			{ maxLength: 40 }
		)
		.map((specs) =>
			specs.map((s, i): LifecycleImage => ({
				imageDigest: `sha256:${String(i).padStart(4, '0')}`,
				imageTags: s.tags,
				imagePushedAt: ago(s.pushedHoursAgo * HOUR),
				...(s.pulledHoursAgo === undefined ? {} : { lastRecordedPullTime: ago(Math.min(s.pulledHoursAgo, s.pushedHoursAgo) * HOUR) }),
				...(s.archivedHoursAgo === undefined ? {} : { lastArchivedAt: ago(Math.min(s.archivedHoursAgo, s.pushedHoursAgo) * HOUR) }),
				storageClass: s.archivedHoursAgo === undefined ? 'STANDARD' : 'ARCHIVE',
				...(s.referenced ? { referencedByManifestList: true } : {})
			}))
		);

	// Policies that pass validation: distinct tagged rules, at most one untagged rule, the any
	// rule last, and an archive-class rule of its own.
	const taggedSelection = fc.oneof(
		fc.uniqueArray(fc.constantFrom(...TAG_ALPHABET), { minLength: 1, maxLength: 2 }).map((l) => ({ tagPrefixList: l })),
		fc.uniqueArray(fc.constantFrom('prod*', '*-1', 'v*', '*', 'dev', '*.x', 'b*t*'), { minLength: 1, maxLength: 2 }).map((l) => ({ tagPatternList: l }))
	);
	const countArb = fc.oneof(
		fc.integer({ min: 1, max: 5 }).map((n) => ({ selection: { countType: 'imageCountMoreThan', countNumber: n }, transition: false })),
		fc.integer({ min: 1, max: 200 }).map((n) => ({ selection: { countType: 'sinceImagePushed', countUnit: 'days', countNumber: n }, transition: false })),
		fc.integer({ min: 1, max: 200 }).map((n) => ({ selection: { countType: 'sinceImagePulled', countUnit: 'days', countNumber: n }, transition: true }))
	);
	const ruleArb = (tagStatus: Record<string, unknown>) =>
		fc.tuple(countArb, fc.boolean()).map(([count, transition]) => ({
			selection: { tagStatus: 'tagged', ...tagStatus, ...count.selection },
			action: count.transition || transition ? { type: 'transition', targetStorageClass: 'archive' } : { type: 'expire' }
		}));
	const policyArb = fc
		.record({
			tagged: fc.array(taggedSelection.chain((lists) => ruleArb(lists)), { maxLength: 4 }),
			untagged: fc.option(ruleArb({ tagStatus: 'untagged' }), { nil: undefined }),
			any: fc.option(ruleArb({ tagStatus: 'any' }), { nil: undefined }),
			archive: fc.option(fc.integer({ min: 90, max: 300 }), { nil: undefined }),
			shuffle: fc.boolean()
		})
		.map(({ tagged, untagged, any, archive, shuffle }) => {
			const rules = [...tagged, ...(untagged ? [untagged] : []), ...(any ? [any] : [])].map((r, i) => ({ rulePriority: (i + 1) * 10, ...r }));
			if (archive !== undefined) {
				rules.push({ rulePriority: 5, selection: { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: archive }, action: { type: 'expire' } } as never);
			}
			if (rules.length === 0) rules.push({ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 2 }, action: { type: 'expire' } } as never);
			return JSON.stringify({ rules: shuffle ? rules.reverse() : rules }, null, 1);
		})
		.filter((text) => {
			try {
				parseLifecyclePolicy(text);
				return true;
			} catch {
				return false; // duplicate tag sets can be generated; those policies are simply not valid
			}
		})
		.map(parseLifecyclePolicy);

	/** A from-the-definition selection check, independent of the evaluator's. */
	function selects(r: LifecycleRule, img: LifecycleImage): boolean {
		const wanted = r.selection.storageClass === 'archive' ? 'ARCHIVE' : 'STANDARD';
		if (img.storageClass !== wanted) return false;
		if (r.selection.tagStatus === 'any') return true;
		if (r.selection.tagStatus === 'untagged') return img.imageTags.length === 0;
		if (img.imageTags.length === 0) return false;
		const toRegex = (p: string) => new RegExp(`^${p.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
		const tests = r.selection.tagPatternList
			? r.selection.tagPatternList.map((p) => (t: string) => toRegex(p).test(t))
			: (r.selection.tagPrefixList ?? []).map((p) => (t: string) => t.startsWith(p));
		return tests.every((test) => img.imageTags.some(test));
	}

	it('only acts on images its applied rule selects, and never on an image an earlier rule selects', () => {
		fc.assert(
			fc.property(policyArb, imagesArb, (policy, images) => {
				const sorted = [...policy.rules].sort((a, b) => a.rulePriority - b.rulePriority);
				for (const decision of evaluateLifecyclePolicy(policy, images, NOW)) {
					const img = images.find((i) => i.imageDigest === decision.imageDigest) as LifecycleImage;
					const applied = sorted.find((r) => r.rulePriority === decision.appliedRulePriority) as LifecycleRule;
					expect(selects(applied, img)).toBe(true);
					expect(sorted.filter((r) => r.rulePriority < applied.rulePriority).some((r) => selects(r, img))).toBe(false);
					expect(img.referencedByManifestList).not.toBe(true);
					expect(decision.action.type === 'TRANSITION').toBe(applied.action.type === 'transition');
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('never acts on an image that no rule selects', () => {
		fc.assert(
			fc.property(policyArb, imagesArb, (policy, images) => {
				const acted = new Set(evaluateLifecyclePolicy(policy, images, NOW).map((d) => d.imageDigest));
				for (const img of images) if (!policy.rules.some((r) => selects(r, img))) expect(acted.has(img.imageDigest)).toBe(false);
			}),
			{ numRuns: 500 }
		);
	});

	it('acts on each image at most once', () => {
		fc.assert(
			fc.property(policyArb, imagesArb, (policy, images) => {
				const result = evaluateLifecyclePolicy(policy, images, NOW).map((d) => d.imageDigest);
				expect(new Set(result).size).toBe(result.length);
			}),
			{ numRuns: 500 }
		);
	});

	it('is deterministic: same answer every time and whatever the order of images and rules', () => {
		fc.assert(
			fc.property(policyArb, imagesArb, fc.integer(), (policy, images, seed) => {
				const first = evaluateLifecyclePolicy(policy, images, NOW);
				expect(evaluateLifecyclePolicy(policy, images, NOW)).toEqual(first);
				const shuffled = [...images].sort((a, b) => ((a.imageDigest.charCodeAt(8) * seed) % 7) - ((b.imageDigest.charCodeAt(8) * seed) % 7));
				expect(evaluateLifecyclePolicy({ rules: [...policy.rules].reverse() }, shuffled, NOW)).toEqual(first);
			}),
			{ numRuns: 300 }
		);
	});

	it('an imageCountMoreThan rule never acts on the countNumber newest images it selects', () => {
		// (An earlier rule may still take one of them: claimed images keep their place in the count.)
		fc.assert(
			fc.property(policyArb, imagesArb, (policy, images) => {
				const decisions = evaluateLifecyclePolicy(policy, images, NOW);
				for (const r of policy.rules) {
					if (r.selection.countType !== 'imageCountMoreThan') continue;
					const newest = images
						.filter((img) => selects(r, img))
						.sort((a, b) => b.imagePushedAt.getTime() - a.imagePushedAt.getTime() || (a.imageDigest < b.imageDigest ? 1 : -1))
						.slice(0, r.selection.countNumber)
						.map((img) => img.imageDigest);
					const actedByRule = decisions.filter((d) => d.appliedRulePriority === r.rulePriority).map((d) => d.imageDigest);
					expect(actedByRule.filter((digest) => newest.includes(digest))).toEqual([]);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
