// What each ECR operation asks IAM: the action, the resource it acts on, and the condition keys
// the request carries (Service Authorization Reference, "Actions defined by Amazon ECR").
// Computed before the operation runs, as AWS authorizes before it looks for the resource.
import type { NamedPolicy } from '../iam';
import type { EcrContext } from './context';
import { parseRepositoryArn, repositoryArn } from './names';
import { repositoryPolicy } from './policies';
import type { RepositoryState } from './state';

export interface AccessRequest {
	action: string;
	resource: string;
	resourceAccount: string;
	resourcePolicy?: NamedPolicy;
	context: Record<string, string | string[]>;
}

/** Operations whose resource is the registry as a whole, granted with Resource "*". */
const REGISTRY_LEVEL = new Set([
	'GetAuthorizationToken',
	'DescribeRegistry',
	'PutRegistryPolicy',
	'GetRegistryPolicy',
	'DeleteRegistryPolicy',
	'PutReplicationConfiguration',
	'PutRegistryScanningConfiguration',
	'GetRegistryScanningConfiguration'
]);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function tagKeys(tags: unknown): Record<string, string | string[]> {
	if (!Array.isArray(tags)) return {};
	const keys: Record<string, string | string[]> = {};
	const names: string[] = [];
	for (const t of tags) {
		if (t && typeof t === 'object' && typeof (t as { Key?: unknown }).Key === 'string') {
			const key = (t as { Key: string }).Key;
			names.push(key);
			const value = (t as { Value?: unknown }).Value;
			if (typeof value === 'string') keys[`aws:RequestTag/${key}`] = value;
		}
	}
	if (names.length) keys['aws:TagKeys'] = names;
	return keys;
}

function resourceTags(repo: RepositoryState | undefined): Record<string, string> {
	const keys: Record<string, string> = {};
	for (const t of repo?.tags ?? []) {
		keys[`aws:ResourceTag/${t.Key}`] = t.Value;
		keys[`ecr:ResourceTag/${t.Key}`] = t.Value;
	}
	return keys;
}

/**
 * The authorization requests an operation makes, or [] when the input is too malformed to name
 * a resource (the operation then rejects it with its own validation error).
 */
export function accessRequests(ctx: EcrContext, operation: string, raw: unknown): AccessRequest[] {
	const action = `ecr:${operation}`;
	const own = ctx.caller.accountId;
	if (REGISTRY_LEVEL.has(operation)) return [{ action, resource: '*', resourceAccount: own, context: {} }];
	const input = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};

	const forRepository = (accountId: string, name: string, extra: Record<string, string | string[]> = {}): AccessRequest => {
		const repo = ctx.registry(accountId)?.repositories.find((r) => r.repositoryName === name);
		let resourcePolicy: NamedPolicy | undefined;
		if (repo?.policyText !== undefined) {
			try {
				resourcePolicy = { name: `${name} repository policy`, policy: repositoryPolicy(repo.policyText) };
			} catch {
				// A stored policy always parsed when it was set; a restored world could hold anything.
			}
		}
		return {
			action,
			resource: repositoryArn(accountId, ctx.region, name),
			resourceAccount: accountId,
			...(resourcePolicy ? { resourcePolicy } : {}),
			context: { ...resourceTags(repo), ...extra }
		};
	};

	if (operation === 'TagResource' || operation === 'UntagResource' || operation === 'ListTagsForResource') {
		const parsed = parseRepositoryArn(str(input.resourceArn) ?? '');
		if (!parsed || parsed.region !== ctx.region) return [];
		const extra = operation === 'TagResource' ? tagKeys(input.tags) : operation === 'UntagResource' && Array.isArray(input.tagKeys) ? { 'aws:TagKeys': input.tagKeys.filter((k): k is string => typeof k === 'string') } : {};
		return [forRepository(parsed.accountId, parsed.repositoryName, extra)];
	}

	const registryId = str(input.registryId) ?? own;
	if (!/^[0-9]{12}$/.test(registryId)) return [];
	if (operation === 'DescribeRepositories') {
		const names = input.repositoryNames;
		if (Array.isArray(names) && names.length > 0) return names.filter((n): n is string => typeof n === 'string').map((n) => forRepository(registryId, n));
		return [{ action, resource: repositoryArn(registryId, ctx.region, '*'), resourceAccount: registryId, context: {} }];
	}
	const name = str(input.repositoryName);
	if (name === undefined) return [];
	return [forRepository(registryId, name, operation === 'CreateRepository' ? tagKeys(input.tags) : {})];
}
