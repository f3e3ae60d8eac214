// AWS::ECR::PublicRepository over the ECR Public engine (us-east-1, the service's home Region):
// CreateRepository with tags, SetRepositoryPolicy when given; Ref = the name, GetAtt Arn =
// arn:aws:ecr-public::<account>:repository/<name> (no Region).
// The ECR Public engine has no PutRepositoryCatalogData/GetRepositoryCatalogData and no
// TagResource/UntagResource/ListTagsForResource yet, so RepositoryCatalogData and later tag
// changes are kept in a shadow record (shadow.ts) and read() reports them from there.
// Delete does not force: a repository that still holds images fails to delete, as a private
// one does (AWS's handler behaviour here is not confirmed).
import { AwsError } from '../../errors';
import { generatedName } from './names';
import { alreadyExists, attempt, toProviderError, unless, type ServiceStyle } from './provider-errors';
import { bag, looseBag, obj, policyForRead, policyText, str, tags, type Tag } from './props';
import { dropShadow, readShadow, writeShadow } from './shadow';
import type { ProviderContext, ProvisionedResource, ResolvedProperties, ResourceProvider } from './provider';

const TYPE = 'AWS::ECR::PublicRepository';
const STYLE: ServiceStyle = { service: 'EcrPublic', codes: { RepositoryNotFoundException: 'NotFound' } };

function spec(properties: ResolvedProperties) {
	const b = bag(properties);
	return {
		name: str(b, 'RepositoryName') || undefined,
		policyText: policyText(b, 'RepositoryPolicyText'),
		catalog: obj(b, 'RepositoryCatalogData'),
		tags: tags(b)
	};
}

const arnOf = (ctx: ProviderContext, name: string) => `arn:aws:ecr-public::${ctx.accountId}:repository/${name}`;
const provisioned = (ctx: ProviderContext, name: string): ProvisionedResource => ({ physicalId: name, attributes: { Arn: arnOf(ctx, name) } });

function remember(ctx: ProviderContext, name: string, catalog: Record<string, unknown> | undefined, tagList: Tag[]) {
	writeShadow(ctx, ctx.store, TYPE, name, { ...(catalog ? { RepositoryCatalogData: catalog } : {}), Tags: tagList });
}

export const ecrPublicRepositoryProvider: ResourceProvider = {
	type: TYPE,
	durations: { create: 2000, update: 2000, delete: 2000 },
	create(ctx, properties) {
		const s = spec(properties);
		// ECR Public names: 2-205 characters, lower case.
		const name = s.name ?? generatedName(ctx, { maxLength: 205, lowercase: true });
		try {
			ctx.ecrPublic.call('CreateRepository', { repositoryName: name, ...(s.tags.length ? { tags: s.tags } : {}) });
		} catch (e) {
			if (e instanceof AwsError && e.code === 'RepositoryAlreadyExistsException') throw alreadyExists(TYPE, name);
			throw toProviderError(ctx, e, STYLE);
		}
		if (s.policyText !== undefined) {
			const policy = s.policyText;
			attempt(ctx, STYLE, () => ctx.ecrPublic.call('SetRepositoryPolicy', { repositoryName: name, policyText: policy }), name);
		}
		remember(ctx, name, s.catalog, s.tags);
		return provisioned(ctx, name);
	},
	update(ctx, physicalId, _previous, next) {
		const s = spec(next);
		attempt(ctx, STYLE, () => {
			if (s.policyText !== undefined) ctx.ecrPublic.call('SetRepositoryPolicy', { repositoryName: physicalId, policyText: s.policyText });
			else unless(['RepositoryPolicyNotFoundException'], () => ctx.ecrPublic.call('DeleteRepositoryPolicy', { repositoryName: physicalId }), undefined);
		});
		remember(ctx, physicalId, s.catalog, s.tags);
		return provisioned(ctx, physicalId);
	},
	delete(ctx, physicalId) {
		attempt(ctx, STYLE, () => unless(['RepositoryNotFoundException'], () => ctx.ecrPublic.call('DeleteRepository', { repositoryName: physicalId }), undefined));
		dropShadow(ctx.store, TYPE, physicalId);
	},
	read(ctx, physicalId, expected) {
		return attempt(ctx, STYLE, () => {
			const repo = unless(['RepositoryNotFoundException'], () => ctx.ecrPublic.call('DescribeRepositories', { repositoryNames: [physicalId] }).repositories?.[0], undefined);
			if (!repo) return undefined;
			const policy = unless(['RepositoryPolicyNotFoundException'], () => ctx.ecrPublic.call('GetRepositoryPolicy', { repositoryName: physicalId }).policyText, undefined);
			const shadow = readShadow(ctx.store, TYPE, physicalId) ?? {};
			const liveTags = Array.isArray(shadow.Tags) ? shadow.Tags : [];
			return {
				RepositoryName: repo.repositoryName,
				...(policy !== undefined ? { RepositoryPolicyText: policyForRead(policy, looseBag(expected).RepositoryPolicyText) } : {}),
				...(shadow.RepositoryCatalogData !== undefined ? { RepositoryCatalogData: shadow.RepositoryCatalogData } : {}),
				...(liveTags.length ? { Tags: liveTags } : {})
			};
		});
	}
};
