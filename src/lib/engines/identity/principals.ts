// From a caller's ARN to the identity-based policies that apply to it. Parsed documents are
// remembered by their text so the per-request path never re-parses JSON.
import { AwsError } from '../errors';
import { parsePolicy, type NamedPolicy, type Policy } from '../iam';
import { managedPolicyDocument } from './operations';
import type { IdentityState, PrincipalState } from './state';

const parsed = new Map<string, Policy>();

function parseIdentity(text: string): Policy {
	let policy = parsed.get(text);
	if (!policy) {
		if (parsed.size >= 512) parsed.clear();
		policy = parsePolicy(text, 'identity');
		parsed.set(text, policy);
	}
	return policy;
}

/** The invalid-credentials error AWS gives a request signed by a principal that does not exist. */
export const unknownCaller = () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.');

function principalFor(state: IdentityState, arn: string): PrincipalState | undefined {
	const rest = arn.split(':').slice(5).join(':');
	const [kind, ...parts] = rest.split('/');
	if (kind === 'user') return state.users.find((u) => u.name === parts[parts.length - 1]);
	if (kind === 'role') return state.roles.find((r) => r.name === parts[parts.length - 1]);
	// A role session (arn:aws:sts::<acct>:assumed-role/<role>/<session>) carries its role's policies.
	if (kind === 'assumed-role' && parts.length >= 2) return state.roles.find((r) => r.name === parts[0]);
	return undefined;
}

/**
 * The identity-based policies of a caller, named as the explanation shows them. The root user
 * has none (it needs none). Throws for a user or role the account does not have.
 */
export function identityPoliciesFor(state: IdentityState, arn: string): NamedPolicy[] {
	if (arn === `arn:aws:iam::${state.accountId}:root`) return [];
	const principal = principalFor(state, arn);
	if (!principal) throw unknownCaller();
	const named: NamedPolicy[] = principal.inlinePolicies.map((p) => ({ name: p.policyName, policy: parseIdentity(p.policyDocument) }));
	for (const policyArn of principal.attachedPolicyArns) {
		const managed = managedPolicyDocument(state, policyArn);
		if (managed) named.push({ name: managed.name, policy: parseIdentity(managed.document) });
	}
	return named;
}
