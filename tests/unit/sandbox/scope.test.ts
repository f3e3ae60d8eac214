// Where the CloudFormation view looks: stack ARNs name their account and Region, and a saved scope
// outside the world falls back to home.
import { describe, expect, it } from 'vitest';
import { accountLabel, isKnownScope, restoreScope, sameScope, scopeKey, scopeOfStackId } from '../../../src/routes/sandbox/scope';
import { protectedRepository, readablePolicy, starterStackPolicy } from '../../../src/routes/sandbox/stack-policy-starter';

const HOME = { account: '123456789012', region: 'us-east-1' };

describe('scopes', () => {
	it('reads the account and Region of a stack ARN', () => {
		expect(scopeOfStackId('arn:aws:cloudformation:us-west-2:210987654321:stack/StackSet-repos-1/abc')).toEqual({ account: '210987654321', region: 'us-west-2' });
		expect(scopeOfStackId('arn:aws:cloudformation:ap-south-1:210987654321:stack/x/abc')).toBeNull();
		expect(scopeOfStackId('web')).toBeNull();
	});

	it('restores a known scope and falls back to home otherwise', () => {
		expect(restoreScope({ account: '210987654321', region: 'eu-west-1' }, HOME)).toEqual({ account: '210987654321', region: 'eu-west-1' });
		expect(restoreScope({ account: '111122223333', region: 'eu-west-1' }, HOME)).toEqual(HOME);
		expect(restoreScope(null, HOME)).toEqual(HOME);
		expect(isKnownScope(HOME)).toBe(true);
		expect(sameScope(HOME, { ...HOME })).toBe(true);
		expect(scopeKey(HOME)).toBe('123456789012/us-east-1');
		expect(accountLabel('210987654321')).toBe('210987654321 (second)');
	});
});

describe('the starter stack policy', () => {
	it('denies replacing the stack’s repository and allows every other update', () => {
		const resources = [
			{ logicalId: 'Topic', type: 'AWS::SNS::Topic' },
			{ logicalId: 'Images', type: 'AWS::ECR::Repository' }
		];
		expect(protectedRepository(resources)).toBe('Images');
		expect(JSON.parse(starterStackPolicy(resources))).toEqual({
			Statement: [
				{ Effect: 'Deny', Action: 'Update:Replace', Principal: '*', Resource: 'LogicalResourceId/Images' },
				{ Effect: 'Allow', Action: 'Update:*', Principal: '*', Resource: '*' }
			]
		});
		expect(protectedRepository([])).toBe('Repository');
		expect(readablePolicy('{"a":1}')).toBe('{\n  "a": 1\n}\n');
		expect(readablePolicy('not json')).toBe('not json');
	});
});
