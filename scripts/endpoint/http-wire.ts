// Node's HTTP request and response, to and from the protocol layer's plain WireRequest and
// WireResponse (src/lib/protocol knows nothing of Node).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WireRequest, WireResponse } from '../../src/lib/protocol/types';

export interface ReadBody {
	body: Uint8Array;
	/** More than the limit arrived: the excess was read and dropped, never held in memory. */
	oversize: boolean;
}

/**
 * Reads the whole body, keeping at most `limit` bytes. The rest is still read (and dropped) so the
 * client finishes sending and can read the 413 answer instead of a reset connection. Undefined
 * when the client hung up before the end: there is no one to answer.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<ReadBody | undefined> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= limit) chunks.push(chunk);
			else chunks.length = 0;
		});
		req.on('end', () => resolve(size > limit ? { body: new Uint8Array(0), oversize: true } : { body: Buffer.concat(chunks), oversize: false }));
		req.on('error', () => resolve(undefined));
		req.on('close', () => {
			if (!req.complete) resolve(undefined);
		});
	});
}

export function toWireRequest(req: IncomingMessage, body: Uint8Array): WireRequest {
	const url = req.url ?? '/';
	// Absolute-form targets (`POST http://host/path`) are legal HTTP/1.1; keep only path and query.
	const target = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/' : url;
	const q = target.indexOf('?');
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	// The peer's address is aws:SourceIp when the request has no X-Forwarded-For (protocol/request-context.ts).
	const peerAddress = req.socket?.remoteAddress;
	return {
		method: req.method ?? 'GET',
		path: q < 0 ? target : target.slice(0, q),
		query: q < 0 ? '' : target.slice(q + 1),
		headers,
		body,
		...(peerAddress ? { peerAddress } : {})
	};
}

export function sendWireResponse(res: ServerResponse, answer: WireResponse): void {
	const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength);
	const headers: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(answer.headers)) {
		// Node frames the body itself: a length or encoding from the handler could contradict it.
		if (!/^(content-length|transfer-encoding|connection)$/i.test(name)) headers[name] = value;
	}
	headers['content-length'] = body.length;
	res.writeHead(answer.status, headers);
	res.end(body);
}
