// Shared pieces of the engine property tests: a world with enough in it that valid-looking
// requests reach deep paths, valid requests for every ECR operation, hostile values, "near-valid"
// requests (a valid one with one thing changed), valid lifecycle policies, and an independent
// statement of which images a lifecycle rule selects.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { World, type WorldSnapshot } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import { DAY_MS } from '../../../../src/lib/engines/clock';
import { LEARNER_ACCOUNT, SECOND_ACCOUNT, rootCaller } from '../../../../src/lib/engines/world-constants';
import { fakeImage, manifestFor, pushSteps, runSteps, type LocalImage } from '../../../../src/lib/engines/ecr/docker';
import { ecrOperations, isEcrOperation } from '../../../../src/lib/engines/ecr/operations';
import { MEDIA_TYPES } from '../../../../src/lib/engines/ecr/manifest';
import { sha256Digest } from '../../../../src/lib/engines/sha256';
import { policyText, rule } from '../ecr/lifecycle/helpers';

export const NOW = '2026-11-23T10:00:00.000Z';
export const REGION = 'us-east-1';
export const ACCOUNT = LEARNER_ACCOUNT;
export { DAY_MS };

export type EcrApi = ReturnType<World['ecr']>;
export const ecrOf = (world: World, accountId: string = ACCOUNT): EcrApi => world.ecr(rootCaller(accountId), REGION);

/** numRuns scaled by PROPERTY_SCALE (default 1), for a longer hunt: PROPERTY_SCALE=50 npx vitest run tests/unit/engines/properties */
export const runs = (n: number): number => Math.max(1, Math.round(n * Number(process.env.PROPERTY_SCALE ?? 1)));

/**
 * Per-test timeout for the property tests. They run synchronously, so this cannot stop a hang; it
 * keeps a slow machine (or a large PROPERTY_SCALE) from failing a property that held.
 */
export const PROPERTY_TIMEOUT = runs(60_000);

/** Every operation the engine routes, read from the engine so new ones are covered as they land. */
export const OPERATIONS = Object.keys(ecrOperations).sort();

// ---------------------------------------------------------------------------------------------
// Outcomes: what a call answered, comparable across worlds
// ---------------------------------------------------------------------------------------------

export type Outcome = { ok: unknown } | { error: { code: string; message: string } };

/** Runs a call; an AwsError becomes data, anything else escapes (it is a bug). */
export function attempt(fn: () => unknown): Outcome {
	try {
		return { ok: fn() };
	} catch (e) {
		if (e instanceof AwsError) return { error: { code: e.code, message: e.message } };
		throw e;
	}
}

/** Calls an operation only if this build of the engine has it (some land while these tests exist). */
export function callIfSupported(ecr: EcrApi, operation: string, input: unknown): Outcome | undefined {
	return isEcrOperation(operation) ? attempt(() => ecr.callByName(operation, input)) : undefined;
}

// ---------------------------------------------------------------------------------------------
// AWS error names
// ---------------------------------------------------------------------------------------------

const ENGINE_DIR = fileURLToPath(new URL('../../../../src/lib/engines', import.meta.url));

function engineSources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return engineSources(path);
		return entry.name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
	});
}

/**
 * The error codes the engine declares: every literal code handed to AwsError or to one of its
 * subclasses (`new AwsError('X'`, `super('X'`, `named('X')`, a default `code = 'X'`), read from
 * the engine's own source so a new exception class is picked up without editing this list.
 */
export const DECLARED_ERROR_CODES: ReadonlySet<string> = (() => {
	const codes = new Set<string>();
	const patterns = [/new AwsError\(\s*'([A-Za-z]+)'/g, /super\(\s*'([A-Za-z]+)'/g, /named\(\s*'([A-Za-z]+)'\s*\)/g, /\bcode\s*=\s*'([A-Za-z]+)'/g];
	for (const source of engineSources(ENGINE_DIR)) {
		for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (m[1]) codes.add(m[1]);
	}
	return codes;
})();

/** The shape of every AWS exception name (ECR's `...Exception`, IAM's `NoSuchEntity`, `InternalFailure`). */
export const AWS_ERROR_NAME = /^[A-Z][A-Za-z]+(Exception|Error|Failure)?$/;

/**
 * Errors any AWS JSON API may return besides its own (AWS "Common errors" page), plus the
 * simulator's UnknownOperationException, which is awsJson's own name for an unknown target.
 */
export const COMMON_AWS_ERRORS: ReadonlySet<string> = new Set([
	'AccessDeniedException',
	'IncompleteSignature',
	'InternalFailure',
	'InvalidAction',
	'InvalidClientTokenId',
	'NotAuthorized',
	'OptInRequired',
	'RequestExpired',
	'ServiceUnavailable',
	'ThrottlingException',
	'UnrecognizedClientException',
	'UnknownOperationException',
	'ValidationError'
]);

// ---------------------------------------------------------------------------------------------
// A world with something in it
// ---------------------------------------------------------------------------------------------

export function push(ecr: EcrApi, repositoryName: string, image: LocalImage, tag?: string, registryId?: string) {
	return runSteps(pushSteps(image, repositoryName, tag, registryId), (s) => ecr.callByName(s.operation, s.input));
}

/** Something that passes the lifecycle validator and selects nothing in particular. */
export const KEEP_TEN = policyText(rule(1, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 10 }));
export const UNTAGGED_OLDER_THAN_7 = policyText(rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }));

export const REPOSITORY_POLICY = JSON.stringify({
	Version: '2012-10-17',
	Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SECOND_ACCOUNT}:root` }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }]
});
export const REGISTRY_POLICY = JSON.stringify({
	Version: '2012-10-17',
	Statement: [
		{ Sid: 'replicate', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SECOND_ACCOUNT}:root` }, Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'], Resource: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/*` }
	]
});

export interface Fixtures {
	snapshot: WorldSnapshot;
	images: { web0: LocalImage; web1: LocalImage; web2: LocalImage; api1: LocalImage };
	digests: { web0: string; web1: string; web2: string; index: string; api1: string };
	indexManifest: string;
	layerDigests: string[];
	/** An upload in 'web' with one part received, and the byte it expects next. */
	uploadId: string;
	nextByte: number;
	/** The bytes received so far and their digest, so CompleteLayerUpload can succeed. */
	uploadedDigest: string;
	webArn: string;
	apiArn: string;
	pageToken: string;
}

let cached: Fixtures | undefined;

/**
 * Built once and restored per run (restoring is far cheaper than pushing):
 * - `web` (MUTABLE, resource tags, lifecycle policy, a finished preview, a repository policy):
 *   an untagged image, `v1`+`latest`, `v2`, an OCI index `multi` over the last two, all scanned
 *   and replicated to us-west-2; `fresh`, whose scan and replication are still running; one
 *   upload in progress.
 * - `api` (IMMUTABLE_WITH_EXCLUSION `dev-*`): `1.0.0` and `dev-latest` on one image.
 * - `team/tools` (KMS, scan on push): empty.
 * - `shared` in the second account: one image.
 * - Registry: basic scan on push for `web*`, replication of `web` to us-west-2, a registry policy.
 */
export function fixtures(): Fixtures {
	if (cached) return cached;
	const world = World.create({ now: NOW });
	const ecr = ecrOf(world);
	const images = { web0: fakeImage('web build 0'), web1: fakeImage('web build 1'), web2: fakeImage('web build 2', 3), api1: fakeImage('api 1.0.0') };

	ecr.call('CreateRepository', { repositoryName: 'web', tags: [{ Key: 'team', Value: 'platform' }, { Key: 'env', Value: 'prod' }] });
	ecr.call('CreateRepository', { repositoryName: 'api', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'dev-*' }] });
	ecr.call('CreateRepository', { repositoryName: 'team/tools', encryptionConfiguration: { encryptionType: 'KMS' }, imageScanningConfiguration: { scanOnPush: true } });
	// Before the pushes, so the images are scanned and replicated.
	ecr.call('PutRegistryScanningConfiguration', { scanType: 'BASIC', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: 'web*', filterType: 'WILDCARD' }] }] });
	ecr.call('PutReplicationConfiguration', {
		replicationConfiguration: { rules: [{ destinations: [{ region: 'us-west-2', registryId: ACCOUNT }], repositoryFilters: [{ filter: 'web', filterType: 'PREFIX_MATCH' }] }] }
	});

	push(ecr, 'web', images.web0, 'latest');
	world.advanceBy(3 * DAY_MS + 3_600_000);
	push(ecr, 'web', images.web1, 'latest'); // web0 is now untagged
	ecr.call('PutImage', { repositoryName: 'web', imageManifest: manifestFor(images.web1), imageTag: 'v1' });
	world.advanceBy(DAY_MS);
	push(ecr, 'web', images.web2, 'v2');
	const digests = {
		web0: sha256Digest(manifestFor(images.web0)),
		web1: sha256Digest(manifestFor(images.web1)),
		web2: sha256Digest(manifestFor(images.web2)),
		api1: sha256Digest(manifestFor(images.api1)),
		index: ''
	};
	const indexManifest = JSON.stringify({
		schemaVersion: 2,
		mediaType: MEDIA_TYPES.ociIndex,
		manifests: [digests.web1, digests.web2].map((digest) => ({ mediaType: MEDIA_TYPES.dockerManifest, digest, size: 500, platform: { architecture: 'amd64', os: 'linux' } }))
	});
	digests.index = sha256Digest(indexManifest);
	ecr.call('PutImage', { repositoryName: 'web', imageManifest: indexManifest, imageTag: 'multi' });
	ecr.call('BatchGetImage', { repositoryName: 'web', imageIds: [{ imageTag: 'v1' }] });

	push(ecr, 'api', images.api1, '1.0.0');
	ecr.call('PutImage', { repositoryName: 'api', imageManifest: manifestFor(images.api1), imageTag: 'dev-latest' });

	// A day on: scans and replications are done, and a new manual scan is within the quota.
	world.advanceBy(DAY_MS + 3_600_000);
	ecr.call('PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: UNTAGGED_OLDER_THAN_7 });
	ecr.call('StartLifecyclePolicyPreview', { repositoryName: 'web', lifecyclePolicyText: KEEP_TEN });
	world.advanceBy(60_000); // the preview completes
	callIfSupported(ecr, 'SetRepositoryPolicy', { repositoryName: 'web', policyText: REPOSITORY_POLICY });
	callIfSupported(ecr, 'PutRegistryPolicy', { policyText: REGISTRY_POLICY });
	// One push whose scan and replication are still running when the world is saved.
	push(ecr, 'web', fakeImage('web build 3'), 'fresh');

	const part = new TextEncoder().encode('the first part of a layer\n');
	const { uploadId = '' } = ecr.call('InitiateLayerUpload', { repositoryName: 'web' });
	ecr.call('UploadLayerPart', { repositoryName: 'web', uploadId, partFirstByte: 0, partLastByte: part.length - 1, layerPartBlob: part });

	const second = ecrOf(world, SECOND_ACCOUNT);
	second.call('CreateRepository', { repositoryName: 'shared' });
	push(second, 'shared', fakeImage('shared base'), 'base');

	const pageToken = ecr.call('DescribeRepositories', { maxResults: 1 }).nextToken ?? '';
	const layerDigests = [images.web1.config, ...images.web1.layers].map((b) => sha256Digest(b));
	cached = {
		snapshot: world.snapshot(),
		images,
		digests,
		indexManifest,
		layerDigests,
		uploadId,
		nextByte: part.length,
		uploadedDigest: sha256Digest(part),
		webArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/web`,
		apiArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/api`,
		pageToken
	};
	return cached;
}

/** A fresh copy of the fixture world. */
export const fixtureWorld = (): World => World.restore(fixtures().snapshot);

// ---------------------------------------------------------------------------------------------
// Valid requests, one or more per operation
// ---------------------------------------------------------------------------------------------

type Request = Record<string, unknown>;

export function validRequests(fx: Fixtures = fixtures()): Record<string, Request[]> {
	const web = { repositoryName: 'web' };
	const tagged = [{ imageTag: 'v1' }, { imageDigest: fx.digests.web2 }, { imageDigest: fx.digests.web1, imageTag: 'latest' }];
	const newPart = new TextEncoder().encode('more bytes');
	return {
		CreateRepository: [
			{
				repositoryName: 'team/new-app',
				tags: [{ Key: 'team', Value: 'a' }],
				imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
				imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'dev-*' }],
				imageScanningConfiguration: { scanOnPush: true },
				encryptionConfiguration: { encryptionType: 'KMS', kmsKey: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` }
			},
			{ repositoryName: 'web' },
			{ repositoryName: 'x2', registryId: SECOND_ACCOUNT }
		],
		DescribeRepositories: [{}, { repositoryNames: ['web', 'api'] }, { maxResults: 1, nextToken: fx.pageToken }, { registryId: SECOND_ACCOUNT }],
		DeleteRepository: [{ repositoryName: 'team/tools' }, { repositoryName: 'web', force: true }, { repositoryName: 'api' }],
		PutImageTagMutability: [
			{ repositoryName: 'web', imageTagMutability: 'MUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'release-*' }] },
			{ repositoryName: 'api', imageTagMutability: 'IMMUTABLE' }
		],
		TagResource: [{ resourceArn: fx.webArn, tags: [{ Key: 'owner', Value: 'me' }] }],
		UntagResource: [{ resourceArn: fx.webArn, tagKeys: ['team', 'nope'] }],
		ListTagsForResource: [{ resourceArn: fx.webArn }, { resourceArn: fx.apiArn }],
		GetAuthorizationToken: [{}, { registryIds: [ACCOUNT] }],
		InitiateLayerUpload: [web],
		UploadLayerPart: [{ ...web, uploadId: fx.uploadId, partFirstByte: fx.nextByte, partLastByte: fx.nextByte + newPart.length - 1, layerPartBlob: newPart }],
		CompleteLayerUpload: [{ ...web, uploadId: fx.uploadId, layerDigests: [fx.uploadedDigest] }],
		BatchCheckLayerAvailability: [{ ...web, layerDigests: [...fx.layerDigests, sha256Digest('missing')] }],
		GetDownloadUrlForLayer: [{ ...web, layerDigest: fx.layerDigests[1] }],
		PutImage: [
			{ ...web, imageManifest: manifestFor(fx.images.web1), imageManifestMediaType: MEDIA_TYPES.dockerManifest, imageTag: 'release-1', imageDigest: fx.digests.web1 },
			{ ...web, imageManifest: manifestFor(fx.images.web2), imageTag: 'latest' },
			{ repositoryName: 'api', imageManifest: manifestFor(fx.images.api1), imageTag: 'dev-next' },
			{ ...web, imageManifest: fx.indexManifest, imageManifestMediaType: MEDIA_TYPES.ociIndex, imageTag: 'multi-2' }
		],
		BatchGetImage: [{ ...web, imageIds: tagged, acceptedMediaTypes: [MEDIA_TYPES.dockerManifest, MEDIA_TYPES.ociIndex] }, { ...web, imageIds: [{ imageTag: 'multi' }] }],
		BatchDeleteImage: [{ ...web, imageIds: [{ imageTag: 'v2' }, { imageDigest: fx.digests.web0 }] }, { ...web, imageIds: [{ imageDigest: fx.digests.web1 }] }],
		DescribeImages: [{ ...web, imageIds: tagged }, { ...web, filter: { tagStatus: 'UNTAGGED' } }, { ...web, maxResults: 2, filter: { tagStatus: 'TAGGED' } }],
		ListImages: [{ ...web, filter: { tagStatus: 'TAGGED' }, maxResults: 1 }, { ...web, nextToken: fx.pageToken }],
		PutLifecyclePolicy: [{ ...web, lifecyclePolicyText: KEEP_TEN }],
		GetLifecyclePolicy: [web],
		DeleteLifecyclePolicy: [web],
		StartLifecyclePolicyPreview: [web, { ...web, lifecyclePolicyText: UNTAGGED_OLDER_THAN_7 }],
		GetLifecyclePolicyPreview: [{ ...web, imageIds: tagged, filter: { tagStatus: 'ANY' } }, { ...web, maxResults: 1, filter: { tagStatus: 'TAGGED' } }],
		SetRepositoryPolicy: [{ ...web, policyText: REPOSITORY_POLICY, force: false }, { repositoryName: 'api', policyText: REPOSITORY_POLICY }],
		GetRepositoryPolicy: [web],
		DeleteRepositoryPolicy: [web],
		PutRegistryPolicy: [{ policyText: REGISTRY_POLICY }],
		GetRegistryPolicy: [{}],
		DeleteRegistryPolicy: [{}],
		PutRegistryScanningConfiguration: [
			{ scanType: 'BASIC', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' }] }] },
			{ scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] }
		],
		GetRegistryScanningConfiguration: [{}],
		PutImageScanningConfiguration: [{ ...web, imageScanningConfiguration: { scanOnPush: true } }],
		PutReplicationConfiguration: [
			{
				replicationConfiguration: {
					rules: [{ destinations: [{ region: 'eu-west-1', registryId: ACCOUNT }, { region: REGION, registryId: SECOND_ACCOUNT }], repositoryFilters: [{ filter: 'prod', filterType: 'PREFIX_MATCH' }] }]
				}
			}
		],
		DescribeRegistry: [{}],
		// Operations that may land later (scanning): their AWS request shapes.
		StartImageScan: [{ ...web, imageId: { imageTag: 'v1' } }, { ...web, imageId: { imageDigest: fx.digests.web2 } }, { ...web, imageId: { imageTag: 'multi' } }],
		DescribeImageScanFindings: [{ ...web, imageId: { imageTag: 'v1' }, maxResults: 2 }, { ...web, imageId: { imageDigest: fx.digests.web2 }, nextToken: fx.pageToken }],
		DescribeImageReplicationStatus: [{ ...web, imageId: { imageTag: 'v1' } }, { ...web, imageId: { imageTag: 'fresh' }, registryId: ACCOUNT }]
	};
}

/** For an operation without a template of its own: every field a repository request may carry. */
export function requestsFor(operation: string, fx: Fixtures = fixtures()): Request[] {
	return (
		validRequests(fx)[operation] ?? [
			{ repositoryName: 'web', imageId: { imageTag: 'v1' }, imageIds: [{ imageTag: 'v1' }], registryId: ACCOUNT, maxResults: 10 },
			{ repositoryName: 'api' },
			{}
		]
	);
}

/** The field names the templates use, so random objects hit the fields the engine reads. */
export const FIELD_NAMES: string[] = (() => {
	const names = new Set<string>();
	const visit = (v: unknown) => {
		if (Array.isArray(v)) v.forEach(visit);
		else if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
			for (const [k, child] of Object.entries(v)) {
				names.add(k);
				visit(child);
			}
		}
	};
	// Field names only: no world needed, so placeholders stand in for fixtures.
	visit(Object.values(validRequests(placeholderFixtures())));
	return [...names].sort();
})();

function placeholderFixtures(): Fixtures {
	const image = { config: new Uint8Array(), layers: [] };
	return {
		snapshot: undefined as unknown as WorldSnapshot,
		images: { web0: image, web1: image, web2: image, api1: image },
		digests: { web0: '', web1: '', web2: '', index: '', api1: '' },
		indexManifest: '',
		layerDigests: [],
		uploadId: '',
		nextByte: 0,
		uploadedDigest: '',
		webArn: '',
		apiArn: '',
		pageToken: ''
	};
}

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

const MB = 1 << 20;

/** A value nested `depth` levels deep, built without recursion. */
export function nested(depth: number, kind: 'object' | 'array', leaf: unknown = 'web'): unknown {
	let v = leaf;
	for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { repositoryName: v };
	return v;
}

/** An own `__proto__` property, as JSON.parse makes it (an object literal would set the prototype). */
export const withOwnKey = (target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> => {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
	return target;
};

/** Large values are built once: generating a megabyte per run would dominate the run time. */
export const BIG = (() => {
	const fx = () => fixtures();
	return {
		megabyteOfA: 'a'.repeat(MB),
		megabyteName: `${'ab/'.repeat(MB / 3)}c`,
		megabyteOfStars: '*a'.repeat(MB / 2),
		megabyteBase64: 'QUJD'.repeat(MB / 4),
		megabyteJson: JSON.stringify({ rules: [], description: 'x'.repeat(MB) }),
		/** A manifest AWS would accept (whitespace is allowed) that is a megabyte long. */
		get megabyteManifest() {
			return manifestFor(fx().images.web1).replace('{', `{${' '.repeat(MB)}`);
		},
		tenThousandNames: Array.from({ length: 10_000 }, () => 'web'),
		tenThousandIds: Array.from({ length: 10_000 }, (_, i) => ({ imageTag: `v${i}` })),
		tenThousandNulls: Array.from({ length: 10_000 }, () => null),
		tenThousandRules: Array.from({ length: 10_000 }, (_, i) => ({ scanFrequency: 'MANUAL', repositoryFilters: [{ filter: `r${i}`, filterType: 'WILDCARD' }] })),
		deepObject: nested(10_000, 'object'),
		deepArray: nested(10_000, 'array')
	};
})();

let constants: unknown[] | undefined;

/** The literal values most likely to confuse a validator (built once). */
export function hostileConstants(): unknown[] {
	const fx = fixtures();
	constants ??= [
		null,
		undefined,
		true,
		false,
		0,
		-0,
		-1,
		1.5,
		Number.NaN,
		Number.POSITIVE_INFINITY, // what JSON.parse makes of 1e400
		Number.NEGATIVE_INFINITY,
		2 ** 31,
		2 ** 53,
		2 ** 53 + 2,
		Number.MAX_VALUE,
		Number.MIN_VALUE,
		'',
		' ',
		'web',
		'WEB',
		'web ',
		'api',
		'\u0000',
		'💥',
		'__proto__',
		'constructor',
		'toString',
		'null',
		'[]',
		'{}',
		'sha256:',
		`sha256:${'g'.repeat(64)}`,
		fx.digests.web1,
		fx.digests.index,
		fx.webArn,
		fx.uploadId,
		fx.pageToken,
		'eyJwIjotMX0=', // base64 {"p":-1}
		'eyJwIjoxZTQwMH0=', // base64 {"p":1e400}
		'*',
		'*a*a*a*a*a*a*a*a*b',
		'a'.repeat(300),
		'a'.repeat(301),
		`${'a'.repeat(254)}!`,
		BIG.megabyteOfA,
		BIG.megabyteName,
		BIG.megabyteOfStars,
		BIG.megabyteBase64,
		BIG.megabyteJson,
		BIG.megabyteManifest,
		KEEP_TEN,
		[],
		[null],
		[{}],
		['web'],
		[[]],
		{},
		{ length: 3 },
		JSON.parse('{"__proto__":{"repositoryName":"web"}}'),
		JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
		BIG.tenThousandNames,
		BIG.tenThousandIds,
		BIG.tenThousandNulls,
		BIG.tenThousandRules,
		BIG.deepObject,
		BIG.deepArray,
		new Uint8Array([1, 2, 3]),
		new Uint8Array(0)
	];
	return constants;
}

/**
 * Strings that make a regular expression with nested quantifiers backtrack exponentially: a long
 * run of characters every part of the pattern accepts, then one it does not.
 */
export const BACKTRACKING_BAIT: readonly string[] = [
	`${'a'.repeat(254)}!`,
	`${'a'.repeat(40)}A`,
	`${'a-'.repeat(60)}!`,
	`${'a.'.repeat(60)}/`,
	`${'a/'.repeat(60)}/`,
	`${'a_'.repeat(60)}__`,
	`${'*a'.repeat(60)}!`,
	`${'0'.repeat(60)}:g`,
	`sha256:${'a'.repeat(5000)}g`
];

let exotic: unknown[] | undefined;

/** Values no JSON parser makes but an in-process caller (the CLI, a lab, a test) could pass. */
export function exoticConstants(): unknown[] {
	exotic ??= [
		Object.create(null),
		Object.assign(Object.create(null) as object, { repositoryName: 'web', imageTag: 'v1', Key: 'k', Value: 'v' }),
		new Map([['repositoryName', 'web']]),
		new Set(['web']),
		new Date(Number.NaN),
		new Date(0),
		new String('web'),
		new Number(5),
		new Boolean(false),
		10n,
		[, 'web'], // a sparse array
		new Uint16Array([1, 2]),
		new ArrayBuffer(4)
	];
	return exotic;
}

/** JSON-like values, with the hostile constants mixed in at any depth. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
	fc.oneof(
		{ weight: 3, arbitrary: fc.constantFrom(...hostileConstants()) },
		{ weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
		// Characters that matter to names, tags, digests and patterns (fc's 'binary' unit costs seconds to build).
		{ weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'z', 'Z', '0', '9', '-', '_', '.', '/', '*', ':', ' ', '\u0000', '\n', 'é', '💥', '\ud800'), maxLength: 40 }) },
		{ weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt().map(Number)) }
	);

/** Keys objects get: the fields the engine reads, prototype names, and noise. */
export const hostileKey = (): fc.Arbitrary<string> =>
	fc.oneof(
		{ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) },
		{ weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '') },
		{ weight: 1, arbitrary: fc.string({ maxLength: 12 }) }
	);

/** fc.anything, JSON-flavoured: objects keyed by real field names, values from the hostile pool. */
export const hostileObject = (): fc.Arbitrary<unknown> =>
	fc.anything({ key: hostileKey(), values: [hostileValue()], maxDepth: 3, maxKeys: 6 });

/** Values no JSON parser makes but an in-process caller (the CLI, a lab) could hand over. */
export const exoticObject = (): fc.Arbitrary<unknown> =>
	fc.anything({
		key: hostileKey(),
		maxDepth: 3,
		maxKeys: 6,
		withBoxedValues: true,
		withMap: true,
		withSet: true,
		withObjectString: true,
		withNullPrototype: true,
		withBigInt: true,
		withDate: true,
		withTypedArray: true,
		withSparseArray: true
	});

// ---------------------------------------------------------------------------------------------
// Near-valid requests: a valid one with one thing changed
// ---------------------------------------------------------------------------------------------

type Path = (string | number)[];

function pathsOf(root: unknown): Path[] {
	const out: Path[] = [[]];
	const stack: [unknown, Path][] = [[root, []]];
	while (stack.length) {
		const [v, path] = stack.pop() as [unknown, Path];
		if (v instanceof Uint8Array || v === null || typeof v !== 'object') continue;
		const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
		for (const [k, child] of entries) {
			out.push([...path, k]);
			stack.push([child, [...path, k]]);
		}
	}
	return out;
}

export type Mutation =
	| { kind: 'replace'; value: unknown }
	| { kind: 'delete' }
	| { kind: 'addKey'; key: string; value: unknown }
	| { kind: 'wrap'; inArray: boolean }
	| { kind: 'tweak'; how: number };

export const mutation = (): fc.Arbitrary<Mutation> =>
	fc.oneof(
		{ weight: 5, arbitrary: hostileValue().map((value): Mutation => ({ kind: 'replace', value })) },
		{ weight: 1, arbitrary: fc.constantFrom(...exoticConstants(), ...BACKTRACKING_BAIT).map((value): Mutation => ({ kind: 'replace', value })) },
		{ weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'delete' }) },
		{ weight: 2, arbitrary: fc.record({ key: hostileKey(), value: hostileValue() }).map(({ key, value }): Mutation => ({ kind: 'addKey', key, value })) },
		{ weight: 1, arbitrary: fc.boolean().map((inArray): Mutation => ({ kind: 'wrap', inArray })) },
		{ weight: 4, arbitrary: fc.nat(11).map((how): Mutation => ({ kind: 'tweak', how })) }
	);

/** Small changes of a value that keep its type where possible: the "off by one" of requests. */
function tweak(v: unknown, how: number): unknown {
	if (typeof v === 'string') {
		const options = [v.slice(1), `${v} `, v.toUpperCase(), `${v}${v}`, `${v}\u0000`, v.slice(0, -1), `${v}/`, `/${v}`, `${v}-`, v.replace(/[0-9]/g, 'x'), `${v}${'a'.repeat(60)}!`, v.repeat(200)];
		return options[how % options.length];
	}
	if (typeof v === 'number') {
		const options = [v + 1, v - 1, -v, 0, v + 0.5, String(v), 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, -1, v * 1e6, 2 ** 31 - 1];
		return options[how % options.length];
	}
	if (typeof v === 'boolean') return [!v, String(v), v ? 1 : 0, null][how % 4];
	if (Array.isArray(v)) {
		const options = [[], [...v, ...v], v.slice(1), [v[0], null], [...v, v[0]], v.slice().reverse(), Array.from({ length: 101 }, () => v[0]), [v]];
		return options[how % options.length];
	}
	if (v instanceof Uint8Array) return [new Uint8Array(0), v.subarray(1), Array.from(v), 'not base64!'][how % 4];
	if (v && typeof v === 'object') return [[v], Object.values(v), JSON.stringify(v), {}][how % 4];
	return [{}, [], '', 0][how % 4];
}

function setOwn(parent: Record<string | number, unknown> | unknown[], key: string | number, value: unknown) {
	if (Array.isArray(parent)) parent[key as number] = value;
	else withOwnKey(parent as Record<string, unknown>, String(key), value);
}

export function applyMutation(request: Request, pick: number, m: Mutation): unknown {
	const copy = structuredClone(request);
	const paths = pathsOf(copy);
	const path = paths[pick % paths.length] ?? [];
	if (path.length === 0) {
		// The whole request.
		switch (m.kind) {
			case 'replace':
				return m.value;
			case 'delete':
				return undefined;
			case 'addKey':
				return withOwnKey(copy, m.key, m.value);
			case 'wrap':
				return m.inArray ? [copy] : { request: copy };
			case 'tweak':
				return tweak(copy, m.how);
		}
	}
	let parent: unknown = copy;
	for (const k of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[k];
	const key = path[path.length - 1] as string | number;
	const container = parent as Record<string | number, unknown> | unknown[];
	const current = (container as Record<string | number, unknown>)[key];
	switch (m.kind) {
		case 'replace':
			setOwn(container, key, m.value);
			break;
		case 'delete':
			if (Array.isArray(container)) container.splice(key as number, 1);
			else delete (container as Record<string, unknown>)[key];
			break;
		case 'addKey':
			if (current && typeof current === 'object' && !Array.isArray(current) && !(current instanceof Uint8Array)) withOwnKey(current as Record<string, unknown>, m.key, m.value);
			else if (!Array.isArray(container)) withOwnKey(container as Record<string, unknown>, m.key, m.value);
			else container.push(m.value);
			break;
		case 'wrap':
			setOwn(container, key, m.inArray ? [current] : { value: current });
			break;
		case 'tweak':
			setOwn(container, key, tweak(current, m.how));
			break;
	}
	return copy;
}

export const nearValid = (requests: Request[]): fc.Arbitrary<unknown> =>
	fc.tuple(fc.nat(requests.length - 1), fc.nat(), mutation()).map(([i, pick, m]) => applyMutation(requests[i] ?? {}, pick, m));

/** Request fields that carry a JSON document as text. */
const DOCUMENT_FIELDS = ['imageManifest', 'lifecyclePolicyText', 'policyText'];

/** The document fields of a request that parse as JSON objects. */
function documentsOf(request: Request): string[] {
	return DOCUMENT_FIELDS.filter((f) => {
		const text = request[f];
		if (typeof text !== 'string') return false;
		try {
			const doc: unknown = JSON.parse(text);
			return doc !== null && typeof doc === 'object';
		} catch {
			return false;
		}
	});
}

/** Stringifies a mutated document; one that JSON cannot write (10,000 levels deep) stays as it was. */
function writeDocument(doc: unknown, fallback: string): string {
	try {
		return JSON.stringify(doc) ?? fallback;
	} catch {
		return fallback;
	}
}

/**
 * A valid request whose document (manifest, lifecycle policy, IAM policy) has one thing changed
 * inside it: a layer size of 1.8e308, a rule without its action, a statement with a number for an
 * Action. The document is re-serialized, so it is always well-formed JSON text.
 */
export function nearValidDocument(requests: Request[]): fc.Arbitrary<unknown> | undefined {
	const withDocuments = requests.flatMap((r) => documentsOf(r).map((field) => ({ request: r, field })));
	if (withDocuments.length === 0) return undefined;
	return fc.tuple(fc.nat(withDocuments.length - 1), fc.nat(), mutation()).map(([i, pick, m]) => {
		const { request, field } = withDocuments[i] ?? { request: {}, field: '' };
		const text = request[field] as string;
		const changed = applyMutation(JSON.parse(text) as Request, pick, m);
		return { ...request, [field]: writeDocument(changed, text) };
	});
}

/** Every kind of bad input for one operation, weighted towards requests that get deep. */
export function requestArbitrary(operation: string): fc.Arbitrary<unknown> {
	const requests = requestsFor(operation);
	const documents = nearValidDocument(requests);
	return fc.oneof(
		{ weight: 6, arbitrary: nearValid(requests) },
		...(documents ? [{ weight: 4, arbitrary: documents }] : []),
		{ weight: 1, arbitrary: fc.constantFrom(...requests) },
		{ weight: 2, arbitrary: hostileObject() },
		{ weight: 1, arbitrary: exoticObject() },
		{ weight: 1, arbitrary: hostileValue() }
	);
}

// ---------------------------------------------------------------------------------------------
// Lifecycle policies
// ---------------------------------------------------------------------------------------------

export const TAG_POOL = ['latest', 'v1', 'v1.1', 'v2', 'prod-1', 'prod-2', 'dev-1', 'dev-rc1', 'release-1', 'beta'] as const;
const PREFIXES = ['v', 'v1', 'prod', 'dev', 'release-', 'b', 'latest', 'p'];
const PATTERNS = ['*', 'v*', 'prod*', '*-rc*', '*1', 'dev-*', '*e*', 'v1*', 'latest', '*a*t*', 'release-*', '*-*', 'v*.*', '*r*e*1'];

export interface RuleSpec {
	tagStatus: 'tagged' | 'untagged' | 'any';
	list?: { field: 'tagPrefixList' | 'tagPatternList'; entries: string[] };
	countType: 'imageCountMoreThan' | 'sinceImagePushed' | 'sinceImagePulled';
	countNumber: number;
	action: 'expire' | 'transition';
}

const ruleSpec: fc.Arbitrary<RuleSpec> = fc
	.record({
		tagStatus: fc.constantFrom('tagged', 'tagged', 'untagged', 'any'),
		usePatterns: fc.boolean(),
		prefixes: fc.uniqueArray(fc.constantFrom(...PREFIXES), { minLength: 1, maxLength: 2 }),
		patterns: fc.uniqueArray(fc.constantFrom(...PATTERNS), { minLength: 1, maxLength: 2 }),
		countType: fc.constantFrom('imageCountMoreThan', 'imageCountMoreThan', 'sinceImagePushed', 'sinceImagePushed', 'sinceImagePulled'),
		countNumber: fc.integer({ min: 1, max: 8 }),
		transition: fc.boolean()
	})
	.map((r): RuleSpec => {
		const countType = r.countType as RuleSpec['countType'];
		// sinceImagePulled only goes with transition; the others mostly expire.
		const action = countType === 'sinceImagePulled' ? 'transition' : r.transition && r.countNumber % 3 === 0 ? 'transition' : 'expire';
		return {
			tagStatus: r.tagStatus as RuleSpec['tagStatus'],
			...(r.tagStatus === 'tagged' ? { list: r.usePatterns ? { field: 'tagPatternList' as const, entries: r.patterns } : { field: 'tagPrefixList' as const, entries: r.prefixes } } : {}),
			countType,
			countNumber: r.countNumber,
			action
		};
	});

export interface PolicySpec {
	/** In ascending rulePriority. */
	rules: (RuleSpec & { rulePriority: number })[];
	/** Also an `any`/archive rule expiring archived images after this many days (≥ 90). */
	archiveExpiryDays?: number;
	text: string;
}

/**
 * Valid policies by construction: unique priorities; at most one `untagged` rule; one `any` rule
 * at most, and it has the highest priority; no two tagged rules with the same list.
 */
export const policySpec: fc.Arbitrary<PolicySpec> = fc
	.record({
		specs: fc.array(ruleSpec, { minLength: 1, maxLength: 5 }),
		priorities: fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 5, maxLength: 5 }),
		archiveExpiryDays: fc.option(fc.integer({ min: 90, max: 400 }), { nil: undefined })
	})
	.map(({ specs, priorities, archiveExpiryDays }) => {
		const seen = new Set<string>();
		let untagged = false;
		const kept: RuleSpec[] = [];
		let anyRule: RuleSpec | undefined;
		for (const s of specs) {
			if (s.tagStatus === 'any') anyRule ??= s;
			else if (s.tagStatus === 'untagged') {
				if (!untagged) kept.push(s);
				untagged = true;
			} else {
				const key = JSON.stringify([s.list?.field, [...(s.list?.entries ?? [])].sort()]);
				if (!seen.has(key)) kept.push(s);
				seen.add(key);
			}
		}
		if (anyRule) kept.push(anyRule);
		const sorted = [...priorities].sort((a, b) => a - b);
		const rules = kept.map((s, i) => ({ ...s, rulePriority: sorted[i] ?? 1000 + i }));
		const docRules: unknown[] = rules.map((r) =>
			rule(
				r.rulePriority,
				{
					tagStatus: r.tagStatus,
					...(r.list ? { [r.list.field]: r.list.entries } : {}),
					countType: r.countType,
					...(r.countType === 'imageCountMoreThan' ? {} : { countUnit: 'days' }),
					countNumber: r.countNumber
				},
				r.action === 'transition' ? { type: 'transition', targetStorageClass: 'archive' } : { type: 'expire' }
			)
		);
		if (archiveExpiryDays !== undefined) {
			docRules.push(
				rule(1001, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: archiveExpiryDays }, { type: 'expire' })
			);
		}
		return { rules, ...(archiveExpiryDays !== undefined ? { archiveExpiryDays } : {}), text: policyText(...docRules) };
	});

/** Independent of the engine's matcher: a glob is a regular expression with `.*` for each `*`. */
export function globMatches(pattern: string, tag: string): boolean {
	const source = pattern
		.split('*')
		.map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${source}$`, 's').test(tag);
}

/** Whether a rule's selection (tag status, lists, storage class) takes an image, per the AWS docs. */
export function ruleSelects(r: RuleSpec, tags: readonly string[], storageClass: 'STANDARD' | 'ARCHIVE'): boolean {
	if (storageClass !== 'STANDARD') return false; // every RuleSpec selects the standard class
	if (r.tagStatus === 'any') return true;
	if (r.tagStatus === 'untagged') return tags.length === 0;
	if (tags.length === 0 || !r.list) return false;
	const { field, entries } = r.list;
	return entries.every((e) => tags.some((t) => (field === 'tagPrefixList' ? t.startsWith(e) : globMatches(e, t))));
}

// ---------------------------------------------------------------------------------------------
// The exhaustive sweep: each field of each valid request, changed in each hostile way
// ---------------------------------------------------------------------------------------------

let sweepSet: unknown[] | undefined;

/**
 * One value of each kind that breaks validators (the random properties draw from the full pools):
 * wrong types, empty and boundary values, prototype names, megabytes, 10,000 items, 10,000 levels,
 * objects without a prototype, and backtracking bait.
 */
function sweepValues(): unknown[] {
	const fx = fixtures();
	sweepSet ??= [
		null,
		undefined,
		true,
		0,
		-0,
		-1,
		1.5,
		Number.NaN,
		Number.POSITIVE_INFINITY,
		2 ** 53,
		'',
		'WEB',
		'\u0000',
		'__proto__',
		fx.digests.web1,
		BIG.megabyteOfA,
		BIG.megabyteManifest,
		[],
		[null],
		['web'],
		{},
		JSON.parse('{"__proto__":{"repositoryName":"web"}}'),
		BIG.tenThousandIds,
		BIG.deepObject,
		BIG.deepArray,
		new Uint8Array([1, 2, 3]),
		...exoticConstants().slice(0, 6),
		10n,
		...BACKTRACKING_BAIT
	];
	return sweepSet;
}

let smallSet: unknown[] | undefined;

/** Values that pass the first checks and fail later ones: where a half-done change could hide. */
function smallSweepValues(): unknown[] {
	const fx = fixtures();
	smallSet ??= [null, 0, -1, 1.5, 2 ** 53, '', 'WEB', 'a'.repeat(301), fx.digests.web1, fx.digests.index, [], [null], [{}], {}, Object.create(null), BACKTRACKING_BAIT[0]];
	return smallSet;
}

export interface SweepCase {
	label: string;
	input: unknown;
}

const show = (v: unknown): string => {
	if (typeof v === 'string') return v.length > 40 ? `a ${v.length}-character string starting ${JSON.stringify(v.slice(0, 20))}` : JSON.stringify(v);
	if (Array.isArray(v)) return `an array of ${v.length}`;
	if (v && typeof v === 'object') return `${Object.prototype.toString.call(v)} with keys ${Object.keys(v).slice(0, 5).join(',')}`;
	return String(v);
};

/**
 * For one operation: every valid request; each of its fields (and the request itself) replaced by
 * every hostile, exotic and backtracking value, deleted, or given an own `__proto__` /
 * `constructor` sibling. Deterministic, so every field meets every value on every run.
 */
export function* sweep(operation: string, size: 'full' | 'small' = 'full'): Generator<SweepCase> {
	const values = size === 'full' ? sweepValues() : smallSweepValues();
	for (const [t, request] of requestsFor(operation).entries()) {
		yield { label: `request ${t} as is`, input: request };
		for (const [p, path] of pathsOf(request).entries()) {
			const where = `request ${t} at ${path.length ? path.join('.') : '(root)'}`;
			for (const value of values) yield { label: `${where} = ${show(value)}`, input: applyMutation(request, p, { kind: 'replace', value }) };
			if (path.length) yield { label: `${where} deleted`, input: applyMutation(request, p, { kind: 'delete' }) };
			for (const key of ['__proto__', 'constructor']) {
				yield { label: `${where} with an own ${key}`, input: applyMutation(request, p, { kind: 'addKey', key, value: { repositoryName: 'web', polluted: true } }) };
			}
		}
		// Inside each JSON document the request carries, every value replaced by each JSON value.
		for (const field of documentsOf(request)) {
			const text = request[field] as string;
			const doc = JSON.parse(text) as Request;
			for (const [p, path] of pathsOf(doc).entries()) {
				if (path.length === 0) continue;
				const where = `request ${t} ${field} at ${path.join('.')}`;
				for (const value of size === 'full' ? DOCUMENT_VALUES : SMALL_DOCUMENT_VALUES) yield { label: `${where} = ${show(value)}`, input: { ...request, [field]: writeDocument(applyMutation(doc, p, { kind: 'replace', value }), text) } };
				yield { label: `${where} deleted`, input: { ...request, [field]: writeDocument(applyMutation(doc, p, { kind: 'delete' }), text) } };
			}
			// Every number under one key at once, for sums of extremes (two layers of 1.8e308 ...).
			for (const key of numericKeys(doc)) {
				for (const value of [Number.MAX_VALUE, 2 ** 53, 2 ** 31, -1, 0.5]) {
					yield { label: `request ${t} ${field} with every ${key} = ${value}`, input: { ...request, [field]: writeDocument(everyNumber(doc, key, value), text) } };
				}
			}
		}
	}
}

/** The keys under which a JSON document holds numbers. */
function numericKeys(doc: unknown): string[] {
	const keys = new Set<string>();
	JSON.parse(JSON.stringify(doc), (key, v: unknown) => {
		if (typeof v === 'number' && key !== '' && !/^[0-9]+$/.test(key)) keys.add(key);
		return v;
	});
	return [...keys].sort();
}

/** A copy of a JSON document with every number under `key` replaced. */
function everyNumber(doc: unknown, key: string, value: number): unknown {
	return JSON.parse(JSON.stringify(doc), (k, v: unknown) => (k === key && typeof v === 'number' ? value : v));
}

/** What JSON text can hold: every type, the extreme numbers, and the usual suspects. */
const DOCUMENT_VALUES: unknown[] = [null, true, 0, -1, 0.5, 2 ** 31, 2 ** 53, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, '', 'x', '*', 'sha256:00', [], [null], {}, { a: 1 }];
const SMALL_DOCUMENT_VALUES: unknown[] = [null, -1, 2 ** 53, Number.MAX_VALUE, '', [], {}];

/**
 * Where a value stops being plain JSON (a non-finite number, a Date, a typed array, undefined in
 * an array ...), or undefined when it is plain. Iterative, so deep state cannot overflow it.
 */
export function notPlainJson(root: unknown): string | undefined {
	const stack: [unknown, string][] = [[root, '$']];
	while (stack.length) {
		const [v, path] = stack.pop() as [unknown, string];
		if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
		if (typeof v === 'number') {
			if (!Number.isFinite(v)) return `${path} is ${v}`;
			continue;
		}
		if (typeof v !== 'object') return `${path} is ${typeof v}`;
		if (Array.isArray(v)) {
			for (let i = 0; i < v.length; i++) {
				if (!(i in v) || v[i] === undefined) return `${path}[${i}] is a hole or undefined`;
				stack.push([v[i], `${path}[${i}]`]);
			}
			continue;
		}
		const proto = Object.getPrototypeOf(v) as unknown;
		if (proto !== Object.prototype && proto !== null) return `${path} is a ${Object.prototype.toString.call(v)}`;
		for (const [k, child] of Object.entries(v)) if (child !== undefined) stack.push([child, `${path}.${k}`]);
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// A repository's life for the lifecycle properties: pushes, pulls and deletes spread over days
// ---------------------------------------------------------------------------------------------

export const LIFECYCLE_START = '2026-10-01T09:00:00.000Z';
export const MINUTE_MS = 60_000;
/** Everything the lifecycle properties do happens before 23:00 UTC (see lifecycle-preview-run.test.ts). */
export const LAST_MINUTE_OF_ACTIVITY = 23 * 60 - 1;

export interface LifeStep {
	/** Whole days to move on, then the minute of that day (UTC) at which the action happens. */
	days: number;
	minute: number;
	/** `index`: an OCI image index over the two newest images, which it pins (lifecycle cannot act on them). */
	action: { kind: 'push'; tag?: string } | { kind: 'pull'; tag: string } | { kind: 'delete'; tag: string } | { kind: 'index'; tag: string };
}

export const lifeStep: fc.Arbitrary<LifeStep> = fc.record({
	days: fc.integer({ min: 0, max: 3 }),
	minute: fc.integer({ min: 0, max: LAST_MINUTE_OF_ACTIVITY }),
	action: fc.oneof(
		{ weight: 6, arbitrary: fc.option(fc.constantFrom(...TAG_POOL), { nil: undefined, freq: 4 }).map((tag) => (tag === undefined ? { kind: 'push' as const } : { kind: 'push' as const, tag })) },
		{ weight: 2, arbitrary: fc.constantFrom(...TAG_POOL).map((tag) => ({ kind: 'pull' as const, tag })) },
		{ weight: 1, arbitrary: fc.constantFrom(...TAG_POOL).map((tag) => ({ kind: 'delete' as const, tag })) },
		{ weight: 1, arbitrary: fc.constantFrom(...TAG_POOL).map((tag) => ({ kind: 'index' as const, tag })) }
	)
});

/** At most 20 steps of at most 3 days: the whole life stays under 90 days (see the preview test). */
export const life = fc.array(lifeStep, { minLength: 4, maxLength: 20 });

export const startOfDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** Moves to `minute` past midnight, `days` days on; never backwards, never at or after 23:00. */
export function moveTo(world: World, days: number, minute: number): void {
	const now = world.clock.nowMs();
	let target = startOfDay(now) + days * DAY_MS + minute * MINUTE_MS;
	if (target < now) target += DAY_MS;
	world.advanceTo(target);
}

/** Does one step's action in `repositoryName`; a pull or delete of a missing tag simply fails. */
export function act(world: World, repositoryName: string, step: LifeStep, index: number): void {
	const ecr = ecrOf(world);
	const { action } = step;
	if (action.kind === 'push') push(ecr, repositoryName, fakeImage(`life image ${index}`, 1), action.tag);
	else if (action.kind === 'pull') attempt(() => ecr.call('BatchGetImage', { repositoryName, imageIds: [{ imageTag: action.tag }] }));
	else if (action.kind === 'delete') attempt(() => ecr.call('BatchDeleteImage', { repositoryName, imageIds: [{ imageTag: action.tag }] }));
	else {
		const details = ecr.call('DescribeImages', { repositoryName, maxResults: 1000 }).imageDetails ?? [];
		const children = details.filter((d) => d.imageManifestMediaType !== MEDIA_TYPES.ociIndex && d.imageStatus === 'ACTIVE').slice(-2);
		if (children.length === 0) return;
		const imageManifest = JSON.stringify({
			schemaVersion: 2,
			mediaType: MEDIA_TYPES.ociIndex,
			manifests: children.map((c) => ({ mediaType: c.imageManifestMediaType, digest: c.imageDigest, size: 500 })),
			annotations: { step: String(index) }
		});
		attempt(() => ecr.call('PutImage', { repositoryName, imageManifest, imageTag: action.tag }));
	}
}

export interface ImageView {
	digest: string;
	tags: string[];
	status: string;
}

export function imagesOf(world: World, repositoryName: string): ImageView[] {
	const details = ecrOf(world).call('DescribeImages', { repositoryName, maxResults: 1000 }).imageDetails ?? [];
	return details.map((d) => ({ digest: d.imageDigest ?? '', tags: d.imageTags ?? [], status: d.imageStatus ?? '' }));
}
