// DetectStackDrift on a 100-resource stack built from the template benchmark's mix (VPC, subnets,
// security groups, SNS topics, SQS queues, S3 buckets) with the real providers: DetectStackDrift
// reads every resource back and compares it when its run ends on the virtual clock (a few virtual
// seconds later), then DescribeStackDriftDetectionStatus. Goal: under 20 ms.
import { driftDetectionMs } from '../../src/lib/engines/cloudformation/stacks/drift';
import { bench, describe } from 'vitest';
import { World } from '../../src/lib/engines/world';
import { rootCaller } from '../../src/lib/engines/world-constants';
import { loadResourceSchemas } from '../../src/lib/engines/cloudformation/api';
import { benchTemplate } from './cfn-template-fixture';

await loadResourceSchemas();

const RESOURCES = 100;
function stackTemplate(): string {
	const template = benchTemplate(RESOURCES) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
	let subnet = 0;
	for (const r of Object.values(template.Resources)) {
		if (r.Type !== 'AWS::EC2::Subnet') continue;
		r.Properties['CidrBlock'] = { 'Fn::Select': [subnet++, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 64, 8] }] };
	}
	return JSON.stringify(template);
}

const world = World.create({ now: '2026-11-23T00:00:00Z' });
const cfn = world.cloudformation(rootCaller(), 'us-east-1');
cfn.call('CreateStack', { StackName: 'bench', TemplateBody: stackTemplate() });
world.advanceBy(24 * 60 * 60 * 1000);
const stack = cfn.call('DescribeStacks', { StackName: 'bench' }).Stacks?.[0];
if (stack?.StackStatus !== 'CREATE_COMPLETE') throw new Error(`expected CREATE_COMPLETE, got ${String(stack?.StackStatus)}`);

function detect(): void {
	const { StackDriftDetectionId } = cfn.call('DetectStackDrift', { StackName: 'bench' });
	world.advanceBy(driftDetectionMs(RESOURCES));
	const status = cfn.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId });
	if (status.DetectionStatus !== 'DETECTION_COMPLETE') throw new Error('detection did not complete');
}
detect();
const checked = (cfn.call('DescribeStackResourceDrifts', { StackName: 'bench' }).StackResourceDrifts ?? []).length;
if (checked < RESOURCES) throw new Error(`expected ${RESOURCES} drift results, got ${checked}`);

describe(`DetectStackDrift on ${RESOURCES} resources`, () => {
	bench('detect + status', () => detect(), { time: 3000, warmupIterations: 5 });
});
