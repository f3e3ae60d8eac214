// What each CloudFormation call asks IAM (Service Authorization Reference, "Actions defined by
// AWS CloudFormation"): `cloudformation:<Operation>` on the stack's ARN
// (`arn:aws:cloudformation:<region>:<account>:stack/<name>/<id>`; `.../stack/<name>/*` for a stack
// that does not exist yet), or on `*` for the calls that name no stack. A call that passes a
// service role also needs iam:PassRole on it. CloudFormation then creates the resources with the
// caller's own permissions (or the role's), which the providers' engines check.
import type { AccessRequest } from '../../ecr/access';
import { obj, findStack, str, type CloudFormationContext } from './context';
import { parseStackArn } from './ids';

/** Calls that never name a stack. */
const ACCOUNT_LEVEL = new Set(['ValidateTemplate', 'ListStacks', 'ListExports', 'ListImports']);

function tagContext(raw: unknown): Record<string, string | string[]> {
	if (!Array.isArray(raw)) return {};
	const keys: Record<string, string | string[]> = {};
	const names: string[] = [];
	for (const t of raw) {
		const o = obj(t);
		if (typeof o['Key'] !== 'string') continue;
		names.push(o['Key']);
		if (typeof o['Value'] === 'string') keys[`aws:RequestTag/${o['Key']}`] = o['Value'];
	}
	if (names.length) keys['aws:TagKeys'] = names;
	return keys;
}

export function stackResourceArn(ctx: CloudFormationContext, nameOrId: string): string {
	if (parseStackArn(nameOrId)) return nameOrId;
	const stack = findStack(ctx, nameOrId);
	return stack?.stackId ?? `arn:aws:cloudformation:${ctx.region}:${ctx.state.accountId}:stack/${nameOrId}/*`;
}

export function cloudFormationAccessRequests(ctx: CloudFormationContext, operation: string, raw: unknown): AccessRequest[] {
	const input = obj(raw);
	const account = ctx.state.accountId;
	const name = str(input['StackName']);
	const resource = ACCOUNT_LEVEL.has(operation) || name === undefined || name === '' ? '*' : stackResourceArn(ctx, name);
	const context = operation === 'CreateStack' || operation === 'UpdateStack' ? tagContext(input['Tags']) : {};
	const requests: AccessRequest[] = [{ action: `cloudformation:${operation}`, resource, resourceAccount: account, context }];
	// Updating protected resources with a temporary policy needs SetStackPolicy as well (User Guide,
	// "Prevent updates to stack resources").
	if (operation === 'UpdateStack' && input['StackPolicyDuringUpdateBody'] !== undefined) {
		requests.push({ action: 'cloudformation:SetStackPolicy', resource, resourceAccount: account, context: {} });
	}
	const roleArn = str(input['RoleARN']);
	if (roleArn !== undefined && ['CreateStack', 'UpdateStack', 'DeleteStack', 'ContinueUpdateRollback', 'RollbackStack'].includes(operation)) {
		requests.push({ action: 'iam:PassRole', resource: roleArn, resourceAccount: account, context: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } });
	}
	return requests;
}
