// RollbackStack (API reference): "Rolls back the specified stack to the last known stable state
// from CREATE_FAILED or UPDATE_FAILED stack statuses. This operation will delete a stack if it
// doesn't contain a last known stable state", a stable state being any *_COMPLETE the stack
// reached. So an UPDATE_FAILED stack that was once complete goes through an update rollback
// (UPDATE_ROLLBACK_IN_PROGRESS ... UPDATE_ROLLBACK_COMPLETE); a CREATE_FAILED stack, or an
// UPDATE_FAILED one that never completed, has its resources deleted like a failed create
// (ROLLBACK_IN_PROGRESS ... ROLLBACK_COMPLETE). RetainExceptOnCreate deletes the resources the
// failed operations created even when their DeletionPolicy is Retain.
import type { RollbackStackOutput } from '@aws-sdk/client-cloudformation';
import { bool, obj, requireStack, str, type CloudFormationContext } from './context';
import { logStackStatus } from './events';
import { checkRole, operationCaller, start } from './operations';
import { REASON } from './reasons';
import { hasStableState } from './state';
import { requireRollbackable } from './status-rules';

export function rollbackStack(ctx: CloudFormationContext, raw: unknown): RollbackStackOutput {
	const input = obj(raw);
	const stack = requireStack(ctx, input['StackName']);
	requireRollbackable(stack);
	const roleArn = str(input['RoleARN']) ?? stack.roleArn;
	checkRole(ctx, roleArn);
	const retainExceptOnCreate = bool(input['RetainExceptOnCreate']);
	const toStable = stack.status === 'UPDATE_FAILED' && stack.previous !== undefined && hasStableState(stack);
	const token = str(input['ClientRequestToken']);
	if (token === undefined) delete stack.clientRequestToken;
	else stack.clientRequestToken = token;
	if (retainExceptOnCreate !== undefined) stack.retainExceptOnCreate = retainExceptOnCreate;
	if (roleArn !== undefined) stack.roleArn = roleArn;
	stack.lastUpdatedTime = ctx.clock.now().toISOString();
	// (unverified) The reason of the stack's first event, as ContinueUpdateRollback's.
	logStackStatus(ctx.state, stack, ctx.clock.nowMs(), toStable ? 'UPDATE_ROLLBACK_IN_PROGRESS' : 'ROLLBACK_IN_PROGRESS', REASON.userInitiated);
	start(ctx, stack, 'ROLLBACK', {
		caller: operationCaller(ctx, roleArn),
		phase: toStable ? 'updateRollback' : 'rollback',
		...(retainExceptOnCreate !== undefined ? { retainExceptOnCreate } : {})
	});
	return { StackId: stack.stackId };
}
