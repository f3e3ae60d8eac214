// A save taken mid-stack-operation can come back damaged anywhere. Restoring it must refuse it
// with an AwsError, or give a world whose CloudFormation answers only with results or AwsErrors,
// and whose clock still moves (a stack operation that cannot go on is dropped, never a TypeError).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../../src/lib/engines/world';
import { AwsError } from '../../../../../src/lib/engines/errors';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { defaultFakes, fakeProvider, fakeRegistry, json, NOW, OTHER, REGION, THING } from './helpers';
import { paths, setAt, type Json } from '../../json-paths';

const providers = () => fakeRegistry(fakeProvider(THING), fakeProvider(OTHER), fakeProvider('AWS::ECR::Repository'));

/** A world with a finished stack, an update half done (replacement in flight) and a create mid-rollback. */
function busyWorld(): Json {
	const world = World.create({ now: NOW, providers: providers() });
	const cfn = world.cloudformation(rootCaller(), REGION);
	const repo = (enc: string) => json({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { EncryptionConfiguration: { EncryptionType: enc } } }, User: { Type: THING, Properties: { Arn: { 'Fn::GetAtt': ['Repo', 'Arn'] } } } }, Outputs: { N: { Value: { Ref: 'Repo' }, Export: { Name: 'repo-name' } } } });
	cfn.call('CreateStack', { StackName: 'a', TemplateBody: repo('AES256') });
	world.advanceBy(60_000);
	cfn.call('UpdateStack', { StackName: 'a', TemplateBody: repo('KMS') });
	cfn.call('CreateStack', { StackName: 'b', TemplateBody: json({ Resources: { X: { Type: OTHER, Properties: { I: { 'Fn::ImportValue': 'repo-name' } } }, Y: { Type: THING, Properties: { FailCreate: 'no' } } } }) });
	world.advanceBy(4_500);
	return JSON.parse(JSON.stringify(world.snapshot())) as Json;
}

const READS: [string, Record<string, unknown>][] = [
	['DescribeStacks', {}],
	['DescribeStacks', { StackName: 'a' }],
	['DescribeStackEvents', { StackName: 'a' }],
	['DescribeStackEvents', { StackName: 'b' }],
	['ListStackResources', { StackName: 'a' }],
	['DescribeStackResources', { StackName: 'b' }],
	['ListStacks', {}],
	['ListExports', {}],
	['GetTemplate', { StackName: 'a' }],
	['GetTemplateSummary', { StackName: 'a' }]
];

// The busy world is built while the suite is collected, so the schema it needs is loaded first.
await loadResourceSchemas(['AWS::ECR::Repository']);

describe('restoring a damaged save taken mid-operation', () => {
	const base = busyWorld();
	const all = paths(base).filter((p) => ['cloudformation', 'jobs', 'lightResources', 'globalResources'].includes(String(p[0])));

	it('refuses it with an AwsError, or restores a world that answers with results or AwsErrors', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...all),
				fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, fc.constantFrom<Json>(null, '', 0, -1, 'x', [], {}, true)),
				(path, replacement) => {
					const damaged = setAt(base, path, replacement);
					let world: World;
					try {
						world = World.restore(damaged, { providers: providers() });
					} catch (e) {
						expect(e).toBeInstanceOf(AwsError);
						return;
					}
					const touch = (fn: () => unknown) => {
						try {
							fn();
						} catch (e) {
							if (!(e instanceof AwsError)) throw new Error(`damaged at ${path.join('.')}: ${String((e as Error).stack ?? e)}`);
						}
					};
					const cfn = world.cloudformation(rootCaller(), REGION);
					for (const [op, input] of READS) touch(() => cfn.callByName(op, input));
					touch(() => world.advanceBy(3_600_000));
					for (const [op, input] of READS) touch(() => cfn.callByName(op, input));
					touch(() => cfn.callByName('DeleteStack', { StackName: 'a' }));
					touch(() => world.advanceBy(3_600_000));
					touch(() => world.snapshot());
				}
			),
			{ numRuns: 400 }
		);
	}, 60_000);

	it('restores the undamaged save to a world that finishes both operations', () => {
		const world = World.restore(base, { providers: defaultFakes() });
		expect(() => world.advanceBy(3_600_000)).not.toThrow();
	});
});
