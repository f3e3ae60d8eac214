// Service-assigned ids for the lightly modelled types, in AWS's formats: EC2's `vpc-` + 17 hex
// digits, KMS key ids as UUIDs. Each id hashes the account, Region, kind and the light store's
// counter, so the same operations give the same ids and no two resources share one.
import { sha256, toHex } from '../../sha256';
import type { ProviderContext } from './provider';

function digest(ctx: ProviderContext, kind: string): string {
	return toHex(sha256(`${ctx.accountId}/${ctx.region}/${kind}/${ctx.store.next()}`));
}

/** EC2-style id: `vpc-0a1b2c3d4e5f67890` (17 lower-case hex digits after the prefix). */
export const ec2Id = (ctx: ProviderContext, prefix: string): string => `${prefix}-${digest(ctx, prefix).slice(0, 17)}`;

/** A version-4-shaped UUID, as KMS key ids and request ids look. */
export function uuid(ctx: ProviderContext, kind: string): string {
	return uuidFrom(digest(ctx, kind));
}

/** The UUID layout over 32 hex digits (version nibble 4, variant 8-b). */
export function uuidFrom(hex: string): string {
	const h = hex.padEnd(32, '0');
	const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The request id an AWS SDK prints in an error message. Derived from what failed and when, so it
 * is stable without advancing any counter (a failed call changes nothing).
 */
export function requestId(ctx: ProviderContext, what: string): string {
	return uuidFrom(toHex(sha256(`${ctx.stackId}|${ctx.logicalId}|${ctx.clock.nowMs()}|${what}`)));
}

/** Upper-case hex, as EKS endpoint and OIDC ids look (32 characters). */
export const upperHexId = (ctx: ProviderContext, kind: string): string => digest(ctx, kind).slice(0, 32).toUpperCase();
