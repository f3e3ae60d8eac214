// Stack policies: the grammar and its checks, evaluation (explicit Deny beats Allow, once a policy
// is set everything not allowed is denied), SetStackPolicy/GetStackPolicy, StackPolicyBody on
// CreateStack and UpdateStack, StackPolicyDuringUpdateBody, and what a denied update looks like.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { ValidationError } from '../../../../../src/lib/engines/cloudformation/errors';
import { evaluateStackPolicy, parseStackPolicy } from '../../../../../src/lib/engines/cloudformation/stacks/stack-policy';
import { LEARNER_ACCOUNT, rootCaller } from '../../../../../src/lib/engines/world-constants';
import { events, fakeProvider, fakeRegistry, json, lines, REGION, settle, setup, THING, type Cfn } from './helpers';

const REPO = 'AWS::ECR::Repository';

beforeAll(async () => {
	await loadResourceSchemas([REPO]);
});

const world = () => setup(fakeRegistry(fakeProvider(REPO), fakeProvider(THING, { create: 2_000, update: 2_000, delete: 2_000 })));

const policy = (...statements: unknown[]) => JSON.stringify({ Statement: statements });
const ALLOW_ALL = { Effect: 'Allow', Action: 'Update:*', Principal: '*', Resource: '*' };
const DENY_REPLACE_REPO = { Effect: 'Deny', Action: 'Update:Replace', Principal: '*', Resource: 'LogicalResourceId/Repo' };

const template = (repo: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	json({ Resources: { Repo: { Type: REPO, Properties: repo }, Note: { Type: THING, Properties: { Text: 'a' } }, ...extra } });

const since = (cfn: Cfn, mark: number) => lines(events(cfn, 'app').slice(mark));
const status = (cfn: Cfn) => cfn.call('DescribeStacks', { StackName: 'app' }).Stacks?.[0]?.StackStatus;

function created(t: string, stackPolicy?: string) {
	const s = world();
	s.cfn.call('CreateStack', { StackName: 'app', TemplateBody: t, ...(stackPolicy !== undefined ? { StackPolicyBody: stackPolicy } : {}) });
	settle(s.world);
	return { ...s, mark: events(s.cfn, 'app').length };
}

function invalid(text: string): ValidationError {
	try {
		parseStackPolicy(text);
	} catch (e) {
		if (e instanceof ValidationError) return e;
		throw e;
	}
	throw new Error(`accepted: ${text}`);
}

describe('the stack policy grammar', () => {
	it('answers every malformed policy with AWS\'s one sentence, and says what is wrong in detail', () => {
		const cases: [string, RegExp][] = [
			['not json', /not valid JSON/],
			['[]', /JSON object/],
			[JSON.stringify({ Statement: ALLOW_ALL }), /Statement must be a list/],
			[JSON.stringify({ Version: '2012-10-17', Statement: [] }), /only a Statement element, not Version/],
			[policy({ ...ALLOW_ALL, Effect: 'Permit' }), /Effect must be "Allow" or "Deny"/],
			[policy({ ...ALLOW_ALL, Principal: 'arn:aws:iam::123456789012:root' }), /Principal is required and must be "\*"/],
			[policy({ Effect: 'Allow', Principal: '*', Resource: '*' }), /exactly one of Action and NotAction/],
			[policy({ ...ALLOW_ALL, Action: 'Delete:*' }), /names the action Delete:\*/],
			[policy({ ...ALLOW_ALL, Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/x' }), /names the resource arn:aws:ecr/],
			[policy({ ...ALLOW_ALL, NotResource: 'LogicalResourceId/A' }), /exactly one of Resource and NotResource/],
			[policy({ ...ALLOW_ALL, Condition: { StringEquals: { Type: 'AWS::ECR::Repository' } } }), /exactly one key, ResourceType/],
			[policy({ ...ALLOW_ALL, Condition: { ArnLike: { ResourceType: 'AWS::ECR::*' } } }), /only StringEquals and StringLike/],
			[policy({ ...ALLOW_ALL, Actions: 'Update:*' }), /element stack policies do not have: Actions/],
			[policy({ ...ALLOW_ALL, Action: [] }), /non-empty list of strings/]
		];
		for (const [text, detail] of cases) {
			const e = invalid(text);
			expect(e.message).toBe('Error validating stack policy: Invalid stack policy');
			expect(e.detail).toMatch(detail);
		}
		expect(invalid('x'.repeat(16_385)).message).toBe("1 validation error detected: Value at 'stackPolicyBody' failed to satisfy constraint: Member must have length less than or equal to 16384");
	});

	it('evaluates: Deny beats Allow anywhere in the list; nothing allowed means denied; NotAction, NotResource and conditions', () => {
		const repo = (action: 'Update:Modify' | 'Update:Replace' | 'Update:Delete', logicalId = 'Repo', resourceType = REPO) => ({ action, logicalId, resourceType });
		const p = parseStackPolicy(policy(DENY_REPLACE_REPO, ALLOW_ALL));
		expect(evaluateStackPolicy(p, repo('Update:Modify'))).toEqual({ allowed: true });
		expect(evaluateStackPolicy(p, repo('Update:Replace'))).toEqual({ allowed: false, reason: 'Action denied by stack policy: Statement [#1] does not allow [Update:Replace] for resource [LogicalResourceId/Repo];' });
		expect(evaluateStackPolicy(p, repo('Update:Replace', 'Other'))).toEqual({ allowed: true });
		// Order does not matter: the Deny still wins as the second statement.
		expect(evaluateStackPolicy(parseStackPolicy(policy(ALLOW_ALL, DENY_REPLACE_REPO)), repo('Update:Replace'))).toEqual({
			allowed: false,
			reason: 'Action denied by stack policy: Statement [#2] does not allow [Update:Replace] for resource [LogicalResourceId/Repo];'
		});
		// {} is a policy with no statement: every update is denied by default.
		expect(evaluateStackPolicy(parseStackPolicy('{}'), repo('Update:Modify'))).toEqual({
			allowed: false,
			reason: 'Action not allowed by stack policy: No statement allows [Update:Modify] for resource [LogicalResourceId/Repo];'
		});
		const notDelete = parseStackPolicy(policy({ Effect: 'Allow', NotAction: 'Update:Delete', Principal: '*', NotResource: ['LogicalResourceId/Prod*'] }));
		expect(evaluateStackPolicy(notDelete, repo('Update:Replace'))).toEqual({ allowed: true });
		expect(evaluateStackPolicy(notDelete, repo('Update:Delete')).allowed).toBe(false);
		expect(evaluateStackPolicy(notDelete, repo('Update:Modify', 'ProdDatabase')).allowed).toBe(false);
		const byType = parseStackPolicy(
			policy({ Effect: 'Deny', Action: ['Update:Replace', 'Update:Delete'], Principal: '*', Resource: '*', Condition: { StringLike: { ResourceType: ['AWS::ECR::*'] } } }, ALLOW_ALL)
		);
		expect(evaluateStackPolicy(byType, repo('Update:Delete'))).toEqual({ allowed: false, reason: 'Action denied by stack policy: Statement [#1] does not allow [Update:Replace, Update:Delete] for resource [*];' });
		expect(evaluateStackPolicy(byType, repo('Update:Delete', 'Param', THING))).toEqual({ allowed: true });
		const exact = parseStackPolicy(policy({ ...ALLOW_ALL, Condition: { StringEquals: { ResourceType: 'AWS::ECR::*' } } }));
		expect(evaluateStackPolicy(exact, repo('Update:Modify')).allowed).toBe(false);
	});
});

describe('SetStackPolicy and GetStackPolicy', () => {
	it('start with no policy, set and replace one, refuse bad input', () => {
		const { cfn } = created(template({ ImageTagMutability: 'MUTABLE' }));
		expect(cfn.call('GetStackPolicy', { StackName: 'app' })).toEqual({});
		expect(cfn.call('SetStackPolicy', { StackName: 'app', StackPolicyBody: policy(ALLOW_ALL) })).toEqual({});
		expect(cfn.call('GetStackPolicy', { StackName: 'app' })).toEqual({ StackPolicyBody: policy(ALLOW_ALL) });
		cfn.call('SetStackPolicy', { StackName: 'app', StackPolicyBody: '{}' });
		expect(cfn.call('GetStackPolicy', { StackName: 'app' })).toEqual({ StackPolicyBody: '{}' });
		expect(() => cfn.call('SetStackPolicy', { StackName: 'app', StackPolicyBody: 'nope' })).toThrow('Error validating stack policy: Invalid stack policy');
		expect(() => cfn.call('SetStackPolicy', { StackName: 'app', StackPolicyBody: '{}', StackPolicyURL: 'https://s3.amazonaws.com/b/p.json' })).toThrow('You cannot specify both StackPolicyURL and StackPolicyBody');
		expect(() => cfn.call('SetStackPolicy', { StackName: 'app', StackPolicyURL: 'https://s3.amazonaws.com/b/p.json' })).toThrow(
			'StackPolicyURL is not supported by this simulator: it has no Amazon S3. Pass the policy text as StackPolicyBody.'
		);
		expect(() => cfn.call('SetStackPolicy', { StackName: 'app' })).toThrow('Either StackPolicyBody or StackPolicyURL must be specified.');
		expect(() => cfn.call('GetStackPolicy', { StackName: 'nope' })).toThrow('Stack with id nope does not exist');
		// A refused CreateStack creates nothing.
		expect(() => cfn.call('CreateStack', { StackName: 'bad', TemplateBody: template({}), StackPolicyBody: policy({ ...ALLOW_ALL, Principal: 'me' }) })).toThrow('Error validating stack policy: Invalid stack policy');
		expect(() => cfn.call('DescribeStacks', { StackName: 'bad' })).toThrow('Stack with id bad does not exist');
	});
});

describe('an update under a stack policy', () => {
	it('denies Update:Replace of the repository while allowing Modify; the denied update rolls back', () => {
		const { world, cfn, mark } = created(template({ ImageTagMutability: 'MUTABLE', EncryptionConfiguration: { EncryptionType: 'AES256' } }), policy(DENY_REPLACE_REPO, ALLOW_ALL));
		// Modify (in place) is allowed.
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE', EncryptionConfiguration: { EncryptionType: 'AES256' } }) });
		settle(world);
		expect(since(cfn, mark)).toEqual(['app UPDATE_IN_PROGRESS User Initiated', 'Repo UPDATE_IN_PROGRESS', 'Repo UPDATE_COMPLETE', 'app UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'app UPDATE_COMPLETE']);
		// Replace (a create-only property changes) is denied: UPDATE_FAILED with no UPDATE_IN_PROGRESS before it.
		const mark2 = events(cfn, 'app').length;
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE', EncryptionConfiguration: { EncryptionType: 'KMS' } }, { Extra: { Type: THING, Properties: {} } }) });
		settle(world);
		// The refusal is immediate and halts the update before Extra is started; the rollback has
		// nothing to undo on Repo, so it writes only UPDATE_COMPLETE (as the real 2017 log does).
		expect(since(cfn, mark2)).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'Repo UPDATE_FAILED Action denied by stack policy: Statement [#1] does not allow [Update:Replace] for resource [LogicalResourceId/Repo];',
			'app UPDATE_ROLLBACK_IN_PROGRESS The following resource(s) failed to update: [Repo].',
			'Repo UPDATE_COMPLETE',
			'app UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
			'app UPDATE_ROLLBACK_COMPLETE'
		]);
		expect(cfn.call('DescribeStackResource', { StackName: 'app', LogicalResourceId: 'Repo' }).StackResourceDetail?.ResourceStatus).toBe('UPDATE_COMPLETE');
	});

	it('StackPolicyDuringUpdateBody overrides the policy for one update only, and GetStackPolicy shows it meanwhile', () => {
		const stackPolicy = policy(DENY_REPLACE_REPO, ALLOW_ALL);
		const { world, cfn, mark } = created(template({ EncryptionConfiguration: { EncryptionType: 'AES256' } }), stackPolicy);
		const override = policy(ALLOW_ALL);
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ EncryptionConfiguration: { EncryptionType: 'KMS' } }), StackPolicyDuringUpdateBody: override });
		expect(cfn.call('GetStackPolicy', { StackName: 'app' })).toEqual({ StackPolicyBody: override });
		settle(world);
		expect(since(cfn, mark)).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'Repo UPDATE_IN_PROGRESS Requested update requires the creation of a new physical resource; hence creating one.',
			'Repo UPDATE_IN_PROGRESS Resource creation Initiated',
			'Repo UPDATE_COMPLETE',
			'app UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
			'Repo DELETE_IN_PROGRESS',
			'Repo DELETE_COMPLETE',
			'app UPDATE_COMPLETE'
		]);
		expect(cfn.call('GetStackPolicy', { StackName: 'app' })).toEqual({ StackPolicyBody: stackPolicy });
		// The next update is governed by the stack's own policy again.
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ EncryptionConfiguration: { EncryptionType: 'AES256' } }) });
		settle(world);
		expect(status(cfn)).toBe('UPDATE_ROLLBACK_COMPLETE');
		expect(() =>
			cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({}), StackPolicyDuringUpdateBody: override, StackPolicyDuringUpdateURL: 'https://s3.amazonaws.com/b/p.json' })
		).toThrow('You cannot specify both StackPolicyDuringUpdateURL and StackPolicyDuringUpdateBody');
	});

	it('checks Update:Delete for resources the template drops, before anything is touched', () => {
		const { world, cfn, mark } = created(template({}), policy({ Effect: 'Allow', NotAction: 'Update:Delete', Principal: '*', Resource: '*' }));
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: json({ Resources: { Repo: { Type: REPO, Properties: { ImageTagMutability: 'IMMUTABLE' } } } }) });
		settle(world);
		expect(since(cfn, mark)).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'Note UPDATE_FAILED Action not allowed by stack policy: No statement allows [Update:Delete] for resource [LogicalResourceId/Note];',
			'app UPDATE_ROLLBACK_IN_PROGRESS The following resource(s) failed to update: [Note].',
			'Note UPDATE_COMPLETE',
			'app UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
			'app UPDATE_ROLLBACK_COMPLETE'
		]);
	});

	it('a StackPolicyBody given to UpdateStack takes effect once that update has completed', () => {
		const { world, cfn } = created(template({}));
		const denyAll = policy({ Effect: 'Deny', Action: 'Update:*', Principal: '*', Resource: '*' });
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ ImageTagMutability: 'IMMUTABLE' }), StackPolicyBody: denyAll });
		expect(cfn.call('GetStackPolicy', { StackName: 'app' })).toEqual({});
		settle(world);
		expect(status(cfn)).toBe('UPDATE_COMPLETE');
		expect(cfn.call('GetStackPolicy', { StackName: 'app' })).toEqual({ StackPolicyBody: denyAll });
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ ImageTagMutability: 'MUTABLE' }) });
		settle(world);
		expect(events(cfn, 'app').find((e) => e.ResourceStatus === 'UPDATE_FAILED')?.ResourceStatusReason).toBe('Action denied by stack policy: Statement [#1] does not allow [Update:*] for resource [*];');
	});

	it('with DisableRollback a denied update stops at UPDATE_FAILED; creating a stack is never checked', () => {
		const { world, cfn, mark } = created(template({ EncryptionConfiguration: { EncryptionType: 'AES256' } }), '{}');
		expect(status(cfn)).toBe('CREATE_COMPLETE');
		cfn.call('UpdateStack', { StackName: 'app', TemplateBody: template({ EncryptionConfiguration: { EncryptionType: 'KMS' } }), DisableRollback: true });
		settle(world);
		expect(since(cfn, mark)).toEqual([
			'app UPDATE_IN_PROGRESS User Initiated',
			'Repo UPDATE_FAILED Action not allowed by stack policy: No statement allows [Update:Replace] for resource [LogicalResourceId/Repo];',
			'app UPDATE_FAILED The following resource(s) failed to update: [Repo].'
		]);
	});

	it('an override needs cloudformation:SetStackPolicy as well as UpdateStack', () => {
		const { world, cfn } = created(template({ EncryptionConfiguration: { EncryptionType: 'AES256' } }), policy(DENY_REPLACE_REPO, ALLOW_ALL));
		const iam = world.iam(rootCaller());
		iam.call('CreateUser', { UserName: 'dev' });
		const allow = (actions: string[]) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
		iam.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'p', PolicyDocument: allow(['cloudformation:UpdateStack', 'cloudformation:DescribeStacks', 'ecr:*']) });
		const dev = world.cloudformation({ arn: `arn:aws:iam::${LEARNER_ACCOUNT}:user/dev`, accountId: LEARNER_ACCOUNT }, REGION);
		const update = { StackName: 'app', TemplateBody: template({ EncryptionConfiguration: { EncryptionType: 'KMS' } }), StackPolicyDuringUpdateBody: policy(ALLOW_ALL) };
		expect(() => dev.call('UpdateStack', update)).toThrow(/not authorized to perform: cloudformation:SetStackPolicy/);
		iam.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'p', PolicyDocument: allow(['cloudformation:UpdateStack', 'cloudformation:SetStackPolicy', 'cloudformation:DescribeStacks', 'ecr:*']) });
		dev.call('UpdateStack', update);
		settle(world);
		expect(status(cfn)).toBe('UPDATE_COMPLETE');
	});
});
