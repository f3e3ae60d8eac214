// A create that fails: rollback (the default), OnFailure DO_NOTHING and DELETE, DisableRollback,
// property validation against the registry schema, unsimulated types, and what a
// ROLLBACK_COMPLETE stack still allows.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { events, fakeProvider, fakeRegistry, json, lines, OTHER, settle, setup, THING } from './helpers';

beforeAll(async () => {
	await loadResourceSchemas(['AWS::ECR::Repository']);
});

/** Base is created first; Bad fails while Sibling is still creating; Late waits for Sibling and never starts. */
const FAILING = json({
	Resources: {
		Base: { Type: OTHER, Properties: { V: 1 } },
		Kept: { Type: OTHER, DeletionPolicy: 'Retain', Properties: { V: 2 } },
		Sibling: { Type: THING, Properties: { On: { Ref: 'Base' } } },
		Bad: { Type: OTHER, Properties: { On: { Ref: 'Base' }, FailCreate: 'Simulated handler failure' } },
		Late: { Type: OTHER, Properties: { On: { Ref: 'Sibling' } } }
	}
});

const HANDLER = /^Resource handler returned message: "Simulated handler failure" \(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: InvalidRequest\)$/;

describe('a failed create', () => {
	it('rolls back by default: cancels what is in flight, deletes in reverse dependency order, Retain is skipped', () => {
		const { world, cfn } = setup();
		cfn.call('CreateStack', { StackName: 'rb', TemplateBody: FAILING });
		settle(world);
		const all = events(cfn, 'rb');
		expect(lines(all).map((l) => l.replace(/RequestToken: [0-9a-f-]+/, 'RequestToken: <uuid>'))).toEqual([
			'rb CREATE_IN_PROGRESS User Initiated',
			'Base CREATE_IN_PROGRESS',
			'Kept CREATE_IN_PROGRESS',
			'Base CREATE_IN_PROGRESS Resource creation Initiated',
			'Kept CREATE_IN_PROGRESS Resource creation Initiated',
			'Base CREATE_COMPLETE',
			'Kept CREATE_COMPLETE',
			'Sibling CREATE_IN_PROGRESS',
			'Bad CREATE_IN_PROGRESS',
			'Sibling CREATE_IN_PROGRESS Resource creation Initiated',
			'Bad CREATE_FAILED Resource handler returned message: "Simulated handler failure" (RequestToken: <uuid>, HandlerErrorCode: InvalidRequest)',
			'Sibling CREATE_FAILED Resource creation cancelled',
			'rb ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Sibling, Bad]. Rollback requested by user.',
			'Kept DELETE_SKIPPED',
			'Sibling DELETE_IN_PROGRESS',
			'Bad DELETE_COMPLETE',
			'Sibling DELETE_COMPLETE',
			'Base DELETE_IN_PROGRESS',
			'Base DELETE_COMPLETE',
			'rb ROLLBACK_COMPLETE'
		]);
		expect(all.find((e) => e.ResourceStatus === 'CREATE_FAILED' && e.LogicalResourceId === 'Bad')?.ResourceStatusReason).toMatch(HANDLER);
		// The failed resource never had a physical ID: its rollback is a single DELETE_COMPLETE with ''.
		expect(all.find((e) => e.LogicalResourceId === 'Bad' && e.ResourceStatus === 'DELETE_COMPLETE')?.PhysicalResourceId).toBe('');
		const stack = cfn.call('DescribeStacks', { StackName: 'rb' }).Stacks?.[0];
		expect(stack?.StackStatus).toBe('ROLLBACK_COMPLETE');
		expect(stack?.StackStatusReason).toBe('The following resource(s) failed to create: [Sibling, Bad]. Rollback requested by user.');
		// Retained resource still exists; everything else is gone from the world.
		const left = world.snapshot().lightResources.flatMap((s) => s.resources);
		expect(left.map((r) => r.type)).toEqual([OTHER]);
		expect(left[0]?.properties).toEqual({ V: 2 });
	});

	it('with OnFailure DO_NOTHING (or DisableRollback) stops at CREATE_FAILED and keeps what was created', () => {
		for (const options of [{ OnFailure: 'DO_NOTHING' }, { DisableRollback: true }]) {
			const { world, cfn } = setup();
			cfn.call('CreateStack', { StackName: 'keep', TemplateBody: FAILING, ...options });
			settle(world);
			// A failure stops only its own provisioning path (stack-failure-options): Sibling and Late,
			// which do not depend on Bad, are still created.
			const tail = lines(events(cfn, 'keep')).slice(-3);
			expect(tail).toEqual(['Late CREATE_IN_PROGRESS Resource creation Initiated', 'Late CREATE_COMPLETE', 'keep CREATE_FAILED The following resource(s) failed to create: [Bad]. ']);
			const stack = cfn.call('DescribeStacks', { StackName: 'keep' }).Stacks?.[0];
			expect(stack?.StackStatus).toBe('CREATE_FAILED');
			expect(stack?.DisableRollback).toBe(true);
			expect(cfn.call('ListStackResources', { StackName: 'keep' }).StackResourceSummaries?.map((r) => [r.LogicalResourceId, r.ResourceStatus])).toEqual([
				['Base', 'CREATE_COMPLETE'],
				['Kept', 'CREATE_COMPLETE'],
				['Sibling', 'CREATE_COMPLETE'],
				['Bad', 'CREATE_FAILED'],
				['Late', 'CREATE_COMPLETE']
			]);
			// Deleting it then removes what was created.
			cfn.call('DeleteStack', { StackName: 'keep' });
			settle(world);
			expect(lines(events(cfn, stack?.StackId ?? '')).slice(-1)).toEqual(['keep DELETE_COMPLETE']);
		}
	});

	it('refuses OnFailure together with DisableRollback', () => {
		const { cfn } = setup();
		expect(() => cfn.call('CreateStack', { StackName: 'x', TemplateBody: FAILING, OnFailure: 'DELETE', DisableRollback: false })).toThrow('Either DisableRollback or OnFailure can be specified, not both.');
	});

	it('with OnFailure DELETE goes straight to DELETE_IN_PROGRESS and ends DELETE_COMPLETE', () => {
		const { world, cfn } = setup();
		const { StackId } = cfn.call('CreateStack', { StackName: 'gone', TemplateBody: FAILING, OnFailure: 'DELETE' });
		settle(world);
		const all = lines(events(cfn, StackId ?? ''));
		const failed = all.indexOf('Sibling CREATE_FAILED Resource creation cancelled');
		expect(all.slice(failed + 1)).toEqual([
			'gone DELETE_IN_PROGRESS The following resource(s) failed to create: [Sibling, Bad]. . Delete requested by user.',
			'Kept DELETE_SKIPPED',
			'Sibling DELETE_IN_PROGRESS',
			'Bad DELETE_COMPLETE',
			'Sibling DELETE_COMPLETE',
			'Base DELETE_IN_PROGRESS',
			'Base DELETE_COMPLETE',
			'gone DELETE_COMPLETE'
		]);
		expect(() => cfn.call('DescribeStacks', { StackName: 'gone' })).toThrow('Stack with id gone does not exist');
		expect(cfn.call('DescribeStacks', { StackName: StackId }).Stacks?.[0]?.StackStatus).toBe('DELETE_COMPLETE');
	});

	it('fails a resource whose properties break its registry schema, before any handler runs', () => {
		const repo = fakeProvider('AWS::ECR::Repository');
		const { world, cfn } = setup(fakeRegistry(repo));
		cfn.call('CreateStack', { StackName: 'schema', TemplateBody: json({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { ImageTagMutability: 'SOMETIMES', Tags: { Key: 'a' } } } } }) });
		settle(world);
		const all = lines(events(cfn, 'schema'));
		expect(all.slice(0, 3)).toEqual([
			'schema CREATE_IN_PROGRESS User Initiated',
			'Repo CREATE_IN_PROGRESS',
			'Repo CREATE_FAILED Properties validation failed for resource Repo with message:\n#/ImageTagMutability: #: only 1 subschema matches out of 2\n#/ImageTagMutability: failed validation constraint for keyword [enum]\n#/Tags: expected type: JSONArray, found: JSONObject'
		]);
		expect(all.at(-1)).toBe('schema ROLLBACK_COMPLETE');
	});

	it('fails a real resource type the simulator does not model, naming it, never passing silently', () => {
		const { world, cfn } = setup(fakeRegistry(fakeProvider(THING)));
		cfn.call('CreateStack', { StackName: 'unmodelled', TemplateBody: json({ Resources: { Dist: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: {} } } } }) });
		settle(world);
		const failed = events(cfn, 'unmodelled').find((e) => e.ResourceStatus === 'CREATE_FAILED');
		expect(failed?.ResourceStatusReason).toMatch(/^Resource type AWS::CloudFront::Distribution is not simulated/);
		expect(cfn.call('DescribeStacks', { StackName: 'unmodelled' }).Stacks?.[0]?.StackStatus).toBe('ROLLBACK_COMPLETE');
	});

	it('leaves a ROLLBACK_COMPLETE stack that can only be deleted', () => {
		const { world, cfn } = setup();
		const { StackId } = cfn.call('CreateStack', { StackName: 'stuck', TemplateBody: FAILING });
		settle(world);
		expect(() => cfn.call('UpdateStack', { StackName: 'stuck', TemplateBody: FAILING })).toThrow(`Stack:${StackId} is in ROLLBACK_COMPLETE state and can not be updated.`);
		expect(() => cfn.call('CreateStack', { StackName: 'stuck', TemplateBody: FAILING })).toThrow('Stack [stuck] already exists');
		cfn.call('DeleteStack', { StackName: 'stuck' });
		settle(world);
		expect(lines(events(cfn, StackId ?? '')).slice(-2)).toEqual(['stuck DELETE_IN_PROGRESS User Initiated', 'stuck DELETE_COMPLETE']);
		// Now the name is free again.
		const again = cfn.call('CreateStack', { StackName: 'stuck', TemplateBody: json({ Resources: { Ok: { Type: THING, Properties: {} } } }) });
		expect(again.StackId).not.toBe(StackId);
	});

	it('fails the stack with a missing import before touching any resource', () => {
		const { world, cfn } = setup();
		cfn.call('CreateStack', { StackName: 'imp', TemplateBody: json({ Resources: { A: { Type: THING, Properties: { V: { 'Fn::ImportValue': 'nope' } } } } }) });
		settle(world);
		expect(lines(events(cfn, 'imp'))).toEqual(['imp CREATE_IN_PROGRESS User Initiated', 'imp ROLLBACK_IN_PROGRESS No export named nope found. Rollback requested by user.', 'imp ROLLBACK_COMPLETE']);
	});
});
