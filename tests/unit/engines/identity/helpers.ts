// A world with the learner's account and its root IAM, for the IAM service's own tests.
import { World } from '../../../../src/lib/engines/world';
import { LEARNER_ACCOUNT, rootCaller, type Caller } from '../../../../src/lib/engines/world-constants';

export { caught } from '../world/helpers';

export const NOW = '2026-11-23T10:00:00.000Z';
export const REGION = 'us-east-1';
export const ACCOUNT = LEARNER_ACCOUNT;

export const doc = (actions: string | string[], resource = '*') => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] });
export const trust = (service = 'codebuild.amazonaws.com') => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
export const awsPolicy = (name: string) => `arn:aws:iam::aws:policy/${name}`;
export const localPolicy = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:policy${path}${name}`;
export const userCaller = (name: string, path = '/'): Caller => ({ arn: `arn:aws:iam::${ACCOUNT}:user${path}${name}`, accountId: ACCOUNT });

export function setup() {
	const world = World.create({ now: NOW });
	return { world, iam: world.iam(rootCaller()) };
}
