// Policy versions: CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, DeletePolicyVersion
// and SetDefaultPolicyVersion. An AWS managed policy shows its one version and cannot be changed.
import type { CreatePolicyVersionResponse, GetPolicyVersionResponse, ListPolicyVersionsResponse, PolicyVersion } from '@aws-sdk/client-iam';
import { DeleteConflictException, LimitExceededException, NoSuchEntityException } from './errors';
import { findCustomerPolicy } from './entities';
import { asInput, optionalBoolean, policyArn, versionId } from './input';
import { findAwsManagedPolicy } from './managed-policies';
import type { IdentityContext } from './context';
import { customerPolicy, managedDocument, policyNotFound } from './policies';
import { MAX_POLICY_VERSIONS, addVersion, defaultVersionOf, findVersion, makeDefault, removeVersion, versionsOf } from './policy-versions';
import { versionShape } from './shapes';

/** (unverified) IAM's sentence for a version the policy does not have; moto's wording. */
const noSuchVersion = (arn: string, id: string) => new NoSuchEntityException(`Policy ${arn} version ${id} does not exist or is not attachable.`);

/**
 * An AWS managed policy's one version as this simulator knows it: v1 without a CreateDate (its
 * real version number and dates are not in the catalogue; see shapes.ts).
 */
function awsVersion(arn: string, withDocument: boolean): PolicyVersion | undefined {
	const aws = findAwsManagedPolicy(arn);
	if (!aws) return undefined;
	return { ...(withDocument ? { Document: encodeURIComponent(aws.document) } : {}), VersionId: 'v1', IsDefaultVersion: true };
}

/** The limit's sentence is a real LimitExceeded answer (99designs/iamy #21). */
export function createPolicyVersion(ctx: IdentityContext, raw: unknown): CreatePolicyVersionResponse {
	const input = asInput(raw);
	const arn = policyArn(input);
	const document = managedDocument(input);
	const setAsDefault = optionalBoolean(input, 'SetAsDefault') ?? false;
	const policy = customerPolicy(ctx, arn, 'CreatePolicyVersion');
	if (versionsOf(policy).length >= MAX_POLICY_VERSIONS) {
		throw new LimitExceededException('A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.');
	}
	const version = addVersion(policy, document, ctx.clock.now().toISOString(), setAsDefault);
	return { PolicyVersion: versionShape(policy, version) };
}

export function getPolicyVersion(ctx: IdentityContext, raw: unknown): GetPolicyVersionResponse {
	const input = asInput(raw);
	const arn = policyArn(input);
	const id = versionId(input);
	const policy = findCustomerPolicy(ctx.identities, arn);
	if (!policy) {
		const aws = awsVersion(arn, true);
		if (!aws) throw policyNotFound(arn);
		if (aws.VersionId !== id) throw noSuchVersion(arn, id);
		return { PolicyVersion: aws };
	}
	const version = findVersion(policy, id);
	if (!version) throw noSuchVersion(arn, id);
	return { PolicyVersion: versionShape(policy, version, true) };
}

/** Newest first, as the AWS CLI reference's example answer lists them. */
export function listPolicyVersions(ctx: IdentityContext, raw: unknown): ListPolicyVersionsResponse {
	const input = asInput(raw);
	const arn = policyArn(input);
	const policy = findCustomerPolicy(ctx.identities, arn);
	if (!policy) {
		const aws = awsVersion(arn, false);
		if (!aws) throw policyNotFound(arn);
		return { Versions: [aws], IsTruncated: false };
	}
	return { Versions: [...versionsOf(policy)].reverse().map((v) => versionShape(policy, v)), IsTruncated: false };
}

/** The default version goes only with the policy (a real DeleteConflict answer). */
export function deletePolicyVersion(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const arn = policyArn(input);
	const id = versionId(input);
	const policy = customerPolicy(ctx, arn, 'DeletePolicyVersion');
	if (!findVersion(policy, id)) throw noSuchVersion(arn, id);
	if (id === defaultVersionOf(policy)) throw new DeleteConflictException('Cannot delete the default version of a policy.');
	removeVersion(policy, id);
	return {};
}

export function setDefaultPolicyVersion(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const arn = policyArn(input);
	const id = versionId(input);
	const policy = customerPolicy(ctx, arn, 'SetDefaultPolicyVersion');
	const version = findVersion(policy, id);
	if (!version) throw noSuchVersion(arn, id);
	makeDefault(policy, version);
	return {};
}
