// Shared by the endpoint tests: sandbox requests in process, and JSON over real HTTP.
import type { WireRequest, WireResponse } from '../../src/lib/protocol/types';

export const T0 = '2026-03-10T09:00:00.000Z';

/** A request to the sandbox control API, as the endpoint hands it over. */
export function sandboxRequest(method: string, path: string, body?: unknown): WireRequest {
	const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
	return { method, path, query: '', headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(text) };
}

export function jsonOf(res: WireResponse): Record<string, unknown> {
	const text = typeof res.body === 'string' ? res.body : new TextDecoder().decode(res.body);
	return JSON.parse(text) as Record<string, unknown>;
}

/** POSTs or GETs JSON to a running endpoint; answers the status and the parsed body. */
export async function callJson(url: string, method: 'GET' | 'POST', body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
	const res = await fetch(url, {
		method,
		headers: { 'content-type': 'application/json' },
		...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) })
	});
	return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
