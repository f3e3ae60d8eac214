// What the IAM providers share: how IAM failures reach the stack, and the parts of IAM the
// identity engine does not have yet, kept in shadow records (shadow.ts):
//   - a role, user or managed policy CloudFormation deleted is only tombstoned (no DeleteRole,
//     DeleteUser, DeletePolicy): its policies are removed through the API so it grants nothing,
//     and every provider treats it as gone;
//   - a role's trust policy, description, session duration, boundary and tags after an update
//     (no UpdateAssumeRolePolicy, UpdateRole, PutRolePermissionsBoundary, TagRole);
//   - a managed policy's document after an update (no CreatePolicyVersion): recorded, but the
//     authorizer still evaluates the first version.
// IAM denies with HTTP 403, which the plugin's wrapper maps to AccessDenied; AWS::IAM::Role
// events read `... because no identity-based policy allows the iam:PutRolePolicy action
// (Service: Iam, Status Code: 403, Request ID: ...)" (..., HandlerErrorCode: AccessDenied)`.
import { AwsError } from '../../errors';
import { ProviderError, type ProviderContext } from './provider';
import type { ServiceStyle } from './provider-errors';
import { iamKey, iamStore, readShadow } from './shadow';

export const IAM: ServiceStyle = {
	service: 'Iam',
	codes: {
		AccessDeniedException: 'AccessDenied',
		AccessDenied: 'AccessDenied',
		EntityAlreadyExists: 'AlreadyExists',
		NoSuchEntity: 'NotFound',
		LimitExceeded: 'ServiceLimitExceeded',
		MalformedPolicyDocument: 'InvalidRequest',
		ValidationError: 'InvalidRequest',
		InvalidInput: 'InvalidRequest'
	},
	status: { AccessDeniedException: 403, AccessDenied: 403 }
};

/** A principal or policy CloudFormation deleted: the identity engine still has it, this world does not. */
export function isTombstoned(ctx: ProviderContext, type: string, name: string): boolean {
	return readShadow(iamStore(ctx), type, iamKey(ctx, name))?.deleted === true;
}

/** IAM's own not-found sentences (identity/operations.ts). */
export const noSuchRole = (name: string) => new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`, { httpStatus: 404 });
export const noSuchUser = (name: string) => new AwsError('NoSuchEntity', `The user with name ${name} cannot be found.`, { httpStatus: 404 });
/** The world has no IAM groups at all, so every group a template names is missing. */
export const noSuchGroup = (name: string) => new AwsError('NoSuchEntity', `The group with name ${name} cannot be found.`, { httpStatus: 404 });

/** IAM answers policy documents URL-encoded. */
export function decodePolicy(text: string | undefined): string | undefined {
	if (text === undefined) return undefined;
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** The error code of an IAM failure, or undefined for anything else. */
export const iamCode = (e: unknown): string | undefined => (e instanceof AwsError ? e.code : e instanceof ProviderError ? e.handlerErrorCode : undefined);
