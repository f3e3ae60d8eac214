// Each operator through the whole engine: an identity policy that allows everything under one
// Condition, so the request is allowed exactly when the condition holds.
import { describe, expect, it } from 'vitest';
import { authorize, parsePolicy } from '../../../../src/lib/engines/iam';
import { NOW, OWNER, REPO, request } from './helpers';

type Ctx = Record<string, string | string[] | undefined>;

function check(condition: Record<string, Record<string, unknown>>, context: Ctx, over: { principalArn?: string; now?: string; version?: string } = {}) {
	const policy = parsePolicy(
		JSON.stringify({ Version: over.version ?? '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*', Condition: condition }] }),
		'identity'
	);
	const result = authorize(request({ context, ...(over.principalArn ? { principalArn: over.principalArn } : {}), ...(over.now ? { now: over.now } : {}) }), {
		identityPolicies: [{ name: 'p', policy }],
		resourceAccount: OWNER
	});
	const statement = result.explanation.policies[0]?.statements[0];
	return { holds: result.decision === 'Allow', conditions: statement?.conditions ?? [] };
}
const holds = (condition: Record<string, Record<string, unknown>>, context: Ctx = {}, over = {}) => check(condition, context, over).holds;

describe('string operators', () => {
	it('StringEquals is exact and case-sensitive; wildcards are literal', () => {
		expect(holds({ StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } }, { 'aws:PrincipalOrgID': 'o-abc' })).toBe(true);
		expect(holds({ StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } }, { 'aws:PrincipalOrgID': 'O-ABC' })).toBe(false);
		expect(holds({ StringEquals: { 'aws:PrincipalOrgID': 'o-*' } }, { 'aws:PrincipalOrgID': 'o-abc' })).toBe(false);
	});
	it('several values of one key are ORed', () => {
		expect(holds({ StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } }, { 'aws:SourceVpc': 'vpc-2' })).toBe(true);
		expect(holds({ StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } }, { 'aws:SourceVpc': 'vpc-3' })).toBe(false);
	});
	it('StringNotEquals with several values is a NOR', () => {
		expect(holds({ StringNotEquals: { 'aws:SourceVpce': ['vpce-1', 'vpce-2'] } }, { 'aws:SourceVpce': 'vpce-3' })).toBe(true);
		expect(holds({ StringNotEquals: { 'aws:SourceVpce': ['vpce-1', 'vpce-2'] } }, { 'aws:SourceVpce': 'vpce-2' })).toBe(false);
	});
	it('IgnoreCase variants', () => {
		expect(holds({ StringEqualsIgnoreCase: { 'ecr:ResourceTag/env': 'PROD' } }, { 'ecr:ResourceTag/env': 'prod' })).toBe(true);
		expect(holds({ StringNotEqualsIgnoreCase: { 'ecr:ResourceTag/env': 'PROD' } }, { 'ecr:ResourceTag/env': 'prod' })).toBe(false);
		expect(holds({ StringNotEqualsIgnoreCase: { 'ecr:ResourceTag/env': 'PROD' } }, { 'ecr:ResourceTag/env': 'dev' })).toBe(true);
	});
	it('StringLike and StringNotLike take * and ?', () => {
		expect(holds({ StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/al?ce' } }, {})).toBe(true);
		expect(holds({ StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } }, {})).toBe(false);
		expect(holds({ StringNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } }, {})).toBe(true);
	});
	it('condition key names are case-insensitive', () => {
		// The ECR docs' own example writes aws:sourceIp.
		expect(holds({ StringEquals: { 'AWS:SOURCEVPC': 'vpc-1' } }, { 'aws:SourceVpc': 'vpc-1' })).toBe(true);
	});
});

describe('missing keys', () => {
	it('a positive operator is false and a negated one true', () => {
		expect(holds({ StringEquals: { 'aws:SourceVpc': 'vpc-1' } })).toBe(false);
		for (const op of ['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike', 'NotIpAddress', 'NumericNotEquals', 'DateNotEquals']) {
			const value = op === 'NotIpAddress' ? '10.0.0.0/8' : op.startsWith('Date') ? '2020-01-01T00:00:00Z' : op.startsWith('Numeric') ? '1' : 'arn:aws:sns:us-east-1:1:t';
			expect(holds({ [op]: { 'aws:SourceArn': value } }), op).toBe(true);
		}
		for (const op of ['StringEquals', 'StringLike', 'ArnEquals', 'ArnLike', 'IpAddress', 'NumericEquals', 'DateEquals', 'DateLessThan', 'Bool', 'BinaryEquals']) {
			expect(holds({ [op]: { 'aws:SourceArn': op.startsWith('Date') ? '2020-01-01' : 'x' } }), op).toBe(false);
		}
	});
	it('...IfExists is true when the key is missing and checks it when present', () => {
		expect(holds({ StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } })).toBe(true);
		expect(holds({ StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } }, { 'aws:SourceVpc': 'vpc-2' })).toBe(false);
		expect(holds({ StringNotEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } }, { 'aws:SourceVpc': 'vpc-1' })).toBe(false);
		expect(holds({ IpAddressIfExists: { 'aws:SourceIp': '10.0.0.0/8' } })).toBe(true);
	});
	it('the explanation says the key is missing and why the clause still held', () => {
		const { conditions } = check({ NotIpAddress: { 'aws:SourceIp': '54.240.143.0/24' } }, {});
		expect(conditions[0]).toMatchObject({ passed: true, requestValues: undefined, key: 'aws:SourceIp' });
		expect(conditions[0]?.reason).toMatch(/not in the request.*negated/);
	});
	it('a key set to undefined removes a default such as aws:SecureTransport', () => {
		expect(holds({ Bool: { 'aws:SecureTransport': 'true' } })).toBe(true);
		expect(holds({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': undefined })).toBe(false);
		expect(holds({ Null: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': undefined })).toBe(true);
	});
});

describe('Null', () => {
	it('"true" wants the key absent, "false" wants it present', () => {
		expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } })).toBe(true);
		expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } })).toBe(false);
		expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': NOW })).toBe(true);
		expect(holds({ Null: { 'aws:RequestTag/env': 'true' } }, { 'aws:RequestTag/env': 'prod' })).toBe(false);
	});
});

describe('Bool, Numeric, Date, Binary', () => {
	it('Bool compares true/false without regard to case, and reads JSON booleans', () => {
		expect(holds({ Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'false' })).toBe(true);
		expect(holds({ Bool: { 'aws:SecureTransport': false } }, { 'aws:SecureTransport': 'FALSE' })).toBe(true);
		expect(holds({ Bool: { 'aws:SecureTransport': 'false' } })).toBe(false);
	});
	it('Numeric operators compare numbers, not strings', () => {
		const ctx = { 'ecr:max-results': '9' };
		expect(holds({ NumericLessThan: { 'ecr:max-results': '10' } }, ctx)).toBe(true);
		expect(holds({ NumericLessThanEquals: { 'ecr:max-results': '9' } }, ctx)).toBe(true);
		expect(holds({ NumericGreaterThan: { 'ecr:max-results': '10' } }, ctx)).toBe(false);
		expect(holds({ NumericGreaterThanEquals: { 'ecr:max-results': 9 } }, ctx)).toBe(true);
		expect(holds({ NumericEquals: { 'ecr:max-results': '9.0' } }, ctx)).toBe(true);
		expect(holds({ NumericNotEquals: { 'ecr:max-results': '9' } }, ctx)).toBe(false);
		expect(holds({ NumericEquals: { 'ecr:max-results': '9' } }, { 'ecr:max-results': 'nine' })).toBe(false);
	});
	it('Date operators read aws:CurrentTime from the request time, in ISO 8601 or epoch seconds', () => {
		const now = { now: '2026-06-15T12:00:00Z' };
		expect(holds({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }, {}, now)).toBe(true);
		expect(holds({ DateLessThan: { 'aws:CurrentTime': '2026-06-15' } }, {}, now)).toBe(false);
		expect(holds({ DateLessThanEquals: { 'aws:CurrentTime': '2026-06-15T14:00:00+02:00' } }, {}, now)).toBe(true);
		expect(holds({ DateGreaterThanEquals: { 'aws:CurrentTime': String(Date.parse('2026-06-15T12:00:00Z') / 1000) } }, {}, now)).toBe(true);
		expect(holds({ DateEquals: { 'aws:CurrentTime': '2026-06-15T12:00:00Z' } }, {}, now)).toBe(true);
		expect(holds({ DateNotEquals: { 'aws:CurrentTime': '2026-06-15T12:00:00Z' } }, {}, now)).toBe(false);
		expect(holds({ DateLessThan: { 'aws:EpochTime': '1781524800' } }, {}, { now: '2026-01-01T00:00:00Z' })).toBe(true);
	});
	it('BinaryEquals compares the base-64 text', () => {
		expect(holds({ BinaryEquals: { 'x:blob': 'QmluYXJ5' } }, { 'x:blob': 'QmluYXJ5' })).toBe(true);
		expect(holds({ BinaryEquals: { 'x:blob': 'QmluYXJ5' } }, { 'x:blob': 'QmluYXJ6' })).toBe(false);
	});
});

describe('IpAddress and NotIpAddress', () => {
	it('IPv4 ranges and single addresses', () => {
		expect(holds({ IpAddress: { 'aws:SourceIp': '54.240.143.0/24' } }, { 'aws:SourceIp': '54.240.143.7' })).toBe(true);
		expect(holds({ IpAddress: { 'aws:SourceIp': '54.240.143.0/24' } }, { 'aws:SourceIp': '54.240.144.7' })).toBe(false);
		expect(holds({ IpAddress: { 'aws:SourceIp': '203.0.113.5' } }, { 'aws:SourceIp': '203.0.113.5' })).toBe(true);
		expect(holds({ IpAddress: { 'aws:SourceIp': '203.0.113.5' } }, { 'aws:SourceIp': '203.0.113.6' })).toBe(false);
		expect(holds({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, { 'aws:SourceIp': '255.255.255.255' })).toBe(true);
		expect(holds({ IpAddress: { 'aws:SourceIp': '128.0.0.0/1' } }, { 'aws:SourceIp': '200.1.1.1' })).toBe(true);
		expect(holds({ NotIpAddress: { 'aws:SourceIp': '54.240.143.0/24' } }, { 'aws:SourceIp': '1.2.3.4' })).toBe(true);
		expect(holds({ NotIpAddress: { 'aws:SourceIp': ['54.240.143.0/24', '1.2.3.0/24'] } }, { 'aws:SourceIp': '1.2.3.4' })).toBe(false);
	});
	it('IPv6 ranges, mixed lists, and families that never match each other', () => {
		const v6 = ['203.0.113.0/24', '2001:DB8:1234:5678::/64'];
		expect(holds({ IpAddress: { 'aws:SourceIp': v6 } }, { 'aws:SourceIp': '2001:db8:1234:5678:abcd::1' })).toBe(true);
		expect(holds({ IpAddress: { 'aws:SourceIp': v6 } }, { 'aws:SourceIp': '2001:db8:1234:5679::1' })).toBe(false);
		expect(holds({ IpAddress: { 'aws:SourceIp': '::/0' } }, { 'aws:SourceIp': '10.0.0.1' })).toBe(false);
		expect(holds({ IpAddress: { 'aws:SourceIp': '::ffff:10.0.0.0/120' } }, { 'aws:SourceIp': '::ffff:10.0.0.9' })).toBe(true);
		expect(holds({ IpAddress: { 'aws:SourceIp': '2001:db8::1' } }, { 'aws:SourceIp': '2001:db8:0:0:0:0:0:1' })).toBe(true);
	});
	it('an unreadable range matches nothing, and the explanation says so', () => {
		const { holds: h, conditions } = check({ IpAddress: { 'aws:SourceIp': '54.240.143.0/33' } }, { 'aws:SourceIp': '54.240.143.1' });
		expect(h).toBe(false);
		expect(conditions[0]?.reason).toMatch(/cannot be read as an IP range/);
	});
});

describe('ARN operators', () => {
	const source = 'arn:aws:codebuild:us-east-1:123456789012:project/build';
	it('ArnEquals and ArnLike behave the same and match segment by segment', () => {
		for (const op of ['ArnEquals', 'ArnLike']) {
			expect(holds({ [op]: { 'aws:SourceArn': 'arn:aws:codebuild:*:123456789012:project/*' } }, { 'aws:SourceArn': source }), op).toBe(true);
			expect(holds({ [op]: { 'aws:SourceArn': 'arn:aws:codebuild:*:210987654321:project/*' } }, { 'aws:SourceArn': source }), op).toBe(false);
		}
		expect(holds({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:codebuild:*:210987654321:*' } }, { 'aws:SourceArn': source })).toBe(true);
		expect(holds({ ArnNotEquals: { 'aws:SourceArn': source } }, { 'aws:SourceArn': source })).toBe(false);
	});
	it('a value that is not an ARN never matches an ARN pattern', () => {
		expect(holds({ ArnLike: { 'aws:SourceArn': 'arn:aws:codebuild:*:*:*' } }, { 'aws:SourceArn': 'not-an-arn' })).toBe(false);
	});
});

describe('multiple keys and operators', () => {
	it('keys under one operator, and operators of one block, are ANDed', () => {
		const both = { StringEquals: { 'aws:SourceVpc': 'vpc-1', 'aws:PrincipalAccount': OWNER } };
		expect(holds(both, { 'aws:SourceVpc': 'vpc-1' })).toBe(true);
		expect(holds({ ...both, Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SourceVpc': 'vpc-1' })).toBe(false);
		expect(holds({ StringEquals: { 'aws:SourceVpc': 'vpc-1', 'aws:PrincipalAccount': '000000000000' } }, { 'aws:SourceVpc': 'vpc-1' })).toBe(false);
	});
});

describe('set qualifiers', () => {
	const allowed = ['env', 'team'];
	it('ForAllValues: every request value must be listed; a missing key or empty set passes', () => {
		expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': allowed } }, { 'aws:TagKeys': ['env'] })).toBe(true);
		expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': allowed } }, { 'aws:TagKeys': ['env', 'cost'] })).toBe(false);
		expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': allowed } }, {})).toBe(true);
		expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': allowed } }, { 'aws:TagKeys': [] })).toBe(true);
	});
	it('ForAnyValue: one listed request value suffices; a missing key fails', () => {
		expect(holds({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': allowed } }, { 'aws:TagKeys': ['cost', 'team'] })).toBe(true);
		expect(holds({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': allowed } }, { 'aws:TagKeys': ['cost'] })).toBe(false);
		expect(holds({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': allowed } }, {})).toBe(false);
		expect(holds({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': allowed } }, {})).toBe(true);
	});
	it('negated operators under a qualifier test each request value against all policy values', () => {
		expect(holds({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['secret'] } }, { 'aws:TagKeys': ['env', 'team'] })).toBe(true);
		expect(holds({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['secret'] } }, { 'aws:TagKeys': ['env', 'secret'] })).toBe(false);
		expect(holds({ 'ForAnyValue:StringNotLike': { 'aws:TagKeys': ['env*'] } }, { 'aws:TagKeys': ['env', 'team'] })).toBe(true);
		expect(holds({ 'ForAnyValue:StringNotLike': { 'aws:TagKeys': ['env*'] } }, { 'aws:TagKeys': ['env', 'envx'] })).toBe(false);
	});
	it('the explanation names the offending value', () => {
		const { conditions } = check({ 'ForAllValues:StringEquals': { 'aws:TagKeys': allowed } }, { 'aws:TagKeys': ['env', 'cost'] });
		expect(conditions[0]).toMatchObject({ passed: false, requestValues: ['env', 'cost'] });
		expect(conditions[0]?.reason).toContain('"cost" matches none of ["env", "team"]');
	});
});

describe('global keys and policy variables', () => {
	it('fills aws:PrincipalArn (the role for a session), aws:PrincipalAccount and aws:username', () => {
		const session = { principalArn: `arn:aws:sts::${OWNER}:assumed-role/ci/build-1` };
		expect(holds({ ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${OWNER}:role/ci` } }, {}, session)).toBe(true);
		expect(holds({ StringEquals: { 'aws:PrincipalAccount': OWNER } })).toBe(true);
		expect(holds({ StringEquals: { 'aws:username': 'alice' } })).toBe(true);
		expect(holds({ StringEquals: { 'aws:PrincipalType': 'User' } })).toBe(true);
	});
	it('substitutes ${...} in 2012-10-17 policies and leaves it literal in 2008-10-17 ones', () => {
		expect(holds({ StringEquals: { 'ecr:ResourceTag/owner': '${aws:username}' } }, { 'ecr:ResourceTag/owner': 'alice' })).toBe(true);
		const policy = parsePolicy(
			JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:*', Condition: { StringEquals: { 'ecr:ResourceTag/owner': '${aws:username}' } } }] }),
			'repository'
		);
		const decide = (owner: string) =>
			authorize(request({ context: { 'ecr:ResourceTag/owner': owner } }), { identityPolicies: [], resourcePolicy: { name: 'r', policy }, resourceAccount: OWNER }).decision;
		expect(decide('alice')).toBe('ImplicitDeny');
		expect(decide('${aws:username}')).toBe('Allow');
	});
	it('a Resource with a variable matches only when the variable has a value', () => {
		const policy = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: `arn:aws:ecr:*:${OWNER}:repository/\${aws:username}-*` }] }), 'identity');
		const d = (principalArn: string) =>
			authorize(request({ principalArn, resource: `arn:aws:ecr:us-east-1:${OWNER}:repository/alice-web` }), { identityPolicies: [{ name: 'p', policy }], resourceAccount: OWNER });
		expect(d(`arn:aws:iam::${OWNER}:user/alice`).decision).toBe('Allow');
		expect(d(`arn:aws:iam::${OWNER}:user/bob`).decision).toBe('ImplicitDeny');
		const session = d(`arn:aws:sts::${OWNER}:assumed-role/ci/s`);
		expect(session.decision).toBe('ImplicitDeny');
		expect(session.explanation.policies[0]?.statements[0]?.resource.detail).toMatch(/policy variable with no value/);
	});
	it('the repository ARN in REPO is what the ECR engine will pass', () => {
		expect(REPO).toBe('arn:aws:ecr:us-east-1:123456789012:repository/web');
	});
});
