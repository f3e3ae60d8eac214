// Shared fixtures for the IAM engine tests: the world's two accounts, a repository ARN, and
// short ways to build policies and requests.
import { authorize, parsePolicy, type AuthorizationRequest, type NamedPolicy, type PolicyKind } from '../../../../src/lib/engines/iam';
import { AwsError } from '../../../../src/lib/engines/errors';

export const OWNER = '123456789012';
export const OTHER = '210987654321';
export const NOW = '2026-11-23T10:00:00.000Z';
export const REPO = `arn:aws:ecr:us-east-1:${OWNER}:repository/web`;
export const ALICE = `arn:aws:iam::${OWNER}:user/alice`;
export const BOB = `arn:aws:iam::${OTHER}:user/bob`;
export const CI_ROLE = `arn:aws:iam::${OWNER}:role/ci`;
export const CI_SESSION = `arn:aws:sts::${OWNER}:assumed-role/ci/build-42`;

export const doc = (statements: unknown[], extra: Record<string, unknown> = {}) =>
	JSON.stringify({ Version: '2012-10-17', ...extra, Statement: statements });

export const identity = (name: string, statements: unknown[]): NamedPolicy => ({ name, policy: parsePolicy(doc(statements), 'identity') });

export const repositoryPolicy = (statements: unknown[]): NamedPolicy => ({ name: 'repository policy', policy: parsePolicy(doc(statements), 'repository') });

export const request = (over: Partial<AuthorizationRequest> = {}): AuthorizationRequest => ({
	principalArn: ALICE,
	principalAccount: OWNER,
	action: 'ecr:BatchGetImage',
	resource: REPO,
	context: {},
	now: NOW,
	...over
});

export const decide = (req: Partial<AuthorizationRequest>, identityPolicies: NamedPolicy[], resourcePolicy?: NamedPolicy, resourceAccount = OWNER) =>
	authorize(request(req), resourcePolicy ? { identityPolicies, resourcePolicy, resourceAccount } : { identityPolicies, resourceAccount });

export function errorOf(fn: () => unknown): AwsError {
	try {
		fn();
	} catch (e) {
		if (e instanceof AwsError) return e;
		throw e;
	}
	throw new Error('expected an AwsError, but nothing was thrown');
}

export const parseError = (text: string, kind: PolicyKind) => errorOf(() => parsePolicy(text, kind));
