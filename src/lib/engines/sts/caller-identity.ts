// GetCallerIdentity: who the credentials belong to. It needs no permission (a policy cannot deny
// it), so it only reads. Forms from AWS's examples: the root user's UserId is its account id, a
// user's is its AIDA id, a role session's is "<AROA role id>:<session name>".
import type { GetCallerIdentityResponse } from '@aws-sdk/client-sts';
import type { StsContext } from './context';
import { invalidClientToken } from './errors';
import { backingRole, backingUser, callerKind } from './principal';

export function getCallerIdentity(ctx: StsContext, _raw?: unknown): GetCallerIdentityResponse {
	const { arn, accountId } = ctx.caller;
	const who = callerKind(arn, accountId);
	const state = ctx.identities(accountId);
	if (!who) throw invalidClientToken();
	const userId =
		who.kind === 'root'
			? accountId
			: who.kind === 'user'
				? backingUser(state, who.name).id
				: who.kind === 'role'
					? backingRole(state, who.name).id
					: `${backingRole(state, who.roleName).id}:${who.sessionName}`;
	return { UserId: userId, Account: accountId, Arn: arn };
}
