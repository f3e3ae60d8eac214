// awsQuery envelopes. Success:
//   <OpResponse xmlns="..."><OpResult>...</OpResult><ResponseMetadata><RequestId>..</RequestId></ResponseMetadata></OpResponse>
// (no Result element for operations without output, e.g. DeleteStack). Failure:
//   <ErrorResponse xmlns="..."><Error><Type>Sender</Type><Code>..</Code><Message>..</Message></Error><RequestId>..</RequestId></ErrorResponse>
// Content-Type text/xml (unverified), and the request id also in x-amzn-RequestId.
import type { WireError } from '../errors';
import type { WireResponse } from '../types';
import { element, escapeAttribute, textElement } from './xml';

export const XML_CONTENT_TYPE = 'text/xml';

const headers = (requestId: string) => ({ 'Content-Type': XML_CONTENT_TYPE, 'x-amzn-RequestId': requestId });

/** `result` is the Result element's content, or undefined for an operation without output. */
export function querySuccess(namespace: string, operation: string, resultWrapper: string | undefined, result: string | undefined, requestId: string): WireResponse {
	const resultXml = result === undefined ? '' : element(resultWrapper ?? `${operation}Result`, result);
	const metadata = element('ResponseMetadata', textElement('RequestId', requestId));
	const body = `<${operation}Response xmlns="${escapeAttribute(namespace)}">${resultXml}${metadata}</${operation}Response>`;
	return { status: 200, headers: headers(requestId), body };
}

export function queryError(namespace: string, error: WireError, requestId: string): WireResponse {
	const inner = textElement('Type', error.fault) + textElement('Code', error.code) + (error.message === undefined ? '' : textElement('Message', error.message));
	const body = `<ErrorResponse xmlns="${escapeAttribute(namespace)}">${element('Error', inner)}${textElement('RequestId', requestId)}</ErrorResponse>`;
	return { status: error.status, headers: headers(requestId), body };
}
