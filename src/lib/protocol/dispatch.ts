// The one entry point: an HTTP request in, an HTTP response out, against a world. Requests with
// X-Amz-Target are awsJson 1.1 (ECR, ECR Public); form-encoded requests are awsQuery
// (CloudFormation, STS, IAM, told apart by their Version). The Region and the access key id come
// from the SigV4 credential scope; the signature itself is not checked. Who calls is the world's
// answer for that key (world.callerForAccessKey) unless options.resolveCaller says otherwise.
// This function never throws: whatever goes wrong is answered the way AWS answers it.
//
// CloudFormation needs its resource schemas: `await world.cloudformationReady()` once before
// sending CreateStack/UpdateStack (until then the engine answers ServiceUnavailable).
import type { World } from '../engines/world';
import { credentialError } from './credential-errors';
import { internalFailure } from './errors';
import { handleJson, unknownJsonOperation } from './json/handle';
import { jsonError } from './json/respond';
import { handleQuery } from './query/handle';
import { queryError } from './query/respond';
import { nextRequestId } from './request-id';
import { DEFAULT_QUERY_SERVICE, JSON_SERVICES, type InvokeContext } from './services';
import { requestContext } from './request-context';
import { credentialScope, DEFAULT_REGION } from './sigv4-scope';
import type { CallerResolver, HandleOptions, WireRequest, WireResponse } from './types';

export type { CallerResolver, HandleOptions, WireRequest, WireResponse } from './types';

const lowerCaseKeys = (headers: Record<string, string>): Record<string, string> =>
	Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));

/**
 * Without a resolver the world says who owns the key, with the request's condition keys
 * (request-context.ts), and the key's user records the use (service and Region, for
 * GetAccessKeyLastUsed).
 */
export const defaultCallerResolver =
	(world: World): CallerResolver =>
	(req, accessKeyId) => {
		const headers = lowerCaseKeys(req.headers);
		const scope = credentialScope(headers, req.query);
		const usage = { service: scope.service ?? 'N/A', region: scope.region ?? DEFAULT_REGION };
		return world.callerForAccessKey(accessKeyId ?? '', requestContext(req, headers), usage);
	};

const formText = new TextDecoder('utf-8');

export function handleAwsRequest(world: World, req: WireRequest, options: HandleOptions = {}): WireResponse {
	let requestId: string;
	try {
		requestId = options.requestId ? options.requestId() : nextRequestId(world);
	} catch {
		// An injected id source that fails must not make the request throw.
		requestId = nextRequestId(world);
	}
	let isJson = false;
	try {
		isJson = Object.keys(req.headers).some((k) => k.toLowerCase() === 'x-amz-target');
		const headers = lowerCaseKeys(req.headers);
		const scope = credentialScope(headers, req.query);
		const resolveCaller = options.resolveCaller ?? defaultCallerResolver(world);
		// A refused key is answered in the request's protocol's own words (credential-errors.ts).
		const caller = () => {
			try {
				return resolveCaller(req, scope.accessKeyId);
			} catch (e) {
				throw credentialError(e, isJson ? 'json' : 'query');
			}
		};
		const context = (): InvokeContext => ({ world, caller: caller(), region: scope.region ?? DEFAULT_REGION });

		const target = headers['x-amz-target'];
		if (target !== undefined) {
			const dot = target.lastIndexOf('.');
			const binding = dot < 0 ? undefined : JSON_SERVICES.get(target.slice(0, dot));
			return handleJson(binding, target.slice(dot + 1), req.body, context, requestId);
		}
		// A JSON request without X-Amz-Target names no operation.
		if (/json/i.test(headers['content-type'] ?? '')) return unknownJsonOperation(requestId);
		return handleQuery({ queryString: req.query, formBody: formText.decode(req.body), signingName: scope.service }, context, requestId);
	} catch {
		// Only a malformed WireRequest (not an object, headers missing ...) gets here.
		return isJson ? jsonError(internalFailure(), requestId) : queryError(DEFAULT_QUERY_SERVICE.model.metadata.xmlNamespace ?? '', internalFailure(), requestId);
	}
}
