// DetectStackDrift is asynchronous, as in AWS: DETECTION_IN_PROGRESS ("User Initiated", no drift
// status or count yet) until the run's end on the virtual clock, then DETECTION_COMPLETE with the
// results read at that instant; one run at a time per stack; a run survives a save mid-way and
// finishes the same; a resource the reader may not read makes the run DETECTION_FAILED with
// AWS's JSON summary of the failures.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { driftDetectionMs } from '../../../../../src/lib/engines/cloudformation/stacks/drift';
import { World } from '../../../../../src/lib/engines/world';
import { LEARNER_ACCOUNT, rootCaller } from '../../../../../src/lib/engines/world-constants';
import { NOW, REGION } from './helpers';

beforeAll(async () => {
	await loadResourceSchemas();
});

const TEMPLATE = JSON.stringify({
	Resources: {
		Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'team/web-app', ImageTagMutability: 'MUTABLE', Tags: [{ Key: 'team', Value: 'web' }] } }
	}
});

function stack(world = World.create({ now: NOW })) {
	const cfn = world.cloudformation(rootCaller(), REGION);
	const ecr = world.ecr(rootCaller(), REGION);
	const { StackId } = cfn.call('CreateStack', { StackName: 'web', TemplateBody: TEMPLATE });
	world.advanceBy(60_000);
	return { world, cfn, ecr, stackId: StackId ?? '' };
}

/** One resource: the run takes 2.5 virtual seconds. */
const RUN = driftDetectionMs(1);

describe('DetectStackDrift runs on the virtual clock', () => {
	it('is DETECTION_IN_PROGRESS, User Initiated, with no status or count until its end', () => {
		const { world, cfn, stackId } = stack();
		const started = new Date(world.clock.nowMs());
		const { StackDriftDetectionId } = cfn.call('DetectStackDrift', { StackName: 'web' });
		const running = cfn.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId });
		expect(running).toEqual({ StackId: stackId, StackDriftDetectionId, DetectionStatus: 'DETECTION_IN_PROGRESS', DetectionStatusReason: 'User Initiated', Timestamp: started });
		// Nothing is known about the stack yet: DescribeStacks still says it was never checked.
		expect(cfn.call('DescribeStacks', { StackName: 'web' }).Stacks?.[0]?.DriftInformation).toEqual({ StackDriftStatus: 'NOT_CHECKED' });
		expect(cfn.call('DescribeStackResourceDrifts', { StackName: 'web' }).StackResourceDrifts).toEqual([]);
		world.advanceBy(RUN - 1);
		expect(cfn.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId }).DetectionStatus).toBe('DETECTION_IN_PROGRESS');
		const events = world.advanceBy(1);
		expect(cfn.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId })).toEqual({
			StackId: stackId,
			StackDriftDetectionId,
			StackDriftStatus: 'IN_SYNC',
			DetectionStatus: 'DETECTION_COMPLETE',
			DriftedStackResourceCount: 0,
			Timestamp: started
		});
		expect(events).toEqual([
			{ at: new Date(started.getTime() + RUN).toISOString(), kind: 'stack-drift-detection-complete', accountId: LEARNER_ACCOUNT, region: REGION, stackId, stackName: 'web', detectionId: StackDriftDetectionId, detectionStatus: 'DETECTION_COMPLETE', stackDriftStatus: 'IN_SYNC' }
		]);
	});

	it('reports what the resources are when the run ends: a change during the run counts, one after does not', () => {
		const { world, cfn, ecr } = stack();
		const { StackDriftDetectionId } = cfn.call('DetectStackDrift', { StackName: 'web' });
		world.advanceBy(1_000);
		ecr.call('PutImageTagMutability', { repositoryName: 'team/web-app', imageTagMutability: 'IMMUTABLE' });
		world.advanceBy(RUN);
		expect(cfn.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId })).toMatchObject({ StackDriftStatus: 'DRIFTED', DriftedStackResourceCount: 1 });
		ecr.call('PutImageTagMutability', { repositoryName: 'team/web-app', imageTagMutability: 'MUTABLE' });
		world.advanceBy(60_000);
		const [drift] = cfn.call('DescribeStackResourceDrifts', { StackName: 'web' }).StackResourceDrifts ?? [];
		expect(drift?.PropertyDifferences).toEqual([{ PropertyPath: '/ImageTagMutability', ExpectedValue: 'MUTABLE', ActualValue: 'IMMUTABLE', DifferenceType: 'NOT_EQUAL' }]);
	});

	it('runs one detection at a time per stack; another stack or a finished run is no obstacle', () => {
		const { world, cfn } = stack();
		cfn.call('DetectStackDrift', { StackName: 'web' });
		expect(() => cfn.call('DetectStackDrift', { StackName: 'web' })).toThrow(expect.objectContaining({ name: 'ValidationError', message: 'Drift detection is already in progress for stack' }));
		// A single resource can still be checked meanwhile (DetectStackResourceDrift answers at once).
		expect(cfn.call('DetectStackResourceDrift', { StackName: 'web', LogicalResourceId: 'Repo' }).StackResourceDrift?.StackResourceDriftStatus).toBe('IN_SYNC');
		world.advanceBy(RUN);
		expect(cfn.call('DetectStackDrift', { StackName: 'web' }).StackDriftDetectionId).toBeDefined();
	});

	it('a world saved mid-run finishes the run exactly as one that ran straight through', () => {
		const straight = stack();
		const saved = stack();
		const a = straight.cfn.call('DetectStackDrift', { StackName: 'web' }).StackDriftDetectionId;
		const b = saved.cfn.call('DetectStackDrift', { StackName: 'web' }).StackDriftDetectionId;
		expect(a).toBe(b);
		straight.world.advanceBy(1_000);
		saved.world.advanceBy(1_000);
		const restored = World.restore(JSON.parse(JSON.stringify(saved.world.snapshot())));
		expect(restored.snapshot().jobs.jobs.map((j) => j.kind)).toEqual(['driftDetection']);
		straight.world.advanceBy(RUN);
		restored.advanceBy(RUN);
		expect(restored.snapshot()).toEqual(straight.world.snapshot());
		expect(restored.cloudformation(rootCaller(), REGION).call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId: a }).DetectionStatus).toBe('DETECTION_COMPLETE');
	});

	it('is DETECTION_FAILED, with AWS\'s JSON summary, when the reader may not read a resource', () => {
		const { world } = stack();
		const iam = world.iam(rootCaller());
		iam.call('CreateUser', { UserName: 'auditor' });
		iam.call('PutUserPolicy', { UserName: 'auditor', PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:*', Resource: '*' }] }) });
		const auditor = world.cloudformation({ arn: `arn:aws:iam::${LEARNER_ACCOUNT}:user/auditor`, accountId: LEARNER_ACCOUNT }, REGION);
		const { StackDriftDetectionId } = auditor.call('DetectStackDrift', { StackName: 'web' });
		world.advanceBy(RUN);
		const status = auditor.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId });
		expect(status).toMatchObject({ DetectionStatus: 'DETECTION_FAILED', StackDriftStatus: 'UNKNOWN' });
		expect(status.DriftedStackResourceCount).toBeUndefined();
		const reason = JSON.parse(status.DetectionStatusReason ?? '') as { Summary: string; Failures: { Resource: string; FailureReason: string }[] };
		expect(reason.Summary).toBe('Failed to detect drift on resources [Repo]');
		expect(reason.Failures).toHaveLength(1);
		expect(reason.Failures[0]?.Resource).toBe('Repo');
		expect(reason.Failures[0]?.FailureReason).toMatch(/^User: arn:aws:iam::123456789012:user\/auditor is not authorized to perform: ecr:DescribeRepositories/);
		// "Results will be available for resources on which CloudFormation successfully completed drift detection": none here.
		expect(auditor.call('DescribeStackResourceDrifts', { StackName: 'web' }).StackResourceDrifts).toEqual([]);
		expect(auditor.call('DescribeStacks', { StackName: 'web' }).Stacks?.[0]?.DriftInformation?.StackDriftStatus).toBe('UNKNOWN');
	});

	it('checks only the LogicalResourceIds asked for', () => {
		const world = World.create({ now: NOW });
		const cfn = world.cloudformation(rootCaller(), REGION);
		const repo = (name: string) => ({ Type: 'AWS::ECR::Repository', Properties: { RepositoryName: name } });
		cfn.call('CreateStack', { StackName: 'two', TemplateBody: JSON.stringify({ Resources: { A: repo('a-repo'), B: repo('b-repo') } }) });
		world.advanceBy(60_000);
		cfn.call('DetectStackDrift', { StackName: 'two', LogicalResourceIds: ['B'] });
		world.advanceBy(driftDetectionMs(1));
		expect(cfn.call('DescribeStackResourceDrifts', { StackName: 'two' }).StackResourceDrifts?.map((d) => d.LogicalResourceId)).toEqual(['B']);
		expect(() => cfn.call('DetectStackDrift', { StackName: 'two', LogicalResourceIds: ['C'] })).toThrow('Resource C does not exist for stack two');
	});
});
