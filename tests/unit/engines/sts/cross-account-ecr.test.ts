// Cross-account push and pull through an assumed role: a CI user of account 210987654321 assumes
// its account's role `ci` and works on a repository of account 123456789012. Across accounts
// both sides must allow (the role's identity policy and the repository policy), and an explicit
// deny on either side wins. Each cell checks the first call refused and AWS's message for it.
import { describe, expect, it } from 'vitest';
import { fakeImage, pullSteps, pushSteps, runSteps, type ApiStep } from '../../../../src/lib/engines/ecr/docker';
import { AwsError } from '../../../../src/lib/engines/errors';
import type { World } from '../../../../src/lib/engines/world';
import { rootCaller, type Caller } from '../../../../src/lib/engines/world-constants';
import { A, B, REGION, roleArn, setup, trusting, userArn, userWithKey } from './helpers';

const REPO = `arn:aws:ecr:${REGION}:${A}:repository/app`;
const SESSION = `arn:aws:sts::${B}:assumed-role/ci/deploy`;
const PUSH = ['ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage'];
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];

type Side = 'none' | 'allow' | 'allow+deny';

function statement(effect: 'Allow' | 'Deny', extra: Record<string, unknown>) {
	return { Effect: effect, Action: [...new Set([...PUSH, ...PULL])], ...extra };
}

/** The world for one cell: the role's identity side and the repository's resource side. */
function cell(identity: Side, resource: Side): { world: World; session: Caller } {
	const { world, iamB } = setup();
	const admin = world.ecr(rootCaller(), REGION);
	admin.call('CreateRepository', { repositoryName: 'app' });
	const ecrA = world.ecr(rootCaller(), REGION);
	runSteps(pushSteps(fakeImage('alpine:3.20'), 'app', 'v1'), (s) => ecrA.callByName(s.operation, s.input));

	const builder = userWithKey(world, 'builder', B);
	iamB.call('CreateRole', { RoleName: 'ci', AssumeRolePolicyDocument: trusting(userArn('builder', B)) });
	const roleStatements: unknown[] = [{ Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' }];
	if (identity !== 'none') roleStatements.push(statement('Allow', { Resource: REPO }));
	if (identity === 'allow+deny') roleStatements.push(statement('Deny', { Resource: REPO }));
	iamB.call('PutRolePolicy', { RoleName: 'ci', PolicyName: 'ecr', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: roleStatements }) });

	if (resource !== 'none') {
		const repoStatements: unknown[] = [statement('Allow', { Sid: 'CiRole', Principal: { AWS: roleArn('ci', B) } })];
		if (resource === 'allow+deny') repoStatements.push(statement('Deny', { Sid: 'NotCi', Principal: { AWS: roleArn('ci', B) } }));
		admin.call('SetRepositoryPolicy', { repositoryName: 'app', policyText: JSON.stringify({ Version: '2012-10-17', Statement: repoStatements }) });
	}
	const out = world.sts(world.callerForAccessKey(builder.keyId)).call('AssumeRole', { RoleArn: roleArn('ci', B), RoleSessionName: 'deploy' });
	return { world, session: world.callerForAccessKey(out.Credentials!.AccessKeyId!) };
}

/** Runs a push or a pull; answers the operations that succeeded and the refusal, if any. */
function attempt(world: World, caller: Caller, steps: Generator<ApiStep, void, Record<string, unknown> | undefined>) {
	const ecr = world.ecr(caller, REGION);
	const done: string[] = [];
	try {
		runSteps(steps, (s) => {
			const out = ecr.callByName(s.operation, s.input);
			done.push(s.operation);
			return out;
		});
		return { done };
	} catch (e) {
		if (!(e instanceof AwsError)) throw e;
		return { done, refused: { code: e.code, message: e.message } };
	}
}

const push = (c: { world: World; session: Caller }) => attempt(c.world, c.session, pushSteps(fakeImage('busybox:1.36'), 'app', 'v2', A));
const pull = (c: { world: World; session: Caller }) => attempt(c.world, c.session, pullSteps('app', { imageTag: 'v1' }, A));
const refusal = (action: string, reason: string) => ({ code: 'AccessDeniedException', message: `User: ${SESSION} is not authorized to perform: ${action} on resource: ${REPO} ${reason}` });

describe('cross-account ECR through an assumed role', () => {
	it('identity side only: refused, no resource-based policy allows', () => {
		const c = cell('allow', 'none');
		expect(push(c)).toEqual({ done: ['GetAuthorizationToken'], refused: refusal('ecr:BatchCheckLayerAvailability', 'because no resource-based policy allows the ecr:BatchCheckLayerAvailability action') });
		expect(pull(c)).toEqual({ done: ['GetAuthorizationToken'], refused: refusal('ecr:BatchGetImage', 'because no resource-based policy allows the ecr:BatchGetImage action') });
	});

	it('resource side only: refused, no identity-based policy allows', () => {
		const c = cell('none', 'allow');
		expect(push(c).refused).toEqual(refusal('ecr:BatchCheckLayerAvailability', 'because no identity-based policy allows the ecr:BatchCheckLayerAvailability action'));
		expect(pull(c).refused).toEqual(refusal('ecr:BatchGetImage', 'because no identity-based policy allows the ecr:BatchGetImage action'));
	});

	it('both sides: push and pull succeed', () => {
		const c = cell('allow', 'allow');
		const pushed = push(c);
		expect(pushed.refused).toBeUndefined();
		expect(pushed.done).toContain('PutImage');
		const pulled = pull(c);
		expect(pulled.refused).toBeUndefined();
		expect(pulled.done).toContain('GetDownloadUrlForLayer');
		const tags = c.world.ecr(rootCaller(), REGION).call('DescribeImages', { repositoryName: 'app' }).imageDetails?.flatMap((d) => d.imageTags ?? []);
		expect(tags?.sort()).toEqual(['v1', 'v2']);
	});

	it('an explicit deny in the identity policy wins', () => {
		const c = cell('allow+deny', 'allow');
		expect(push(c).refused).toEqual(refusal('ecr:BatchCheckLayerAvailability', 'with an explicit deny in an identity-based policy'));
		expect(pull(c).refused).toEqual(refusal('ecr:BatchGetImage', 'with an explicit deny in an identity-based policy'));
	});

	it('an explicit deny in the repository policy wins', () => {
		const c = cell('allow', 'allow+deny');
		expect(push(c).refused).toEqual(refusal('ecr:BatchCheckLayerAvailability', 'with an explicit deny in a resource-based policy'));
		expect(pull(c).refused).toEqual(refusal('ecr:BatchGetImage', 'with an explicit deny in a resource-based policy'));
	});

	it('neither side: refused, and the explanation says both sides are missing', () => {
		const c = cell('none', 'none');
		expect(push(c).refused?.code).toBe('AccessDeniedException');
		const [decision] = c.world.explainEcr(c.session, REGION, 'PutImage', { repositoryName: 'app', registryId: A, imageManifest: '{}' });
		expect(decision?.explanation.failedSide).toBe('both');
	});
});
