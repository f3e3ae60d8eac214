// AWS STS over the world, by API name: each operation is the STS engine's (engines/sts/), called
// as the request's caller. Add an operation to the engine and to this table, then rerun
// scripts/protocol/generate-models.mjs (it reads this table's keys).
import type { AssumeRoleResponse, GetCallerIdentityResponse, GetSessionTokenResponse } from '@aws-sdk/client-sts';
import type { World } from '../../engines/world';
import type { Caller } from '../../engines/world-constants';

export interface StsContext {
	world: World;
	caller: Caller;
	region: string;
}

export const stsOperations = {
	AssumeRole: (ctx: StsContext, input: unknown): AssumeRoleResponse => ctx.world.sts(ctx.caller).call('AssumeRole', input),
	GetCallerIdentity: (ctx: StsContext, input: unknown): GetCallerIdentityResponse => ctx.world.sts(ctx.caller).call('GetCallerIdentity', input),
	GetSessionToken: (ctx: StsContext, input: unknown): GetSessionTokenResponse => ctx.world.sts(ctx.caller).call('GetSessionToken', input)
} satisfies Record<string, (ctx: StsContext, input: unknown) => unknown>;

export const isStsOperation = (name: string): name is keyof typeof stsOperations => Object.prototype.hasOwnProperty.call(stsOperations, name);
