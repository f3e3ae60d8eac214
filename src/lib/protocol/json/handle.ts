// One awsJson 1.1 request: operation from X-Amz-Target, JSON body to input, engine call, output
// to JSON. Every failure becomes an awsJson error response.
import { ProtocolError, toWireError } from '../errors';
import { hasOperation } from '../models/shapes';
import type { InvokeContext, ServiceBinding } from '../services';
import type { WireResponse } from '../types';
import { parseJsonBody, readJson } from './parse';
import { writeJson } from './serialize';
import { jsonError, jsonSuccess } from './respond';

// AWS answers an unknown X-Amz-Target with HTTP 400 and the bare body
// {"__type":"UnknownOperationException"}, no message (aws/aws-sdk-net#1536, CloudWatch Logs;
// aws/aws-sdk-js#425, OpsWorks: statusCode 400, message null). Seen on other awsJson services,
// unverified for ECR itself.
const unknownOperation = () => new ProtocolError('UnknownOperationException', undefined, 400);

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function handleJson(binding: ServiceBinding | undefined, operation: string, body: Uint8Array, context: () => InvokeContext, requestId: string): WireResponse {
	try {
		if (!binding || !hasOperation(binding.model, operation)) throw unknownOperation();
		const { model } = binding;
		const op = model.operations[operation] ?? {};
		let text: string;
		try {
			text = utf8.decode(body);
		} catch {
			throw new ProtocolError('SerializationException', 'The request body is not valid UTF-8.');
		}
		const raw = parseJsonBody(text);
		const input = op.input ? readJson(model, op.input, raw, '') : {};
		const output = binding.invoke(context(), operation, input);
		const json = op.output ? (writeJson(model, op.output, output ?? {}) ?? {}) : {};
		return jsonSuccess(JSON.stringify(json), requestId);
	} catch (e) {
		return jsonError(toWireError(e, binding?.model, false), requestId);
	}
}

export const unknownJsonOperation = (requestId: string): WireResponse => jsonError(toWireError(unknownOperation(), undefined, false), requestId);
