// A damaged save's keys and sessions (access keys, retired ids, STS sessions) are refused with an
// AwsError, or restore a world whose caller resolution, STS and IAM key operations answer only
// with results or AwsErrors, never a TypeError.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { paths, setAt, type Json } from '../json-paths';
import { A, REGION, allow, roleArn, setup, trusting, userArn, userWithKey } from './helpers';

function saved(): { base: Json; keys: string[] } {
	const { world, iamA } = setup();
	const dev = userWithKey(world, 'dev');
	const gone = iamA.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!.AccessKeyId!;
	iamA.call('DeleteAccessKey', { UserName: 'dev', AccessKeyId: gone });
	world.callerForAccessKey(dev.keyId, {}, { service: 'ecr', region: REGION });
	iamA.call('CreateRole', { RoleName: 'ops', AssumeRolePolicyDocument: trusting(userArn('dev')) });
	const session = world.sts(dev.caller).call('AssumeRole', { RoleArn: roleArn('ops'), RoleSessionName: 's1', Policy: allow('ecr:*') }).Credentials!.AccessKeyId!;
	return { base: JSON.parse(JSON.stringify(world.snapshot())) as Json, keys: [dev.keyId, gone, session] };
}

describe('restoring a save with damaged keys or sessions', () => {
	const { base, keys } = saved();
	const targets = paths(base).filter((p) => (p[0] === 'sts' || (p[0] === 'iam' && p[1] === 0 && (p.includes('accessKeys') || p.includes('retiredAccessKeyIds')))) && p.length > 1);

	it('refuses it, or answers only with results or AwsErrors', () => {
		expect(targets.length).toBeGreaterThan(10);
		fc.assert(
			fc.property(
				fc.constantFrom(...targets),
				fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, fc.constantFrom<Json>(null, '', 0, -1, 'Inactive', [], {}, true)),
				(path, replacement) => {
					let world: World;
					try {
						world = World.restore(setAt(base, path, replacement));
					} catch (e) {
						expect(e).toBeInstanceOf(AwsError);
						return;
					}
					const touch = (fn: () => unknown) => {
						try {
							fn();
						} catch (e) {
							if (!(e instanceof AwsError)) throw new Error(`damaged at ${path.join('.')}: ${String(e)}`);
						}
					};
					for (const key of keys) {
						touch(() => world.callerForAccessKey(key, {}, { service: 'sts', region: REGION }));
						touch(() => {
							const caller = world.callerForAccessKey(key);
							world.sts(caller).call('GetCallerIdentity', {});
							world.ecr(caller, REGION).call('DescribeRepositories', {});
						});
						touch(() => world.iam(rootCaller()).call('GetAccessKeyLastUsed', { AccessKeyId: key }));
					}
					touch(() => world.iam(rootCaller()).call('ListAccessKeys', { UserName: 'dev' }));
					touch(() => world.sts({ arn: userArn('dev'), accountId: A }).call('GetSessionToken', {}));
					touch(() => World.restore(JSON.parse(JSON.stringify(world.snapshot()))));
				}
			),
			{ numRuns: 300 }
		);
	});
});
