// Which stack operations AWS accepts in which stack status, and the ValidationError each refusal
// carries (reasons.ts names the source of every sentence):
//
//   UpdateStack          CREATE_COMPLETE, UPDATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE, IMPORT_COMPLETE,
//                        IMPORT_ROLLBACK_COMPLETE; and CREATE_FAILED / UPDATE_FAILED only with
//                        DisableRollback (never CREATE_FAILED of a stack made with OnFailure=DO_NOTHING).
//                        Anything else: "Stack:<arn> is in <STATUS> state and can not be updated."
//   RollbackStack        CREATE_FAILED, UPDATE_FAILED.
//   DeleteStack          any status that is not *_IN_PROGRESS (REVIEW_IN_PROGRESS too; an ongoing
//                        delete and a deleted stack are a silent success); RetainResources and
//                        DeletionMode FORCE_DELETE_STACK only from DELETE_FAILED.
//   CancelUpdateStack    UPDATE_IN_PROGRESS.
//   ContinueUpdateRollback  UPDATE_ROLLBACK_FAILED.
// ExecuteChangeSet of an UPDATE change set goes through UpdateStack's rule.
import { ValidationError } from '../errors';
import { FAILURE_MESSAGES, MESSAGES } from './reasons';
import type { StackRecord } from './state';

const UPDATABLE = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE']);

/** The statuses a failed operation with DisableRollback leaves, from which the learner may retry, roll back or delete. */
export const PAUSED_FAILURES: ReadonlySet<string> = new Set(['CREATE_FAILED', 'UPDATE_FAILED']);

/** Throws AWS's refusal unless UpdateStack (with this DisableRollback) may run on the stack now. */
export function requireUpdatable(stack: StackRecord, disableRollback: boolean | undefined): void {
	if (PAUSED_FAILURES.has(stack.status)) {
		if (disableRollback !== true) throw new ValidationError(FAILURE_MESSAGES.nonTerminal(stack.status));
		if (stack.status === 'CREATE_FAILED' && stack.onFailureDoNothing === true) throw new ValidationError(FAILURE_MESSAGES.onFailureDoNothing(stack.status));
		return;
	}
	if (!UPDATABLE.has(stack.status)) throw new ValidationError(MESSAGES.cannotUpdate(stack.stackId, stack.status));
}

/** Throws AWS's refusal unless RollbackStack may run on the stack now. */
export function requireRollbackable(stack: StackRecord): void {
	if (!PAUSED_FAILURES.has(stack.status)) throw new ValidationError(FAILURE_MESSAGES.cannotRollback(stack.stackId, stack.status));
}
