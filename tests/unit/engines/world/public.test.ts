import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import { LEARNER_ACCOUNT, rootCaller, type Caller } from '../../../../src/lib/engines/world-constants';
import { fakeImage, pushSteps, runSteps } from '../../../../src/lib/engines/ecr/docker';

const NOW = '2026-11-23T10:00:00.000Z';

describe('ECR Public', () => {
	it('lets anyone pull what the owner pushed, without credentials', () => {
		const world = World.create({ now: NOW });
		const pub = world.ecrPublic(rootCaller());
		const created = pub.call('CreateRepository', { repositoryName: 'tools/hello' });
		const [registry] = pub.call('DescribeRegistries', {}).registries ?? [];
		const alias = registry?.aliases?.[0]?.name as string;
		expect(alias).toMatch(/^[a-z][a-z0-9]{7}$/);
		expect(created.repository).toMatchObject({
			repositoryArn: `arn:aws:ecr-public::${LEARNER_ACCOUNT}:repository/tools/hello`,
			repositoryUri: `public.ecr.aws/${alias}/tools/hello`
		});
		runSteps(pushSteps(fakeImage('alpine:3.20'), 'tools/hello', 'latest'), (s) => pub.callByName(s.operation, s.input));
		const pulled = world.pullPublic(`public.ecr.aws/${alias}/tools/hello`);
		expect(pulled.layerDigests).toHaveLength(3);
		expect(world.pullPublic(`public.ecr.aws/${alias}/tools/hello@${pulled.imageDigest}`).imageDigest).toBe(pulled.imageDigest);
		expect(() => world.pullPublic(`public.ecr.aws/${alias}/tools/hello:nope`)).toThrow(AwsError);
		expect(pub.call('DescribeImageTags', {repositoryName: 'tools/hello'}).imageTagDetails?.map((t) => t.imageTag)).toEqual(['latest']);
	});

	it('pushing needs ecr-public permissions and sts:GetServiceBearerToken', () => {
		const world = World.create({ now: NOW });
		world.iam(rootCaller()).call('CreateUser', { UserName: 'pub' });
		world.iam(rootCaller()).call('PutUserPolicy', {
			UserName: 'pub',
			PolicyName: 'public',
			PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr-public:*', Resource: '*' }] })
		});
		const user: Caller = { arn: `arn:aws:iam::${LEARNER_ACCOUNT}:user/pub`, accountId: LEARNER_ACCOUNT };
		expect(() => world.ecrPublic(user).call('GetAuthorizationToken', {})).toThrow(/sts:GetServiceBearerToken/);
	});
});
