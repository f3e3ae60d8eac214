// Cross-stack references: exports are unique per account and Region, Fn::ImportValue resolves
// them, and an export in use can be neither deleted nor changed.
import { describe, expect, it } from 'vitest';
import { events, json, lines, settle, setup, THING } from './helpers';

const producer = (name: string, value: unknown = { Ref: 'Vpc' }) =>
	json({ Resources: { Vpc: { Type: THING, Properties: { Cidr: '10.0.0.0/16' } } }, Outputs: { VpcId: { Value: value, Export: { Name: name } } } });
const consumer = json({ Resources: { Subnet: { Type: THING, Properties: { VpcId: { 'Fn::ImportValue': 'shared-vpc' } } } } });

describe('exports and imports', () => {
	it('resolves Fn::ImportValue, lists exports and importers', () => {
		const { world, cfn } = setup();
		const { StackId } = cfn.call('CreateStack', { StackName: 'network', TemplateBody: producer('shared-vpc') });
		settle(world);
		const vpc = cfn.call('DescribeStackResource', { StackName: 'network', LogicalResourceId: 'Vpc' }).StackResourceDetail?.PhysicalResourceId;
		expect(cfn.call('ListExports', {}).Exports).toEqual([{ ExportingStackId: StackId, Name: 'shared-vpc', Value: vpc }]);
		expect(() => cfn.call('ListImports', { ExportName: 'shared-vpc' })).toThrow("Export 'shared-vpc' is not imported by any stack.");
		cfn.call('CreateStack', { StackName: 'app', TemplateBody: consumer });
		settle(world);
		expect(events(cfn, 'app').find((e) => e.LogicalResourceId === 'Subnet')?.ResourceProperties).toBe(JSON.stringify({ VpcId: vpc }));
		expect(cfn.call('ListImports', { ExportName: 'shared-vpc' }).Imports).toEqual(['app']);
	});

	it('fails a stack whose export name is taken, after its resources were made, and rolls it back', () => {
		const { world, cfn } = setup();
		cfn.call('CreateStack', { StackName: 'first', TemplateBody: producer('shared-vpc') });
		settle(world);
		cfn.call('CreateStack', { StackName: 'second', TemplateBody: producer('shared-vpc') });
		settle(world);
		expect(lines(events(cfn, 'second'))).toEqual([
			'second CREATE_IN_PROGRESS User Initiated',
			'Vpc CREATE_IN_PROGRESS',
			'Vpc CREATE_IN_PROGRESS Resource creation Initiated',
			'Vpc CREATE_COMPLETE',
			'second ROLLBACK_IN_PROGRESS Export with name shared-vpc is already exported by stack first. Rollback requested by user.',
			'Vpc DELETE_IN_PROGRESS',
			'Vpc DELETE_COMPLETE',
			'second ROLLBACK_COMPLETE'
		]);
	});

	it('does not delete a stack whose export is in use: its status stays, its reason says why', () => {
		const { world, cfn } = setup();
		cfn.call('CreateStack', { StackName: 'network', TemplateBody: producer('shared-vpc') });
		settle(world);
		cfn.call('CreateStack', { StackName: 'app', TemplateBody: consumer });
		cfn.call('CreateStack', { StackName: 'web', TemplateBody: consumer });
		settle(world);
		const before = events(cfn, 'network').length;
		expect(cfn.call('DeleteStack', { StackName: 'network' })).toEqual({});
		settle(world);
		const stack = cfn.call('DescribeStacks', { StackName: 'network' }).Stacks?.[0];
		expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
		expect(stack?.StackStatusReason).toBe('Export shared-vpc cannot be deleted as it is in use by app and web');
		expect(events(cfn, 'network')).toHaveLength(before);
		// Once nothing imports it, the delete goes ahead.
		cfn.call('DeleteStack', { StackName: 'app' });
		cfn.call('DeleteStack', { StackName: 'web' });
		settle(world);
		cfn.call('DeleteStack', { StackName: 'network' });
		settle(world);
		expect(cfn.call('ListExports', {}).Exports).toEqual([]);
	});

	it('rolls back an update that would delete or change an export in use', () => {
		const { world, cfn } = setup();
		cfn.call('CreateStack', { StackName: 'network', TemplateBody: producer('shared-vpc') });
		settle(world);
		cfn.call('CreateStack', { StackName: 'app', TemplateBody: consumer });
		settle(world);
		const since = events(cfn, 'network').length;
		cfn.call('UpdateStack', { StackName: 'network', TemplateBody: producer('renamed-vpc') });
		settle(world);
		expect(lines(events(cfn, 'network').slice(since))).toEqual([
			'network UPDATE_IN_PROGRESS User Initiated',
			'network UPDATE_ROLLBACK_IN_PROGRESS Export shared-vpc cannot be deleted as it is in use by app',
			'network UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
			'network UPDATE_ROLLBACK_COMPLETE'
		]);
		cfn.call('UpdateStack', { StackName: 'network', TemplateBody: producer('shared-vpc', 'changed') });
		settle(world);
		expect(cfn.call('DescribeStacks', { StackName: 'network' }).Stacks?.[0]?.StackStatusReason).toBe('Export shared-vpc cannot be updated as it is in use by app');
		expect(cfn.call('ListExports', {}).Exports?.map((e) => e.Name)).toEqual(['shared-vpc']);
	});
});
