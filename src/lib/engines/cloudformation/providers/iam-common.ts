// What the IAM providers share: how IAM failures reach the stack. IAM denies with HTTP 403,
// which the plugin's wrapper maps to AccessDenied; AWS::IAM::Role events read `... because no
// identity-based policy allows the iam:PutRolePolicy action (Service: Iam, Status Code: 403,
// Request ID: ...)" (..., HandlerErrorCode: AccessDenied)`. A DeleteConflict is not mapped: the
// wrapper reports it as GeneralServiceException (pulumi-aws-native #416 quotes one).
import type { ServiceStyle } from './provider-errors';

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

/** IAM answers policy documents URL-encoded. */
export function decodePolicy(text: string | undefined): string | undefined {
	if (text === undefined) return undefined;
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
