// Reading a caller's ARN the way STS needs it: which kind of principal, which IAM entity backs it,
// and that entity's unique id. A caller whose user or role no longer exists holds credentials AWS
// would no longer accept: InvalidClientTokenId.
import { findRole, findUser } from '../identity/entities';
import type { IdentityState, RoleState, UserState } from '../identity/state';
import { invalidClientToken } from './errors';

export type CallerKind = { kind: 'root' } | { kind: 'user'; name: string } | { kind: 'role'; name: string } | { kind: 'session'; roleName: string; sessionName: string };

const USER = /^arn:aws:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/;
const ROLE = /^arn:aws:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/;
const SESSION = /^arn:aws:sts::\d{12}:assumed-role\/([^/]+)\/(.+)$/;

export function callerKind(arn: string, accountId: string): CallerKind | undefined {
	if (arn === `arn:aws:iam::${accountId}:root`) return { kind: 'root' };
	const user = USER.exec(arn);
	if (user) return { kind: 'user', name: user[1] as string };
	const session = SESSION.exec(arn);
	if (session) return { kind: 'session', roleName: session[1] as string, sessionName: session[2] as string };
	const role = ROLE.exec(arn);
	if (role) return { kind: 'role', name: role[1] as string };
	return undefined;
}

/** The user or role behind a caller, or InvalidClientTokenId when IAM no longer has it. */
export function backingUser(state: IdentityState | undefined, name: string): UserState {
	try {
		if (state) return findUser(state, name);
	} catch {
		// fall through: the user is gone
	}
	throw invalidClientToken();
}

export function backingRole(state: IdentityState | undefined, name: string): RoleState {
	try {
		if (state) return findRole(state, name);
	} catch {
		// fall through: the role is gone
	}
	throw invalidClientToken();
}
