// AWS::ECR::Repository over the ECR engine, call for call as AWS's handler makes them
// (aws-cloudformation-resource-providers-ecr, aws-ecr-repository): so the stack's principal
// needs the same ecr: permissions, and a change made through ECR afterwards is drift.
//   create  CreateRepository (+ PutLifecyclePolicy, SetRepositoryPolicy when given)
//   update  Set/DeleteRepositoryPolicy, Put/DeleteLifecyclePolicy, PutImageTagMutability and
//           PutImageScanningConfiguration when given, then Tag/UntagResource for the difference
//   delete  DeleteRepository, force only with EmptyOnDelete: true
//   read    DescribeRepositories, GetRepositoryPolicy, GetLifecyclePolicy, ListTagsForResource
// Failure codes follow that handler: RepositoryAlreadyExists -> AlreadyExists, RepositoryNotFound
// on update -> NotFound, everything else (AccessDenied included: ECR answers 400, which the
// plugin does not map) -> GeneralServiceException with the SDK's message.
import type { Repository } from '@aws-sdk/client-ecr';
import { AwsError } from '../../errors';
import { generatedName } from './names';
import { alreadyExists, attempt, modelValidationFailed, toProviderError, unless, type ServiceStyle } from './provider-errors';
import { bag, bags, bool, isBag, looseBag, obj, policyForRead, policyText, str, tagChanges, tags, type Tag } from './props';
import type { ProviderContext, ProvisionedResource, ResolvedProperties, ResourceProvider } from './provider';

const TYPE = 'AWS::ECR::Repository';
const ECR: ServiceStyle = { service: 'Ecr' };
const ON_UPDATE: ServiceStyle = { service: 'Ecr', codes: { RepositoryNotFoundException: 'NotFound' } };

interface RepositorySpec {
	name: string | undefined;
	tags: Tag[];
	mutability: string | undefined;
	exclusionFilters: { filterType: string; filter: string }[] | undefined;
	scanOnPush: boolean | undefined;
	encryption: { encryptionType: string; kmsKey?: string } | undefined;
	lifecycle: { lifecyclePolicyText: string; registryId?: string } | undefined;
	policyText: string | undefined;
	emptyOnDelete: boolean;
}

function spec(properties: ResolvedProperties): RepositorySpec {
	const b = bag(properties);
	const scanning = obj(b, 'ImageScanningConfiguration');
	const encryption = obj(b, 'EncryptionConfiguration');
	const lifecycle = obj(b, 'LifecyclePolicy');
	const filters = b.ImageTagMutabilityExclusionFilters === undefined ? undefined : bags(b, 'ImageTagMutabilityExclusionFilters');
	const encryptionType = encryption && str(encryption, 'EncryptionType', 'EncryptionConfiguration/EncryptionType');
	if (encryption && encryptionType === undefined) throw modelValidationFailed('#/EncryptionConfiguration: required key [EncryptionType] not found');
	const kmsKey = encryption && str(encryption, 'KmsKey', 'EncryptionConfiguration/KmsKey');
	const lifecycleText = lifecycle && str(lifecycle, 'LifecyclePolicyText', 'LifecyclePolicy/LifecyclePolicyText');
	const registryId = lifecycle && str(lifecycle, 'RegistryId', 'LifecyclePolicy/RegistryId');
	return {
		name: str(b, 'RepositoryName') || undefined,
		tags: tags(b),
		mutability: str(b, 'ImageTagMutability'),
		exclusionFilters: filters?.map((f, i) => ({
			filterType: str(f, 'ImageTagMutabilityExclusionFilterType', `ImageTagMutabilityExclusionFilters/${i}/ImageTagMutabilityExclusionFilterType`) ?? '',
			filter: str(f, 'ImageTagMutabilityExclusionFilterValue', `ImageTagMutabilityExclusionFilters/${i}/ImageTagMutabilityExclusionFilterValue`) ?? ''
		})),
		scanOnPush: scanning && bool(scanning, 'ScanOnPush', 'ImageScanningConfiguration/ScanOnPush'),
		encryption: encryptionType === undefined ? undefined : { encryptionType, ...(kmsKey !== undefined ? { kmsKey } : {}) },
		lifecycle: lifecycleText === undefined ? undefined : { lifecyclePolicyText: lifecycleText, ...(registryId !== undefined ? { registryId } : {}) },
		policyText: policyText(b, 'RepositoryPolicyText'),
		emptyOnDelete: bool(b, 'EmptyOnDelete') ?? false
	};
}

const attributes = (ctx: ProviderContext, repo: Repository | undefined, name: string): Record<string, unknown> => ({
	Arn: repo?.repositoryArn ?? `arn:aws:ecr:${ctx.region}:${ctx.accountId}:repository/${name}`,
	RepositoryUri: repo?.repositoryUri ?? `${ctx.accountId}.dkr.ecr.${ctx.region}.amazonaws.com/${name}`
});

function mutabilityInput(s: RepositorySpec) {
	return {
		...(s.mutability !== undefined ? { imageTagMutability: s.mutability } : {}),
		...(s.exclusionFilters ? { imageTagMutabilityExclusionFilters: s.exclusionFilters } : {})
	};
}

function create(ctx: ProviderContext, properties: ResolvedProperties): ProvisionedResource {
	const s = spec(properties);
	const name = s.name ?? generatedName(ctx, { maxLength: 256, lowercase: true });
	let created: Repository | undefined;
	try {
		created = ctx.ecr.call('CreateRepository', {
			repositoryName: name,
			...(s.tags.length ? { tags: s.tags } : {}),
			...mutabilityInput(s),
			...(s.scanOnPush !== undefined ? { imageScanningConfiguration: { scanOnPush: s.scanOnPush } } : {}),
			...(s.encryption ? { encryptionConfiguration: s.encryption } : {})
		}).repository;
	} catch (e) {
		if (e instanceof AwsError && e.code === 'RepositoryAlreadyExistsException') throw alreadyExists(TYPE, name);
		throw toProviderError(ctx, e, ECR);
	}
	// From here the repository exists: a failure still names it, so rollback deletes it.
	if (s.lifecycle) {
		const lifecycle = s.lifecycle;
		attempt(ctx, ECR, () => ctx.ecr.call('PutLifecyclePolicy', { repositoryName: name, ...lifecycle }), name);
	}
	if (s.policyText !== undefined) {
		const policy = s.policyText;
		attempt(ctx, ECR, () => ctx.ecr.call('SetRepositoryPolicy', { repositoryName: name, policyText: policy }), name);
	}
	return { physicalId: name, attributes: attributes(ctx, created, name) };
}

function update(ctx: ProviderContext, physicalId: string, _previous: ResolvedProperties, next: ResolvedProperties): ProvisionedResource {
	const s = spec(next);
	const repositoryName = physicalId;
	return attempt(ctx, ON_UPDATE, () => {
		if (s.policyText !== undefined) {
			ctx.ecr.call('SetRepositoryPolicy', { repositoryName, policyText: s.policyText });
		} else {
			// AWS reads first so a principal without ecr:DeleteRepositoryPolicy can still update
			// a repository that has no policy.
			const had = unless(['RepositoryPolicyNotFoundException'], () => (ctx.ecr.call('GetRepositoryPolicy', { repositoryName }), true), false);
			if (had) ctx.ecr.call('DeleteRepositoryPolicy', { repositoryName });
		}
		if (s.lifecycle) {
			ctx.ecr.call('PutLifecyclePolicy', { repositoryName, ...s.lifecycle });
		} else {
			const had = unless(['LifecyclePolicyNotFoundException'], () => (ctx.ecr.call('GetLifecyclePolicy', { repositoryName }), true), false);
			if (had) ctx.ecr.call('DeleteLifecyclePolicy', { repositoryName });
		}
		// Like AWS's handler, a property left out of the template keeps its current value
		// (removing ImageTagMutability does not reset it to MUTABLE).
		if (s.mutability !== undefined) ctx.ecr.call('PutImageTagMutability', { repositoryName, ...mutabilityInput(s) });
		if (s.scanOnPush !== undefined) ctx.ecr.call('PutImageScanningConfiguration', { repositoryName, imageScanningConfiguration: { scanOnPush: s.scanOnPush } });
		const repo = ctx.ecr.call('DescribeRepositories', { repositoryNames: [repositoryName] }).repositories?.[0];
		const arn = repo?.repositoryArn ?? '';
		const live = (ctx.ecr.call('ListTagsForResource', { resourceArn: arn }).tags ?? []).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
		const { remove, add } = tagChanges(live, s.tags);
		if (remove.length) ctx.ecr.call('UntagResource', { resourceArn: arn, tagKeys: remove });
		if (add.length) ctx.ecr.call('TagResource', { resourceArn: arn, tags: add });
		return { physicalId, attributes: attributes(ctx, repo, physicalId) };
	});
}

function remove(ctx: ProviderContext, physicalId: string, properties: ResolvedProperties): void {
	// EmptyOnDelete is write-only: the template's value decides, nothing is stored.
	const flag = looseBag(properties).EmptyOnDelete;
	const force = flag === true || flag === 'true';
	attempt(ctx, ECR, () => unless(['RepositoryNotFoundException'], () => ctx.ecr.call('DeleteRepository', { repositoryName: physicalId, force }), undefined));
}

function read(ctx: ProviderContext, physicalId: string, expected: ResolvedProperties): ResolvedProperties | undefined {
	const repositoryName = physicalId;
	const want = looseBag(expected);
	return attempt(ctx, ECR, () => {
		const repo = unless(['RepositoryNotFoundException'], () => ctx.ecr.call('DescribeRepositories', { repositoryNames: [repositoryName] }).repositories?.[0], undefined);
		if (!repo) return undefined;
		const policy = unless(['RepositoryPolicyNotFoundException'], () => ctx.ecr.call('GetRepositoryPolicy', { repositoryName }).policyText, undefined);
		const lifecycle = unless(['LifecyclePolicyNotFoundException'], () => ctx.ecr.call('GetLifecyclePolicy', { repositoryName }), undefined);
		const liveTags = ctx.ecr.call('ListTagsForResource', { resourceArn: repo.repositoryArn }).tags ?? [];
		const wantEncryption = isBag(want.EncryptionConfiguration) ? want.EncryptionConfiguration : {};
		const filters = repo.imageTagMutabilityExclusionFilters ?? [];
		return {
			RepositoryName: repo.repositoryName,
			ImageTagMutability: repo.imageTagMutability,
			...(filters.length
				? { ImageTagMutabilityExclusionFilters: filters.map((f) => ({ ImageTagMutabilityExclusionFilterType: f.filterType, ImageTagMutabilityExclusionFilterValue: f.filter })) }
				: {}),
			ImageScanningConfiguration: { ScanOnPush: repo.imageScanningConfiguration?.scanOnPush ?? false },
			EncryptionConfiguration: {
				EncryptionType: repo.encryptionConfiguration?.encryptionType,
				// The key AWS picks for KMS without one (aws/ecr) is a default, not drift.
				...(repo.encryptionConfiguration?.kmsKey && 'KmsKey' in wantEncryption ? { KmsKey: repo.encryptionConfiguration.kmsKey } : {})
			},
			...(lifecycle?.lifecyclePolicyText !== undefined
				? {
						LifecyclePolicy: {
							LifecyclePolicyText: lifecycle.lifecyclePolicyText,
							// The registry id is the account's unless the template names it: a default, not drift.
							...(isBag(want.LifecyclePolicy) && 'RegistryId' in want.LifecyclePolicy ? { RegistryId: lifecycle.registryId } : {})
						}
					}
				: {}),
			...(policy !== undefined ? { RepositoryPolicyText: policyForRead(policy, want.RepositoryPolicyText) } : {}),
			...(liveTags.length ? { Tags: liveTags.map((t) => ({ Key: t.Key, Value: t.Value })) } : {})
		};
	});
}

export const ecrRepositoryProvider: ResourceProvider = {
	type: TYPE,
	// CreateRepository answers at once; the handler's round trips take a couple of seconds.
	durations: { create: 2000, update: 2000, delete: 2000 },
	create,
	update,
	delete: remove,
	read
};
