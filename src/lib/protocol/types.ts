// What the protocol layer takes and gives: an HTTP request and response as plain data, so the
// same code answers the local endpoint (Node's http), tests (an SDK request handler) and, later,
// the browser. Header names are lower-case.
import type { Caller } from '../engines/world-constants';

export interface WireRequest {
	method: string;
	path: string;
	/** The query string without the leading '?'. */
	query: string;
	headers: Record<string, string>;
	body: Uint8Array;
}

export interface WireResponse {
	status: number;
	headers: Record<string, string>;
	body: Uint8Array | string;
}

/** Who sends a request, from its access key id (the SigV4 credential); default: the learner account's root. */
export interface CallerResolver {
	(req: WireRequest, accessKeyId: string | undefined): Caller;
}

export interface HandleOptions {
	resolveCaller?: CallerResolver;
	/** Request ids for the responses; default: a deterministic sequence per world. */
	requestId?: () => string;
}
