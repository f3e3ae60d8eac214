// Managed policies: CreatePolicy, GetPolicy, DeletePolicy, ListPolicies and ListEntitiesForPolicy.
// The account's own policies are state; the AWS managed ECR policies come from the catalogue and
// can be read and attached but never changed.
import type { CreatePolicyResponse, GetPolicyResponse, ListEntitiesForPolicyResponse, ListPoliciesResponse, Policy } from '@aws-sdk/client-iam';
import { parsePolicy } from '../iam';
import { AwsError } from '../errors';
import { DeleteConflictException, EntityAlreadyExistsException, LimitExceededException, NoSuchEntityException, ValidationError } from './errors';
import { attachmentCount, findCustomerPolicy, policyHolders, uniqueId } from './entities';
import { asInput, name, oneOf, optionalBoolean, path, policyArn, policySize, text, type Input } from './input';
import { AWS_MANAGED_POLICIES, findAwsManagedPolicy } from './managed-policies';
import type { IdentityContext } from './context';
import { versionsOf } from './policy-versions';
import { awsPolicyShape, customerPolicyShape } from './shapes';
import type { ManagedPolicyState } from './state';

/** IAM's limit on a managed policy document, in characters without whitespace. */
export const MAX_MANAGED_POLICY_SIZE = 6144;

/** A managed policy document: within the size quota and valid as an identity policy. */
export function managedDocument(input: Input): string {
	const document = text(input, 'PolicyDocument');
	if (policySize(document) > MAX_MANAGED_POLICY_SIZE) throw new LimitExceededException(`Cannot exceed quota for PolicySize: ${MAX_MANAGED_POLICY_SIZE}`);
	parsePolicy(document, 'identity');
	return document;
}

/** GetPolicy's answer for an ARN that names nothing (a real AWS answer). */
export const policyNotFound = (arn: string) => new NoSuchEntityException(`Policy ${arn} was not found.`);

/** The account's own policy with this ARN; an AWS managed one is read-only, anything else is missing. */
export function customerPolicy(ctx: IdentityContext, arn: string, action: string): ManagedPolicyState {
	const own = findCustomerPolicy(ctx.identities, arn);
	if (own) return own;
	// (unverified) AWS refuses changes to its own policies; the exact answer was not found.
	if (findAwsManagedPolicy(arn)) throw new AwsError('AccessDenied', `User: ${ctx.callerArn} is not authorized to perform: iam:${action} on resource: ${arn}`, { httpStatus: 403 });
	throw policyNotFound(arn);
}

export function createPolicy(ctx: IdentityContext, raw: unknown): CreatePolicyResponse {
	const input = asInput(raw);
	const policyName = name(input, 'PolicyName', 128);
	const p = path(input);
	const document = managedDocument(input);
	const about = input.Description;
	if (about !== undefined && (typeof about !== 'string' || about.length > 1000)) throw ValidationError.member('description', about, 'Member must have length less than or equal to 1000');
	const s = ctx.identities;
	if (s.policies.some((x) => x.policyName === policyName)) throw new EntityAlreadyExistsException(`A policy called ${policyName} already exists. Duplicate names are not allowed.`);
	const policy: ManagedPolicyState = {
		policyName,
		id: uniqueId(s, 'ANPA'),
		path: p,
		document,
		createdAt: ctx.clock.now().toISOString(),
		...(typeof about === 'string' ? { description: about } : {})
	};
	s.policies.push(policy);
	return { Policy: customerPolicyShape(s, policy) };
}

export function getPolicy(ctx: IdentityContext, raw: unknown): GetPolicyResponse {
	const input = asInput(raw);
	const arn = policyArn(input);
	const own = findCustomerPolicy(ctx.identities, arn);
	if (own) return { Policy: customerPolicyShape(ctx.identities, own) };
	const aws = findAwsManagedPolicy(arn);
	if (aws) return { Policy: awsPolicyShape(ctx.identities, aws.policyName) };
	throw policyNotFound(arn);
}

/**
 * Real DeleteConflict answers for both refusals; which comes first when both apply is
 * unverified (a 2026 ubicloud PR treats "still attached" as the other cause of the conflict).
 */
export function deletePolicy(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const arn = policyArn(input);
	const s = ctx.identities;
	const policy = customerPolicy(ctx, arn, 'DeletePolicy');
	if (attachmentCount(s, arn) > 0) throw new DeleteConflictException('Cannot delete a policy attached to entities.');
	if (versionsOf(policy).length > 1) {
		throw new DeleteConflictException("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
	}
	s.policies.splice(s.policies.indexOf(policy), 1);
	return {};
}

const SCOPES = ['All', 'AWS', 'Local'] as const;

/** ListPolicies by name; Scope picks AWS managed, the account's own (Local) or both. */
export function listPolicies(ctx: IdentityContext, raw: unknown): ListPoliciesResponse {
	const input = asInput(raw);
	const scope = oneOf(input, 'Scope', SCOPES) ?? 'All';
	const onlyAttached = optionalBoolean(input, 'OnlyAttached') ?? false;
	oneOf(input, 'PolicyUsageFilter', ['PermissionsPolicy', 'PermissionsBoundary'] as const);
	const prefix = input.PathPrefix;
	if (prefix !== undefined && (typeof prefix !== 'string' || !prefix.startsWith('/'))) {
		throw ValidationError.member('pathPrefix', prefix, 'Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*');
	}
	const s = ctx.identities;
	const policies: Policy[] = [
		...(scope === 'Local' ? [] : AWS_MANAGED_POLICIES.map((p) => awsPolicyShape(s, p.policyName))),
		...(scope === 'AWS' ? [] : s.policies.map((p) => customerPolicyShape(s, p)))
	]
		.filter((p) => !onlyAttached || (p.AttachmentCount ?? 0) > 0)
		.filter((p) => typeof prefix !== 'string' || (p.Path ?? '/').startsWith(prefix))
		.sort((a, b) => (a.PolicyName ?? '').localeCompare(b.PolicyName ?? ''));
	return { Policies: policies, IsTruncated: false };
}

const ENTITY_FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;

export function listEntitiesForPolicy(ctx: IdentityContext, raw: unknown): ListEntitiesForPolicyResponse {
	const input = asInput(raw);
	const arn = policyArn(input);
	const filter = oneOf(input, 'EntityFilter', ENTITY_FILTERS);
	const s = ctx.identities;
	if (!findCustomerPolicy(s, arn) && !findAwsManagedPolicy(arn)) throw policyNotFound(arn);
	const held = policyHolders(s, arn);
	const want = (kind: 'User' | 'Role' | 'Group') => filter === undefined || filter === kind;
	return {
		PolicyGroups: want('Group') ? held.groups.map((g) => ({ GroupName: g.name, GroupId: g.id })) : [],
		PolicyUsers: want('User') ? held.users.map((u) => ({ UserName: u.name, UserId: u.id })) : [],
		PolicyRoles: want('Role') ? held.roles.map((r) => ({ RoleName: r.name, RoleId: r.id })) : [],
		IsTruncated: false
	};
}
