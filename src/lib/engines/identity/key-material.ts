// Access key ids, secrets and session tokens in AWS's forms: `AKIA` (a user's long-term key) or
// `ASIA` (temporary, from STS) and 16 base-32 characters; a 40-character secret. They are derived
// with SHA-256 from a seed the caller takes from the world's own counters, so the same operations
// give the same keys on every run and nothing in the engines reads platform randomness. They are
// not secret in any real sense (the simulator checks no signature): they only have to look right
// and be unique within a world.
import { sha256 } from '../sha256';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `count` characters of `alphabet`, one per digest byte, hashing `seed#0`, `seed#1` ... as needed. */
function characters(seed: string, alphabet: string, count: number): string {
	let out = '';
	for (let block = 0; out.length < count; block++) {
		for (const byte of sha256(`${seed}#${block}`)) {
			if (out.length === count) break;
			out += alphabet[byte % alphabet.length];
		}
	}
	return out;
}

export type KeyPrefix = 'AKIA' | 'ASIA';

/** Base-32 uses A-Z and 2-7 only, so no generated id can equal a sandbox root key (AKIAROOT + digits). */
export const accessKeyId = (prefix: KeyPrefix, seed: string): string => prefix + characters(`key/${seed}`, BASE32, 16);

export const secretAccessKey = (keyId: string): string => characters(`secret/${keyId}`, BASE64, 40);

/**
 * A session token: opaque base64 text like AWS's (which starts with the same "IQoJb3JpZ2luX2Vj"
 * header); its content means nothing here, requests are matched to sessions by access key id.
 */
export const sessionToken = (keyId: string): string => `IQoJb3JpZ2luX2Vj${characters(`token/${keyId}`, BASE64, 280)}`;
