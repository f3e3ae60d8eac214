// One awsQuery request: Action and Version pick the service and operation, the other parameters
// become the input, the output becomes XML. Every failure becomes an awsQuery ErrorResponse in
// the namespace of the service the request addressed.
import { ProtocolError, toWireError } from '../errors';
import { hasOperation } from '../models/shapes';
import { DEFAULT_QUERY_SERVICE, QUERY_SERVICES_BY_SIGNING_NAME, QUERY_SERVICES_BY_VERSION, type InvokeContext, type ServiceBinding } from '../services';
import type { WireResponse } from '../types';
import { paramTree, readQuery } from './deserialize';
import { parseForm } from './parse-form';
import { queryError, querySuccess } from './respond';
import { writeXml } from './serialize';

export interface QueryRequest {
	/** The URL's query string and the form body (either may carry the parameters). */
	queryString: string;
	formBody: string;
	/** The service the SigV4 scope names, for requests that do not say their Version. */
	signingName: string | undefined;
}

// Common Errors pages: MissingAction (HTTP 400) "The request is missing an action or a required
// parameter." The message below is what emulators answer (gaul/s3proxy's STS): unverified.
const missingAction = () => new ProtocolError('MissingAction', 'Missing Action');
// Unverified: what AWS answers when Version is absent; MissingParameter (HTTP 400) is the Common
// Errors code for "a required parameter for the specified action is not supplied".
const missingVersion = () => new ProtocolError('MissingParameter', 'The request must contain the parameter Version');
// InvalidAction, HTTP 400 (Common Errors). The wording matches gaul/s3proxy's emulation and this
// simulator's engines: unverified against AWS.
const invalidAction = (action: string, version: string) => new ProtocolError('InvalidAction', `Could not find operation ${action} for version ${version}`);

export function handleQuery(request: QueryRequest, context: () => InvokeContext, requestId: string): WireResponse {
	let binding: ServiceBinding | undefined;
	let namespace = DEFAULT_QUERY_SERVICE.model.metadata.xmlNamespace ?? '';
	try {
		const params = parseForm(request.formBody);
		parseForm(request.queryString, params);
		const action = params.get('Action');
		const version = params.get('Version');
		binding = version !== undefined ? QUERY_SERVICES_BY_VERSION.get(version) : undefined;
		const addressed = binding ?? (request.signingName ? QUERY_SERVICES_BY_SIGNING_NAME.get(request.signingName) : undefined);
		namespace = addressed?.model.metadata.xmlNamespace ?? namespace;
		if (!action) throw missingAction();
		if (version === undefined) throw missingVersion();
		if (!binding || !hasOperation(binding.model, action)) throw invalidAction(action, version);
		const { model } = binding;
		const op = model.operations[action] ?? {};
		params.delete('Action');
		params.delete('Version');
		const input = op.input ? (readQuery(model, op.input, paramTree(params), '') ?? {}) : {};
		const output = binding.invoke(context(), action, input);
		const result = op.output ? writeXml(model, op.output, output ?? {}, '') : undefined;
		return querySuccess(namespace, action, op.resultWrapper, result, requestId);
	} catch (e) {
		return queryError(namespace, toWireError(e, binding?.model, true), requestId);
	}
}
