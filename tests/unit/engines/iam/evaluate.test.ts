import { describe, expect, it } from 'vitest';
import { accessDeniedMessage, authorize, checkAccess, tryParsePolicy } from '../../../../src/lib/engines/iam';
import { ALICE, BOB, CI_ROLE, CI_SESSION, NOW, OTHER, OWNER, REPO, decide, identity, repositoryPolicy, request } from './helpers';

const allowPull = identity('PullPolicy', [{ Sid: 'Pull', Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: '*' }]);
const denyPull = identity('DenyPolicy', [{ Sid: 'NoPull', Effect: 'Deny', Action: 'ecr:BatchGetImage', Resource: REPO }]);

describe('evaluation order', () => {
	it('with no policy at all the request is implicitly denied, in AWS’s words', () => {
		const r = decide({}, []);
		expect(r.decision).toBe('ImplicitDeny');
		expect(r.explanation.summary).toBe(
			`User: ${ALICE} is not authorized to perform: ecr:BatchGetImage on resource: ${REPO} because no identity-based policy allows the ecr:BatchGetImage action`
		);
		expect(r.explanation.decidedBy).toEqual([]);
	});

	it('an identity Allow allows', () => {
		const r = decide({}, [allowPull]);
		expect(r.decision).toBe('Allow');
		expect(r.explanation.decidedBy).toEqual([{ policy: 'PullPolicy', side: 'identity', index: 0, label: 'Pull' }]);
		expect(r.explanation.summary).toMatch(/statement Pull of identity-based policy PullPolicy allows it/);
	});

	it('an explicit Deny beats any Allow, wherever it is', () => {
		const r = decide({}, [allowPull, denyPull]);
		expect(r.decision).toBe('ExplicitDeny');
		expect(r.explanation.summary).toBe(
			`User: ${ALICE} is not authorized to perform: ecr:BatchGetImage on resource: ${REPO} with an explicit deny in an identity-based policy`
		);
		expect(r.explanation.decidedBy).toEqual([{ policy: 'DenyPolicy', side: 'identity', index: 0, label: 'NoPull' }]);
		const repoDeny = repositoryPolicy([{ Sid: 'DenyAll', Effect: 'Deny', Principal: '*', Action: 'ecr:*' }]);
		const r2 = decide({}, [allowPull], repoDeny);
		expect(r2.decision).toBe('ExplicitDeny');
		expect(r2.explanation.summary).toMatch(/with an explicit deny in a resource-based policy$/);
		expect(r2.explanation.failedSide).toBe('resource');
	});

	it('NotAction and NotResource apply to everything not listed', () => {
		const p = identity('p', [{ Effect: 'Allow', NotAction: 'ecr:Delete*', NotResource: `arn:aws:ecr:*:${OWNER}:repository/prod-*` }]);
		expect(decide({}, [p]).decision).toBe('Allow');
		expect(decide({ action: 'ecr:DeleteRepository' }, [p]).decision).toBe('ImplicitDeny');
		expect(decide({ resource: `arn:aws:ecr:us-east-1:${OWNER}:repository/prod-api` }, [p]).decision).toBe('ImplicitDeny');
	});

	it('action names are case-insensitive, resource ARNs are not', () => {
		const p = identity('p', [{ Effect: 'Allow', Action: 'ECR:batchgetimage', Resource: REPO }]);
		expect(decide({}, [p]).decision).toBe('Allow');
		expect(decide({ resource: REPO.toUpperCase() }, [p]).decision).toBe('ImplicitDeny');
	});

	it('explains every statement of every policy, with the reason it did not match', () => {
		const p = identity('Mixed', [
			{ Sid: 'Push', Effect: 'Allow', Action: 'ecr:PutImage', Resource: REPO },
			{ Sid: 'OtherRepo', Effect: 'Allow', Action: 'ecr:*', Resource: `arn:aws:ecr:us-east-1:${OWNER}:repository/api` },
			{ Sid: 'FromVpc', Effect: 'Allow', Action: 'ecr:*', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } }
		]);
		const r = decide({ context: { 'aws:SourceVpc': 'vpc-9' } }, [p]);
		expect(r.decision).toBe('ImplicitDeny');
		const [push, other, vpc] = r.explanation.policies[0]?.statements ?? [];
		expect(push).toMatchObject({ label: 'Push', applies: false, action: { matched: false }, resource: { matched: true } });
		expect(push?.reasons).toEqual(['action ecr:BatchGetImage matches none of Action ["ecr:PutImage"]']);
		expect(other?.reasons[0]).toMatch(/^resource .* matches none of Resource/);
		expect(vpc?.conditions[0]).toMatchObject({ key: 'aws:SourceVpc', passed: false, requestValues: ['vpc-9'] });
		expect(vpc?.reasons[0]).toBe('StringEquals on aws:SourceVpc: request value "vpc-9" matches none of "vpc-1", so the condition fails');
	});

	it('labels statements without a Sid by position', () => {
		const r = decide({}, [identity('p', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Allow', Action: 'ecr:*', Resource: '*' }])]);
		expect(r.explanation.decidedBy).toEqual([{ policy: 'p', side: 'identity', index: 1, label: '#2' }]);
	});
});

describe('same account: identity OR resource policy', () => {
	const repoAllowsAlice = repositoryPolicy([{ Sid: 'AllowAlice', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'ecr:BatchGetImage' }]);

	it('a repository policy naming the caller allows without any identity policy', () => {
		const r = decide({}, [], repoAllowsAlice);
		expect(r.decision).toBe('Allow');
		expect(r.explanation.decidedBy).toEqual([{ policy: 'repository policy', side: 'resource', index: 0, label: 'AllowAlice' }]);
		expect(r.explanation.resource).toEqual({ present: true, allows: true, allowsAccount: false, explicitDeny: false });
	});

	it('an identity policy allows even when the repository policy names someone else', () => {
		const r = decide({}, [allowPull], repositoryPolicy([{ Effect: 'Allow', Principal: { AWS: CI_ROLE }, Action: 'ecr:*' }]));
		expect(r.decision).toBe('Allow');
		expect(r.explanation.policies[1]?.statements[0]?.principal).toMatchObject({ matched: false });
	});

	it('a repository policy naming only the account grants nothing by itself, and the explanation says so', () => {
		const r = decide({}, [], repositoryPolicy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OWNER}:root` }, Action: 'ecr:*' }]));
		expect(r.decision).toBe('ImplicitDeny');
		expect(r.explanation.resource.allowsAccount).toBe(true);
		expect(r.explanation.notes.join(' ')).toMatch(/does not allow anyone by itself/);
		expect(decide({}, [allowPull], repositoryPolicy([{ Effect: 'Allow', Principal: { AWS: OWNER }, Action: 'ecr:*' }])).decision).toBe('Allow');
	});

	it('a role ARN in the Principal matches that role’s sessions; a session ARN matches only itself', () => {
		const byRole = repositoryPolicy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OWNER}:role/service/ci` }, Action: 'ecr:*' }]);
		const r = decide({ principalArn: CI_SESSION }, [], byRole);
		expect(r.decision).toBe('Allow');
		expect(r.explanation.policies[0]?.statements[0]?.principal?.detail).toMatch(/role this session belongs to/);
		const bySession = repositoryPolicy([{ Effect: 'Allow', Principal: { AWS: CI_SESSION }, Action: 'ecr:*' }]);
		expect(decide({ principalArn: CI_SESSION }, [], bySession).decision).toBe('Allow');
		expect(decide({ principalArn: `arn:aws:sts::${OWNER}:assumed-role/ci/other` }, [], bySession).decision).toBe('ImplicitDeny');
		expect(decide({ principalArn: `arn:aws:sts::${OWNER}:assumed-role/deploy/build-42` }, [], byRole).decision).toBe('ImplicitDeny');
	});

	it('a Deny naming the account applies to everyone in it', () => {
		const r = decide({}, [allowPull], repositoryPolicy([{ Effect: 'Deny', Principal: { AWS: OWNER }, Action: 'ecr:*' }]));
		expect(r.decision).toBe('ExplicitDeny');
	});

	it('the account root user needs no identity policy, but an explicit deny still stops it', () => {
		const root = { principalArn: `arn:aws:iam::${OWNER}:root` };
		expect(decide(root, []).decision).toBe('Allow');
		expect(decide(root, [], repositoryPolicy([{ Effect: 'Deny', Principal: '*', Action: 'ecr:*' }])).decision).toBe('ExplicitDeny');
	});

	it('NotPrincipal with Deny denies everyone except those listed with their account', () => {
		const policy = repositoryPolicy([{ Sid: 'OnlyCi', Effect: 'Deny', NotPrincipal: { AWS: [CI_ROLE, `arn:aws:iam::${OWNER}:root`] }, Action: 'ecr:*' }]);
		const alice = decide({}, [allowPull], policy);
		expect(alice.decision).toBe('ExplicitDeny');
		expect(alice.explanation.policies[1]?.statements[0]?.principal?.detail).toContain(`does not list ${ALICE}`);
		expect(decide({ principalArn: CI_SESSION }, [allowPull], policy).decision).toBe('Allow');
		expect(decide({ principalArn: `arn:aws:iam::${OWNER}:root` }, [], policy).decision).toBe('Allow');
	});

	it('NotPrincipal that lists a user but not its account denies that user too (the documented risk)', () => {
		const userOnly = repositoryPolicy([{ Sid: 'OnlyAlice', Effect: 'Deny', NotPrincipal: { AWS: ALICE }, Action: 'ecr:*' }]);
		const r = decide({}, [allowPull], userOnly);
		expect(r.decision).toBe('ExplicitDeny');
		expect(r.explanation.notes.join(' ')).toMatch(/OnlyAlice lists .*alice in NotPrincipal but not everything AWS may check/);
	});
});

describe('cross account: resource policy AND identity policy', () => {
	const trustOther = repositoryPolicy([{ Sid: 'AllowOther', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: ['ecr:BatchGetImage'] }]);
	const bobPull = identity('BobPull', [{ Sid: 'Pull', Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: '*' }]);
	const bob = { principalArn: BOB, principalAccount: OTHER };

	it('needs both sides', () => {
		const r = decide(bob, [bobPull], trustOther);
		expect(r.decision).toBe('Allow');
		expect(r.explanation.request.crossAccount).toBe(true);
		expect(r.explanation.decidedBy.map((d) => d.side)).toEqual(['resource', 'identity']);
	});

	it('says it was the identity side that failed', () => {
		const r = decide(bob, [], trustOther);
		expect(r.decision).toBe('ImplicitDeny');
		expect(r.explanation.failedSide).toBe('identity');
		expect(r.explanation.summary).toBe(
			`User: ${BOB} is not authorized to perform: ecr:BatchGetImage on resource: ${REPO} because no identity-based policy allows the ecr:BatchGetImage action`
		);
	});

	it('says it was the resource side that failed', () => {
		for (const policy of [undefined, repositoryPolicy([{ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'ecr:*' }])]) {
			const r = decide(bob, [bobPull], policy);
			expect(r.decision).toBe('ImplicitDeny');
			expect(r.explanation.failedSide).toBe('resource');
			expect(r.explanation.summary).toBe(
				`User: ${BOB} is not authorized to perform: ecr:BatchGetImage on resource: ${REPO} because no resource-based policy allows the ecr:BatchGetImage action`
			);
		}
		expect(decide(bob, [], undefined).explanation.failedSide).toBe('both');
	});

	it('Principal "*" opens the resource side but the caller still needs its own Allow', () => {
		const open = repositoryPolicy([{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }]);
		expect(decide(bob, [], open).decision).toBe('ImplicitDeny');
		expect(decide(bob, [bobPull], open).decision).toBe('Allow');
	});

	it('a policy naming the other account’s user directly also works', () => {
		expect(decide(bob, [bobPull], repositoryPolicy([{ Effect: 'Allow', Principal: { AWS: BOB }, Action: 'ecr:*' }])).decision).toBe('Allow');
	});
});

describe('service and anonymous principals', () => {
	const forCodeBuild = repositoryPolicy([
		{
			Sid: 'CodeBuildAccess',
			Effect: 'Allow',
			Principal: { Service: 'codebuild.amazonaws.com' },
			Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
			Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:codebuild:us-east-1:${OWNER}:project/*` }, StringEquals: { 'aws:SourceAccount': OWNER } }
		}
	]);
	const codebuild = (sourceArn: string) => ({
		principalArn: 'codebuild.amazonaws.com',
		principalAccount: OWNER,
		context: { 'aws:SourceArn': sourceArn, 'aws:SourceAccount': sourceArn.split(':')[4] }
	});

	it('a service principal is allowed only by the resource policy, scoped by aws:SourceArn / aws:SourceAccount', () => {
		expect(decide(codebuild(`arn:aws:codebuild:us-east-1:${OWNER}:project/build`), [], forCodeBuild).decision).toBe('Allow');
		const confused = decide(codebuild(`arn:aws:codebuild:us-east-1:${OTHER}:project/build`), [], forCodeBuild);
		expect(confused.decision).toBe('ImplicitDeny');
		expect(confused.explanation.summary).toMatch(/because no resource-based policy allows/);
	});

	it('anonymous callers are matched only by "*"', () => {
		const anon = { principalArn: 'anonymous', principalAccount: '' };
		expect(decide(anon, [], repositoryPolicy([{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }])).decision).toBe('Allow');
		expect(decide(anon, [], repositoryPolicy([{ Effect: 'Allow', Principal: { AWS: OWNER }, Action: 'ecr:BatchGetImage' }])).decision).toBe('ImplicitDeny');
	});
});

describe('AccessDenied messages', () => {
	it('has the four forms AWS documents', () => {
		const m = (kind: 'explicit' | 'implicit', policyType: 'identity' | 'resource') => accessDeniedMessage(ALICE, 'ecr:PutImage', REPO, { kind, policyType });
		const head = `User: ${ALICE} is not authorized to perform: ecr:PutImage on resource: ${REPO}`;
		expect(m('implicit', 'identity')).toBe(`${head} because no identity-based policy allows the ecr:PutImage action`);
		expect(m('implicit', 'resource')).toBe(`${head} because no resource-based policy allows the ecr:PutImage action`);
		expect(m('explicit', 'identity')).toBe(`${head} with an explicit deny in an identity-based policy`);
		expect(m('explicit', 'resource')).toBe(`${head} with an explicit deny in a resource-based policy`);
	});

	it('uses the session ARN for a role session, as AWS does', () => {
		expect(decide({ principalArn: CI_SESSION }, []).explanation.summary).toMatch(new RegExp(`^User: ${CI_SESSION.replace(/[/]/g, '\\/')} is not authorized`));
	});

	it('refuses a request time that is not a date with an AwsError', () => {
		expect(() => authorize(request({ now: 'yesterday' }), { identityPolicies: [], resourceAccount: OWNER })).toThrow(/not a date/);
		expect(NOW).toMatch(/Z$/);
	});
});

describe('the quick path and the editor check', () => {
	it('checkAccess decides like authorize and carries AWS’s message only for a deny', () => {
		expect(checkAccess(request(), { identityPolicies: [allowPull], resourceAccount: OWNER })).toEqual({ decision: 'Allow' });
		expect(checkAccess(request(), { identityPolicies: [allowPull, denyPull], resourceAccount: OWNER })).toEqual({
			decision: 'ExplicitDeny',
			message: `User: ${ALICE} is not authorized to perform: ecr:BatchGetImage on resource: ${REPO} with an explicit deny in an identity-based policy`
		});
	});

	it('tryParsePolicy returns the error instead of throwing it', () => {
		const bad = tryParsePolicy('{"Version": "2012-10-17"}', 'repository');
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.error.code).toBe('InvalidParameterException');
		const good = tryParsePolicy('{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "ecr:*"}}', 'repository');
		expect(good.ok && good.policy.statements.length).toBe(1);
	});
});
