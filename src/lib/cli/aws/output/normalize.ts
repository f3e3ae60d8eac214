// The engine answers with SDK shapes (Date, Uint8Array, undefined members); the CLI prints what
// botocore parsed from the wire. This turns the first into the second: timestamps as CLI v2's
// ISO 8601 with microseconds (Python's datetime.isoformat()), blobs as base64, absent members gone.
import type { Json } from '../args';

export function isoTimestamp(d: Date): string {
	const iso = d.toISOString(); // 2026-11-23T18:09:52.552Z
	const ms = d.getUTCMilliseconds();
	const base = iso.slice(0, 19);
	return ms === 0 ? `${base}+00:00` : `${base}.${String(ms).padStart(3, '0')}000+00:00`;
}

function base64(bytes: Uint8Array): string {
	const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const a = bytes[i] ?? 0, b = bytes[i + 1], c = bytes[i + 2];
		const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
		out += chars.charAt((n >> 18) & 63) + chars.charAt((n >> 12) & 63) + (b === undefined ? '=' : chars.charAt((n >> 6) & 63)) + (c === undefined ? '=' : chars.charAt(n & 63));
	}
	return out;
}

export function normalize(v: unknown): Json | undefined {
	if (v === undefined) return undefined;
	if (v === null) return null;
	if (v instanceof Date) return isoTimestamp(v);
	if (v instanceof Uint8Array) return base64(v);
	if (Array.isArray(v)) return v.map((x) => normalize(x) ?? null);
	if (typeof v === 'object') {
		const out: Record<string, Json> = {};
		for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
			if (k === '$metadata' || k === 'ResponseMetadata') continue;
			const n = normalize(x);
			if (n !== undefined) out[k] = n;
		}
		return out;
	}
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
	return String(v);
}
