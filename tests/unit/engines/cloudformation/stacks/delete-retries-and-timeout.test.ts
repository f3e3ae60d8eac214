// DeleteStack's ways out of DELETE_FAILED (RetainResources, DeletionMode FORCE_DELETE_STACK) with
// their refusals, DeleteStack refused while an operation runs, and CreateStack's TimeoutInMinutes
// on the virtual clock (rollback, DO_NOTHING, DELETE).
import { describe, expect, it } from 'vitest';
import { events, fakeProvider, fakeRegistry, json, lines, NOW, OTHER, settle, setup, THING, type Cfn } from './helpers';

const masked = (l: string[]) => l.map((x) => x.replace(/RequestToken: [0-9a-f-]+/, 'RequestToken: <uuid>'));
const since = (cfn: Cfn, name: string, mark: number) => masked(lines(events(cfn, name).slice(mark)));

const STUBBORN = json({
	Resources: {
		Base: { Type: THING, Properties: {} },
		Full: { Type: OTHER, Properties: { On: { Ref: 'Base' }, FailDelete: 'The bucket you tried to delete is not empty' } },
		Free: { Type: OTHER, Properties: {} }
	}
});

function deleteFailed() {
	const s = setup();
	const { StackId } = s.cfn.call('CreateStack', { StackName: 'stubborn', TemplateBody: STUBBORN });
	settle(s.world);
	s.cfn.call('DeleteStack', { StackName: 'stubborn' });
	settle(s.world);
	return { ...s, stackId: StackId ?? '', mark: events(s.cfn, 'stubborn').length };
}

describe('DeleteStack on a DELETE_FAILED stack', () => {
	it('RetainResources keeps the named resource (DELETE_SKIPPED) and deletes the rest', () => {
		const { world, cfn, stackId, mark } = deleteFailed();
		expect(cfn.call('DescribeStacks', { StackName: 'stubborn' }).Stacks?.[0]?.StackStatus).toBe('DELETE_FAILED');
		// Free is already DELETE_COMPLETE: AWS refuses to "retain" it.
		expect(() => cfn.call('DeleteStack', { StackName: 'stubborn', RetainResources: ['Full', 'Free'] })).toThrow(
			'The specified resources to retain must be in a valid state. Do not specify resources that are in the DELETE_COMPLETE state.'
		);
		cfn.call('DeleteStack', { StackName: 'stubborn', RetainResources: ['Full'] });
		settle(world);
		expect(since(cfn, stackId, mark)).toEqual(['stubborn DELETE_IN_PROGRESS User Initiated', 'Full DELETE_SKIPPED', 'Base DELETE_IN_PROGRESS', 'Base DELETE_COMPLETE', 'stubborn DELETE_COMPLETE']);
		expect(world.snapshot().lightResources.flatMap((l) => l.resources).map((r) => r.type)).toEqual([OTHER]);
	});

	it('FORCE_DELETE_STACK skips what fails to delete and completes; DescribeStacks shows the mode', () => {
		const { world, cfn, stackId, mark } = deleteFailed();
		expect(() => cfn.call('DeleteStack', { StackName: 'stubborn', DeletionMode: 'FORCEFULLY' })).toThrow(
			"1 validation error detected: Value 'FORCEFULLY' at 'deletionMode' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, FORCE_DELETE_STACK]"
		);
		cfn.call('DeleteStack', { StackName: 'stubborn', DeletionMode: 'FORCE_DELETE_STACK' });
		settle(world);
		expect(since(cfn, stackId, mark)).toEqual(['stubborn DELETE_IN_PROGRESS User Initiated', 'Full DELETE_SKIPPED', 'Base DELETE_IN_PROGRESS', 'Base DELETE_COMPLETE', 'stubborn DELETE_COMPLETE']);
		const stack = cfn.call('DescribeStacks', { StackName: stackId }).Stacks?.[0];
		expect(stack).toMatchObject({ StackStatus: 'DELETE_COMPLETE', DeletionMode: 'FORCE_DELETE_STACK' });
		expect(cfn.call('ListStackResources', { StackName: stackId }).StackResourceSummaries?.find((r) => r.LogicalResourceId === 'Full')?.ResourceStatus).toBe('DELETE_SKIPPED');
	});

	it('FORCE_DELETE_STACK also skips a resource that fails for the first time during the forced delete', () => {
		const s = setup();
		const { StackId } = s.cfn.call('CreateStack', {
			StackName: 'two',
			TemplateBody: json({ Resources: { A: { Type: OTHER, Properties: { FailDelete: 'in use' } }, B: { Type: THING, DependsOn: 'A', Properties: { FailDelete: 'locked' } } } })
		});
		settle(s.world);
		s.cfn.call('DeleteStack', { StackName: 'two' });
		settle(s.world);
		// B failed, so A (which B depends on) was never tried.
		expect(s.cfn.call('DescribeStacks', { StackName: 'two' }).Stacks?.[0]?.StackStatusReason).toBe('The following resource(s) failed to delete: [B]. ');
		const mark = events(s.cfn, 'two').length;
		s.cfn.call('DeleteStack', { StackName: 'two', DeletionMode: 'FORCE_DELETE_STACK' });
		settle(s.world);
		expect(since(s.cfn, StackId ?? '', mark)).toEqual([
			'two DELETE_IN_PROGRESS User Initiated',
			'B DELETE_SKIPPED',
			'A DELETE_IN_PROGRESS',
			'A DELETE_SKIPPED Resource handler returned message: "in use" (RequestToken: <uuid>, HandlerErrorCode: InvalidRequest)',
			'two DELETE_COMPLETE'
		]);
	});

	it('refuses RetainResources and FORCE_DELETE_STACK outside DELETE_FAILED, and any delete while an operation runs', () => {
		const s = setup();
		const { StackId } = s.cfn.call('CreateStack', { StackName: 'fine', TemplateBody: STUBBORN });
		expect(() => s.cfn.call('DeleteStack', { StackName: 'fine' })).toThrow('Stack [fine] cannot be deleted while in status CREATE_IN_PROGRESS');
		settle(s.world);
		expect(() => s.cfn.call('DeleteStack', { StackName: 'fine', DeletionMode: 'FORCE_DELETE_STACK' })).toThrow(
			`Invalid operation on stack [${StackId}]. You can activate DeletionMode FORCE_DELETE_STACK in a delete stack operation only when the stack is in the DELETE_FAILED state.`
		);
		expect(() => s.cfn.call('DeleteStack', { StackName: 'fine', RetainResources: ['Full'] })).toThrow('Invalid operation on stack [fine]. RetainResources can only be used on stacks in DELETE_FAILED state.');
		s.cfn.call('UpdateStack', { StackName: 'fine', TemplateBody: json({ Resources: { Base: { Type: THING, Properties: { V: 2 } } } }) });
		s.world.advanceBy(3_000);
		expect(() => s.cfn.call('DeleteStack', { StackName: 'fine' })).toThrow('Stack [fine] cannot be deleted while in status UPDATE_IN_PROGRESS');
		// STANDARD is the default mode, and may be named.
		settle(s.world);
		expect(s.cfn.call('DeleteStack', { StackName: 'fine', DeletionMode: 'STANDARD' })).toEqual({});
	});
});

/** Fast is done in 2 s; Slow would take 10 minutes. */
const SLOW = json({ Resources: { Fast: { Type: OTHER, Properties: {} }, Slow: { Type: THING, Properties: { After: { Ref: 'Fast' } } } } });
const slowWorld = () => setup(fakeRegistry(fakeProvider(THING, { create: 600_000, update: 1_000, delete: 4_000 }), fakeProvider(OTHER, { create: 2_000, update: 2_000, delete: 2_000 })));

describe('CreateStack TimeoutInMinutes', () => {
	it('fails a create that runs past its timeout, cancels what is in flight, and rolls back', () => {
		const { world, cfn } = slowWorld();
		cfn.call('CreateStack', { StackName: 'slow', TemplateBody: SLOW, TimeoutInMinutes: 1 });
		settle(world);
		const all = events(cfn, 'slow');
		expect(masked(lines(all))).toEqual([
			'slow CREATE_IN_PROGRESS User Initiated',
			'Fast CREATE_IN_PROGRESS',
			'Fast CREATE_IN_PROGRESS Resource creation Initiated',
			'Fast CREATE_COMPLETE',
			'Slow CREATE_IN_PROGRESS',
			'Slow CREATE_IN_PROGRESS Resource creation Initiated',
			'Slow CREATE_FAILED Resource creation cancelled',
			'slow ROLLBACK_IN_PROGRESS Stack creation time exceeded the specified timeout. Rollback requested by user.',
			'Slow DELETE_IN_PROGRESS',
			'Slow DELETE_COMPLETE',
			'Fast DELETE_IN_PROGRESS',
			'Fast DELETE_COMPLETE',
			'slow ROLLBACK_COMPLETE'
		]);
		// Exactly one virtual minute after the call.
		expect(all.find((e) => e.ResourceStatus === 'CREATE_FAILED')?.Timestamp?.toISOString()).toBe(new Date(Date.parse(NOW) + 60_000).toISOString());
		expect(cfn.call('DescribeStacks', { StackName: 'slow' }).Stacks?.[0]).toMatchObject({ StackStatus: 'ROLLBACK_COMPLETE', TimeoutInMinutes: 1 });
		expect(world.snapshot().lightResources.flatMap((l) => l.resources)).toEqual([]);
	});

	it('follows OnFailure: DO_NOTHING stops at CREATE_FAILED, DELETE deletes the stack', () => {
		const kept = slowWorld();
		kept.cfn.call('CreateStack', { StackName: 'slow', TemplateBody: SLOW, TimeoutInMinutes: 1, OnFailure: 'DO_NOTHING' });
		settle(kept.world);
		expect(lines(events(kept.cfn, 'slow')).slice(-2)).toEqual(['Slow CREATE_FAILED Resource creation cancelled', 'slow CREATE_FAILED Stack creation time exceeded the specified timeout.']);
		const gone = slowWorld();
		const { StackId } = gone.cfn.call('CreateStack', { StackName: 'slow', TemplateBody: SLOW, TimeoutInMinutes: 1, OnFailure: 'DELETE' });
		settle(gone.world);
		const all = lines(events(gone.cfn, StackId ?? ''));
		expect(all).toContain('slow DELETE_IN_PROGRESS Stack creation time exceeded the specified timeout. Delete requested by user.');
		expect(all.at(-1)).toBe('slow DELETE_COMPLETE');
	});

	it('a create that finishes in time is not affected, and a bad timeout is refused', () => {
		const { world, cfn } = slowWorld();
		cfn.call('CreateStack', { StackName: 'quick', TemplateBody: json({ Resources: { Fast: { Type: OTHER, Properties: {} } } }), TimeoutInMinutes: 1 });
		settle(world);
		expect(cfn.call('DescribeStacks', { StackName: 'quick' }).Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
		expect(() => cfn.call('CreateStack', { StackName: 'zero', TemplateBody: SLOW, TimeoutInMinutes: 0 })).toThrow(
			"1 validation error detected: Value '0' at 'timeoutInMinutes' failed to satisfy constraint: Member must have value greater than or equal to 1"
		);
	});
});
