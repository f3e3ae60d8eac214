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
	/** The client's address as the server saw it (the local endpoint sets it): aws:SourceIp without X-Forwarded-For. */
	peerAddress?: string;
}

export interface WireResponse {
	status: number;
	headers: Record<string, string>;
	body: Uint8Array | string;
}

/**
 * Who sends a request, from its access key id (the SigV4 credential). Without one, the world
 * decides (world.callerForAccessKey): a user's key is that user, an STS key its session, and any
 * other key the learner account's root user.
 */
export interface CallerResolver {
	(req: WireRequest, accessKeyId: string | undefined): Caller;
}

export interface HandleOptions {
	resolveCaller?: CallerResolver;
	/** Request ids for the responses; default: a deterministic sequence per world. */
	requestId?: () => string;
}
