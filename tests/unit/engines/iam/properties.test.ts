import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { authorize, checkAccess, parsePolicy, type AuthorizationRequest, type NamedPolicy, type PolicyKind } from '../../../../src/lib/engines/iam';
import { AwsError } from '../../../../src/lib/engines/errors';
import { ALICE, BOB, CI_SESSION, NOW, OTHER, OWNER, REPO } from './helpers';

const kinds: PolicyKind[] = ['identity', 'resource', 'repository'];

function neverThrowsOtherThanAwsError(text: string) {
	for (const kind of kinds) {
		try {
			parsePolicy(text, kind);
		} catch (e) {
			if (!(e instanceof AwsError)) throw e;
		}
	}
}

// Statements built from small pools, so random policies often match the random requests.
const actions = fc.constantFrom('ecr:*', 'ecr:BatchGetImage', 'ecr:Put*', 'ecr:Get?ownloadUrlForLayer', '*', 's3:*');
const resources = fc.constantFrom('*', REPO, `arn:aws:ecr:*:${OWNER}:repository/*`, `arn:aws:ecr:us-east-1:${OTHER}:repository/web`);
const principals = fc.constantFrom<unknown>('*', { AWS: OWNER }, { AWS: `arn:aws:iam::${OTHER}:root` }, { AWS: ALICE }, { AWS: [BOB, OWNER] });
const conditions = fc.constantFrom<Record<string, unknown> | undefined>(
	undefined,
	{ NotIpAddress: { 'aws:SourceIp': '54.240.143.0/24' } },
	{ StringEquals: { 'aws:PrincipalOrgID': 'o-1' } },
	{ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } },
	{ StringNotEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } },
	{ Bool: { 'aws:SecureTransport': 'true' } }
);
const effect = fc.constantFrom('Allow', 'Deny');
const withCondition = (s: Record<string, unknown>, c: Record<string, unknown> | undefined) => (c ? { ...s, Condition: c } : s);
const identityStatement = fc.tuple(effect, fc.array(actions, { minLength: 1, maxLength: 2 }), resources, conditions).map(([e, a, r, c]) => withCondition({ Effect: e, Action: a, Resource: r }, c));
const repoStatement = fc
	.tuple(effect, fc.constantFrom('Principal', 'NotPrincipal'), principals, fc.array(actions, { minLength: 1, maxLength: 2 }), conditions)
	.map(([e, element, p, a, c]) => withCondition({ Effect: e, [element]: p, Action: a }, c));
const policyText = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

const identityPolicies = fc.array(fc.array(identityStatement, { minLength: 1, maxLength: 4 }), { maxLength: 3 }).map((list) =>
	list.map((statements, i): NamedPolicy => ({ name: `p${i}`, policy: parsePolicy(policyText(statements), 'identity') }))
);
const repositoryPolicy = fc.option(fc.array(repoStatement, { minLength: 1, maxLength: 4 }), { nil: undefined });
const requests = fc.record({
	principalArn: fc.constantFrom(ALICE, BOB, CI_SESSION, `arn:aws:iam::${OWNER}:root`, 'codebuild.amazonaws.com', 'anonymous'),
	action: fc.constantFrom('ecr:BatchGetImage', 'ecr:PutImage', 'ecr:GetDownloadUrlForLayer', 's3:GetObject'),
	context: fc.record({
		'aws:SourceIp': fc.constantFrom<string | undefined>('54.240.143.9', '10.0.0.1', '2001:db8::1', undefined),
		'aws:PrincipalOrgID': fc.constantFrom('o-1', 'o-2'),
		'aws:TagKeys': fc.constantFrom(['env'], ['env', 'team'])
	})
});
const toRequest = (r: { principalArn: string; action: string; context: object }): AuthorizationRequest => ({
	principalArn: r.principalArn,
	principalAccount: r.principalArn.split(':')[4] ?? OWNER,
	action: r.action,
	resource: REPO,
	context: { ...(r.context as Record<string, string | string[] | undefined>) },
	now: NOW
});

describe('properties', () => {
	it('parsePolicy throws nothing but AwsError on any string', () => {
		fc.assert(fc.property(fc.string({ maxLength: 200 }), neverThrowsOtherThanAwsError), { numRuns: 2000 });
	});

	it('parsePolicy throws nothing but AwsError on any JSON value, nor on policy-shaped JSON', () => {
		fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => neverThrowsOtherThanAwsError(JSON.stringify(v))), { numRuns: 1000 });
		const key = fc.constantFrom('Version', 'Id', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'AWS', 'Service', 'StringEquals', 'ForAnyValue:StringLike', 'IpAddress', 'DateLessThan', 'aws:SourceIp', '__proto__', 'constructor');
		const leaf = fc.oneof(fc.constantFrom('2012-10-17', 'Allow', 'Deny', 'ecr:*', '*', 'arn:aws:iam::123456789012:root', '10.0.0.0/8', '2020-01-01'), fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null));
		const shaped = fc.letrec((tie) => ({
			node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 4 }))
		})).node;
		fc.assert(fc.property(shaped, (v) => neverThrowsOtherThanAwsError(JSON.stringify(v))), { numRuns: 3000 });
	});

	it('adding a Deny statement never turns a deny into an allow, nor adds an allow', () => {
		fc.assert(
			fc.property(identityPolicies, repositoryPolicy, requests, fc.array(identityStatement, { minLength: 1, maxLength: 2 }), (ids, repo, req, extra) => {
				const resourcePolicy = repo ? { name: 'repo', policy: parsePolicy(policyText(repo), 'repository') } : undefined;
				const base = (extraIds: NamedPolicy[]) => authorize(toRequest(req), { identityPolicies: [...ids, ...extraIds], ...(resourcePolicy ? { resourcePolicy } : {}), resourceAccount: OWNER }).decision;
				const before = base([]);
				const denies = extra.map((s) => ({ ...s, Effect: 'Deny' }));
				const after = base([{ name: 'deny', policy: parsePolicy(policyText(denies), 'identity') }]);
				if (before !== 'Allow') expect(after).not.toBe('Allow');
				if (before === 'ExplicitDeny') expect(after).toBe('ExplicitDeny');
			}),
			{ numRuns: 1500 }
		);
	});

	it('adding a Deny to the repository policy never turns a deny into an allow', () => {
		fc.assert(
			fc.property(identityPolicies, fc.array(repoStatement, { minLength: 1, maxLength: 3 }), requests, repoStatement, (ids, repo, req, extra) => {
				const decideWith = (statements: unknown[]) =>
					authorize(toRequest(req), { identityPolicies: ids, resourcePolicy: { name: 'repo', policy: parsePolicy(policyText(statements), 'repository') }, resourceAccount: OWNER }).decision;
				const before = decideWith(repo);
				const after = decideWith([...repo, { ...extra, Effect: 'Deny' }]);
				if (before !== 'Allow') expect(after).not.toBe('Allow');
			}),
			{ numRuns: 1500 }
		);
	});

	it('decisions are deterministic, explanations included, and survive a JSON round trip of the policies', () => {
		fc.assert(
			fc.property(identityPolicies, repositoryPolicy, requests, (ids, repo, req) => {
				const resourcePolicy = repo ? { name: 'repo', policy: parsePolicy(policyText(repo), 'repository') } : undefined;
				const run = (policies: NamedPolicy[], rp: NamedPolicy | undefined) =>
					authorize(toRequest(req), { identityPolicies: policies, ...(rp ? { resourcePolicy: rp } : {}), resourceAccount: OWNER });
				const first = run(ids, resourcePolicy);
				expect(run(ids, resourcePolicy)).toEqual(first);
				const copied = JSON.parse(JSON.stringify({ ids, resourcePolicy })) as { ids: NamedPolicy[]; resourcePolicy?: NamedPolicy };
				expect(run(copied.ids, copied.resourcePolicy)).toEqual(first);
			}),
			{ numRuns: 500 }
		);
	});

	it('checkAccess (no explanation) and authorize always reach the same decision and message', () => {
		fc.assert(
			fc.property(identityPolicies, repositoryPolicy, requests, (ids, repo, req) => {
				const resourcePolicy = repo ? { name: 'repo', policy: parsePolicy(policyText(repo), 'repository') } : undefined;
				const policies = { identityPolicies: ids, ...(resourcePolicy ? { resourcePolicy } : {}), resourceAccount: OWNER };
				const full = authorize(toRequest(req), policies);
				const quick = checkAccess(toRequest(req), policies);
				expect(quick.decision).toBe(full.decision);
				expect(quick.message).toBe(full.decision === 'Allow' ? undefined : full.explanation.summary);
			}),
			{ numRuns: 1500 }
		);
	});

	it('an Allow names the statements that decided it, and a deny names the AWS reason', () => {
		fc.assert(
			fc.property(identityPolicies, repositoryPolicy, requests, (ids, repo, req) => {
				const resourcePolicy = repo ? { name: 'repo', policy: parsePolicy(policyText(repo), 'repository') } : undefined;
				const { decision, explanation } = authorize(toRequest(req), { identityPolicies: ids, ...(resourcePolicy ? { resourcePolicy } : {}), resourceAccount: OWNER });
				if (decision === 'Allow' && !req.principalArn.endsWith(':root')) expect(explanation.decidedBy.length).toBeGreaterThan(0);
				if (decision === 'ExplicitDeny') expect(explanation.summary).toMatch(/with an explicit deny in an? (identity|resource)-based policy$/);
				if (decision === 'ImplicitDeny') expect(explanation.summary).toMatch(/because no (identity|resource)-based policy allows the .* action$/);
				for (const ref of explanation.decidedBy) {
					const statement = explanation.policies.find((p) => p.name === ref.policy)?.statements[ref.index];
					expect(statement?.applies).toBe(true);
					expect(statement?.decisive).toBe(true);
				}
			}),
			{ numRuns: 500 }
		);
	});
});
