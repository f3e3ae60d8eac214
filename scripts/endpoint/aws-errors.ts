// Errors the endpoint itself answers before (or instead of) the wire protocols: a body over the
// size cap, or a protocol handler that threw. Written with the protocol layer's own writers in the
// protocol the request used, so an SDK or the AWS CLI shows a normal AWS error: awsJson for ECR
// (it sends X-Amz-Target), awsQuery XML for CloudFormation, STS and IAM.
import { internalFailure as internalFailureError, type WireError } from '../../src/lib/protocol/errors';
import { jsonError } from '../../src/lib/protocol/json/respond';
import { cloudFormationModel } from '../../src/lib/protocol/models/cloudformation.generated';
import { iamModel } from '../../src/lib/protocol/models/iam.generated';
import { stsModel } from '../../src/lib/protocol/models/sts.generated';
import { queryError } from '../../src/lib/protocol/query/respond';
import { credentialScope } from '../../src/lib/protocol/sigv4-scope';
import type { WireRequest, WireResponse } from '../../src/lib/protocol/types';

type Headers = Pick<WireRequest, 'headers'>;

const QUERY_MODELS = [cloudFormationModel, stsModel, iamModel];

const speaksJson = (req: Headers): boolean => req.headers['x-amz-target'] !== undefined || /json/i.test(req.headers['content-type'] ?? '');

/** The XML namespace of the awsQuery service the request was signed for (CloudFormation when unsigned). */
function queryNamespace(req: Headers): string {
	const service = credentialScope(req.headers).service;
	const model = QUERY_MODELS.find((m) => m.metadata.signingName === service) ?? cloudFormationModel;
	return model.metadata.xmlNamespace ?? '';
}

export const awsError = (req: Headers, error: WireError, requestId: string): WireResponse =>
	speaksJson(req) ? jsonError(error, requestId) : queryError(queryNamespace(req), error, requestId);

/**
 * A body over the endpoint's cap. AWS's front ends answer 413; the code and wording are Lambda's
 * (RequestEntityTooLargeException, "Request must be smaller than N bytes ..."), the one awsJson
 * service that documents a whole-request limit.
 */
export const tooLarge = (req: Headers, limit: number, requestId: string): WireResponse =>
	awsError(req, { code: 'RequestEntityTooLargeException', message: `Request must be smaller than ${limit} bytes.`, status: 413, fault: 'Sender' }, requestId);

/** A handler threw: a bug in the simulator, reported as AWS reports its own faults. */
export const internalFailure = (req: Headers, requestId: string): WireResponse => awsError(req, internalFailureError(), requestId);
