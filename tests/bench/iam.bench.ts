// Decisions per second for the request a docker push makes on every layer: one identity policy
// and a ten-statement repository policy, most statements with conditions. Goal: > 100,000/s
// for checkAccess (every API call); authorize also builds the explanation text.
import { bench, describe } from 'vitest';
import { authorize, checkAccess, parsePolicy, type AuthorizationPolicies, type AuthorizationRequest } from '../../src/lib/engines/iam';

const OWNER = '123456789012';
const OTHER = '210987654321';
const REPO = `arn:aws:ecr:us-east-1:${OWNER}:repository/web`;

const repositoryPolicy = parsePolicy(
	JSON.stringify({
		Version: '2012-10-17',
		Statement: [
			{ Sid: 'DenyOutsideOffice', Effect: 'Deny', Principal: '*', Action: 'ecr:*', Condition: { NotIpAddress: { 'aws:SourceIp': ['54.240.143.0/24', '2001:db8::/32'] } } },
			{ Sid: 'DenyInsecure', Effect: 'Deny', Principal: '*', Action: 'ecr:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
			{ Sid: 'OrgPull', Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
			{ Sid: 'CiPush', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OWNER}:role/ci` }, Action: ['ecr:Put*', 'ecr:*Layer*'], Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ci' } } },
			{ Sid: 'OtherAccountPull', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'ecr:BatchGetImage' },
			{ Sid: 'TaggedOnly', Effect: 'Allow', Principal: { AWS: OWNER }, Action: 'ecr:TagResource', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } } },
			{ Sid: 'BusinessHours', Effect: 'Allow', Principal: { AWS: OWNER }, Action: 'ecr:DeleteRepository', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' }, DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } } },
			{ Sid: 'FromVpc', Effect: 'Allow', Principal: '*', Action: 'ecr:Describe*', Condition: { StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } } },
			{ Sid: 'CodeBuild', Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'ecr:BatchGetImage', Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:codebuild:*:${OWNER}:project/*` } } },
			{ Sid: 'ProdTag', Effect: 'Deny', Principal: '*', Action: 'ecr:BatchDeleteImage', Condition: { StringEquals: { 'ecr:ResourceTag/env': 'prod' } } }
		]
	}),
	'repository'
);
const identityPolicy = parsePolicy(
	JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: '*' }] }),
	'identity'
);
const policies: AuthorizationPolicies = {
	identityPolicies: [{ name: 'PullOnly', policy: identityPolicy }],
	resourcePolicy: { name: 'repository policy', policy: repositoryPolicy },
	resourceAccount: OWNER
};
const push: AuthorizationRequest = {
	principalArn: `arn:aws:sts::${OWNER}:assumed-role/ci/build-42`,
	principalAccount: OWNER,
	action: 'ecr:UploadLayerPart',
	resource: REPO,
	context: { 'aws:SourceIp': '54.240.143.20', 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'ecr:ResourceTag/env': 'dev' },
	now: '2026-11-23T10:00:00.000Z'
};
const crossAccountPull: AuthorizationRequest = { ...push, principalArn: `arn:aws:iam::${OTHER}:user/bob`, principalAccount: OTHER, action: 'ecr:BatchGetImage', context: { ...push.context, 'aws:SourceIp': '198.51.100.1' } };

describe('iam decisions (10-statement repository policy with conditions)', () => {
	bench('checkAccess: same-account push step (Allow)', () => {
		checkAccess(push, policies);
	});
	bench('checkAccess: cross-account pull from outside the office range (ExplicitDeny)', () => {
		checkAccess(crossAccountPull, policies);
	});
	bench('authorize with full explanation: same-account push step (Allow)', () => {
		authorize(push, policies);
	});
	bench('authorize with full explanation: cross-account pull (ExplicitDeny)', () => {
		authorize(crossAccountPull, policies);
	});
	bench('parse the 10-statement policy', () => {
		parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: repositoryPolicy.statements.map(() => ({ Effect: 'Allow', Principal: '*', Action: 'ecr:*' })) }), 'repository');
	});
});
