// The credential errors AWS's Query services (STS, IAM, CloudFormation) answer, HTTP 403 with
// code and message as real answers quote them. The awsJson services (ECR) write the same
// failures under other codes; the protocol layer translates (protocol/credential-errors.ts).
import { AwsError } from '../errors';

/** An access key AWS does not accept: unknown to it, deleted, or inactive (Common Errors: InvalidClientTokenId, 403). */
export const invalidClientToken = () => new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', { httpStatus: 403 });

/** Temporary credentials past their Expiration (quoted from real IAM/STS answers: no final period). */
export const expiredToken = () => new AwsError('ExpiredToken', 'The security token included in the request is expired', { httpStatus: 403 });
