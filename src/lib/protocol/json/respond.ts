// awsJson 1.1 responses: the body, `Content-Type: application/x-amz-json-1.1` and the request id
// header on every response; errors as {"__type": <name>, "message": <text>} with the name again in
// the x-amzn-ErrorType header (what the SDKs read first or second, see @smithy/core's
// loadJsonRpcErrorCode; AWS may append ':<namespace URL>' to the header, which clients cut off).
// The header names keep AWS's casing; HTTP header names are case-blind.
import type { WireError } from '../errors';
import type { WireResponse } from '../types';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export function jsonSuccess(body: string, requestId: string): WireResponse {
	return { status: 200, headers: { 'Content-Type': JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId }, body };
}

export function jsonError(error: WireError, requestId: string): WireResponse {
	const body = error.message === undefined ? { __type: error.code } : { __type: error.code, message: error.message };
	return {
		status: error.status,
		headers: { 'Content-Type': JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.code },
		body: JSON.stringify(body)
	};
}
