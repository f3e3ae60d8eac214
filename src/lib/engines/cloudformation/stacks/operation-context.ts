// The persisted progress of one stack operation: the context of its machine, plain JSON. A phase
// (create, rollback, update, cleanup ...) is a set of resource tasks, each waiting for the tasks
// it depends on; a task runs from its start instant to its due instant and then reports.
import type { TimedContext } from '../../jobs/job';
import type { OperationCaller } from './environment';
import type { OnFailure } from './state';

/** ROLLBACK is RollbackStack, from CREATE_FAILED or UPDATE_FAILED. */
export type OperationKind = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONTINUE_UPDATE_ROLLBACK' | 'ROLLBACK';

/** The kind of phase the current tasks belong to. */
export type PhaseKind = 'create' | 'rollback' | 'delete' | 'update' | 'updateCleanup' | 'updateRollback' | 'rollbackCleanup';

/** What a task reports when it is due (decided when it started). */
export type TaskFinish =
	/** Call the provider's create (the step after CREATE_IN_PROGRESS). */
	| { kind: 'initiate' }
	/** Create the replacement copy (the step after "Requested update requires the creation of a new physical resource"). */
	| { kind: 'replace' }
	/** Put back the copy a replacement replaced (update rollback). */
	| { kind: 'restore' }
	| { kind: 'complete'; status: 'CREATE_COMPLETE' | 'UPDATE_COMPLETE' }
	| { kind: 'fail'; status: 'CREATE_FAILED' | 'UPDATE_FAILED' | 'DELETE_FAILED'; reason: string }
	/** Call the provider's delete, then DELETE_COMPLETE or DELETE_FAILED. */
	| { kind: 'delete'; copy: 'main' | 'obsolete' }
	/** A resource with no physical copy: DELETE_COMPLETE with no provider call. */
	| { kind: 'forget' };

export interface TaskState {
	logicalId: string;
	/** Logical IDs of the tasks that must be over before this one starts. */
	after: string[];
	state: 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';
	/** Start order, so tasks due at the same instant report in the order they started. */
	order?: number;
	dueAt?: string;
	finish?: TaskFinish;
}

export interface StackOperationContext extends TimedContext {
	accountId: string;
	region: string;
	stackId: string;
	stackName: string;
	operation: OperationKind;
	caller: OperationCaller;
	/**
	 * What a failed create or update does next. DO_NOTHING (OnFailure=DO_NOTHING or DisableRollback,
	 * on CreateStack as on UpdateStack) also means a failure stops only its own provisioning path.
	 */
	onFailure: OnFailure;
	/** TimeoutInMinutes: the instant past which a create fails ("Stack creation time exceeded the specified timeout."). */
	deadline?: string;
	/** RetainExceptOnCreate: a rollback deletes what the operation created, even with DeletionPolicy Retain. */
	retainExceptOnCreate?: boolean;
	/** DeleteStack's DeletionMode FORCE_DELETE_STACK: resources that fail to delete are skipped. */
	forceDelete?: boolean;
	/** UpdateStack's StackPolicyBody: the stack's policy once this update has completed. */
	newStackPolicy?: string;
	/** DeleteStack's RetainResources. */
	retainResources: string[];
	/** ContinueUpdateRollback's ResourcesToSkip. */
	resourcesToSkip: string[];
	/** The resource types the operation may touch, whose schemas must be loaded before it runs. */
	resourceTypes: string[];
	phase: PhaseKind;
	tasks: TaskState[];
	/** A failure stopped the phase from starting more tasks (create and update phases). */
	halted: boolean;
	/** Resources that failed in the operation's forward phase, by what failed (for the stack reason). */
	createFailures: string[];
	updateFailures: string[];
	/** Resources whose delete (or revert) failed in the current phase. */
	phaseFailures: string[];
	/** A stack-level failure (a missing import, an export conflict, a cancel). */
	stackFailure?: string;
	/** Tasks started so far, for `TaskState.order`. */
	started: number;
}
