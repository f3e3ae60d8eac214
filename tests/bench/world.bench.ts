// Snapshot and restore of a busy world: 50 repositories of 200 images each (goal: under 50 ms).
import { bench, describe } from 'vitest';
import { World } from '../../src/lib/engines/world';
import { rootCaller } from '../../src/lib/engines/world-constants';
import { fakeImage, manifestFor, pushSteps, runSteps } from '../../src/lib/engines/ecr/docker';

const world = World.create({ now: '2026-11-23T00:00:00Z' });
const ecr = world.ecr(rootCaller(), 'us-east-1');
for (let r = 0; r < 50; r++) {
	const repositoryName = `service-${r}`;
	ecr.call('CreateRepository', { repositoryName });
	const image = fakeImage(repositoryName);
	runSteps(pushSteps(image, repositoryName, 'base'), (s) => ecr.callByName(s.operation, s.input));
	const manifest = JSON.parse(manifestFor(image)) as Record<string, unknown>;
	for (let i = 1; i < 200; i++) {
		// Same layers, a different annotation: a different manifest, so a different image.
		const text = JSON.stringify({ ...manifest, annotations: { build: String(i) } });
		ecr.call('PutImage', { repositoryName, imageManifest: text, imageTag: `build-${i}` });
		world.clock.advance(60_000);
	}
}
const snapshot = world.snapshot();
const json = JSON.stringify(snapshot);

describe('world snapshot (50 repositories × 200 images)', () => {
	bench('snapshot + restore', () => {
		World.restore(world.snapshot());
	});
	bench('snapshot + JSON round trip + restore', () => {
		World.restore(JSON.parse(JSON.stringify(world.snapshot())));
	});
	bench('restore from saved JSON text', () => {
		World.restore(JSON.parse(json));
	});
});

// Every API call is authorized; this is the cost a learner's push pays for it.
const authWorld = World.create({ now: '2026-11-23T00:00:00Z' });
authWorld.ecr(rootCaller(), 'us-east-1').call('CreateRepository', { repositoryName: 'app' });
authWorld.iam(rootCaller()).call('CreateUser', { UserName: 'dev' });
authWorld.iam(rootCaller()).call('AttachUserPolicy', { UserName: 'dev', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser' });
const dev = authWorld.ecr({ arn: 'arn:aws:iam::123456789012:user/dev', accountId: '123456789012' }, 'us-east-1');

describe('authorized ECR calls (IAM user with a managed policy)', () => {
	bench('DescribeRepositories as an IAM user', () => {
		dev.call('DescribeRepositories', { repositoryNames: ['app'] });
	});
});
