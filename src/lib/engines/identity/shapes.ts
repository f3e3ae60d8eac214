// IAM's answer shapes (@aws-sdk/client-iam) from the account's plain state. IAM returns policy
// documents URL-encoded (RFC 3986), as the SDKs receive them.
import type { AttachedPolicy, Group, Policy, PolicyVersion, Role, Tag, User } from '@aws-sdk/client-iam';
import { AWS_MANAGED_POLICIES, awsManagedPolicyArn } from './managed-policies';
import { attachmentCount, customerPolicyArn, groupArn, managedPolicyDocument, roleArn, userArn } from './entities';
import { defaultVersionOf, updatedAtOf } from './policy-versions';
import type { GroupState, IdentityState, ManagedPolicyState, PolicyVersionState, PrincipalState, RoleState } from './state';

/** IAM's default MaxSessionDuration for a role, in seconds. */
export const DEFAULT_MAX_SESSION = 3600;

const withTags = (tags: readonly Tag[] | undefined) => (tags && tags.length ? { Tags: tags.map((t) => ({ ...t })) } : {});

/** A user as GetUser answers (Tags only when it has some); ListUsers leaves tags out. */
export const userShape = (state: IdentityState, u: PrincipalState, options: { tags?: boolean } = {}): User => ({
	Path: u.path,
	UserName: u.name,
	UserId: u.id,
	Arn: userArn(state, u),
	CreateDate: new Date(u.createdAt),
	...(options.tags ? withTags(u.tags) : {})
});

export const roleShape = (state: IdentityState, r: RoleState, options: { tags?: boolean } = {}): Role => ({
	Path: r.path,
	RoleName: r.name,
	RoleId: r.id,
	Arn: roleArn(state, r),
	CreateDate: new Date(r.createdAt),
	AssumeRolePolicyDocument: encodeURIComponent(r.assumeRolePolicyDocument),
	...(r.description !== undefined ? { Description: r.description } : {}),
	MaxSessionDuration: r.maxSessionDuration ?? DEFAULT_MAX_SESSION,
	...(options.tags ? withTags(r.tags) : {})
});

export const groupShape = (state: IdentityState, g: GroupState): Group => ({
	Path: g.path,
	GroupName: g.name,
	GroupId: g.id,
	Arn: groupArn(state, g),
	CreateDate: new Date(g.createdAt)
});

export const customerPolicyShape = (state: IdentityState, p: ManagedPolicyState): Policy => {
	const arn = customerPolicyArn(state, p);
	return {
		PolicyName: p.policyName,
		PolicyId: p.id,
		Arn: arn,
		Path: p.path,
		DefaultVersionId: defaultVersionOf(p),
		AttachmentCount: attachmentCount(state, arn),
		PermissionsBoundaryUsageCount: 0,
		IsAttachable: true,
		...(p.description !== undefined ? { Description: p.description } : {}),
		CreateDate: new Date(p.createdAt),
		UpdateDate: new Date(updatedAtOf(p))
	};
};

/**
 * An AWS managed policy as this account sees it. Its real id, dates and version number are not
 * in this simulator's catalogue (managed-policies.ts), so PolicyId and the dates are left out
 * and its one version is v1 (unverified: AWS's ECR policies are at later versions).
 */
export const awsPolicyShape = (state: IdentityState, policyName: string): Policy => {
	const arn = awsManagedPolicyArn(policyName);
	const aws = AWS_MANAGED_POLICIES.find((p) => p.policyName === policyName);
	return {
		PolicyName: policyName,
		Arn: arn,
		Path: '/',
		DefaultVersionId: 'v1',
		AttachmentCount: attachmentCount(state, arn),
		PermissionsBoundaryUsageCount: 0,
		IsAttachable: true,
		...(aws ? { Description: aws.description } : {})
	};
};

/** A version as ListPolicyVersions and CreatePolicyVersion answer: without its document. */
export const versionShape = (p: ManagedPolicyState, v: PolicyVersionState, withDocument = false): PolicyVersion => ({
	...(withDocument ? { Document: encodeURIComponent(v.document) } : {}),
	VersionId: v.versionId,
	IsDefaultVersion: v.versionId === defaultVersionOf(p),
	CreateDate: new Date(v.createdAt)
});

export const attachedShape = (state: IdentityState, arns: readonly string[]): AttachedPolicy[] =>
	arns.map((arn) => ({ PolicyArn: arn, PolicyName: managedPolicyDocument(state, arn)?.name ?? arn.slice(arn.lastIndexOf('/') + 1) }));
