// CreateStack: the golden event sequence, the shape of each event, and the timing rules (a
// resource starts as soon as its own dependencies are done; outputs appear only at the end).
import { describe, expect, it } from 'vitest';
import { events, fakeProvider, fakeRegistry, json, lines, OTHER, settle, setup, THING } from './helpers';

const TEMPLATE = json({
	Description: 'golden create',
	Resources: {
		Queue: { Type: THING, Properties: { Value: 'q' } },
		Topic: { Type: OTHER, Properties: { Endpoint: { Ref: 'Queue' } } }
	},
	Outputs: { QueueName: { Value: { Ref: 'Queue' } }, TopicArn: { Value: { 'Fn::GetAtt': ['Topic', 'Arn'] } } }
});

describe('CreateStack', () => {
	it('writes the events of a successful create in AWS order', () => {
		const { world, cfn } = setup();
		const { StackId } = cfn.call('CreateStack', { StackName: 'golden', TemplateBody: TEMPLATE });
		expect(StackId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/golden\/[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		// Answered at once, before any resource exists.
		expect(lines(events(cfn, 'golden'))).toEqual(['golden CREATE_IN_PROGRESS User Initiated']);
		settle(world);
		expect(lines(events(cfn, 'golden'))).toEqual([
			'golden CREATE_IN_PROGRESS User Initiated',
			'Queue CREATE_IN_PROGRESS',
			'Queue CREATE_IN_PROGRESS Resource creation Initiated',
			'Queue CREATE_COMPLETE',
			'Topic CREATE_IN_PROGRESS',
			'Topic CREATE_IN_PROGRESS Resource creation Initiated',
			'Topic CREATE_COMPLETE',
			'golden CREATE_COMPLETE'
		]);
	});

	it('gives each event the fields and id formats of real DescribeStackEvents answers', () => {
		const { world, cfn } = setup();
		const { StackId } = cfn.call('CreateStack', { StackName: 'shape', TemplateBody: TEMPLATE, ClientRequestToken: 'tok-1' });
		settle(world);
		const all = events(cfn, 'shape');
		const [first, queueStart, queueInitiated] = all;
		expect(first).toMatchObject({ StackId, StackName: 'shape', LogicalResourceId: 'shape', PhysicalResourceId: StackId, ResourceType: 'AWS::CloudFormation::Stack', ResourceStatusReason: 'User Initiated', ClientRequestToken: 'tok-1' });
		expect(first?.EventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(first?.ResourceProperties).toBeUndefined();
		expect(queueStart).toMatchObject({ LogicalResourceId: 'Queue', PhysicalResourceId: '', ResourceType: THING, ResourceProperties: '{"Value":"q"}' });
		expect(queueStart?.EventId).toBe(`Queue-CREATE_IN_PROGRESS-${queueStart?.Timestamp?.toISOString()}`);
		expect(queueStart?.ResourceStatusReason).toBeUndefined();
		expect(queueInitiated?.PhysicalResourceId).toMatch(/^shape-Queue-[A-Za-z0-9]{12}$/);
		const timestamps = all.map((e) => e.Timestamp?.getTime() ?? 0);
		expect([...timestamps].sort((a, b) => a - b)).toEqual(timestamps);
		expect(new Set(all.map((e) => e.EventId)).size).toBe(all.length);
		// The Topic's properties show the Queue's physical ID, resolved.
		expect(all.find((e) => e.LogicalResourceId === 'Topic')?.ResourceProperties).toBe(JSON.stringify({ Endpoint: queueInitiated?.PhysicalResourceId }));
	});

	it('lists events newest first, 100 to a page', () => {
		const resources = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`R${i}`, { Type: THING, Properties: { I: i } }]));
		const { world, cfn } = setup();
		cfn.call('CreateStack', { StackName: 'paged', TemplateBody: json({ Resources: resources }) });
		settle(world);
		const first = cfn.call('DescribeStackEvents', { StackName: 'paged' });
		expect(first.StackEvents).toHaveLength(100);
		expect(first.StackEvents?.[0]?.ResourceStatus).toBe('CREATE_COMPLETE');
		expect(first.StackEvents?.[0]?.LogicalResourceId).toBe('paged');
		expect(first.NextToken).toBeDefined();
		const second = cfn.call('DescribeStackEvents', { StackName: 'paged', NextToken: first.NextToken });
		expect(second.NextToken).toBeUndefined();
		expect((first.StackEvents?.length ?? 0) + (second.StackEvents?.length ?? 0)).toBe(2 + 40 * 3);
		expect(second.StackEvents?.at(-1)?.ResourceStatusReason).toBe('User Initiated');
	});

	it('starts a resource as soon as its own dependencies are complete, not wave by wave', () => {
		const slow = fakeProvider(THING, { create: 60_000, update: 1_000, delete: 1_000 });
		const fast = fakeProvider(OTHER, { create: 2_000, update: 1_000, delete: 1_000 });
		const { world, cfn } = setup(fakeRegistry(slow, fast));
		cfn.call('CreateStack', {
			StackName: 'eager',
			TemplateBody: json({
				Resources: {
					Slow: { Type: THING, Properties: { A: 1 } },
					Fast: { Type: OTHER, Properties: { B: 1 } },
					AfterFast: { Type: OTHER, Properties: { On: { Ref: 'Fast' } } },
					AfterBoth: { Type: OTHER, Properties: { On: { Ref: 'Slow' } }, DependsOn: 'AfterFast' }
				}
			})
		});
		settle(world);
		const all = events(cfn, 'eager');
		const at = (id: string, status: string, reason?: string) =>
			all.find((e) => e.LogicalResourceId === id && e.ResourceStatus === status && e.ResourceStatusReason === reason)?.Timestamp?.getTime() ?? NaN;
		// Independent resources start together.
		expect(at('Slow', 'CREATE_IN_PROGRESS')).toBe(at('Fast', 'CREATE_IN_PROGRESS'));
		// AfterFast (wave 1) starts when Fast completes, while Slow (wave 0) is still creating.
		expect(at('AfterFast', 'CREATE_IN_PROGRESS')).toBe(at('Fast', 'CREATE_COMPLETE'));
		expect(at('AfterFast', 'CREATE_COMPLETE')).toBeLessThan(at('Slow', 'CREATE_COMPLETE'));
		expect(at('AfterBoth', 'CREATE_IN_PROGRESS')).toBe(at('Slow', 'CREATE_COMPLETE'));
		// Each resource operation takes its provider's declared time after the handler call.
		expect(at('Slow', 'CREATE_COMPLETE') - at('Slow', 'CREATE_IN_PROGRESS', 'Resource creation Initiated')).toBe(60_000);
	});

	it('shows outputs only once the stack is out of CREATE_IN_PROGRESS', () => {
		const { world, cfn } = setup();
		cfn.call('CreateStack', { StackName: 'outs', TemplateBody: TEMPLATE });
		world.advanceBy(5_000);
		const during = cfn.call('DescribeStacks', { StackName: 'outs' }).Stacks?.[0];
		expect(during?.StackStatus).toBe('CREATE_IN_PROGRESS');
		expect(during?.Outputs).toBeUndefined();
		settle(world);
		const stack = cfn.call('DescribeStacks', { StackName: 'outs' }).Stacks?.[0];
		const queue = cfn.call('DescribeStackResource', { StackName: 'outs', LogicalResourceId: 'Queue' }).StackResourceDetail?.PhysicalResourceId;
		expect(stack?.Outputs).toEqual([
			{ OutputKey: 'QueueName', OutputValue: queue },
			{ OutputKey: 'TopicArn', OutputValue: expect.stringMatching(/^arn:aws:fake:us-east-1:123456789012:thing\/outs-Topic-/) }
		]);
		expect(stack?.Description).toBe('golden create');
	});

	it('drops false-condition resources without a single event, and keeps parameters with NoEcho masked', () => {
		const { world, cfn } = setup();
		cfn.call('CreateStack', {
			StackName: 'cond',
			TemplateBody: json({
				Parameters: { Env: { Type: 'String', AllowedValues: ['dev', 'prod'] }, Secret: { Type: 'String', NoEcho: true, Default: 'pw' } },
				Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
				Resources: { Always: { Type: THING, Properties: { S: { Ref: 'Secret' } } }, ProdOnly: { Type: THING, Condition: 'IsProd', Properties: {} } }
			}),
			Parameters: [{ ParameterKey: 'Env', ParameterValue: 'dev' }]
		});
		settle(world);
		expect(events(cfn, 'cond').some((e) => e.LogicalResourceId === 'ProdOnly')).toBe(false);
		expect(cfn.call('DescribeStacks', { StackName: 'cond' }).Stacks?.[0]?.Parameters).toEqual([
			{ ParameterKey: 'Env', ParameterValue: 'dev' },
			{ ParameterKey: 'Secret', ParameterValue: '****' }
		]);
		// Events show the NoEcho value masked too.
		expect(events(cfn, 'cond').find((e) => e.LogicalResourceId === 'Always')?.ResourceProperties).toBe('{"S":"****"}');
	});

	it('reports "Transformation succeeded" for a template with a transform, which needs CAPABILITY_AUTO_EXPAND', () => {
		const { world, cfn } = setup();
		const body = json({
			Transform: 'AWS::LanguageExtensions',
			Resources: { 'Fn::ForEach::Things': ['Name', ['A', 'B'], { 'Thing${Name}': { Type: THING, Properties: { N: { 'Fn::Length': [1, 2, 3] } } } }] }
		});
		expect(() => cfn.call('CreateStack', { StackName: 'tx', TemplateBody: body })).toThrow('Requires capabilities : [CAPABILITY_AUTO_EXPAND]');
		cfn.call('CreateStack', { StackName: 'tx', TemplateBody: body, Capabilities: ['CAPABILITY_AUTO_EXPAND'] });
		settle(world);
		expect(lines(events(cfn, 'tx')).slice(0, 2)).toEqual(['tx CREATE_IN_PROGRESS User Initiated', 'tx CREATE_IN_PROGRESS Transformation succeeded']);
		expect(cfn.call('ListStackResources', { StackName: 'tx' }).StackResourceSummaries?.map((r) => r.LogicalResourceId)).toEqual(['ThingA', 'ThingB']);
		// The processed template has the loop expanded; the original keeps the text as written.
		expect(Object.keys(JSON.parse(cfn.call('GetTemplate', { StackName: 'tx', TemplateStage: 'Processed' }).TemplateBody ?? '{}').Resources)).toEqual(['ThingA', 'ThingB']);
		expect(cfn.call('GetTemplate', { StackName: 'tx' }).TemplateBody).toBe(body);
	});
});
