// Repository policies and the registry policy: resource-based policies, validated with the
// IAM engine's grammar and ECR's own restrictions (ecr-facts.md §4, §5, §8).
import type {
	DeleteRegistryPolicyResponse,
	DeleteRepositoryPolicyResponse,
	GetRegistryPolicyResponse,
	GetRepositoryPolicyResponse,
	PutRegistryPolicyResponse,
	SetRepositoryPolicyResponse
} from '@aws-sdk/client-ecr';
import { AwsError } from '../errors';
import { parsePolicy, type Policy } from '../iam';
import { findRepository, targetRegistry, type EcrContext } from './context';
import { InvalidParameterException, RegistryPolicyNotFoundException, RepositoryPolicyNotFoundException } from './errors';
import { asInput, optionalBoolean, optionalString, requiredString } from './input';
import { repositoryArn } from './names';

const MAX_POLICY_TEXT = 10240;
export const REGISTRY_POLICY_MESSAGE = "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid registry policy provided'";
/** The only actions ECR enforces at registry level (registry-permissions page); anything else is rejected. */
const REGISTRY_ACTIONS = ['ecr:replicateimage', 'ecr:batchimportupstreamimage', 'ecr:createrepository', 'ecr:*', '*'];

const parsedRepositoryPolicies = new Map<string, Policy>();

/** A repository policy as the authorizer reads it; parsed once per distinct text. */
export function repositoryPolicy(text: string): Policy {
	let p = parsedRepositoryPolicies.get(text);
	if (!p) {
		if (parsedRepositoryPolicies.size >= 256) parsedRepositoryPolicies.clear();
		p = parsePolicy(text, 'repository');
		parsedRepositoryPolicies.set(text, p);
	}
	return p;
}

const parsedRegistryPolicies = new Map<string, Policy>();

export function registryPolicy(text: string): Policy {
	let p = parsedRegistryPolicies.get(text);
	if (!p) {
		if (parsedRegistryPolicies.size >= 64) parsedRegistryPolicies.clear();
		p = parseRegistryPolicy(text);
		parsedRegistryPolicies.set(text, p);
	}
	return p;
}

function policyText(input: Record<string, unknown>): string {
	const text = requiredString(input, 'policyText', 'PolicyText');
	if (text.length > MAX_POLICY_TEXT) throw InvalidParameterException.at('PolicyText', `Member must have length less than or equal to ${MAX_POLICY_TEXT}`);
	if (text.length < 1) throw InvalidParameterException.at('PolicyText', 'Member must have length greater than or equal to 1');
	return text;
}

function parseRegistryPolicy(text: string): Policy {
	let policy: Policy;
	try {
		policy = parsePolicy(text, 'resource');
	} catch (e) {
		if (e instanceof AwsError) throw new InvalidParameterException(REGISTRY_POLICY_MESSAGE);
		throw e;
	}
	for (const s of policy.statements) {
		const ok = !s.action.negated && s.action.values.every((a) => REGISTRY_ACTIONS.includes(a.toLowerCase()));
		if (!ok || !s.principal) throw new InvalidParameterException(REGISTRY_POLICY_MESSAGE);
	}
	return policy;
}

export function setRepositoryPolicy(ctx: EcrContext, raw: unknown): SetRepositoryPolicyResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const text = policyText(input);
	const force = optionalBoolean(input, 'force') ?? false;
	const policy = repositoryPolicy(text);
	// ECR refuses, unless forced, a policy that would stop the caller from ever changing it again.
	const arn = repositoryArn(registry.accountId, ctx.region, repo.repositoryName);
	if (!force && !ctx.wouldAllow('ecr:SetRepositoryPolicy', arn, registry.accountId, { name: `${repo.repositoryName} repository policy`, policy })) {
		throw new InvalidParameterException(
			"Invalid parameter at 'PolicyText' failed to satisfy constraint: 'The policy would prevent you from setting a repository policy on this repository again. Use force to set it anyway.'"
		);
	}
	repo.policyText = text;
	return { registryId: registry.accountId, repositoryName: repo.repositoryName, policyText: text };
}

export function getRepositoryPolicy(ctx: EcrContext, raw: unknown): GetRepositoryPolicyResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	if (repo.policyText === undefined) throw new RepositoryPolicyNotFoundException(repo.repositoryName, registry.accountId);
	return { registryId: registry.accountId, repositoryName: repo.repositoryName, policyText: repo.policyText };
}

export function deleteRepositoryPolicy(ctx: EcrContext, raw: unknown): DeleteRepositoryPolicyResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const text = repo.policyText;
	if (text === undefined) throw new RepositoryPolicyNotFoundException(repo.repositoryName, registry.accountId);
	delete repo.policyText;
	return { registryId: registry.accountId, repositoryName: repo.repositoryName, policyText: text };
}

export function putRegistryPolicy(ctx: EcrContext, raw: unknown): PutRegistryPolicyResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, undefined);
	const text = policyText(input);
	registryPolicy(text);
	registry.policyText = text;
	return { registryId: registry.accountId, policyText: text };
}

export function getRegistryPolicy(ctx: EcrContext, raw: unknown): GetRegistryPolicyResponse {
	asInput(raw);
	const registry = targetRegistry(ctx, undefined);
	if (registry.policyText === undefined) throw new RegistryPolicyNotFoundException(registry.accountId);
	return { registryId: registry.accountId, policyText: registry.policyText };
}

export function deleteRegistryPolicy(ctx: EcrContext, raw: unknown): DeleteRegistryPolicyResponse {
	asInput(raw);
	const registry = targetRegistry(ctx, undefined);
	const text = registry.policyText;
	if (text === undefined) throw new RegistryPolicyNotFoundException(registry.accountId);
	delete registry.policyText;
	return { registryId: registry.accountId, policyText: text };
}
