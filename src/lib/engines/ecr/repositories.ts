// Repository lifecycle: create, describe, delete, tag mutability, resource tags.
import type {
	CreateRepositoryResponse,
	DeleteRepositoryResponse,
	DescribeRepositoriesResponse,
	ImageTagMutability,
	ListTagsForResourceResponse,
	PutImageTagMutabilityResponse,
	Repository,
	TagResourceResponse,
	UntagResourceResponse
} from '@aws-sdk/client-ecr';
import { findRepository, targetRegistry, type EcrContext } from './context';
import {
	InvalidParameterException,
	InvalidTagParameterException,
	RepositoryAlreadyExistsException,
	RepositoryNotEmptyException,
	RepositoryNotFoundException,
	TooManyTagsException
} from './errors';
import { asInput, decodeToken, encodeToken, optionalBoolean, optionalEnum, optionalInteger, optionalList, optionalObject, optionalString, requiredString, type Input } from './input';
import { assertRepositoryName, parseRepositoryArn, repositoryArn, repositoryUri } from './names';
import type { ExclusionFilterState, RepositoryState, TagState } from './state';

const MUTABILITY = ['MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION'] as const;
const ENCRYPTION = ['AES256', 'KMS', 'KMS_DSSE'] as const;
const MAX_TAGS = 50;

export function describeRepository(accountId: string, region: string, r: RepositoryState): Repository {
	return {
		repositoryArn: repositoryArn(accountId, region, r.repositoryName),
		registryId: accountId,
		repositoryName: r.repositoryName,
		repositoryUri: repositoryUri(accountId, region, r.repositoryName),
		createdAt: new Date(r.createdAt),
		imageTagMutability: r.imageTagMutability,
		...(r.imageTagMutabilityExclusionFilters.length ? { imageTagMutabilityExclusionFilters: r.imageTagMutabilityExclusionFilters.map((f) => ({ ...f })) } : {}),
		imageScanningConfiguration: { scanOnPush: r.scanOnPush },
		encryptionConfiguration: { encryptionType: r.encryptionType, ...(r.kmsKey ? { kmsKey: r.kmsKey } : {}) }
	};
}

function readTags(list: unknown[] | undefined, param = 'tags'): TagState[] {
	if (!list) return [];
	const tags = list.map((t, i) => {
		const tag = asInput(t);
		const Key = optionalString(tag, 'Key', `${param}.${i + 1}.member.Key`);
		const Value = optionalString(tag, 'Value', `${param}.${i + 1}.member.Value`);
		if (Key === undefined || Key.length < 1 || Key.length > 128) throw new InvalidTagParameterException('Tag keys must be between 1 and 128 characters long.');
		if (Value === undefined || Value.length > 256) throw new InvalidTagParameterException('Tag values must be between 0 and 256 characters long.');
		if (Key.toLowerCase().startsWith('aws:')) throw new InvalidTagParameterException('Tag keys beginning with aws: are reserved for AWS use.');
		return { Key, Value };
	});
	return tags;
}

function mergeTags(existing: TagState[], added: TagState[]): TagState[] {
	const merged = existing.map((t) => ({ ...t }));
	for (const t of added) {
		const same = merged.find((m) => m.Key === t.Key);
		if (same) same.Value = t.Value;
		else merged.push({ ...t });
	}
	if (merged.length > MAX_TAGS) throw new TooManyTagsException(`A repository can have at most ${MAX_TAGS} tags.`);
	return merged;
}

function readExclusionFilters(input: Input, mutability: ImageTagMutability): ExclusionFilterState[] {
	const list = optionalList(input, 'imageTagMutabilityExclusionFilters', 1, 5);
	const withExclusion = mutability.endsWith('_WITH_EXCLUSION');
	if (withExclusion && !list) {
		throw InvalidParameterException.at('imageTagMutabilityExclusionFilters', `must be provided when imageTagMutability is ${mutability}`);
	}
	if (!withExclusion && list) {
		throw InvalidParameterException.at('imageTagMutabilityExclusionFilters', `can only be provided when imageTagMutability is IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION`);
	}
	return (list ?? []).map((f, i) => {
		const filter = asInput(f);
		const param = `imageTagMutabilityExclusionFilters.${i + 1}.member`;
		optionalEnum(filter, 'filterType', ['WILDCARD'] as const, `${param}.filterType`);
		if (filter.filterType === undefined) throw InvalidParameterException.at(`${param}.filterType`, 'must not be null');
		const text = requiredString(filter, 'filter', `${param}.filter`);
		if (!/^[0-9a-zA-Z._*-]{1,128}$/.test(text)) throw InvalidParameterException.at(`${param}.filter`, "must satisfy regular expression '^[0-9a-zA-Z._*-]{1,128}'");
		return { filterType: 'WILDCARD' as const, filter: text };
	});
}

/** The AWS managed key ECR uses for KMS encryption without a key of your own (alias aws/ecr). */
function awsManagedEcrKey(accountId: string, region: string) {
	return `arn:aws:kms:${region}:${accountId}:alias/aws/ecr`;
}

export function createRepository(ctx: EcrContext, raw: unknown): CreateRepositoryResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const name = input.repositoryName;
	assertRepositoryName(name);
	const tags = readTags(optionalList(input, 'tags', 0, 200));
	if (tags.length > MAX_TAGS) throw new TooManyTagsException(`A repository can have at most ${MAX_TAGS} tags.`);
	const mutability = optionalEnum(input, 'imageTagMutability', MUTABILITY) ?? 'MUTABLE';
	const filters = readExclusionFilters(input, mutability);
	const scanning = optionalObject(input, 'imageScanningConfiguration');
	const scanOnPush = (scanning && optionalBoolean(scanning, 'scanOnPush', 'imageScanningConfiguration.scanOnPush')) ?? false;
	const encryption = optionalObject(input, 'encryptionConfiguration');
	const encryptionType = (encryption && optionalEnum(encryption, 'encryptionType', ENCRYPTION, 'encryptionConfiguration.encryptionType')) ?? 'AES256';
	const kmsKeyInput = encryption ? optionalString(encryption, 'kmsKey', 'encryptionConfiguration.kmsKey') : undefined;
	if (encryption && encryption.encryptionType === undefined) throw InvalidParameterException.at('encryptionConfiguration.encryptionType', 'must not be null');
	if (encryptionType === 'AES256' && kmsKeyInput !== undefined) {
		throw InvalidParameterException.at('encryptionConfiguration.kmsKey', 'can only be specified when encryptionType is KMS or KMS_DSSE');
	}
	if (encryptionType === 'KMS_DSSE') {
		throw new InvalidParameterException(`Dual-layer KMS encryption (KMS_DSSE) is only available in the AWS GovCloud (US) Regions, not in ${ctx.region}.`);
	}
	if (registry.repositories.some((r) => r.repositoryName === name)) throw new RepositoryAlreadyExistsException(name, registry.accountId);

	const repo: RepositoryState = {
		repositoryName: name,
		createdAt: ctx.clock.now().toISOString(),
		imageTagMutability: mutability,
		imageTagMutabilityExclusionFilters: filters,
		scanOnPush,
		encryptionType,
		...(encryptionType === 'KMS' ? { kmsKey: kmsKeyInput ?? awsManagedEcrKey(registry.accountId, registry.region) } : {}),
		tags,
		images: [],
		layers: [],
		uploads: []
	};
	registry.repositories.push(repo);
	return { repository: describeRepository(registry.accountId, registry.region, repo) };
}

export function describeRepositories(ctx: EcrContext, raw: unknown): DescribeRepositoriesResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const names = optionalList(input, 'repositoryNames', 1, 100);
	const maxResults = optionalInteger(input, 'maxResults', 1, 1000);
	const nextToken = optionalString(input, 'nextToken');
	if (names && (maxResults !== undefined || nextToken !== undefined)) {
		throw new InvalidParameterException('maxResults and nextToken cannot be used together with repositoryNames');
	}
	if (names) {
		const repositories = names.map((n, i) => {
			if (typeof n !== 'string') throw InvalidParameterException.at(`repositoryNames.${i + 1}.member`, 'must be a string');
			return describeRepository(registry.accountId, registry.region, findRepository(registry, n));
		});
		return { repositories };
	}
	const start = decodeToken(nextToken);
	const size = maxResults ?? 100;
	const page = registry.repositories.slice(start, start + size);
	const more = start + size < registry.repositories.length;
	return {
		repositories: page.map((r) => describeRepository(registry.accountId, registry.region, r)),
		...(more ? { nextToken: encodeToken(start + size) } : {})
	};
}

export function deleteRepository(ctx: EcrContext, raw: unknown): DeleteRepositoryResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const name = requiredString(input, 'repositoryName');
	const force = optionalBoolean(input, 'force') ?? false;
	const repo = findRepository(registry, name);
	if (repo.images.length > 0 && !force) throw new RepositoryNotEmptyException(name, registry.accountId);
	const response = { repository: describeRepository(registry.accountId, registry.region, repo) };
	registry.repositories = registry.repositories.filter((r) => r !== repo);
	return response;
}

export function putImageTagMutability(ctx: EcrContext, raw: unknown): PutImageTagMutabilityResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const mutability = optionalEnum(input, 'imageTagMutability', MUTABILITY);
	if (!mutability) throw InvalidParameterException.at('imageTagMutability', 'must not be null');
	const filters = readExclusionFilters(input, mutability);
	repo.imageTagMutability = mutability;
	repo.imageTagMutabilityExclusionFilters = filters;
	return {
		registryId: registry.accountId,
		repositoryName: repo.repositoryName,
		imageTagMutability: mutability,
		...(filters.length ? { imageTagMutabilityExclusionFilters: filters.map((f) => ({ ...f })) } : {})
	};
}

function repositoryForArn(ctx: EcrContext, input: Input): RepositoryState {
	const arn = requiredString(input, 'resourceArn');
	const parsed = parseRepositoryArn(arn);
	if (!parsed || parsed.region !== ctx.region) throw new InvalidParameterException(`Invalid parameter at 'resourceArn' failed to satisfy constraint: 'Invalid ARN'`);
	const registry = ctx.registry(parsed.accountId);
	if (!registry) throw new RepositoryNotFoundException(parsed.repositoryName, parsed.accountId);
	return findRepository(registry, parsed.repositoryName);
}

export function tagResource(ctx: EcrContext, raw: unknown): TagResourceResponse {
	const input = asInput(raw);
	const repo = repositoryForArn(ctx, input);
	const tags = readTags(optionalList(input, 'tags', 0, 200));
	repo.tags = mergeTags(repo.tags, tags);
	return {};
}

export function untagResource(ctx: EcrContext, raw: unknown): UntagResourceResponse {
	const input = asInput(raw);
	const repo = repositoryForArn(ctx, input);
	const keys = optionalList(input, 'tagKeys', 0, 200) ?? [];
	const remove = new Set(keys.map((k, i) => {
		if (typeof k !== 'string') throw InvalidParameterException.at(`tagKeys.${i + 1}.member`, 'must be a string');
		return k;
	}));
	repo.tags = repo.tags.filter((t) => !remove.has(t.Key));
	return {};
}

export function listTagsForResource(ctx: EcrContext, raw: unknown): ListTagsForResourceResponse {
	const repo = repositoryForArn(ctx, asInput(raw));
	return { tags: repo.tags.map((t) => ({ ...t })) };
}
