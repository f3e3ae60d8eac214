// One stack operation (create, update, delete, continue-rollback) as a machine on the world's
// clock. Its context is the operation's progress, plain JSON that the world persists with its
// jobs; what it acts on (the stacks, the providers, the clock) arrives with each event as `env`,
// so a restored world resumes mid-operation exactly where it stopped. States are the stack
// statuses CloudFormation moves through (cfn-facts §4):
//
//   CreateStack   creating ─▶ publishing outputs ─▶ CREATE_COMPLETE
//                    └─ failure or TimeoutInMinutes ─▶ (DO_NOTHING) CREATE_FAILED
//                                ▶ (ROLLBACK)   ROLLBACK_IN_PROGRESS ─▶ ROLLBACK_COMPLETE | ROLLBACK_FAILED
//                                ▶ (DELETE)     DELETE_IN_PROGRESS   ─▶ DELETE_COMPLETE   | DELETE_FAILED
//   UpdateStack   updating ─▶ publishing outputs ─▶ UPDATE_COMPLETE_CLEANUP_IN_PROGRESS ─▶ UPDATE_COMPLETE
//                    └─ failure ─▶ (DisableRollback) UPDATE_FAILED
//                    └─ failure or CancelUpdateStack ─▶ UPDATE_ROLLBACK_IN_PROGRESS
//                         ─▶ UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS ─▶ UPDATE_ROLLBACK_COMPLETE
//                         └─ a resource cannot be put back ─▶ UPDATE_ROLLBACK_FAILED (ContinueUpdateRollback starts a new run)
//   RollbackStack from UPDATE_FAILED with a last known stable state: the update rollback above;
//                 from CREATE_FAILED (or UPDATE_FAILED without one): the create rollback above.
//   DeleteStack   deleting ─▶ DELETE_COMPLETE | DELETE_FAILED
import { assign, setup } from 'xstate';
import { clonePlain } from '../../plain-data';
import type { StackEnvironment } from './environment';
import type { StackOperationContext } from './operation-context';
import {
	cancelRunning,
	logCreateComplete,
	logCreateFailed,
	logDeleteComplete,
	logDeleteFailed,
	logRollbackComplete,
	logRollbackFailed,
	logUpdateComplete,
	logUpdateRollbackComplete,
	logUpdateRollbackFailed,
	runTasks,
	startCreatePhase,
	startDeleteAfterFailurePhase,
	startDeletePhase,
	startRollbackCleanupPhase,
	startRollbackPhase,
	startUpdateCleanupPhase,
	startUpdatePhase,
	startUpdateRollbackPhase,
	logUpdateFailed
} from './phases';
import { publishOutputs } from './outputs';
import { REASON } from './reasons';
import { OperationRun } from './run';
import { phaseOver } from './tasks';

/** The clock reached the operation's due instant (the world sends this, with itself as `env`). */
export interface StackClockEvent {
	type: 'clock.tick';
	now: string;
	env: StackEnvironment;
}

/** CancelUpdateStack. */
export interface StackCancelEvent {
	type: 'stack.cancel';
	env: StackEnvironment;
}

export type StackOperationEvent = StackClockEvent | StackCancelEvent;

/** Which stack finished an operation (its status is on the stack). */
export interface StackOperationOutput {
	accountId: string;
	region: string;
	stackId: string;
	stackName: string;
}

/** A named action: runs `work` on a copy of the context and keeps the copy. */
const step = (work: (run: OperationRun) => void) =>
	assign<StackOperationContext, StackOperationEvent, undefined, StackOperationEvent, never>(({ context, event }) => {
		const op = clonePlain(context);
		work(new OperationRun(op, event.env));
		return op;
	});

const over = (c: StackOperationContext) => phaseOver(c.tasks, c.halted);
const failed = (c: StackOperationContext) => over(c) && (c.halted || c.phaseFailures.length > 0);
/** A create or update phase failed: halted by a failure, or (DO_NOTHING, every path run to its end) a resource failed. */
const forwardFailed = (c: StackOperationContext) => over(c) && (c.halted || c.createFailures.length > 0 || c.updateFailures.length > 0);

export const stackOperationMachine = setup({
	types: {
		context: {} as StackOperationContext,
		input: {} as StackOperationContext,
		events: {} as StackOperationEvent,
		output: {} as StackOperationOutput
	},
	actions: {
		runTasks: step(runTasks),
		startCreate: step(startCreatePhase),
		publishOutputs: step(publishOutputs),
		logCreateComplete: step(logCreateComplete),
		logCreateFailed: step(logCreateFailed),
		startRollback: step(startRollbackPhase),
		logRollbackComplete: step(logRollbackComplete),
		logRollbackFailed: step(logRollbackFailed),
		startDeleteAfterFailure: step(startDeleteAfterFailurePhase),
		startDelete: step(startDeletePhase),
		logDeleteComplete: step(logDeleteComplete),
		logDeleteFailed: step(logDeleteFailed),
		startUpdate: step(startUpdatePhase),
		startUpdateCleanup: step(startUpdateCleanupPhase),
		logUpdateComplete: step(logUpdateComplete),
		logUpdateFailed: step(logUpdateFailed),
		cancelUpdate: step((run) => {
			run.op.stackFailure = REASON.stackUpdateCancelled;
			cancelRunning(run);
		}),
		startUpdateRollback: step(startUpdateRollbackPhase),
		logUpdateRollbackFailed: step(logUpdateRollbackFailed),
		startRollbackCleanup: step(startRollbackCleanupPhase),
		logUpdateRollbackComplete: step(logUpdateRollbackComplete)
	},
	guards: {
		isCreate: ({ context }) => context.operation === 'CREATE',
		isUpdate: ({ context }) => context.operation === 'UPDATE',
		isDelete: ({ context }) => context.operation === 'DELETE',
		isContinueRollback: ({ context }) => context.operation === 'CONTINUE_UPDATE_ROLLBACK',
		// RollbackStack: the operation chose its phase from whether a last known stable state exists.
		isRollbackToStable: ({ context }) => context.operation === 'ROLLBACK' && context.phase === 'updateRollback',
		isRollbackAll: ({ context }) => context.operation === 'ROLLBACK' && context.phase === 'rollback',
		forwardFailed: ({ context }) => forwardFailed(context),
		phaseOver: ({ context }) => over(context),
		phaseFailed: ({ context }) => failed(context),
		stackFailed: ({ context }) => context.stackFailure !== undefined,
		rollbackDisabled: ({ context }) => context.onFailure === 'DO_NOTHING',
		deleteOnFailure: ({ context }) => context.onFailure === 'DELETE'
	}
}).createMachine({
	id: 'stackOperation',
	context: ({ input }) => input,
	initial: 'pending',
	states: {
		pending: {
			on: {
				'clock.tick': [
					{ guard: 'isCreate', target: 'creating' },
					{ guard: 'isUpdate', target: 'updating' },
					{ guard: 'isDelete', target: 'deleting' },
					{ guard: 'isContinueRollback', target: 'rollingBackUpdate' },
					{ guard: 'isRollbackToStable', target: 'rollingBackUpdate' },
					{ guard: 'isRollbackAll', target: 'rollingBack' }
				],
				// CancelUpdateStack is accepted from the moment UpdateStack returns, before any resource moved.
				'stack.cancel': { guard: 'isUpdate', target: 'rollingBackUpdate', actions: 'cancelUpdate' }
			}
		},

		creating: {
			entry: 'startCreate',
			on: { 'clock.tick': { actions: 'runTasks' } },
			always: [
				{ guard: 'forwardFailed', target: 'createFailed' },
				{ guard: 'phaseOver', target: 'publishingCreateOutputs' }
			]
		},
		publishingCreateOutputs: {
			entry: 'publishOutputs',
			always: [{ guard: 'stackFailed', target: 'createFailed' }, { target: 'createComplete' }]
		},
		createComplete: { type: 'final', entry: 'logCreateComplete' },
		createFailed: {
			always: [
				{ guard: 'rollbackDisabled', target: 'createFailedKept' },
				{ guard: 'deleteOnFailure', target: 'deletingAfterFailure' },
				{ target: 'rollingBack' }
			]
		},
		createFailedKept: { type: 'final', entry: 'logCreateFailed' },
		rollingBack: {
			entry: 'startRollback',
			on: { 'clock.tick': { actions: 'runTasks' } },
			always: [
				{ guard: 'phaseFailed', target: 'rollbackFailed' },
				{ guard: 'phaseOver', target: 'rollbackComplete' }
			]
		},
		rollbackComplete: { type: 'final', entry: 'logRollbackComplete' },
		rollbackFailed: { type: 'final', entry: 'logRollbackFailed' },
		deletingAfterFailure: {
			entry: 'startDeleteAfterFailure',
			on: { 'clock.tick': { actions: 'runTasks' } },
			always: [
				{ guard: 'phaseFailed', target: 'deleteFailed' },
				{ guard: 'phaseOver', target: 'deleteComplete' }
			]
		},

		deleting: {
			entry: 'startDelete',
			on: { 'clock.tick': { actions: 'runTasks' } },
			always: [
				{ guard: 'phaseFailed', target: 'deleteFailed' },
				{ guard: 'phaseOver', target: 'deleteComplete' }
			]
		},
		deleteComplete: { type: 'final', entry: 'logDeleteComplete' },
		deleteFailed: { type: 'final', entry: 'logDeleteFailed' },

		updating: {
			entry: 'startUpdate',
			on: {
				'clock.tick': { actions: 'runTasks' },
				'stack.cancel': { target: 'rollingBackUpdate', actions: 'cancelUpdate' }
			},
			always: [
				{ guard: 'forwardFailed', target: 'updateFailed' },
				{ guard: 'phaseOver', target: 'publishingUpdateOutputs' }
			]
		},
		publishingUpdateOutputs: {
			entry: 'publishOutputs',
			always: [{ guard: 'stackFailed', target: 'updateFailed' }, { target: 'cleaningUpUpdate' }]
		},
		updateFailed: {
			always: [{ guard: 'rollbackDisabled', target: 'updateFailedKept' }, { target: 'rollingBackUpdate' }]
		},
		updateFailedKept: { type: 'final', entry: 'logUpdateFailed' },
		cleaningUpUpdate: {
			entry: 'startUpdateCleanup',
			on: { 'clock.tick': { actions: 'runTasks' } },
			always: [{ guard: 'phaseOver', target: 'updateComplete' }]
		},
		updateComplete: { type: 'final', entry: 'logUpdateComplete' },
		rollingBackUpdate: {
			entry: 'startUpdateRollback',
			on: { 'clock.tick': { actions: 'runTasks' } },
			always: [
				{ guard: 'phaseFailed', target: 'updateRollbackFailed' },
				{ guard: 'phaseOver', target: 'cleaningUpRollback' }
			]
		},
		updateRollbackFailed: { type: 'final', entry: 'logUpdateRollbackFailed' },
		cleaningUpRollback: {
			entry: 'startRollbackCleanup',
			on: { 'clock.tick': { actions: 'runTasks' } },
			always: [{ guard: 'phaseOver', target: 'updateRollbackComplete' }]
		},
		updateRollbackComplete: { type: 'final', entry: 'logUpdateRollbackComplete' }
	},
	output: ({ context }) => ({ accountId: context.accountId, region: context.region, stackId: context.stackId, stackName: context.stackName })
});

/** The states a persisted operation may be in (for checking a saved world). */
export const STACK_OPERATION_STATES: readonly string[] = Object.keys(stackOperationMachine.config.states ?? {});
