import { describe, expect, it } from 'vitest';
import { parsePolicy, PolicyError, REPOSITORY_POLICY_MESSAGE } from '../../../../src/lib/engines/iam';
import { doc, parseError } from './helpers';

const allowList = { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example_bucket' };

describe('parsePolicy: accepted grammar', () => {
	it('normalizes a single statement object and string values into lists', () => {
		const policy = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: allowList }), 'identity');
		expect(policy).toEqual({
			kind: 'identity',
			version: '2012-10-17',
			statements: [
				{
					index: 0,
					effect: 'Allow',
					action: { negated: false, values: ['s3:ListBucket'] },
					resource: { negated: false, values: ['arn:aws:s3:::example_bucket'] },
					conditions: []
				}
			]
		});
	});

	it('reads Id, Sid, NotAction, NotResource and every condition operator form', () => {
		const policy = parsePolicy(
			doc(
				[
					{
						Sid: 'One',
						Effect: 'Deny',
						NotAction: ['iam:*'],
						NotResource: '*',
						Condition: {
							'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['env*', 'team'] },
							Bool: { 'aws:SecureTransport': false },
							NumericLessThan: { 's3:max-keys': 10 },
							Null: { 'aws:TokenIssueTime': 'true' }
						}
					}
				],
				{ Id: 'policy-1' }
			),
			'identity'
		);
		expect(policy.id).toBe('policy-1');
		const s = policy.statements[0];
		expect(s?.sid).toBe('One');
		expect(s?.action).toEqual({ negated: true, values: ['iam:*'] });
		expect(s?.resource).toEqual({ negated: true, values: ['*'] });
		expect(s?.conditions).toEqual([
			{ operator: 'ForAnyValue:StringLikeIfExists', base: 'StringLike', qualifier: 'ForAnyValue', ifExists: true, key: 'aws:TagKeys', values: ['env*', 'team'] },
			{ operator: 'Bool', base: 'Bool', ifExists: false, key: 'aws:SecureTransport', values: ['false'] },
			{ operator: 'NumericLessThan', base: 'NumericLessThan', ifExists: false, key: 's3:max-keys', values: ['10'] },
			{ operator: 'Null', base: 'Null', ifExists: false, key: 'aws:TokenIssueTime', values: ['true'] }
		]);
	});

	it('reads every Principal form of a resource policy', () => {
		const policy = parsePolicy(
			doc([
				{ Effect: 'Allow', Principal: '*', Action: 'ecr:*' },
				{ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'ecr:*' },
				{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:role/path/ci'] }, Action: 'ecr:*' },
				{ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'ecr:BatchGetImage' },
				{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'ecr:BatchGetImage' },
				{ Effect: 'Deny', NotPrincipal: { AWS: ['arn:aws:sts::123456789012:assumed-role/ci/s1', 'arn:aws:iam::123456789012:root'] }, Action: 'ecr:*' }
			]),
			'repository'
		);
		expect(policy.statements.map((s) => s.principal)).toEqual([
			{ negated: false, everyone: true, aws: [], service: [], federated: [], canonicalUser: [] },
			{ negated: false, everyone: false, aws: ['123456789012'], service: [], federated: [], canonicalUser: [] },
			{ negated: false, everyone: false, aws: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:role/path/ci'], service: [], federated: [], canonicalUser: [] },
			{ negated: false, everyone: false, aws: [], service: ['codebuild.amazonaws.com'], federated: [], canonicalUser: [] },
			{ negated: false, everyone: false, aws: [], service: [], federated: ['cognito-identity.amazonaws.com'], canonicalUser: [] },
			{ negated: true, everyone: false, aws: ['arn:aws:sts::123456789012:assumed-role/ci/s1', 'arn:aws:iam::123456789012:root'], service: [], federated: [], canonicalUser: [] }
		]);
		expect(policy.statements[0]?.resource).toBeUndefined();
	});

	it('accepts the 2008-10-17 language (and no Version) in repository policies, as the old ECR console wrote them', () => {
		const statement = { Sid: 'new statement', Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage'] };
		expect(parsePolicy(JSON.stringify({ Version: '2008-10-17', Statement: [statement] }), 'repository').version).toBe('2008-10-17');
		expect(parsePolicy(JSON.stringify({ Statement: [statement] }), 'repository').version).toBeUndefined();
	});

	it('accepts an unknown operator with nothing under it, and an empty Condition', () => {
		expect(parsePolicy(doc([{ ...allowList, Condition: { a: {} } }]), 'identity').statements[0]?.conditions).toEqual([]);
		expect(parsePolicy(doc([{ ...allowList, Condition: {} }]), 'identity').statements[0]?.conditions).toEqual([]);
	});
});

describe('parsePolicy: identity-policy errors are IAM’s MalformedPolicyDocument messages', () => {
	const cases: [string, string, string][] = [
		['not JSON', 'This is not a json document', 'Syntax errors in policy.'],
		['no Version', JSON.stringify({ Statement: allowList }), 'Policy document must be version 2012-10-17 or greater.'],
		['Version 2008', JSON.stringify({ Version: '2008-10-17', Statement: allowList }), 'Policy document must be version 2012-10-17 or greater.'],
		['unknown Version', JSON.stringify({ Version: '2013-10-17', Statement: allowList }), 'Syntax errors in policy.'],
		['no Statement', JSON.stringify({ Version: '2012-10-17' }), 'Syntax errors in policy.'],
		['empty Statement', doc([]), 'Syntax errors in policy.'],
		['statement not an object', doc(['afd']), 'Syntax errors in policy.'],
		['extra top-level field', JSON.stringify({ Version: '2012-10-17', Statement: allowList, 'Extra field': 'value' }), 'Syntax errors in policy.'],
		['extra statement field', doc([{ ...allowList, 'Extra field': 'value' }]), 'Syntax errors in policy.'],
		['Id a list', doc([allowList], { Id: ['x'] }), 'Syntax errors in policy.'],
		['Effect invalid', doc([{ ...allowList, Effect: 'invalid' }]), 'Syntax errors in policy.'],
		['Effect missing', doc([{ Action: 's3:ListBucket', Resource: '*' }]), 'Syntax errors in policy.'],
		['Effect wrong case', doc([{ ...allowList, Effect: 'denY' }]), 'The policy failed legacy parsing'],
		['Action and NotAction', doc([{ ...allowList, NotAction: 's3:x' }]), 'Syntax errors in policy.'],
		['Resource and NotResource', doc([{ ...allowList, NotResource: '*' }]), 'Syntax errors in policy.'],
		['Action an object', doc([{ ...allowList, Action: {} }]), 'Syntax errors in policy.'],
		['Resource with a non-string', doc([{ ...allowList, Resource: ['adfdf', {}] }]), 'Syntax errors in policy.'],
		['Condition a list', doc([{ ...allowList, Condition: [] }]), 'Syntax errors in policy.'],
		['Condition operator not an object', doc([{ ...allowList, Condition: { DateGreaterThan: 'b' } }]), 'Syntax errors in policy.'],
		['unknown operator', doc([{ ...allowList, Condition: { x: { a: '1' } } }]), 'Syntax errors in policy.'],
		['double colon qualifier', doc([{ ...allowList, Condition: { 'ForAnyValue::StringEqualsIfExists': { a: 'asf' } } }]), 'Syntax errors in policy.'],
		['NullIfExists', doc([{ ...allowList, Condition: { NullIfExists: { 'aws:x': 'true' } } }]), 'Syntax errors in policy.'],
		['a null condition value', doc([{ ...allowList, Condition: { StringEquals: { 'aws:x': null } } }]), 'Syntax errors in policy.'],
		['bad date', doc([{ ...allowList, Condition: { DateGreaterThan: { 'aws:CurrentTime': 'sdfdsf' } } }]), 'The policy failed legacy parsing'],
		['short ARN with ::', doc([{ ...allowList, Resource: 'arn:aws:s3::example_bucket' }]), 'The policy failed legacy parsing'],
		['Sid not a string', doc([{ ...allowList, Sid: {} }]), 'Syntax errors in policy.'],
		['duplicate Sid', doc([{ ...allowList, Sid: 'sdf' }, { ...allowList, Sid: 'sdf' }]), 'Statement IDs (SID) in a single policy must be unique.'],
		['Sid with a space', doc([{ ...allowList, Sid: 'new statement' }]), 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*'],
		['no Action', doc([{ Effect: 'Allow', Resource: '*' }]), 'Policy statement must contain actions.'],
		['empty Action', doc([{ ...allowList, Action: [] }]), 'Policy statement must contain actions.'],
		['no Resource', doc([{ Effect: 'Allow', Action: 's3:ListBucket' }]), 'Policy statement must contain resources.'],
		['empty Resource', doc([{ ...allowList, Resource: [] }]), 'Policy statement must contain resources.'],
		['Resource not an ARN', doc([{ ...allowList, Resource: 'invalid resource' }]), 'Resource invalid resource must be in ARN format or "*".'],
		['Resource bad partition', doc([{ ...allowList, Resource: 'aws:s3:::example_bucket' }]), 'Partition "s3" is not valid for resource "arn:s3:::example_bucket:*".'],
		['action without vendor', doc([{ ...allowList, Action: 'invalid' }]), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'],
		['action with two colons', doc([{ ...allowList, Action: 's3:List:Bucket' }]), 'Actions/Condition can contain only one colon.'],
		['vendor with a space', doc([{ ...allowList, Action: 'a a:ListBucket' }]), 'Vendor a a is not valid'],
		['a Principal', doc([{ ...allowList, Principal: '*' }]), 'Policy document should not specify a principal.'],
		['a NotPrincipal', doc([{ ...allowList, NotPrincipal: { AWS: '123456789012' } }]), 'Policy document should not specify a principal.']
	];
	it.each(cases)('%s', (_name, text, message) => {
		const e = parseError(text, 'identity');
		expect(e.code).toBe('MalformedPolicyDocument');
		expect(e.message).toBe(message);
		expect(e).toBeInstanceOf(PolicyError);
		expect((e as PolicyError).detail.length).toBeGreaterThan(0);
	});

	it('refuses __proto__ keys without polluting any prototype', () => {
		for (const text of [
			'{"__proto__": {"polluted": true}, "Version": "2012-10-17", "Statement": []}',
			doc([{ ...allowList, __proto__: 1 }]).replace('"Effect"', '"__proto__": {"polluted": true}, "Effect"'),
			doc([{ ...allowList, Condition: { StringEquals: { x: 'y' } } }]).replace('"x"', '"__proto__"')
		]) {
			expect(parseError(text, 'identity').code).toBe('MalformedPolicyDocument');
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses a document too large to read, with an AwsError', () => {
		const huge = doc([{ ...allowList, Action: Array.from({ length: 80_000 }, (_, i) => `s3:Get${i}`) }]);
		expect(parseError(huge, 'identity').message).toBe('Syntax errors in policy.');
	});
});

describe('parsePolicy: repository policies', () => {
	const pull = { Sid: 'AllowPull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: ['ecr:BatchGetImage'] };

	it('refuses a Resource or NotResource element with ECR’s InvalidParameterException', () => {
		for (const element of ['Resource', 'NotResource']) {
			const e = parseError(doc([{ ...pull, [element]: 'arn:aws:ecr:us-east-1:123456789012:repository/web' }]), 'repository');
			expect(e.code).toBe('InvalidParameterException');
			expect(e.message).toBe("Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'");
			expect((e as PolicyError).detail).toMatch(/Resource/);
		}
	});

	it('requires a Principal, and refuses a partial wildcard in one', () => {
		const noPrincipal = parseError(doc([{ Effect: 'Allow', Action: 'ecr:*' }]), 'repository');
		expect(noPrincipal.message).toBe(REPOSITORY_POLICY_MESSAGE);
		expect((noPrincipal as PolicyError).detail).toMatch(/Principal/);
		const partial = parseError(doc([{ ...pull, Principal: { AWS: 'arn:aws:iam::123456789012:role/*' } }]), 'repository');
		expect(partial.message).toBe(REPOSITORY_POLICY_MESSAGE);
		expect((partial as PolicyError).detail).toMatch(/wildcard/);
		expect(parseError(doc([{ ...pull, Principal: 'arn:aws:iam::123456789012:root' }]), 'repository').message).toBe(REPOSITORY_POLICY_MESSAGE);
	});

	it('gives every grammar fault the same ECR message', () => {
		for (const text of ['{', '[]', 'null', doc([{ ...pull, Effect: 'allow' }]), doc([{ ...pull, Action: [] }]), doc([{ ...pull, Principal: {} }])]) {
			const e = parseError(text, 'repository');
			expect(e.code).toBe('InvalidParameterException');
			expect(e.message).toBe(REPOSITORY_POLICY_MESSAGE);
		}
	});

	it('requires a Principal in a generic resource policy with IAM-style wording', () => {
		const e = parseError(doc([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]), 'resource');
		expect(e.code).toBe('MalformedPolicyDocument');
		expect(e.message).toBe('Missing required field Principal');
		expect(parseError(doc([{ Effect: 'Allow', Principal: { AWS: 'bob' }, Action: 's3:GetObject' }]), 'resource').message).toBe('Invalid principal in policy');
	});
});
