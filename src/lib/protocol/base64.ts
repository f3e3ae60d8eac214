// Base64 for blobs on the wire (RFC 4648, standard alphabet, padded), written out so that a
// malformed value is reported instead of silently decoded (atob skips whitespace and accepts a
// missing padding) and so the code needs no DOM or Node globals.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// Indexed by char code (-1: not in the alphabet); a table, because layer parts run to 28 MB of text.
const INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const a = bytes[i] ?? 0;
		const b = bytes[i + 1];
		const c = bytes[i + 2];
		const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
		out += ALPHABET[(n >> 18) & 63];
		out += ALPHABET[(n >> 12) & 63];
		out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63];
		out += c === undefined ? '=' : ALPHABET[n & 63];
	}
	return out;
}

/** The bytes of a base64 text, or undefined when it is not valid base64. */
export function fromBase64(text: string): Uint8Array | undefined {
	if (text.length % 4 !== 0) return undefined;
	const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	const out = new Uint8Array((text.length / 4) * 3 - pad);
	let o = 0;
	for (let i = 0; i < text.length; i += 4) {
		let n = 0;
		for (let j = 0; j < 4; j++) {
			const code = text.charCodeAt(i + j);
			const last = i + 4 === text.length;
			if (code === 61 /* = */ && last && j >= 4 - pad) {
				n <<= 6;
				continue;
			}
			const v = code < 128 ? (INDEX[code] ?? -1) : -1;
			if (v < 0) return undefined;
			n = (n << 6) | v;
		}
		if (o < out.length) out[o++] = (n >> 16) & 255;
		if (o < out.length) out[o++] = (n >> 8) & 255;
		if (o < out.length) out[o++] = n & 255;
	}
	return out;
}
