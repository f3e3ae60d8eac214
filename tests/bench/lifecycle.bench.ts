import { bench, describe } from 'vitest';
import { evaluateLifecyclePolicy, parseLifecyclePolicy, type LifecycleImage } from '../../src/lib/engines/ecr/lifecycle';

const DAY = 86_400_000;
const NOW = new Date('2026-03-01T12:00:00.000Z');
const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY);

// A deterministic pseudo-random sequence, so every run measures the same repository.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);

const TEAMS = ['web', 'api', 'worker', 'batch'];
const images: LifecycleImage[] = Array.from({ length: 10_000 }, (_, i) => {
	const age = random() * 500;
	const kind = random();
	const team = TEAMS[i % TEAMS.length] as string;
	const tags =
		kind < 0.2 ? [] : kind < 0.5 ? [`prod-${team}-${i}`, `v1.${i}.0`] : kind < 0.8 ? [`dev-${team}-${i}`] : [`release-${i}`, `sha-${i.toString(16)}`];
	const archived = kind > 0.95;
	return {
		imageDigest: `sha256:${i.toString(16).padStart(64, '0')}`,
		imageTags: tags,
		imagePushedAt: at(age),
		...(random() < 0.6 ? { lastRecordedPullTime: at(age * random()) } : {}),
		...(archived ? { lastArchivedAt: at(age * random()) } : {}),
		storageClass: archived ? 'ARCHIVE' : 'STANDARD',
		...(random() < 0.02 ? { referencedByManifestList: true } : {})
	};
});

const rule = (rulePriority: number, selection: object, action: object = { type: 'expire' }) => ({ rulePriority, selection, action });
const TEN_RULES = JSON.stringify({
	rules: [
		rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 }),
		rule(2, { tagStatus: 'tagged', tagPatternList: ['prod-*-*', 'v1.*.0'], countType: 'imageCountMoreThan', countNumber: 500 }),
		rule(3, { tagStatus: 'tagged', tagPrefixList: ['dev-web'], countType: 'imageCountMoreThan', countNumber: 50 }),
		rule(4, { tagStatus: 'tagged', tagPrefixList: ['dev-api'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 }),
		rule(5, { tagStatus: 'tagged', tagPatternList: ['dev-*er-*'], countType: 'sinceImagePulled', countUnit: 'days', countNumber: 60 }, { type: 'transition', targetStorageClass: 'archive' }),
		rule(6, { tagStatus: 'tagged', tagPatternList: ['*-batch-*'], countType: 'imageCountMoreThan', countNumber: 100 }),
		rule(7, { tagStatus: 'tagged', tagPatternList: ['release-*', 'sha-*'], countType: 'sinceImagePulled', countUnit: 'days', countNumber: 180 }, { type: 'transition', targetStorageClass: 'archive' }),
		rule(8, { tagStatus: 'tagged', tagPatternList: ['*a*b*c*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 365 }),
		rule(9, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 2_000 }),
		rule(10, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 180 })
	]
});
const tenRules = parseLifecyclePolicy(TEN_RULES);

const FIFTY_RULES = JSON.stringify({
	rules: Array.from({ length: 50 }, (_, i) =>
		i === 49
			? rule(50, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 100 })
			: i % 2 === 0
				? rule(i + 1, { tagStatus: 'tagged', tagPatternList: [`team${i}-*`, '*-prod'], countType: 'imageCountMoreThan', countNumber: 10 })
				: rule(i + 1, { tagStatus: 'tagged', tagPrefixList: [`svc${i}`], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 })
	)
});
parseLifecyclePolicy(FIFTY_RULES);
const MEGABYTE = '['.repeat(1 << 20);

describe('lifecycle policy evaluation', () => {
	// More time than the default: on a busy machine 30 samples say little.
	bench(
		'evaluate 10,000 images × 10 rules',
		() => {
			evaluateLifecyclePolicy(tenRules, images, NOW);
		},
		{ time: 3000 }
	);
});

describe('lifecycle policy validation', () => {
	bench(`parse and validate a 50-rule policy (${FIFTY_RULES.length} chars)`, () => {
		parseLifecyclePolicy(FIFTY_RULES);
	});

	bench('reject 1 MB of text', () => {
		try {
			parseLifecyclePolicy(MEGABYTE);
		} catch {
			// expected: over the length limit
		}
	});
});
