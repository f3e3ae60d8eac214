// Self-managed permissions (User Guide, "Grant self-managed permissions"): CloudFormation assumes
// the administration role in the administrator account (its trust policy must allow the service
// cloudformation.amazonaws.com), and that role's session assumes the execution role in each
// target account (whose trust policy must allow the administrator account or that role, and,
// within one account or when the trust names the account, the administration role's own policy
// must allow sts:AssumeRole on it). Both decisions go through the world's IAM evaluation, so a
// lab can break either side and the operation reports it as AWS does, target by target.
import type { AccountGateStatus } from '@aws-sdk/client-cloudformation';
import { checkAccess, parsePolicy, type AuthorizationPolicies, type AuthorizationRequest } from '../../iam';
import { identityPoliciesFor } from '../../identity/principals';
import type { IdentityState, RoleState } from '../../identity/state';
import { ORGANIZATION_ID, type Caller } from '../../world-constants';
import type { StackSetHost } from './environment';
import { REASON } from './messages';

/** (unverified) The session name CloudFormation gives the roles it assumes for StackSets. */
const SESSION = 'AWSCloudFormation';

interface RoleRef {
	account: string;
	/** The role's path and name as AWS quotes it in StatusReason ('service-role/X', [CT109] in messages.ts). */
	quoted: string;
	name: string;
	path: string;
}

export function parseRoleArn(arn: string): RoleRef | undefined {
	const m = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(.+)$/.exec(arn);
	if (!m) return undefined;
	const quoted = m[2] as string;
	const parts = quoted.split('/');
	const name = parts.pop() ?? '';
	return { account: m[1] as string, quoted, name, path: parts.length ? `/${parts.join('/')}/` : '/' };
}

const roleArn = (account: string, role: RoleState) => `arn:aws:iam::${account}:role${role.path}${role.name}`;

/** The principal a role's session acts as. */
export const sessionCaller = (account: string, roleName: string): Caller => ({ arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${SESSION}`, accountId: account });

function findRole(identities: IdentityState | undefined, name: string, path?: string): RoleState | undefined {
	return identities?.roles.find((r) => r.name === name && (path === undefined || r.path === path));
}

/** Whether IAM lets `request` assume `role`; a trust or identity policy that no longer parses denies. */
function mayAssume(request: AuthorizationRequest, role: RoleState, identityPolicies: () => AuthorizationPolicies['identityPolicies'], resourceAccount: string): boolean {
	try {
		const policies: AuthorizationPolicies = { identityPolicies: identityPolicies(), resourceAccount, resourcePolicy: { name: `${role.name} trust policy`, policy: parsePolicy(role.assumeRolePolicyDocument, 'resource') } };
		return checkAccess(request, policies).decision === 'Allow';
	} catch {
		return false;
	}
}

export interface AccessDenial {
	reason: string;
	gate: { status: AccountGateStatus; reason: string };
}

/**
 * Why the operation cannot act in `target`, or undefined when both roles can be assumed. The
 * gate statuses are AWS's: FAILED for the administration role ([API-LR]), SKIPPED for the
 * execution role ([UG-TS]).
 */
export function checkRoles(host: StackSetHost, adminAccount: string, administrationRoleArn: string, executionRoleName: string, target: string): AccessDenial | undefined {
	const now = host.clock.now().toISOString();
	const ref = parseRoleArn(administrationRoleArn);
	const adminIdentities = ref ? host.identities(ref.account) : undefined;
	const adminRole = ref ? findRole(adminIdentities, ref.name, ref.path) : undefined;
	const adminQuoted = ref?.quoted ?? administrationRoleArn;
	const serviceRequest = (role: RoleState, account: string): AuthorizationRequest => ({
		principalArn: 'cloudformation.amazonaws.com',
		principalAccount: account,
		action: 'sts:AssumeRole',
		resource: roleArn(account, role),
		context: {},
		now
	});
	if (!ref || !adminIdentities || !adminRole || !mayAssume(serviceRequest(adminRole, ref.account), adminRole, () => [], ref.account)) {
		const reason = REASON.administrationRole(adminAccount, adminQuoted);
		return { reason, gate: { status: 'FAILED', reason } };
	}
	const session = sessionCaller(ref.account, adminRole.name);
	const targetIdentities = host.identities(target);
	const executionRole = findRole(targetIdentities, executionRoleName);
	const assume: AuthorizationRequest | undefined = executionRole && {
		principalArn: session.arn,
		principalAccount: ref.account,
		action: 'sts:AssumeRole',
		resource: roleArn(target, executionRole),
		context: { 'aws:PrincipalOrgID': ORGANIZATION_ID },
		now
	};
	if (!executionRole || !assume || !mayAssume(assume, executionRole, () => identityPoliciesFor(adminIdentities, session.arn), target)) {
		const reason = REASON.executionRole(target, executionRoleName, adminQuoted);
		return { reason, gate: { status: 'SKIPPED', reason } };
	}
	return undefined;
}
