// What each StackSets call asks IAM (Service Authorization Reference, "Actions defined by AWS
// CloudFormation"): `cloudformation:<Operation>` on the stack set's ARN (`…:stackset/<name>:<uuid>`;
// `…:stackset/<name>:*` for one that does not exist yet), or on `*` for ListStackSets. Passing a
// customized administration role also needs iam:PassRole on it (User Guide, "Grant self-managed
// permissions": "The user must have permission to pass the role to CloudFormation").
import type { AccessRequest } from '../../ecr/access';
import { obj, str, type CloudFormationContext } from '../stacks/context';
import { stackSetArnPattern } from './ids';
import { findStackSet } from './lookup';

export const STACK_SET_OPERATIONS: ReadonlySet<string> = new Set([
	'CreateStackSet',
	'UpdateStackSet',
	'DeleteStackSet',
	'DescribeStackSet',
	'ListStackSets',
	'CreateStackInstances',
	'UpdateStackInstances',
	'DeleteStackInstances',
	'DescribeStackInstance',
	'ListStackInstances',
	'DescribeStackSetOperation',
	'ListStackSetOperations',
	'ListStackSetOperationResults',
	'StopStackSetOperation'
]);

/** The requests a StackSets call needs allowed; undefined for calls that are not StackSets'. */
export function stackSetAccessRequests(ctx: CloudFormationContext, operation: string, raw: unknown): AccessRequest[] | undefined {
	if (!STACK_SET_OPERATIONS.has(operation)) return undefined;
	const input = obj(raw);
	const account = ctx.state.accountId;
	const name = str(input['StackSetName']);
	let resource = '*';
	if (operation !== 'ListStackSets' && name) {
		resource = findStackSet(ctx.state, name)?.arn ?? stackSetArnPattern(ctx.region, account, name.split(':')[0] ?? name);
	}
	const requests: AccessRequest[] = [{ action: `cloudformation:${operation}`, resource, resourceAccount: account, context: {} }];
	const roleArn = str(input['AdministrationRoleARN']);
	if (roleArn !== undefined && (operation === 'CreateStackSet' || operation === 'UpdateStackSet')) {
		requests.push({ action: 'iam:PassRole', resource: roleArn, resourceAccount: account, context: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } });
	}
	return requests;
}
