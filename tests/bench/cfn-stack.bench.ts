// A full CreateStack of a 100-resource stack on a fast-forwarded clock: the real providers
// (VPC, subnets, security groups, SNS topics, SQS queues, S3 buckets), and the same template on
// trivial providers to show the stack engine's own cost. Goal: under 100 ms.
import { bench, describe } from 'vitest';
import { World } from '../../src/lib/engines/world';
import { rootCaller } from '../../src/lib/engines/world-constants';
import { loadResourceSchemas } from '../../src/lib/engines/cloudformation/api';
import type { ProviderRegistry } from '../../src/lib/engines/cloudformation/stacks/environment';
import type { ResourceProvider } from '../../src/lib/engines/cloudformation/providers/provider';
import { benchTemplate } from './cfn-template-fixture';

await loadResourceSchemas();

const RESOURCES = 100;
/** The template benchmark's mix, with one /24 per subnet (its Fn::Select picks i % 16, which EC2 would refuse as overlapping). */
function stackTemplate(): string {
	const template = benchTemplate(RESOURCES) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
	let subnet = 0;
	for (const r of Object.values(template.Resources)) {
		if (r.Type !== 'AWS::EC2::Subnet') continue;
		r.Properties['CidrBlock'] = { 'Fn::Select': [subnet++, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 64, 8] }] };
	}
	return JSON.stringify(template);
}
const body = stackTemplate();
const opts = { time: 3000, warmupIterations: 5 };

const trivial = (type: string): ResourceProvider => ({
	type,
	durations: { create: 30_000, update: 10_000, delete: 10_000 },
	create: (ctx) => ({ physicalId: `${ctx.logicalId}-${ctx.uniqueSuffix()}`, attributes: { CidrBlock: '10.0.0.0/16', Arn: 'arn:aws:x' } }),
	update: (_ctx, physicalId) => ({ physicalId, attributes: {} }),
	delete: () => undefined
});
const trivialRegistry: ProviderRegistry = (type) => trivial(type);

function createStack(providers?: ProviderRegistry): void {
	const world = World.create({ now: '2026-11-23T00:00:00Z', ...(providers ? { providers } : {}) });
	const cfn = world.cloudformation(rootCaller(), 'us-east-1');
	cfn.call('CreateStack', { StackName: 'bench', TemplateBody: body });
	world.advanceBy(24 * 60 * 60 * 1000);
	const status = cfn.call('DescribeStacks', { StackName: 'bench' }).Stacks?.[0]?.StackStatus;
	if (status !== 'CREATE_COMPLETE') throw new Error(`expected CREATE_COMPLETE, got ${String(status)}: ${cfn.call('DescribeStacks', { StackName: 'bench' }).Stacks?.[0]?.StackStatusReason ?? ''}`);
}

// Sanity (fails loudly rather than benchmarking an error path).
createStack();
createStack(trivialRegistry);

describe(`CreateStack of ${RESOURCES} resources, fast-forwarded to completion`, () => {
	bench('real providers', () => createStack(), opts);
	bench('trivial providers (stack engine only)', () => createStack(trivialRegistry), opts);
});
