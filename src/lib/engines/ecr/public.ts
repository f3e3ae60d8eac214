// Amazon ECR Public, as far as the labs need it: a public registry per account (us-east-1, the
// service's home Region) whose repositories anyone can pull from without credentials, and the
// ecr-public API for creating repositories and pushing to them. Storage, layer uploads and
// manifests are the private engine's; only names, ARNs, URIs and IAM actions differ.
import type {
	CreateRepositoryResponse,
	DeleteRepositoryResponse,
	DescribeImagesResponse,
	DescribeImageTagsResponse,
	DescribeRegistriesResponse,
	DescribeRepositoriesResponse,
	GetAuthorizationTokenResponse,
	Repository
} from '@aws-sdk/client-ecr-public';
import { sha256, toHex } from '../sha256';
import { AwsError } from '../errors';
import type { AccessRequest } from './access';
import { findRepository, targetRegistry, type EcrContext } from './context';
import { batchCheckLayerAvailability, completeLayerUpload, initiateLayerUpload, uploadLayerPart } from './layers';
import { batchDeleteImage, describeImages, putImage } from './images';
import { deleteRepositoryPolicy, getRepositoryPolicy, repositoryPolicy, setRepositoryPolicy } from './policies';
import { createRepository, deleteRepository, describeRepositories } from './repositories';
import { asInput, optionalString, requiredString } from './input';
import { ImageNotFoundException, RepositoryNotFoundException } from './errors';
import type { EcrRegistryState, RepositoryState } from './state';
import { bytesToBase64 } from '../base64';

export const PUBLIC_REGION = 'us-east-1';
export const PUBLIC_HOST = 'public.ecr.aws';

/** The default alias ECR Public gives a registry: random-looking, here derived from the account. */
export function defaultAlias(accountId: string): string {
	const hex = toHex(sha256(`ecr-public-alias/${accountId}`));
	const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
	let alias = '';
	for (let i = 0; i < 8; i++) alias += letters[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % letters.length];
	return /^[a-z]/.test(alias) ? alias : `p${alias.slice(1)}`;
}

export const publicRepositoryArn = (accountId: string, name: string) => `arn:aws:ecr-public::${accountId}:repository/${name}`;
const publicUri = (accountId: string, name: string) => `${PUBLIC_HOST}/${defaultAlias(accountId)}/${name}`;

const publicRepository = (accountId: string, r: RepositoryState): Repository => ({
	repositoryArn: publicRepositoryArn(accountId, r.repositoryName),
	registryId: accountId,
	repositoryName: r.repositoryName,
	repositoryUri: publicUri(accountId, r.repositoryName),
	createdAt: new Date(r.createdAt)
});

/** ecr-public operations over the account's public registry, by API name. */
export const publicOperations = {
	CreateRepository: (ctx: EcrContext, raw: unknown): CreateRepositoryResponse => {
		const input = asInput(raw);
		createRepository(ctx, { repositoryName: input.repositoryName, ...(input.tags !== undefined ? { tags: input.tags } : {}) });
		const registry = targetRegistry(ctx, undefined);
		return { repository: publicRepository(registry.accountId, findRepository(registry, requiredString(input, 'repositoryName'))) };
	},
	DescribeRepositories: (ctx: EcrContext, raw: unknown): DescribeRepositoriesResponse => {
		const out = describeRepositories(ctx, raw);
		const registry = targetRegistry(ctx, optionalString(asInput(raw), 'registryId'));
		return {
			repositories: (out.repositories ?? []).map((r) => publicRepository(registry.accountId, findRepository(registry, r.repositoryName as string))),
			...(out.nextToken ? { nextToken: out.nextToken } : {})
		};
	},
	DeleteRepository: (ctx: EcrContext, raw: unknown): DeleteRepositoryResponse => {
		const registry = targetRegistry(ctx, optionalString(asInput(raw), 'registryId'));
		const repo = findRepository(registry, requiredString(asInput(raw), 'repositoryName'));
		const shape = publicRepository(registry.accountId, repo);
		deleteRepository(ctx, raw);
		return { repository: shape };
	},
	DescribeRegistries: (ctx: EcrContext, raw: unknown): DescribeRegistriesResponse => {
		asInput(raw);
		const id = ctx.caller.accountId;
		const alias = defaultAlias(id);
		return {
			registries: [
				{
					registryId: id,
					registryArn: `arn:aws:ecr-public::${id}:registry/${id}`,
					registryUri: `${PUBLIC_HOST}/${alias}`,
					verified: false,
					aliases: [{ name: alias, status: 'ACTIVE', primaryRegistryAlias: true, defaultRegistryAlias: true }]
				}
			]
		};
	},
	GetAuthorizationToken: (ctx: EcrContext, raw: unknown): GetAuthorizationTokenResponse => {
		asInput(raw);
		const now = ctx.clock.nowMs();
		const password = bytesToBase64(sha256(`public|${ctx.caller.arn}|${now}`));
		return { authorizationData: { authorizationToken: btoa(`AWS:${password}`), expiresAt: new Date(now + 12 * 3600 * 1000) } };
	},
	BatchCheckLayerAvailability: batchCheckLayerAvailability,
	InitiateLayerUpload: initiateLayerUpload,
	UploadLayerPart: uploadLayerPart,
	CompleteLayerUpload: completeLayerUpload,
	PutImage: putImage,
	BatchDeleteImage: batchDeleteImage,
	DescribeImages: (ctx: EcrContext, raw: unknown): DescribeImagesResponse => {
		const out = describeImages(ctx, raw);
		return {
			imageDetails: (out.imageDetails ?? []).map((d) => ({
				registryId: d.registryId,
				repositoryName: d.repositoryName,
				imageDigest: d.imageDigest,
				...(d.imageTags ? { imageTags: d.imageTags } : {}),
				imageSizeInBytes: d.imageSizeInBytes,
				imagePushedAt: d.imagePushedAt,
				imageManifestMediaType: d.imageManifestMediaType,
				...(d.artifactMediaType ? { artifactMediaType: d.artifactMediaType } : {})
			})),
			...(out.nextToken ? { nextToken: out.nextToken } : {})
		};
	},
	DescribeImageTags: (ctx: EcrContext, raw: unknown): DescribeImageTagsResponse => {
		const input = asInput(raw);
		const repo = findRepository(targetRegistry(ctx, optionalString(input, 'registryId')), requiredString(input, 'repositoryName'));
		return {
			imageTagDetails: repo.images.flatMap((i) =>
				i.imageTags.map((t) => ({ imageTag: t, createdAt: new Date(i.imagePushedAt), imageDetail: { imageDigest: i.imageDigest, imageSizeInBytes: i.imageSizeInBytes, imagePushedAt: new Date(i.imagePushedAt), imageManifestMediaType: i.imageManifestMediaType } }))
			)
		};
	},
	SetRepositoryPolicy: setRepositoryPolicy,
	GetRepositoryPolicy: getRepositoryPolicy,
	DeleteRepositoryPolicy: deleteRepositoryPolicy
} satisfies Record<string, (ctx: EcrContext, input: unknown) => unknown>;

export type PublicOperationName = keyof typeof publicOperations;
export const isPublicOperation = (n: string): n is PublicOperationName => Object.prototype.hasOwnProperty.call(publicOperations, n);

/** IAM for ecr-public: actions are `ecr-public:<Operation>`; logging in also needs sts:GetServiceBearerToken. */
export function publicAccessRequests(ctx: EcrContext, operation: string, raw: unknown): AccessRequest[] {
	const own = ctx.caller.accountId;
	if (operation === 'GetAuthorizationToken') {
		return [
			{ action: 'ecr-public:GetAuthorizationToken', resource: '*', resourceAccount: own, context: {} },
			{ action: 'sts:GetServiceBearerToken', resource: '*', resourceAccount: own, context: { 'sts:AWSServiceName': 'ecr-public.amazonaws.com' } }
		];
	}
	if (operation === 'DescribeRegistries') return [{ action: 'ecr-public:DescribeRegistries', resource: '*', resourceAccount: own, context: {} }];
	const input = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
	const registryId = typeof input.registryId === 'string' ? input.registryId : own;
	const names = operation === 'DescribeRepositories' ? (Array.isArray(input.repositoryNames) && input.repositoryNames.length ? input.repositoryNames : ['*']) : [input.repositoryName];
	return names
		.filter((n): n is string => typeof n === 'string')
		.map((name) => {
			const repo = ctx.registry(registryId)?.repositories.find((r) => r.repositoryName === name);
			let resourcePolicy: AccessRequest['resourcePolicy'];
			try {
				if (repo?.policyText !== undefined) resourcePolicy = { name: `${name} repository policy`, policy: repositoryPolicy(repo.policyText) };
			} catch {
				// Stored policies parsed when set.
			}
			return { action: `ecr-public:${operation}`, resource: publicRepositoryArn(registryId, name), resourceAccount: registryId, ...(resourcePolicy ? { resourcePolicy } : {}), context: {} };
		});
}

export interface PublicPull {
	imageDigest: string;
	imageManifest: string;
	imageManifestMediaType: string;
	layerDigests: string[];
}

/**
 * An anonymous `docker pull public.ecr.aws/<alias>/<repository>:<tag|@digest>`: no credentials,
 * no IAM. Throws the engine's not-found errors, which the terminal turns into Docker's messages.
 */
export function pullPublicImage(registries: EcrRegistryState[], reference: string): PublicPull {
	const m = /^(?:public\.ecr\.aws\/)?([a-z0-9][a-z0-9_-]*)\/([^:@]+)(?::([\w][\w.-]{0,127})|@(sha256:[a-f0-9]{64}))?$/.exec(reference);
	if (!m) throw new AwsError('InvalidParameterException', `invalid reference format: ${reference}`);
	const [, alias, name, tag = m[4] ? undefined : 'latest', digest] = m;
	const registry = registries.find((r) => defaultAlias(r.accountId) === alias);
	const repo = registry?.repositories.find((r) => r.repositoryName === name);
	if (!registry || !repo) throw new RepositoryNotFoundException(name as string, registry?.accountId ?? alias as string);
	const image = repo.images.find((i) => (digest ? i.imageDigest === digest : i.imageTags.includes(tag as string)));
	if (!image) throw new ImageNotFoundException({ ...(digest ? { imageDigest: digest } : {}), ...(tag ? { imageTag: tag } : {}) }, repo.repositoryName, registry.accountId);
	const manifest = JSON.parse(image.imageManifest) as { config?: { digest: string }; layers?: { digest: string }[] };
	return {
		imageDigest: image.imageDigest,
		imageManifest: image.imageManifest,
		imageManifestMediaType: image.imageManifestMediaType,
		layerDigests: [manifest.config?.digest, ...(manifest.layers ?? []).map((l) => l.digest)].filter((d): d is string => typeof d === 'string')
	};
}
