// From a caller's ARN to the identity-based policies that apply to it: its own inline and
// attached policies and, for a user, those of every group it belongs to (IAM User Guide, "IAM
// user groups": a user gets its groups' permissions). Parsed documents are remembered by their
// text so the per-request path never re-parses JSON.
import { AwsError } from '../errors';
import { parsePolicy, type NamedPolicy, type Policy } from '../iam';
import { managedPolicyDocument } from './entities';
import { groupsOf, type IdentityState, type InlinePolicyState } from './state';

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

interface PolicyHolder {
	inlinePolicies: InlinePolicyState[];
	attachedPolicyArns: string[];
}

/** The principal itself, then (for a user) its groups, each with a label for the explanation. */
function holdersFor(state: IdentityState, arn: string): { holder: PolicyHolder; group?: string }[] | undefined {
	const rest = arn.split(':').slice(5).join(':');
	const [kind, ...parts] = rest.split('/');
	if (kind === 'user') {
		const user = state.users.find((u) => u.name === parts[parts.length - 1]);
		if (!user) return undefined;
		return [{ holder: user }, ...groupsOf(state).filter((g) => g.userNames.includes(user.name)).map((g) => ({ holder: g, group: g.name }))];
	}
	// A role session (arn:aws:sts::<acct>:assumed-role/<role>/<session>) carries its role's policies.
	const roleName = kind === 'role' ? parts[parts.length - 1] : kind === 'assumed-role' && parts.length >= 2 ? parts[0] : undefined;
	const role = roleName === undefined ? undefined : state.roles.find((r) => r.name === roleName);
	return role ? [{ holder: role }] : undefined;
}

/**
 * The identity-based policies of a caller, named as the explanation shows them. The root user
 * has none (it needs none). Throws for a user or role the account does not have.
 */
export function identityPoliciesFor(state: IdentityState, arn: string): NamedPolicy[] {
	if (arn === `arn:aws:iam::${state.accountId}:root`) return [];
	const holders = holdersFor(state, arn);
	if (!holders) throw unknownCaller();
	const named: NamedPolicy[] = [];
	for (const { holder, group } of holders) {
		// A group's policy is named after its group too, so the explanation says where it came from.
		const label = (policyName: string) => (group === undefined ? policyName : `${policyName} (group ${group})`);
		for (const p of holder.inlinePolicies) named.push({ name: label(p.policyName), policy: parseIdentity(p.policyDocument) });
		for (const policyArn of holder.attachedPolicyArns) {
			const managed = managedPolicyDocument(state, policyArn);
			if (managed) named.push({ name: label(managed.name), policy: parseIdentity(managed.document) });
		}
	}
	return named;
}
