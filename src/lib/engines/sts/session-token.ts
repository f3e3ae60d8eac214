// GetSessionToken: temporary credentials for the user (or root) that calls, acting as that same
// principal. AWS's limits (STS API reference): 900 to 129,600 seconds, 43,200 by default; an
// account's root user gets at most an hour (a longer request is cut to one hour, not refused);
// session credentials cannot call it ("Cannot call GetSessionToken with session credentials",
// AccessDenied, quoted in aws-sdk-net #1704 and aws-sdk-php #1876). The credentials cannot call
// IAM without MFA (world.iam refuses them with InvalidClientTokenId, as real answers show).
import type { GetSessionTokenResponse } from '@aws-sdk/client-sts';
import { AwsError } from '../errors';
import { asInput } from '../identity/input';
import type { StsContext } from './context';
import { invalidClientToken } from './errors';
import { seconds } from './input';
import { backingUser, callerKind } from './principal';
import { issueSession } from './sessions';

const DEFAULT_SECONDS = 43200;
const ROOT_MAX_SECONDS = 3600;

export function getSessionToken(ctx: StsContext, raw: unknown): GetSessionTokenResponse {
	const requested = seconds(asInput(raw), 900, 129600) ?? DEFAULT_SECONDS;
	const { arn, accountId } = ctx.caller;
	const who = callerKind(arn, accountId);
	if (!who) throw invalidClientToken();
	if (ctx.caller.session || who.kind === 'role' || who.kind === 'session') {
		throw new AwsError('AccessDenied', 'Cannot call GetSessionToken with session credentials', { httpStatus: 403 });
	}
	const userId = who.kind === 'root' ? accountId : backingUser(ctx.identities(accountId), who.name).id;
	const duration = who.kind === 'root' ? Math.min(requested, ROOT_MAX_SECONDS) : requested;
	return { Credentials: issueSession(ctx, { issuedBy: 'GetSessionToken', arn, accountId, userId }, duration) };
}
