// A property over random sequences of the failure-lifecycle operations (CreateStack with its
// failure options and timeout, UpdateStack with DisableRollback and policies, RollbackStack,
// DeleteStack with RetainResources and FORCE_DELETE_STACK, stack policy calls, cancels, continues,
// and time passing): every call answers or throws the engine's AwsError, never anything else; and
// a world saved and restored after every step ends exactly like one that never was.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { AwsError } from '../../../../../src/lib/engines/errors';
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { fakeProvider, fakeRegistry, json, NOW, OTHER, REGION, THING } from './helpers';

const REPO = 'AWS::ECR::Repository';

beforeAll(async () => {
	await loadResourceSchemas([REPO]);
});

const providers = () => fakeRegistry(fakeProvider(REPO), fakeProvider(THING, { create: 3_000, update: 2_000, delete: 2_000 }), fakeProvider(OTHER, { create: 90_000, update: 2_000, delete: 1_000 }));

/** Template variants: good ones, ones that fail to create, update, delete or revert, a replacement, a removal, a Retain. */
const TEMPLATES = [
	json({ Resources: { Repo: { Type: REPO, Properties: { EncryptionConfiguration: { EncryptionType: 'AES256' } } }, A: { Type: THING, Properties: { V: 1 } } } }),
	json({ Resources: { Repo: { Type: REPO, Properties: { EncryptionConfiguration: { EncryptionType: 'KMS' } } }, A: { Type: THING, Properties: { V: 2, On: { 'Fn::GetAtt': ['Repo', 'Arn'] } } } } }),
	json({ Resources: { Repo: { Type: REPO, Properties: { EncryptionConfiguration: { EncryptionType: 'AES256' } } }, A: { Type: THING, Properties: { V: 3, FailUpdate: 'no' } }, B: { Type: THING, DeletionPolicy: 'Retain', Properties: {} } } }),
	json({ Resources: { Repo: { Type: REPO, Properties: { ImageTagMutability: 'IMMUTABLE', EncryptionConfiguration: { EncryptionType: 'AES256' } } }, C: { Type: THING, Properties: { FailCreate: 'no' } } } }),
	json({ Resources: { A: { Type: THING, Properties: { V: 4, FailRevert: 'stuck', FailDelete: 'in use' } }, Slow: { Type: OTHER, Properties: { After: { Ref: 'A' } } } } }),
	json({ Resources: { Repo: { Type: REPO, Properties: {} }, A: { Type: THING, Properties: { V: 5 } }, D: { Type: THING, Properties: { FailDelete: 'in use' } } } })
];
const POLICIES = [
	'{}',
	JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'Update:*', Principal: '*', Resource: '*' }] }),
	JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'Update:*', Principal: '*', Resource: '*' }, { Effect: 'Deny', Action: 'Update:Replace', Principal: '*', Resource: 'LogicalResourceId/Repo' }] }),
	JSON.stringify({ Statement: [{ Effect: 'Allow', NotAction: 'Update:Delete', Principal: '*', Resource: '*' }] }),
	'not a policy'
];

const template = fc.integer({ min: 0, max: TEMPLATES.length - 1 });
const maybePolicy = fc.option(fc.integer({ min: 0, max: POLICIES.length - 1 }), { nil: undefined });

type Step = { call: string; input: Record<string, unknown> } | { advance: number };

const createStep: fc.Arbitrary<Step> = fc.record({ t: template, onFailure: fc.constantFrom(undefined, 'ROLLBACK', 'DO_NOTHING', 'DELETE'), disable: fc.option(fc.boolean(), { nil: undefined }), timeout: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), p: maybePolicy, reoc: fc.option(fc.boolean(), { nil: undefined }) }).map(
		({ t, onFailure, disable, timeout, p, reoc }): Step => ({
			call: 'CreateStack',
			input: {
				StackName: 's',
				TemplateBody: TEMPLATES[t],
				...(onFailure !== undefined ? { OnFailure: onFailure } : {}),
				...(disable !== undefined ? { DisableRollback: disable } : {}),
				...(timeout !== undefined ? { TimeoutInMinutes: timeout } : {}),
				...(p !== undefined ? { StackPolicyBody: POLICIES[p] } : {}),
				...(reoc !== undefined ? { RetainExceptOnCreate: reoc } : {})
			}
		})
	);

/** A create AWS accepts (the random one above is often refused), so that most runs have a stack to work on. */
const validCreate: fc.Arbitrary<Step> = fc.record({ t: template, disable: fc.constantFrom(true, true, false), p: fc.option(fc.integer({ min: 0, max: POLICIES.length - 2 }), { nil: undefined }) }).map(
	({ t, disable, p }): Step => ({ call: 'CreateStack', input: { StackName: 's', TemplateBody: TEMPLATES[t], DisableRollback: disable, ...(p !== undefined ? { StackPolicyBody: POLICIES[p] } : {}) } })
);

// Weighted so that random runs do reach the states under test (CREATE_FAILED, UPDATE_FAILED,
// DELETE_FAILED) and the operations out of them; the counts below check that they did.
const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ advance: fc.constantFrom(1_000, 5_000, 30_000, 120_000, 3_600_000) }) },
	{ weight: 3, arbitrary: createStep },
	{ weight: 4, arbitrary: fc.record({ t: template, disable: fc.constantFrom(true, true, false, undefined), p: maybePolicy, during: maybePolicy, reoc: fc.option(fc.boolean(), { nil: undefined }), previous: fc.boolean() }).map(
		({ t, disable, p, during, reoc, previous }): Step => ({
			call: 'UpdateStack',
			input: {
				StackName: 's',
				...(previous ? { UsePreviousTemplate: true } : { TemplateBody: TEMPLATES[t] }),
				...(disable !== undefined ? { DisableRollback: disable } : {}),
				...(p !== undefined ? { StackPolicyBody: POLICIES[p] } : {}),
				...(during !== undefined ? { StackPolicyDuringUpdateBody: POLICIES[during] } : {}),
				...(reoc !== undefined ? { RetainExceptOnCreate: reoc } : {})
			}
		})
	) },
	{ weight: 3, arbitrary: fc.record({ reoc: fc.option(fc.boolean(), { nil: undefined }) }).map(({ reoc }): Step => ({ call: 'RollbackStack', input: { StackName: 's', ...(reoc !== undefined ? { RetainExceptOnCreate: reoc } : {}) } })) },
	{
		weight: 3,
		arbitrary: fc.record({ retain: fc.subarray(['A', 'D', 'Repo', 'Nope']), mode: fc.constantFrom(undefined, 'STANDARD', 'FORCE_DELETE_STACK', 'BAD') }).map(
			({ retain, mode }): Step => ({ call: 'DeleteStack', input: { StackName: 's', ...(retain.length ? { RetainResources: retain } : {}), ...(mode !== undefined ? { DeletionMode: mode } : {}) } })
		)
	},
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: POLICIES.length - 1 }).map((p): Step => ({ call: 'SetStackPolicy', input: { StackName: 's', StackPolicyBody: POLICIES[p] } })) },
	{ weight: 1, arbitrary: fc.constant<Step>({ call: 'GetStackPolicy', input: { StackName: 's' } }) },
	{ weight: 1, arbitrary: fc.constant<Step>({ call: 'CancelUpdateStack', input: { StackName: 's' } }) },
	{ weight: 1, arbitrary: fc.subarray(['A', 'Repo']).map((skip): Step => ({ call: 'ContinueUpdateRollback', input: { StackName: 's', ...(skip.length ? { ResourcesToSkip: skip } : {}) } })) }
);

/** How often each call was accepted, and each stack status seen, over all runs. */
const accepted = new Map<string, number>();
const seen = new Set<string>();
const count = (key: string) => accepted.set(key, (accepted.get(key) ?? 0) + 1);

/** Runs one step; only the engine's AwsError may come out of a call. */
function apply(world: World, s: Step): void {
	if ('advance' in s) {
		world.advanceBy(s.advance);
		return;
	}
	const cfn = world.cloudformation(rootCaller(), REGION);
	try {
		cfn.callByName(s.call, structuredClone(s.input));
		count(s.call);
	} catch (e) {
		if (!(e instanceof AwsError)) throw e;
	}
	for (const st of (cfn.call('ListStacks', {}).StackSummaries ?? [])) seen.add(st.StackStatus ?? '');
}

const restored = (world: World) => World.restore(JSON.parse(JSON.stringify(world.snapshot())), { providers: providers() });

describe('the failure lifecycle under random operations', () => {
	it('answers or throws AwsError, and a world restored after every step ends like the one that ran straight', () => {
		fc.assert(
			fc.property(validCreate, fc.array(step, { minLength: 1, maxLength: 14 }), (first, rest) => {
				const steps: Step[] = [first, { advance: 3_600_000 }, ...rest];
				const straight = World.create({ now: NOW, providers: providers() });
				let saved = World.create({ now: NOW, providers: providers() });
				for (const s of steps) {
					apply(straight, s);
					apply(saved, s);
					saved = restored(saved);
					expect(saved.snapshot()).toEqual(straight.snapshot());
				}
				// Let everything finish on both and compare once more.
				straight.advanceBy(24 * 3_600_000);
				saved = restored(saved);
				saved.advanceBy(24 * 3_600_000);
				expect(saved.snapshot()).toEqual(straight.snapshot());
				expect(straight.snapshot().jobs.jobs.filter((j) => j.kind === 'stackOperation')).toEqual([]);
			}),
			// A fixed seed: the coverage checks below must not depend on luck.
			{ numRuns: 120, seed: 20261123 }
		);
		// The runs did exercise what this property is about.
		for (const call of ['CreateStack', 'UpdateStack', 'RollbackStack', 'DeleteStack', 'SetStackPolicy']) expect(accepted.get(call) ?? 0, call).toBeGreaterThan(2);
		for (const status of ['CREATE_FAILED', 'UPDATE_FAILED', 'DELETE_FAILED', 'ROLLBACK_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE']) expect(seen.has(status), status).toBe(true);
	});
});
