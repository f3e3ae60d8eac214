// CloudFormation's identifiers, made deterministic. Real stack ids and stack-event ids are
// time-based (version 1) UUIDs: `arn:aws:cloudformation:eu-west-1:…:stack/s3-bucket/ab495190-5a70-11ee-af83-06680f3be939`,
// event `b1ae2100-5a70-11ee-bd5a-0a4ffa38e2e5` (a real DescribeStackEvents answer of 2023). Here the
// time fields come from the virtual clock and the clock-sequence and node fields from a SHA-256
// of the account, Region and a counter, so the same operations give the same ids. Request tokens
// and cleanup event ids are random (version 4) UUIDs in AWS; here they hash what they name.
import { sha256, toHex } from '../../sha256';
import type { CloudFormationState } from './state';

/** 100-ns intervals between the Gregorian reform (the UUID epoch) and the Unix epoch. */
const UUID_EPOCH_OFFSET = 0x01b21dd213814000n;

/** A version-1 UUID for the instant `ms`, its other fields from `seed`. */
export function timeUuid(ms: number, seed: string, tick = 0): string {
	const t = BigInt(Math.floor(ms)) * 10000n + BigInt(tick % 10000) + UUID_EPOCH_OFFSET;
	const low = (t & 0xffffffffn).toString(16).padStart(8, '0');
	const mid = ((t >> 32n) & 0xffffn).toString(16).padStart(4, '0');
	const high = (((t >> 48n) & 0x0fffn) | 0x1000n).toString(16).padStart(4, '0');
	const h = toHex(sha256(seed));
	const clockSeq = ((parseInt(h.slice(0, 4), 16) & 0x3fff) | 0x8000).toString(16);
	return `${low}-${mid}-${high}-${clockSeq}-${h.slice(4, 16)}`;
}

/** A version-4-shaped UUID from a hash of `seed`. */
export function hashUuid(seed: string): string {
	const h = toHex(sha256(seed));
	const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The next value of the Region's counter: every id the engine makes draws one. */
export function nextSequence(state: CloudFormationState): number {
	state.sequence += 1;
	return state.sequence;
}

export function stackArn(region: string, accountId: string, stackName: string, uuid: string): string {
	return `arn:aws:cloudformation:${region}:${accountId}:stack/${stackName}/${uuid}`;
}

export function newStackId(state: CloudFormationState, stackName: string, nowMs: number): string {
	const n = nextSequence(state);
	return stackArn(state.region, state.accountId, stackName, timeUuid(nowMs, `${state.accountId}/${state.region}/stack/${stackName}/${n}`, n));
}

/** `arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>` → name, or undefined for anything else. */
export function parseStackArn(arn: string): { region: string; accountId: string; stackName: string; uuid: string } | undefined {
	const m = /^arn:aws[a-z-]*:cloudformation:([a-z0-9-]+):(\d{12}):stack\/([^/]+)\/([^/]+)$/.exec(arn);
	return m ? { region: m[1] as string, accountId: m[2] as string, stackName: m[3] as string, uuid: m[4] as string } : undefined;
}
