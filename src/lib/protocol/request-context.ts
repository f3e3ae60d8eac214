// The condition keys a request carries because of where it comes from, read off the wire the way
// the local endpoint sees it. AWS derives them from the network; the sandbox lets a lab (or a
// curious learner) say where a request comes from with plain headers:
//   aws:SourceIp         the first address in X-Forwarded-For, else the peer address
//   aws:SourceVpc        x-sandbox-source-vpc
//   aws:SourceVpce       x-sandbox-source-vpce
//   aws:SecureTransport  "true" unless x-sandbox-secure-transport: false (AWS's endpoints are HTTPS)
// The principal's keys (aws:PrincipalArn ...) come from the world once it knows who signed.
import type { WireRequest } from './types';

/** IPv4 or IPv6 text, loosely: enough to refuse a header that is plainly not an address. */
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)$/i;

/** Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d; IAM compares the IPv4 form. */
const plainAddress = (text: string): string => text.replace(/^::ffff:(?=\d{1,3}(?:\.\d{1,3}){3}$)/i, '');

function sourceIp(headers: Record<string, string>, peer: string | undefined): string | undefined {
	const forwarded = headers['x-forwarded-for']?.split(',')[0]?.trim();
	if (forwarded && ADDRESS.test(forwarded)) return plainAddress(forwarded);
	return peer && ADDRESS.test(peer) ? plainAddress(peer) : undefined;
}

/** `headers` with lower-case names, as dispatch prepares them. */
export function requestContext(req: Pick<WireRequest, 'peerAddress'>, headers: Record<string, string>): Record<string, string> {
	const ip = sourceIp(headers, req.peerAddress);
	const vpc = headers['x-sandbox-source-vpc']?.trim();
	const vpce = headers['x-sandbox-source-vpce']?.trim();
	return {
		...(ip ? { 'aws:SourceIp': ip } : {}),
		...(vpc ? { 'aws:SourceVpc': vpc } : {}),
		...(vpce ? { 'aws:SourceVpce': vpce } : {}),
		'aws:SecureTransport': headers['x-sandbox-secure-transport']?.trim().toLowerCase() === 'false' ? 'false' : 'true'
	};
}
