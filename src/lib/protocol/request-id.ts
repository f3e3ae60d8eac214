// Request ids in AWS's UUID form, deterministic: the n-th request a world answers gets the same id
// on every run (tests and recorded lab transcripts compare them), and nothing in src/lib reads
// platform randomness. Callers that want their own ids pass `requestId` to handleAwsRequest.
import { sha256, toHex } from '../engines/sha256';

const counters = new WeakMap<object, number>();

export function uuidFrom(seed: string): string {
	const h = toHex(sha256(seed));
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The next request id of a world's sequence. */
export function nextRequestId(world: object): string {
	const n = (counters.get(world) ?? 0) + 1;
	counters.set(world, n);
	return uuidFrom(`aws-request/${n}`);
}
