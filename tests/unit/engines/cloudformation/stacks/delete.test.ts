// DeleteStack: reverse dependency order, DeletionPolicy Retain, DELETE_FAILED and the retry with
// RetainResources, termination protection, and what stays visible after a delete.
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../../src/lib/engines/clock';
import { events, json, lines, OTHER, settle, setup, THING } from './helpers';

const TEMPLATE = json({
	Resources: {
		Bucket: { Type: THING, DeletionPolicy: 'Retain', Properties: { B: 1 } },
		Table: { Type: THING, Properties: { T: 1 } },
		Api: { Type: OTHER, Properties: { Uses: { Ref: 'Table' } } },
		Alarm: { Type: OTHER, DeletionPolicy: 'RetainExceptOnCreate', Properties: { On: { Ref: 'Api' } } }
	}
});

describe('DeleteStack', () => {
	it('deletes in reverse dependency order; Retain and RetainExceptOnCreate are skipped', () => {
		const { world, cfn } = setup();
		const { StackId } = cfn.call('CreateStack', { StackName: 'del', TemplateBody: TEMPLATE });
		settle(world);
		const since = events(cfn, 'del').length;
		cfn.call('DeleteStack', { StackName: 'del' });
		expect(cfn.call('DescribeStacks', { StackName: 'del' }).Stacks?.[0]).toMatchObject({ StackStatus: 'DELETE_IN_PROGRESS', DeletionTime: expect.any(Date) });
		settle(world);
		expect(lines(events(cfn, StackId ?? '').slice(since))).toEqual([
			'del DELETE_IN_PROGRESS User Initiated',
			'Bucket DELETE_SKIPPED',
			'Alarm DELETE_SKIPPED',
			'Api DELETE_IN_PROGRESS',
			'Api DELETE_COMPLETE',
			'Table DELETE_IN_PROGRESS',
			'Table DELETE_COMPLETE',
			'del DELETE_COMPLETE'
		]);
		// The retained resources are still in the world.
		expect(world.snapshot().lightResources.flatMap((s) => s.resources.map((r) => r.properties))).toEqual([{ B: 1 }, { On: expect.any(String) }]);
		// Gone by name, still there by id and in ListStacks, for 90 days.
		expect(() => cfn.call('DescribeStacks', { StackName: 'del' })).toThrow('Stack with id del does not exist');
		expect(cfn.call('DescribeStacks', { StackName: StackId }).Stacks?.[0]).toMatchObject({ StackStatus: 'DELETE_COMPLETE', DeletionTime: expect.any(Date) });
		expect(cfn.call('DescribeStacks', {}).Stacks).toEqual([]);
		expect(cfn.call('ListStacks', { StackStatusFilter: ['DELETE_COMPLETE'] }).StackSummaries?.map((s) => s.StackId)).toEqual([StackId]);
		expect(cfn.call('ListStacks', { StackStatusFilter: ['CREATE_COMPLETE'] }).StackSummaries).toEqual([]);
		world.advanceBy(91 * DAY_MS);
		expect(cfn.call('ListStacks', {}).StackSummaries).toEqual([]);
		expect(() => cfn.call('DescribeStacks', { StackName: StackId })).toThrow(`Stack with id ${StackId} does not exist`);
	});

	it('ends DELETE_FAILED when a resource cannot be deleted; a retry can retain it', () => {
		const { world, cfn } = setup();
		const { StackId } = cfn.call('CreateStack', {
			StackName: 'stubborn',
			TemplateBody: json({ Resources: { Base: { Type: THING, Properties: {} }, Full: { Type: OTHER, Properties: { On: { Ref: 'Base' }, FailDelete: 'The bucket you tried to delete is not empty' } }, Free: { Type: OTHER, Properties: {} } } })
		});
		settle(world);
		const since = events(cfn, 'stubborn').length;
		expect(() => cfn.call('DeleteStack', { StackName: 'stubborn', RetainResources: ['Full'] })).toThrow('RetainResources can only be used on stacks in DELETE_FAILED state.');
		cfn.call('DeleteStack', { StackName: 'stubborn' });
		settle(world);
		expect(lines(events(cfn, 'stubborn').slice(since)).map((l) => l.replace(/RequestToken: [0-9a-f-]+/, 'RequestToken: <uuid>'))).toEqual([
			'stubborn DELETE_IN_PROGRESS User Initiated',
			'Full DELETE_IN_PROGRESS',
			'Free DELETE_IN_PROGRESS',
			'Full DELETE_FAILED Resource handler returned message: "The bucket you tried to delete is not empty" (RequestToken: <uuid>, HandlerErrorCode: InvalidRequest)',
			'Free DELETE_COMPLETE',
			'stubborn DELETE_FAILED The following resource(s) failed to delete: [Full]. '
		]);
		// Base waits for Full, which depends on it: it was never deleted.
		expect(cfn.call('DescribeStackResource', { StackName: 'stubborn', LogicalResourceId: 'Base' }).StackResourceDetail?.ResourceStatus).toBe('CREATE_COMPLETE');
		const mark = events(cfn, 'stubborn').length;
		cfn.call('DeleteStack', { StackName: 'stubborn', RetainResources: ['Full'] });
		settle(world);
		expect(lines(events(cfn, StackId ?? '').slice(mark))).toEqual([
			'stubborn DELETE_IN_PROGRESS User Initiated',
			'Full DELETE_SKIPPED',
			'Base DELETE_IN_PROGRESS',
			'Base DELETE_COMPLETE',
			'stubborn DELETE_COMPLETE'
		]);
	});

	it('is refused while termination protection is on, and silent for a stack that does not exist', () => {
		const { world, cfn } = setup();
		cfn.call('CreateStack', { StackName: 'guarded', TemplateBody: TEMPLATE, EnableTerminationProtection: true });
		settle(world);
		expect(() => cfn.call('DeleteStack', { StackName: 'guarded' })).toThrow('Stack [guarded] cannot be deleted while TerminationProtection is enabled');
		expect(cfn.call('DescribeStacks', { StackName: 'guarded' }).Stacks?.[0]?.EnableTerminationProtection).toBe(true);
		cfn.call('UpdateTerminationProtection', { StackName: 'guarded', EnableTerminationProtection: false });
		cfn.call('DeleteStack', { StackName: 'guarded' });
		settle(world);
		expect(cfn.call('DeleteStack', { StackName: 'guarded' })).toEqual({});
		expect(cfn.call('DeleteStack', { StackName: 'never-was' })).toEqual({});
	});

	it('is refused while another operation runs on the stack', () => {
		const { world, cfn } = setup();
		cfn.call('CreateStack', { StackName: 'busy', TemplateBody: TEMPLATE });
		world.advanceBy(3_000);
		expect(() => cfn.call('DeleteStack', { StackName: 'busy' })).toThrow('Stack [busy] cannot be deleted while in status CREATE_IN_PROGRESS');
	});
});
