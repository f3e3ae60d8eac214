// A session policy passed to AssumeRole narrows the session: a request must be allowed as usual
// (the role's policies, the resource's policy) and by the session policy too (IAM User Guide,
// "Session policies": the session's permissions are the intersection). Simplified: the session
// policy limits every request, including those a resource policy grants to the session by name.
// The refusal sentences follow AWS's "no <type> policy allows" / "explicit deny in a <type>
// policy" pattern with the type "session" (unverified wording).
import { authorize, checkAccess, parsePolicy, type AuthorizationRequest, type Explanation, type Policy } from '../iam';
import { refused } from './refusal';

export interface SessionRefusal {
	message: string;
	explain: () => Explanation;
}

const parsed = new Map<string, Policy>();

function sessionPolicy(text: string): Policy {
	let policy = parsed.get(text);
	if (!policy) {
		if (parsed.size >= 64) parsed.clear();
		policy = parsePolicy(text, 'identity');
		parsed.set(text, policy);
	}
	return policy;
}

/** Why the session policy refuses a request the other policies allowed, or undefined when it allows it. */
export function sessionPolicyRefusal(request: AuthorizationRequest, policyText: string): SessionRefusal | undefined {
	// Judged alone, as an identity policy of the caller's own account.
	const policies = { identityPolicies: [{ name: 'session policy', policy: sessionPolicy(policyText) }], resourceAccount: request.principalAccount };
	const check = checkAccess(request, policies);
	if (check.decision === 'Allow') return undefined;
	const head = `User: ${request.principalArn} is not authorized to perform: ${request.action} on resource: ${request.resource}`;
	const message = check.decision === 'ExplicitDeny' ? `${head} with an explicit deny in a session policy` : `${head} because no session policy allows the ${request.action} action`;
	const note = 'The session was started with a session policy: a request must be allowed by the role\'s policies and by the session policy, and the session policy does not allow this one.';
	return { message, explain: () => refused(authorize(request, policies).explanation, message, note, 'identity') };
}
