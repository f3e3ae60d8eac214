import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/lib/engines/world';
import { LEARNER_ACCOUNT, SECOND_ACCOUNT, rootCaller } from '../../../../src/lib/engines/world-constants';
import { fakeImage, pushSteps, runSteps } from '../../../../src/lib/engines/ecr/docker';
import { REPLICATION_DELAY_MS } from '../../../../src/lib/engines/ecr/replication';

const NOW = '2026-11-23T10:00:00.000Z';

function setup() {
	const world = World.create({ now: NOW });
	const east = world.ecr(rootCaller(), 'us-east-1');
	const push = (repo: string, image: string, tag: string) => runSteps(pushSteps(fakeImage(image), repo, tag), (s) => east.callByName(s.operation, s.input));
	return { world, east, push };
}

const rule = (destinations: { region: string; registryId: string }[], prefixes: string[] = []) => ({
	replicationConfiguration: {
		rules: [{ destinations, ...(prefixes.length ? { repositoryFilters: prefixes.map((filter) => ({ filter, filterType: 'PREFIX_MATCH' })) } : {}) }]
	}
});

describe('replication', () => {
	it('copies pushes made after the rule to another Region a few virtual minutes later, with default settings', () => {
		const { world, east, push } = setup();
		east.call('CreateRepository', { repositoryName: 'prod/api', imageTagMutability: 'IMMUTABLE' });
		push('prod/api', 'alpine:3.14', 'before');
		east.call('PutLifecyclePolicy', {
			repositoryName: 'prod/api',
			lifecyclePolicyText: JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] })
		});
		east.call('PutReplicationConfiguration', rule([{ region: 'eu-west-1', registryId: LEARNER_ACCOUNT }], ['prod']));
		push('prod/api', 'alpine:3.20', 'after');
		const digest = east.call('DescribeImages', { repositoryName: 'prod/api', imageIds: [{ imageTag: 'after' }] }).imageDetails?.[0]?.imageDigest;
		expect(east.call('DescribeImageReplicationStatus', { repositoryName: 'prod/api', imageId: { imageTag: 'after' } }).replicationStatuses).toEqual([
			{ region: 'eu-west-1', registryId: LEARNER_ACCOUNT, status: 'IN_PROGRESS' }
		]);

		const eu = world.ecr(rootCaller(), 'eu-west-1');
		expect(eu.call('DescribeRepositories', {}).repositories).toEqual([]);
		const events = world.advanceBy(REPLICATION_DELAY_MS);
		expect(events.map((e) => e.kind)).toEqual(['replication-complete']);

		const [replica] = eu.call('DescribeRepositories', {}).repositories ?? [];
		expect(replica?.repositoryName).toBe('prod/api');
		expect(replica?.imageTagMutability).toBe('MUTABLE');
		expect(eu.call('ListImages', { repositoryName: 'prod/api' }).imageIds).toEqual([{ imageDigest: digest, imageTag: 'after' }]);
		expect(() => eu.call('GetLifecyclePolicy', { repositoryName: 'prod/api' })).toThrow(/LifecyclePolicy|lifecycle policy/i);
		expect(east.call('DescribeImageReplicationStatus', { repositoryName: 'prod/api', imageId: { imageTag: 'after' } }).replicationStatuses?.[0]?.status).toBe('COMPLETE');
	});

	it('does not replicate repositories outside the prefix filters', () => {
		const { world, east, push } = setup();
		east.call('PutReplicationConfiguration', rule([{ region: 'us-west-2', registryId: LEARNER_ACCOUNT }], ['prod']));
		east.call('CreateRepository', { repositoryName: 'dev/api' });
		push('dev/api', 'alpine:3.20', 'v1');
		expect(world.advanceBy(REPLICATION_DELAY_MS)).toEqual([]);
		expect(world.ecr(rootCaller(), 'us-west-2').call('DescribeRepositories', {}).repositories).toEqual([]);
	});

	it('across accounts fails without the destination registry policy and succeeds with it', () => {
		const { world, east, push } = setup();
		east.call('CreateRepository', { repositoryName: 'shared' });
		east.call('PutReplicationConfiguration', rule([{ region: 'us-east-1', registryId: SECOND_ACCOUNT }]));
		push('shared', 'alpine:3.20', 'v1');
		const [failed] = world.advanceBy(REPLICATION_DELAY_MS);
		expect(failed?.kind).toBe('replication-failed');
		expect(east.call('DescribeImageReplicationStatus', { repositoryName: 'shared', imageId: { imageTag: 'v1' } }).replicationStatuses?.[0]).toMatchObject({ status: 'FAILED' });

		const other = world.ecr(rootCaller(SECOND_ACCOUNT), 'us-east-1');
		other.call('PutRegistryPolicy', {
			policyText: JSON.stringify({
				Version: '2012-10-17',
				Statement: [
					{
						Sid: 'FromLearner',
						Effect: 'Allow',
						Principal: { AWS: `arn:aws:iam::${LEARNER_ACCOUNT}:root` },
						Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'],
						Resource: `arn:aws:ecr:us-east-1:${SECOND_ACCOUNT}:repository/*`
					}
				]
			})
		});
		push('shared', 'alpine:3.14', 'v2');
		expect(world.advanceBy(REPLICATION_DELAY_MS).map((e) => e.kind)).toEqual(['replication-complete']);
		expect(other.call('ListImages', { repositoryName: 'shared' }).imageIds?.map((i) => i.imageTag)).toEqual(['v2']);
	});

	it('keeps an immutable destination tag: the replica arrives without it', () => {
		const { world, east, push } = setup();
		const west = world.ecr(rootCaller(), 'us-west-2');
		west.call('CreateRepository', { repositoryName: 'app', imageTagMutability: 'IMMUTABLE' });
		runSteps(pushSteps(fakeImage('node:22-alpine'), 'app', 'v1'), (s) => west.callByName(s.operation, s.input));
		east.call('CreateRepository', { repositoryName: 'app' });
		east.call('PutReplicationConfiguration', rule([{ region: 'us-west-2', registryId: LEARNER_ACCOUNT }]));
		push('app', 'alpine:3.20', 'v1');
		world.advanceBy(REPLICATION_DELAY_MS);
		const images = west.call('DescribeImages', { repositoryName: 'app' }).imageDetails ?? [];
		expect(images).toHaveLength(2);
		expect(images.filter((i) => i.imageTags?.includes('v1'))).toHaveLength(1);
		expect(images.filter((i) => !i.imageTags)).toHaveLength(1);
	});

	it('a world saved mid-replication finishes the same way after restore', () => {
		const { world, east, push } = setup();
		east.call('CreateRepository', { repositoryName: 'app' });
		east.call('PutReplicationConfiguration', rule([{ region: 'eu-west-1', registryId: LEARNER_ACCOUNT }]));
		push('app', 'alpine:3.20', 'v1');
		world.advanceBy(60_000);
		const restored = World.restore(JSON.parse(JSON.stringify(world.snapshot())));
		const a = world.advanceBy(REPLICATION_DELAY_MS);
		const b = restored.advanceBy(REPLICATION_DELAY_MS);
		expect(b).toEqual(a);
		expect(restored.snapshot()).toEqual(world.snapshot());
	});
});

describe('lifecycle preview takes time', () => {
	it('is IN_PROGRESS until the job finishes, then COMPLETE with the results', () => {
		const { world, east, push } = setup();
		east.call('CreateRepository', { repositoryName: 'app' });
		push('app', 'alpine:3.14', 'a');
		push('app', 'alpine:3.20', 'a');
		push('app', 'node:22-alpine', 'a');
		const policy = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] });
		expect(east.call('StartLifecyclePolicyPreview', { repositoryName: 'app', lifecyclePolicyText: policy }).status).toBe('IN_PROGRESS');
		expect(east.call('GetLifecyclePolicyPreview', { repositoryName: 'app' })).toMatchObject({ status: 'IN_PROGRESS', previewResults: [] });
		expect(world.advanceBy(10_000).map((e) => e.kind)).toEqual(['lifecycle-preview-complete']);
		const done = east.call('GetLifecyclePolicyPreview', { repositoryName: 'app' });
		expect(done.status).toBe('COMPLETE');
		expect(done.summary?.expiringImageTotalCount).toBe(1);
	});
});
