// Drift detection on a stack holding a real AWS::ECR::Repository: changes made through ECR
// behind the stack's back show up as MODIFIED with JSON-pointer property differences, a deleted
// repository as DELETED, an untouched one as IN_SYNC; types the simulator cannot read are NOT_CHECKED.
// DetectStackDrift runs for a few virtual seconds (drift-async.test.ts covers that phase), so each
// detection here moves the clock past it.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { defaultFakes, NOW, REGION, THING } from './helpers';

beforeAll(async () => {
	await loadResourceSchemas();
});

const POLICY = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 }, action: { type: 'expire' } }] });
const OTHER_POLICY = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] });

const TEMPLATE = (withLifecycle = false) => `
Resources:
  WebRepo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: team/web-app
      ImageTagMutability: MUTABLE
      ImageScanningConfiguration:
        ScanOnPush: true
${withLifecycle ? `      LifecyclePolicy:\n        LifecyclePolicyText: '${POLICY}'\n` : ''}      Tags:
        - Key: team
          Value: web
`;

function stackWithRepo(withLifecycle = false) {
	const world = World.create({ now: NOW });
	const cfn = world.cloudformation(rootCaller(), REGION);
	const ecr = world.ecr(rootCaller(), REGION);
	const { StackId } = cfn.call('CreateStack', { StackName: 'web', TemplateBody: TEMPLATE(withLifecycle) });
	world.advanceBy(60_000);
	expect(cfn.call('DescribeStacks', { StackName: 'web' }).Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
	return { world, cfn, ecr, stackId: StackId ?? '' };
}

type Cfn = ReturnType<World['cloudformation']>;

/** Long enough for any run here to finish. */
const RUN_MS = 10_000;

function detect(cfn: Cfn, world: World) {
	const { StackDriftDetectionId } = cfn.call('DetectStackDrift', { StackName: 'web' });
	world.advanceBy(RUN_MS);
	const status = cfn.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId });
	const [drift] = cfn.call('DescribeStackResourceDrifts', { StackName: 'web' }).StackResourceDrifts ?? [];
	return { id: StackDriftDetectionId, status, drift };
}

describe('drift detection on a stack with an AWS::ECR::Repository', () => {
	it('reports an untouched stack IN_SYNC, and DescribeStacks shows when it was checked', () => {
		const { world, cfn, stackId } = stackWithRepo();
		expect(cfn.call('DescribeStacks', { StackName: 'web' }).Stacks?.[0]?.DriftInformation).toEqual({ StackDriftStatus: 'NOT_CHECKED' });
		const started = new Date(world.clock.nowMs());
		const { id, status, drift } = detect(cfn, world);
		// Time-based (version 1) UUIDs, as real runs have (e.g. 86c17670-f67e-11eb-a5fc-067ab790b156).
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		// The run's Timestamp is when it was initiated; the resources' is when they were checked.
		const now = new Date(world.clock.nowMs() - RUN_MS + 2_500);
		expect(status).toEqual({ StackId: stackId, StackDriftDetectionId: id, StackDriftStatus: 'IN_SYNC', DetectionStatus: 'DETECTION_COMPLETE', DriftedStackResourceCount: 0, Timestamp: started });
		expect(drift).toMatchObject({ StackId: stackId, LogicalResourceId: 'WebRepo', PhysicalResourceId: 'team/web-app', ResourceType: 'AWS::ECR::Repository', StackResourceDriftStatus: 'IN_SYNC', PropertyDifferences: [], Timestamp: now });
		expect(JSON.parse(drift?.ExpectedProperties ?? '')).toEqual(JSON.parse(drift?.ActualProperties ?? ''));
		expect(cfn.call('DescribeStacks', { StackName: 'web' }).Stacks?.[0]?.DriftInformation).toEqual({ StackDriftStatus: 'IN_SYNC', LastCheckTimestamp: now });
		expect(cfn.call('DescribeStackResources', { StackName: 'web' }).StackResources?.[0]?.DriftInformation).toEqual({ StackResourceDriftStatus: 'IN_SYNC', LastCheckTimestamp: now });
	});

	it('reports a tag mutability changed through ECR as MODIFIED /ImageTagMutability NOT_EQUAL', () => {
		const { world, cfn, ecr } = stackWithRepo();
		ecr.call('PutImageTagMutability', { repositoryName: 'team/web-app', imageTagMutability: 'IMMUTABLE' });
		const { status, drift } = detect(cfn, world);
		expect(status).toMatchObject({ StackDriftStatus: 'DRIFTED', DriftedStackResourceCount: 1 });
		expect(drift?.StackResourceDriftStatus).toBe('MODIFIED');
		expect(drift?.PropertyDifferences).toEqual([{ PropertyPath: '/ImageTagMutability', ExpectedValue: 'MUTABLE', ActualValue: 'IMMUTABLE', DifferenceType: 'NOT_EQUAL' }]);
		expect(JSON.parse(drift?.ActualProperties ?? '')).toMatchObject({ ImageTagMutability: 'IMMUTABLE' });
		expect(cfn.call('DescribeStacks', { StackName: 'web' }).Stacks?.[0]?.DriftInformation?.StackDriftStatus).toBe('DRIFTED');
	});

	it('reports scan-on-push turned off as /ImageScanningConfiguration/ScanOnPush', () => {
		const { world, cfn, ecr } = stackWithRepo();
		ecr.call('PutImageScanningConfiguration', { repositoryName: 'team/web-app', imageScanningConfiguration: { scanOnPush: false } });
		const { drift } = detect(cfn, world);
		expect(drift?.PropertyDifferences).toEqual([{ PropertyPath: '/ImageScanningConfiguration/ScanOnPush', ExpectedValue: 'true', ActualValue: 'false', DifferenceType: 'NOT_EQUAL' }]);
	});

	it('reports a changed tag value as /Tags/0/Value and an added tag as ADD', () => {
		const { world, cfn, ecr } = stackWithRepo();
		const arn = 'arn:aws:ecr:us-east-1:123456789012:repository/team/web-app';
		ecr.call('TagResource', { resourceArn: arn, tags: [{ Key: 'team', Value: 'platform' }] });
		expect(detect(cfn, world).drift?.PropertyDifferences).toEqual([{ PropertyPath: '/Tags/0/Value', ExpectedValue: 'web', ActualValue: 'platform', DifferenceType: 'NOT_EQUAL' }]);
		ecr.call('TagResource', { resourceArn: arn, tags: [{ Key: 'team', Value: 'web' }, { Key: 'owner', Value: 'ops' }] });
		expect(detect(cfn, world).drift?.PropertyDifferences).toEqual([{ PropertyPath: '/Tags/1', ExpectedValue: 'null', ActualValue: '{"Key":"owner","Value":"ops"}', DifferenceType: 'ADD' }]);
	});

	it('ignores a lifecycle policy put out of band when the template sets none (only template properties are compared)', () => {
		const { world, cfn, ecr } = stackWithRepo();
		ecr.call('PutLifecyclePolicy', { repositoryName: 'team/web-app', lifecyclePolicyText: POLICY });
		expect(detect(cfn, world).drift?.StackResourceDriftStatus).toBe('IN_SYNC');
	});

	it('reports a lifecycle policy replaced out of band, and one deleted out of band as REMOVE', () => {
		const { world, cfn, ecr } = stackWithRepo(true);
		expect(detect(cfn, world).drift?.StackResourceDriftStatus).toBe('IN_SYNC');
		ecr.call('PutLifecyclePolicy', { repositoryName: 'team/web-app', lifecyclePolicyText: OTHER_POLICY });
		expect(detect(cfn, world).drift?.PropertyDifferences).toEqual([{ PropertyPath: '/LifecyclePolicy/LifecyclePolicyText', ExpectedValue: POLICY, ActualValue: OTHER_POLICY, DifferenceType: 'NOT_EQUAL' }]);
		ecr.call('DeleteLifecyclePolicy', { repositoryName: 'team/web-app' });
		expect(detect(cfn, world).drift?.PropertyDifferences).toEqual([{ PropertyPath: '/LifecyclePolicy', ExpectedValue: JSON.stringify({ LifecyclePolicyText: POLICY }), ActualValue: 'null', DifferenceType: 'REMOVE' }]);
	});

	it('reports a repository deleted out of band as DELETED', () => {
		const { world, cfn, ecr } = stackWithRepo();
		ecr.call('DeleteRepository', { repositoryName: 'team/web-app', force: true });
		const { status, drift } = detect(cfn, world);
		expect(status).toMatchObject({ StackDriftStatus: 'DRIFTED', DriftedStackResourceCount: 1 });
		expect(drift).toMatchObject({ StackResourceDriftStatus: 'DELETED', PropertyDifferences: [] });
		expect(drift?.ActualProperties).toBeUndefined();
		expect(cfn.call('DescribeStackResourceDrifts', { StackName: 'web', StackResourceDriftStatusFilters: ['IN_SYNC'] }).StackResourceDrifts).toEqual([]);
		expect(cfn.call('DescribeStackResourceDrifts', { StackName: 'web', StackResourceDriftStatusFilters: ['DELETED', 'MODIFIED'] }).StackResourceDrifts).toHaveLength(1);
	});

	it('checks one resource with DetectStackResourceDrift', () => {
		const { world, cfn, ecr } = stackWithRepo();
		ecr.call('PutImageTagMutability', { repositoryName: 'team/web-app', imageTagMutability: 'IMMUTABLE' });
		const { StackResourceDrift } = cfn.call('DetectStackResourceDrift', { StackName: 'web', LogicalResourceId: 'WebRepo' });
		expect(StackResourceDrift).toMatchObject({ LogicalResourceId: 'WebRepo', StackResourceDriftStatus: 'MODIFIED' });
		expect(() => cfn.call('DetectStackResourceDrift', { StackName: 'web', LogicalResourceId: 'Nope' })).toThrow(/Nope/);
	});

	it('refuses a stack that is not in a settled status, and an unknown detection id', () => {
		const world = World.create({ now: NOW });
		const cfn = world.cloudformation(rootCaller(), REGION);
		cfn.call('CreateStack', { StackName: 'web', TemplateBody: TEMPLATE() });
		expect(() => cfn.call('DetectStackDrift', { StackName: 'web' })).toThrow(/CREATE_IN_PROGRESS/);
		expect(() => cfn.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId: 'nope' })).toThrow();
		expect(() => cfn.call('DetectStackDrift', { StackName: 'missing' })).toThrow('Stack with id missing does not exist');
	});

	it('marks types the simulator cannot read NOT_CHECKED, and pages with MaxResults', () => {
		const world = World.create({ now: NOW, providers: defaultFakes() });
		const cfn = world.cloudformation(rootCaller(), REGION);
		const body = { Resources: Object.fromEntries(['A', 'B', 'C'].map((id) => [id, { Type: THING, Properties: { Value: id } }])) };
		cfn.call('CreateStack', { StackName: 'web', TemplateBody: JSON.stringify(body) });
		world.advanceBy(60 * 60_000);
		const { StackDriftDetectionId } = cfn.call('DetectStackDrift', { StackName: 'web' });
		world.advanceBy(RUN_MS);
		expect(cfn.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId })).toMatchObject({ StackDriftStatus: 'IN_SYNC', DriftedStackResourceCount: 0 });
		const first = cfn.call('DescribeStackResourceDrifts', { StackName: 'web', MaxResults: 2 });
		expect(first.StackResourceDrifts?.map((d) => [d.LogicalResourceId, d.StackResourceDriftStatus])).toEqual([['A', 'NOT_CHECKED'], ['B', 'NOT_CHECKED']]);
		const second = cfn.call('DescribeStackResourceDrifts', { StackName: 'web', MaxResults: 2, NextToken: first.NextToken });
		expect(second.StackResourceDrifts?.map((d) => d.LogicalResourceId)).toEqual(['C']);
		expect(second.NextToken).toBeUndefined();
	});

	it('survives a snapshot and restore', () => {
		const { world, cfn } = stackWithRepo();
		const { id } = detect(cfn, world);
		const restored = World.restore(JSON.parse(JSON.stringify(world.snapshot())));
		expect(restored.cloudformation(rootCaller(), REGION).call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId: id }).StackDriftStatus).toBe('IN_SYNC');
	});
});
