// Lab fault injection through the stack engine with the real providers: a fault in a resource's
// Metadata (visible to the learner) and a world-level rule (hidden) fail the operation they name,
// and the stack reports them as any handler failure.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { World } from '../../../../../src/lib/engines/world';
import { LEARNER_ACCOUNT, rootCaller } from '../../../../../src/lib/engines/world-constants';
import { events, lines, NOW, REGION } from './helpers';

beforeAll(async () => {
	await loadResourceSchemas();
});

const template = (metadata = '') => `
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 7
  Repo:
    Type: AWS::ECR::Repository
${metadata}    Properties:
      RepositoryName: faulty
`;

describe('fault injection', () => {
	it('fails a create through Metadata Simulator::Fault', () => {
		const world = World.create({ now: NOW });
		const cfn = world.cloudformation(rootCaller(), REGION);
		cfn.call('CreateStack', { StackName: 'f', TemplateBody: template('    Metadata:\n      Simulator::Fault:\n        OnCreate: Simulated outage\n        HandlerErrorCode: ServiceInternalError\n') });
		world.advanceBy(600_000);
		const failed = events(cfn, 'f').find((e) => e.ResourceStatus === 'CREATE_FAILED' && e.LogicalResourceId === 'Repo');
		expect(failed?.ResourceStatusReason).toMatch(/^Resource handler returned message: "Simulated outage" \(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: ServiceInternalError\)$/);
		expect(cfn.call('DescribeStacks', { StackName: 'f' }).Stacks?.[0]?.StackStatus).toBe('ROLLBACK_COMPLETE');
		expect(world.ecr(rootCaller(), REGION).call('DescribeRepositories', {}).repositories).toEqual([]);
	});

	it('fails a delete once through a hidden world rule; the retry succeeds', () => {
		const world = World.create({ now: NOW });
		const cfn = world.cloudformation(rootCaller(), REGION);
		cfn.call('CreateStack', { StackName: 'f', TemplateBody: template() });
		world.advanceBy(600_000);
		world.injectResourceFault(LEARNER_ACCOUNT, REGION, { operation: 'delete', logicalId: 'Repo', message: 'The repository is being replicated', times: 1 });
		cfn.call('DeleteStack', { StackName: 'f' });
		world.advanceBy(600_000);
		const stack = cfn.call('DescribeStacks', { StackName: 'f' }).Stacks?.[0];
		expect(stack?.StackStatus).toBe('DELETE_FAILED');
		expect(stack?.StackStatusReason).toBe('The following resource(s) failed to delete: [Repo]. ');
		expect(world.ecr(rootCaller(), REGION).call('DescribeRepositories', {}).repositories?.map((r) => r.repositoryName)).toEqual(['faulty']);
		cfn.call('DeleteStack', { StackName: 'f' });
		world.advanceBy(600_000);
		expect(lines(events(cfn, stack?.StackId ?? '')).at(-1)).toBe('f DELETE_COMPLETE');
		expect(world.ecr(rootCaller(), REGION).call('DescribeRepositories', {}).repositories).toEqual([]);
	});
});
