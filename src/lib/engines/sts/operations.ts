// The STS API the simulator serves, by name. Shapes follow @aws-sdk/client-sts.
import { assumeRole } from './assume-role';
import { getCallerIdentity } from './caller-identity';
import type { StsContext } from './context';
import { getSessionToken } from './session-token';

export type { StsContext } from './context';

export const stsEngineOperations = {
	GetCallerIdentity: getCallerIdentity,
	AssumeRole: assumeRole,
	GetSessionToken: getSessionToken
} satisfies Record<string, (ctx: StsContext, input: unknown) => unknown>;

export type StsOperationName = keyof typeof stsEngineOperations;
export const isStsEngineOperation = (n: string): n is StsOperationName => Object.prototype.hasOwnProperty.call(stsEngineOperations, n);
