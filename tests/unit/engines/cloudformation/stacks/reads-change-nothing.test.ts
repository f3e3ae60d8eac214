// A read (Describe*, List*, Get*, ValidateTemplate) never changes the world, found or not: the
// protocol fuzz relies on it, and a learner's undo history should not grow from looking.
import { beforeAll, describe, expect, it } from 'vitest';
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { cloudFormationOperations } from '../../../../../src/lib/engines/cloudformation/api';

const READS = Object.keys(cloudFormationOperations).filter((op) => /^(Describe|List|Get|Validate)/.test(op));
const INPUTS: Record<string, unknown>[] = [
	{},
	{ StackName: 'app' },
	{ StackName: '' },
	{ ChangeSetName: 'x' },
	{ ChangeSetName: 'x', StackName: 'app' },
	{ ChangeSetName: 'arn:aws:cloudformation:us-east-1:123456789012:changeSet/x/y' },
	{ StackSetName: 'nope', OperationId: 'op' },
	{ StackName: 'app', LogicalResourceId: 'Repo' },
	{ NextToken: 'garbage', StackName: 'app' }
];

let world: World;
beforeAll(async () => {
	world = World.create({ now: '2026-11-23T10:00:00.000Z' });
	await world.cloudformationReady();
	world.cloudformation(rootCaller(), 'us-east-1').call('CreateStack', { StackName: 'app', TemplateBody: JSON.stringify({ Resources: { Repo: { Type: 'AWS::ECR::Repository' } } }) });
	world.advanceBy(3_600_000);
});

describe('CloudFormation reads', () => {
	it.each(READS)('%s leaves the world snapshot unchanged, whatever it is asked', (op) => {
		const cfn = world.cloudformation(rootCaller(), 'us-east-1');
		for (const input of INPUTS) {
			const before = JSON.stringify(world.snapshot());
			try {
				cfn.callByName(op, input);
			} catch {
				// Refusals are expected for most of these inputs; only the world's state matters here.
			}
			expect(JSON.stringify(world.snapshot()), `${op} ${JSON.stringify(input)}`).toBe(before);
		}
	});
});
