// AWS STS over the world, by API name. STS has no engine of its own yet: GetCallerIdentity only
// reads who the caller is. AssumeRole, GetSessionToken ... belong here once IAM issues sessions;
// add them to this table and rerun scripts/protocol/generate-models.mjs (it reads these keys).
import type { GetCallerIdentityResponse } from '@aws-sdk/client-sts';
import type { World } from '../../engines/world';
import { rootCaller, type Caller } from '../../engines/world-constants';
import { AwsError } from '../../engines/errors';

export interface StsContext {
	world: World;
	caller: Caller;
	region: string;
}

// The message AWS writes for an access key it does not know (InvalidClientTokenId, HTTP 403 on
// the Common Errors pages).
const unknownCaller = () => new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', { httpStatus: 403 });

const field = (value: unknown, key: string): unknown =>
	value && typeof value === 'object' && key in value ? (value as Record<string, unknown>)[key] : undefined;

/** The unique id IAM gave a user or role (AIDA... / AROA...), read through the IAM engine. */
function entityId(ctx: StsContext, kind: 'User' | 'Role', name: string): string {
	let out: unknown;
	try {
		const iam = ctx.world.iam(rootCaller(ctx.caller.accountId));
		out = iam.callByName(kind === 'User' ? 'GetUser' : 'GetRole', kind === 'User' ? { UserName: name } : { RoleName: name });
	} catch {
		// A principal IAM does not have cannot hold an access key.
		throw unknownCaller();
	}
	const id = field(field(out, kind), kind === 'User' ? 'UserId' : 'RoleId');
	if (typeof id !== 'string') throw unknownCaller();
	return id;
}

function getCallerIdentity(ctx: StsContext, _input?: unknown): GetCallerIdentityResponse {
	const { arn, accountId } = ctx.caller;
	// The root user's UserId is its account id (unverified: AWS's examples show users and roles only).
	if (arn === `arn:aws:iam::${accountId}:root`) return { UserId: accountId, Account: accountId, Arn: arn };
	const user = /^arn:aws:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn);
	if (user?.[1]) return { UserId: entityId(ctx, 'User', user[1]), Account: accountId, Arn: arn };
	// A session of a role: UserId is "<RoleId>:<session name>" (AWS's GetCallerIdentity examples).
	const session = /^arn:aws:sts::\d{12}:assumed-role\/([^/]+)\/(.+)$/.exec(arn);
	if (session?.[1] && session[2]) return { UserId: `${entityId(ctx, 'Role', session[1])}:${session[2]}`, Account: accountId, Arn: arn };
	// A lab may make a role itself the caller, without a session name: answer with the role's id.
	const role = /^arn:aws:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(arn);
	if (role?.[1]) return { UserId: entityId(ctx, 'Role', role[1]), Account: accountId, Arn: arn };
	throw unknownCaller();
}

export const stsOperations = {
	GetCallerIdentity: getCallerIdentity
} satisfies Record<string, (ctx: StsContext, input: unknown) => unknown>;

export const isStsOperation = (name: string): name is keyof typeof stsOperations => Object.prototype.hasOwnProperty.call(stsOperations, name);
