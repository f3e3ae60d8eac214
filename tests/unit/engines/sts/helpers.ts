// Two accounts with users and roles, for STS's tests: who may assume which role, and what the
// session may then do.
import { World } from '../../../../src/lib/engines/world';
import { LEARNER_ACCOUNT, SECOND_ACCOUNT, rootCaller, type Caller } from '../../../../src/lib/engines/world-constants';

export { caught } from '../world/helpers';

export const NOW = '2026-11-23T10:00:00.000Z';
export const REGION = 'us-east-1';
export const A = LEARNER_ACCOUNT;
export const B = SECOND_ACCOUNT;

export const userArn = (name: string, account: string = A) => `arn:aws:iam::${account}:user/${name}`;
export const roleArn = (name: string, account: string = A, path = '/') => `arn:aws:iam::${account}:role${path}${name}`;
export const userCaller = (name: string, account: string = A): Caller => ({ arn: userArn(name, account), accountId: account });

export const allow = (actions: string | string[], resource = '*') => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] });
export const deny = (actions: string | string[], resource = '*') => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: actions, Resource: resource }] });

/** A trust policy letting `principals` (ARNs or account ids) assume the role, with optional conditions. */
export const trusting = (principals: string | string[], condition?: Record<string, Record<string, string | string[]>>) =>
	JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }] });

export function setup() {
	const world = World.create({ now: NOW });
	return { world, iamA: world.iam(rootCaller(A)), iamB: world.iam(rootCaller(B)) };
}

/** A user of `account` with one access key; returns the caller and the key id. */
export function userWithKey(world: World, name: string, account: string = A): { caller: Caller; keyId: string } {
	const iam = world.iam(rootCaller(account));
	iam.call('CreateUser', { UserName: name });
	const keyId = iam.call('CreateAccessKey', { UserName: name }).AccessKey?.AccessKeyId ?? '';
	return { caller: userCaller(name, account), keyId };
}
