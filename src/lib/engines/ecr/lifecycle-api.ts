// Lifecycle policy operations, the preview, and the daily run that applies a policy.
import type {
	DeleteLifecyclePolicyResponse,
	GetLifecyclePolicyPreviewResponse,
	GetLifecyclePolicyResponse,
	PutLifecyclePolicyResponse,
	StartLifecyclePolicyPreviewResponse
} from '@aws-sdk/client-ecr';
import { findRepository, targetRegistry, type EcrContext } from './context';
import { InvalidParameterException, LifecyclePolicyNotFoundException, LifecyclePolicyPreviewNotFoundException } from './errors';
import { asInput, decodeToken, encodeToken, optionalEnum, optionalInteger, optionalList, optionalObject, optionalString, requiredString } from './input';
import { evaluateLifecyclePolicy, parseLifecyclePolicy, type LifecycleDecision, type LifecycleImage } from './lifecycle';
import type { LifecyclePreviewState, RepositoryState } from './state';

function lifecycleImages(repo: RepositoryState): LifecycleImage[] {
	const children = new Set(repo.images.flatMap((i) => i.childDigests));
	return repo.images.map((i) => ({
		imageDigest: i.imageDigest,
		imageTags: [...i.imageTags],
		imagePushedAt: new Date(i.imagePushedAt),
		...(i.lastRecordedPullTime ? { lastRecordedPullTime: new Date(i.lastRecordedPullTime) } : {}),
		...(i.lastArchivedAt ? { lastArchivedAt: new Date(i.lastArchivedAt) } : {}),
		storageClass: i.storageClass ?? 'STANDARD',
		referencedByManifestList: children.has(i.imageDigest)
	}));
}

const toPreview = (d: LifecycleDecision): LifecyclePreviewState['results'][number] => ({
	imageDigest: d.imageDigest,
	imageTags: [...d.imageTags],
	imagePushedAt: d.imagePushedAt.toISOString(),
	storageClass: d.storageClass,
	action: { ...d.action },
	appliedRulePriority: d.appliedRulePriority
});

export function putLifecyclePolicy(ctx: EcrContext, raw: unknown): PutLifecyclePolicyResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const text = requiredString(input, 'lifecyclePolicyText');
	parseLifecyclePolicy(text);
	repo.lifecyclePolicyText = text;
	return { registryId: registry.accountId, repositoryName: repo.repositoryName, lifecyclePolicyText: text };
}

export function getLifecyclePolicy(ctx: EcrContext, raw: unknown): GetLifecyclePolicyResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	if (repo.lifecyclePolicyText === undefined) throw new LifecyclePolicyNotFoundException(repo.repositoryName, registry.accountId);
	return {
		registryId: registry.accountId,
		repositoryName: repo.repositoryName,
		lifecyclePolicyText: repo.lifecyclePolicyText,
		...(repo.lifecyclePolicyEvaluatedAt ? { lastEvaluatedAt: new Date(repo.lifecyclePolicyEvaluatedAt) } : {})
	};
}

export function deleteLifecyclePolicy(ctx: EcrContext, raw: unknown): DeleteLifecyclePolicyResponse {
	const response = getLifecyclePolicy(ctx, raw);
	const input = asInput(raw);
	const repo = findRepository(targetRegistry(ctx, optionalString(input, 'registryId')), requiredString(input, 'repositoryName'));
	delete repo.lifecyclePolicyText;
	delete repo.lifecyclePolicyEvaluatedAt;
	return response;
}

/** How long a preview stays IN_PROGRESS (AWS takes seconds; the exact time is not documented). */
export const PREVIEW_DURATION_MS = 3000;

/** Called when the preview's job finishes: a newer preview may have replaced the one it ran for. */
export function completeLifecyclePreview(repo: RepositoryState, startedAt: string): boolean {
	if (repo.lifecyclePreview?.startedAt !== startedAt || repo.lifecyclePreview.status !== 'IN_PROGRESS') return false;
	repo.lifecyclePreview.status = 'COMPLETE';
	return true;
}

export function startLifecyclePolicyPreview(ctx: EcrContext, raw: unknown): StartLifecyclePolicyPreviewResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const text = optionalString(input, 'lifecyclePolicyText') ?? repo.lifecyclePolicyText;
	if (text === undefined) throw new LifecyclePolicyNotFoundException(repo.repositoryName, registry.accountId);
	const policy = parseLifecyclePolicy(text);
	const now = ctx.clock.now();
	// The preview judges the repository as it is now; like AWS it reports IN_PROGRESS until a
	// later Get, here after PREVIEW_DURATION_MS of virtual time.
	repo.lifecyclePreview = {
		lifecyclePolicyText: text,
		startedAt: now.toISOString(),
		status: 'IN_PROGRESS',
		results: evaluateLifecyclePolicy(policy, lifecycleImages(repo), now).map(toPreview)
	};
	ctx.schedule('lifecyclePreview', { accountId: registry.accountId, region: ctx.region, repositoryName: repo.repositoryName }, PREVIEW_DURATION_MS);
	return { registryId: registry.accountId, repositoryName: repo.repositoryName, lifecyclePolicyText: text, status: 'IN_PROGRESS' };
}

export function getLifecyclePolicyPreview(ctx: EcrContext, raw: unknown): GetLifecyclePolicyPreviewResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const ids = optionalList(input, 'imageIds', 1, 100);
	const maxResults = optionalInteger(input, 'maxResults', 1, 100);
	const nextToken = optionalString(input, 'nextToken');
	if (ids && (maxResults !== undefined || nextToken !== undefined)) throw new InvalidParameterException('maxResults and nextToken cannot be used together with imageIds');
	const filter = optionalObject(input, 'filter');
	const tagStatus = (filter && optionalEnum(filter, 'tagStatus', ['TAGGED', 'UNTAGGED', 'ANY'] as const, 'filter.tagStatus')) ?? 'ANY';
	const preview = repo.lifecyclePreview;
	if (!preview) throw new LifecyclePolicyPreviewNotFoundException(repo.repositoryName, registry.accountId);
	if (preview.status === 'IN_PROGRESS') {
		return { registryId: registry.accountId, repositoryName: repo.repositoryName, lifecyclePolicyText: preview.lifecyclePolicyText, status: 'IN_PROGRESS', previewResults: [] };
	}
	const wanted = ids?.map((id) => asInput(id));
	let results = preview.results.filter((r) => tagStatus === 'ANY' || (tagStatus === 'TAGGED') === r.imageTags.length > 0);
	if (wanted) results = results.filter((r) => wanted.some((w) => w.imageDigest === r.imageDigest || (typeof w.imageTag === 'string' && r.imageTags.includes(w.imageTag))));
	const start = decodeToken(nextToken);
	const size = maxResults ?? 100;
	const page = wanted ? results : results.slice(start, start + size);
	const transitioning = preview.results.filter((r) => r.action.type === 'TRANSITION').length;
	return {
		registryId: registry.accountId,
		repositoryName: repo.repositoryName,
		lifecyclePolicyText: preview.lifecyclePolicyText,
		status: 'COMPLETE',
		previewResults: page.map((r) => ({
			...(r.imageTags.length ? { imageTags: [...r.imageTags] } : {}),
			imageDigest: r.imageDigest,
			imagePushedAt: new Date(r.imagePushedAt),
			action: { ...r.action },
			appliedRulePriority: r.appliedRulePriority,
			storageClass: r.storageClass
		})),
		summary: {
			expiringImageTotalCount: preview.results.filter((r) => r.action.type === 'EXPIRE').length,
			...(transitioning ? { transitioningImageTotalCounts: [{ targetStorageClass: 'ARCHIVE', imageTotalCount: transitioning }] } : {})
		},
		...(!wanted && start + size < results.length ? { nextToken: encodeToken(start + size) } : {})
	};
}

/** The daily lifecycle run for one repository: what the preview would say, done. */
export function applyLifecyclePolicy(repo: RepositoryState, now: Date): LifecycleDecision[] {
	if (repo.lifecyclePolicyText === undefined) return [];
	const decisions = evaluateLifecyclePolicy(parseLifecyclePolicy(repo.lifecyclePolicyText), lifecycleImages(repo), now);
	const expire = new Set(decisions.filter((d) => d.action.type === 'EXPIRE').map((d) => d.imageDigest));
	const archive = new Set(decisions.filter((d) => d.action.type === 'TRANSITION').map((d) => d.imageDigest));
	repo.images = repo.images.filter((i) => !expire.has(i.imageDigest));
	for (const i of repo.images) {
		if (archive.has(i.imageDigest)) {
			i.storageClass = 'ARCHIVE';
			i.lastArchivedAt = now.toISOString();
		}
	}
	repo.lifecyclePolicyEvaluatedAt = now.toISOString();
	return decisions;
}
