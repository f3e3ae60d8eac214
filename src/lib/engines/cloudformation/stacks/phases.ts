// The phases of stack operations: which resource tasks each one runs, in which order, and the
// stack events that open and close it. The machine (stackOperationMachine.ts) decides which phase
// follows which; this file does the work of each.
import { isAwsError } from '../../errors';
import type { DependencyGraph, StackPlan } from '../template';
import { logStackStatus } from './events';
import { importedNames } from './exports';
import type { PhaseKind, TaskState } from './operation-context';
import { checkRemovals } from './policy-gate';
import { FAILURE_REASON, REASON } from './reasons';
import type { OperationRun } from './run';
import type { StackRecord } from './state';
import { deleteSteps } from './steps-delete';
import { cleanupSteps, removesRecord } from './steps-cleanup';
import { startCreate, advanceCreate, cancelCreate } from './steps-create';
import { revertSteps } from './steps-revert';
import { updateSteps } from './steps-update';
import { runTasks as runPhaseTasks, type PhaseSteps } from './tasks';

const createSteps: PhaseSteps = {
	start: (run, task) => startCreate(run, task, false),
	advance: advanceCreate,
	cancel: cancelCreate
};

const STEPS: Record<PhaseKind, { steps: PhaseSteps; haltOnFailure: boolean }> = {
	create: { steps: createSteps, haltOnFailure: true },
	update: { steps: updateSteps, haltOnFailure: true },
	rollback: { steps: deleteSteps('rollback'), haltOnFailure: false },
	delete: { steps: deleteSteps('delete'), haltOnFailure: false },
	updateRollback: { steps: revertSteps, haltOnFailure: false },
	updateCleanup: { steps: cleanupSteps('update'), haltOnFailure: false },
	rollbackCleanup: { steps: cleanupSteps('rollback'), haltOnFailure: false }
};

/** Moves the current phase's tasks to the run's instant. */
export function runTasks(run: OperationRun): void {
	const { op } = run;
	const forward = op.phase === 'create' || op.phase === 'update';
	const { steps, haltOnFailure } = STEPS[op.phase];
	if (op.phase === 'create' && createTimedOut(run)) {
		// TimeoutInMinutes: what is still running is cancelled and the create fails as a whole.
		op.stackFailure = FAILURE_REASON.createTimedOut;
		cancelRunning(run);
	}
	// With DisableRollback (OnFailure=DO_NOTHING) a failure stops only its own provisioning path:
	// "A failure in one path doesn't affect other provisioning paths" (stack-failure-options).
	runPhaseTasks(run, steps, haltOnFailure && !(forward && op.onFailure === 'DO_NOTHING'));
	if (op.phase === 'create' && op.deadline !== undefined && !op.halted && op.tasks.some((t) => t.state === 'running')) {
		// Wake at the deadline too, not only when the next resource reports.
		if (Date.parse(op.deadline) < Date.parse(op.dueAt)) op.dueAt = op.deadline;
	}
}

function createTimedOut(run: OperationRun): boolean {
	return run.op.deadline !== undefined && !run.op.halted && run.nowMs >= Date.parse(run.op.deadline);
}

/** Cancels the running tasks of a forward phase (CancelUpdateStack). */
export function cancelRunning(run: OperationRun): void {
	const { steps } = STEPS[run.op.phase];
	run.op.halted = true;
	for (const task of run.op.tasks) if (task.state === 'running') steps.cancel?.(run, task);
}

function beginPhase(run: OperationRun, phase: PhaseKind, tasks: TaskState[]): void {
	run.op.phase = phase;
	run.op.tasks = tasks;
	run.op.halted = false;
	run.op.phaseFailures = [];
}

const task = (logicalId: string, after: readonly string[]): TaskState => ({ logicalId, after: [...after], state: 'waiting' });

/** Tasks in creation order: each waits for what it depends on. */
function forward(ids: readonly string[], graph: DependencyGraph | undefined): TaskState[] {
	const set = new Set(ids);
	return ids.map((id) => task(id, (graph?.dependencies[id] ?? []).filter((d) => set.has(d))));
}

/** Tasks in deletion order: each waits for what depends on it. */
function backward(ids: readonly string[], graph: DependencyGraph | undefined): TaskState[] {
	const set = new Set(ids);
	return ids.map((id) => task(id, (graph?.dependents[id] ?? []).filter((d) => set.has(d))));
}

/** The export names the plan's kept resources and outputs import; a missing export fails the stack. */
function checkImports(run: OperationRun, stack: StackRecord, plan: StackPlan): boolean {
	try {
		const values = [...plan.resources.flatMap((r) => [r.properties, r.metadata]), ...plan.outputs.flatMap((o) => [o.value, o.exportName])];
		stack.imports = importedNames(values, run.resolveContext(plan));
		return true;
	} catch (e) {
		if (!isAwsError(e)) throw e;
		run.op.stackFailure = e.message;
		run.op.halted = true;
		return false;
	}
}

// ---------------------------------------------------------------------------------------------
// Create, and what follows a failed create
// ---------------------------------------------------------------------------------------------

/** A template with transforms gets one more stack event before its resources ([EV24]). */
function logTransforms(run: OperationRun, stack: StackRecord, plan: StackPlan): void {
	const state = run.state();
	if (state && plan.template.model.transforms.length > 0) logStackStatus(state, stack, run.nowMs, stack.status, REASON.transformationSucceeded);
}

/** Create and update walk the plan forward the same way; only the phase (and so the steps) differ. */
function startForwardPhase(run: OperationRun, phase: 'create' | 'update'): void {
	const stack = run.stack();
	const plan = run.plan();
	beginPhase(run, phase, []);
	if (!stack || !plan) return;
	logTransforms(run, stack, plan);
	if (!checkImports(run, stack, plan)) return;
	if (phase === 'update' && !checkRemovals(run)) {
		run.op.halted = true;
		return;
	}
	run.op.tasks = forward(
		plan.resources.map((r) => r.logicalId),
		plan.graph
	);
	runTasks(run);
}

export const startCreatePhase = (run: OperationRun): void => startForwardPhase(run, 'create');

/** The stack reason after a failed create, before what happens next is appended. */
function createFailureBase(run: OperationRun): string {
	if (run.op.stackFailure !== undefined) return run.op.stackFailure.endsWith('.') ? run.op.stackFailure : `${run.op.stackFailure}.`;
	return REASON.failedToCreate(inTemplateOrder(run, run.op.createFailures));
}

/** Logical IDs as the template lists them (AWS's own order in these lists is not documented). */
function inTemplateOrder(run: OperationRun, ids: readonly string[]): string[] {
	const order = [...(run.plan()?.resources.map((r) => r.logicalId) ?? []), ...(run.otherPlan()?.resources.map((r) => r.logicalId) ?? [])];
	const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
	return [...ids].sort((a, b) => rank(a) - rank(b));
}

export function logCreateFailed(run: OperationRun): void {
	const state = run.state();
	const stack = run.stack();
	if (state && stack) logStackStatus(state, stack, run.nowMs, 'CREATE_FAILED', createFailureBase(run));
}

export function startRollbackPhase(run: OperationRun): void {
	const state = run.state();
	const stack = run.stack();
	if (!state || !stack) return beginPhase(run, 'rollback', []);
	stack.lastUpdatedTime = run.now;
	// RollbackStack logged its own "User Initiated" event when it was called.
	if (run.op.operation !== 'ROLLBACK') logStackStatus(state, stack, run.nowMs, 'ROLLBACK_IN_PROGRESS', REASON.rollbackRequested(createFailureBase(run)));
	startDeletion(run, 'rollback');
}

export function startDeleteAfterFailurePhase(run: OperationRun): void {
	const state = run.state();
	const stack = run.stack();
	if (!state || !stack) return beginPhase(run, 'rollback', []);
	stack.deletionTime = run.now;
	logStackStatus(state, stack, run.nowMs, 'DELETE_IN_PROGRESS', REASON.deleteRequested(createFailureBase(run)));
	startDeletion(run, 'rollback');
}

export function startDeletePhase(run: OperationRun): void {
	startDeletion(run, 'delete');
}

function startDeletion(run: OperationRun, phase: 'rollback' | 'delete'): void {
	const stack = run.stack();
	const ids = (stack?.resources ?? []).filter((r) => r.status !== 'DELETE_COMPLETE' && r.status !== 'DELETE_SKIPPED').map((r) => r.logicalId);
	beginPhase(run, phase, backward(inTemplateOrder(run, ids), run.plan()?.graph));
	runTasks(run);
}

export function logRollbackComplete(run: OperationRun): void {
	logFinal(run, 'ROLLBACK_COMPLETE', undefined, true);
}

export function logRollbackFailed(run: OperationRun): void {
	logFinal(run, 'ROLLBACK_FAILED', REASON.failedToDelete(inTemplateOrder(run, run.op.phaseFailures)));
}

export function logCreateComplete(run: OperationRun): void {
	logFinal(run, 'CREATE_COMPLETE');
}

export function logDeleteComplete(run: OperationRun): void {
	logFinal(run, 'DELETE_COMPLETE');
}

export function logDeleteFailed(run: OperationRun): void {
	logFinal(run, 'DELETE_FAILED', REASON.failedToDelete(inTemplateOrder(run, run.op.phaseFailures)));
}

function logFinal(run: OperationRun, status: StackRecord['status'], reason?: string, keepReason = false): void {
	const state = run.state();
	const stack = run.stack();
	if (!state || !stack) return;
	const kept = stack.reason;
	logStackStatus(state, stack, run.nowMs, status, reason);
	// DescribeStacks keeps the failure's reason on ROLLBACK_COMPLETE and UPDATE_ROLLBACK_COMPLETE (the event itself has none).
	if (keepReason && reason === undefined && kept !== undefined) stack.reason = kept;
	delete stack.operationJobId;
	// A StackPolicyDuringUpdateBody lasts for its update only.
	delete stack.stackPolicyDuringUpdate;
}

// ---------------------------------------------------------------------------------------------
// Update, its cleanup, its rollback and the rollback's cleanup
// ---------------------------------------------------------------------------------------------

export const startUpdatePhase = (run: OperationRun): void => startForwardPhase(run, 'update');

export function startUpdateCleanupPhase(run: OperationRun): void {
	const state = run.state();
	const stack = run.stack();
	if (!state || !stack) return beginPhase(run, 'updateCleanup', []);
	logStackStatus(state, stack, run.nowMs, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
	const ids = stack.resources.filter((r) => r.obsolete !== undefined || removesRecord(run, r, 'update')).map((r) => r.logicalId);
	// Removed resources are ordered by the template they came from.
	beginPhase(run, 'updateCleanup', backward(ids, run.otherPlan()?.graph));
	runTasks(run);
}

export function logUpdateComplete(run: OperationRun): void {
	settleUpdate(run);
	// UpdateStack's StackPolicyBody becomes the stack's policy once the update has succeeded: it
	// does not govern the update that sets it.
	const stack = run.stack();
	if (stack && run.op.newStackPolicy !== undefined) stack.stackPolicyBody = run.op.newStackPolicy;
	logFinal(run, 'UPDATE_COMPLETE');
}

/**
 * A failed update with DisableRollback stops at UPDATE_FAILED: what was updated stays updated,
 * what failed stays failed, and the bookkeeping (the old revision, each resource's old copy) is
 * kept for a retry, a RollbackStack or a DeleteStack.
 */
export function logUpdateFailed(run: OperationRun): void {
	logFinal(run, 'UPDATE_FAILED', updateFailureReason(run));
}

/** The reason UPDATE_ROLLBACK_IN_PROGRESS gives: what failed to create, then what failed to update ([EV20], [EV17]). */
function updateFailureReason(run: OperationRun): string {
	if (run.op.stackFailure !== undefined) return run.op.stackFailure;
	const parts: string[] = [];
	if (run.op.createFailures.length > 0) parts.push(REASON.failedToCreate(inTemplateOrder(run, run.op.createFailures)));
	if (run.op.updateFailures.length > 0) parts.push(REASON.failedToUpdate(inTemplateOrder(run, run.op.updateFailures)));
	return parts.join('');
}

export function startUpdateRollbackPhase(run: OperationRun): void {
	const state = run.state();
	const stack = run.stack();
	if (!state || !stack) return beginPhase(run, 'updateRollback', []);
	if (run.op.operation === 'ROLLBACK') {
		// RollbackStack from UPDATE_FAILED: its "User Initiated" event is logged; the old revision comes back.
		swapRevisions(stack);
		stack.lastUpdatedTime = run.now;
	} else if (run.op.operation !== 'CONTINUE_UPDATE_ROLLBACK') {
		swapRevisions(stack);
		stack.lastUpdatedTime = run.now;
		logStackStatus(state, stack, run.nowMs, 'UPDATE_ROLLBACK_IN_PROGRESS', updateFailureReason(run));
	}
	const ids = stack.resources.filter((r) => r.before !== undefined && !r.added).map((r) => r.logicalId);
	beginPhase(run, 'updateRollback', forward(ids, run.plan()?.graph));
	runTasks(run);
}

export function logUpdateRollbackFailed(run: OperationRun): void {
	logFinal(run, 'UPDATE_ROLLBACK_FAILED', REASON.failedToUpdate(inTemplateOrder(run, run.op.phaseFailures)));
}

export function startRollbackCleanupPhase(run: OperationRun): void {
	const state = run.state();
	const stack = run.stack();
	if (!state || !stack) return beginPhase(run, 'rollbackCleanup', []);
	const kept = stack.reason;
	logStackStatus(state, stack, run.nowMs, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
	if (kept !== undefined) stack.reason = kept;
	const ids = stack.resources.filter((r) => r.obsolete !== undefined || r.added).map((r) => r.logicalId);
	// What the failed update created is ordered by the failed template.
	beginPhase(run, 'rollbackCleanup', backward(ids, run.otherPlan()?.graph));
	runTasks(run);
}

export function logUpdateRollbackComplete(run: OperationRun): void {
	settleUpdate(run);
	logFinal(run, 'UPDATE_ROLLBACK_COMPLETE', undefined, true);
}

/** The update (or its rollback) is over: no resource keeps its bookkeeping, the stack one revision. */
function settleUpdate(run: OperationRun): void {
	const stack = run.stack();
	if (!stack) return;
	for (const r of stack.resources) {
		delete r.before;
		delete r.added;
		delete r.obsolete;
		delete r.policyDenied;
	}
	delete stack.previous;
}

/** Swaps the stack's revision with the one it is moving away from (an update's rollback starts). */
export function swapRevisions(stack: StackRecord): void {
	const other = stack.previous;
	if (!other) return;
	stack.previous = {
		templateBody: stack.templateBody,
		parameters: stack.parameters,
		noEcho: stack.noEcho,
		...(stack.description !== undefined ? { description: stack.description } : {}),
		tags: stack.tags,
		capabilities: stack.capabilities,
		imports: stack.imports
	};
	stack.templateBody = other.templateBody;
	stack.parameters = other.parameters;
	stack.noEcho = other.noEcho;
	if (other.description === undefined) delete stack.description;
	else stack.description = other.description;
	stack.tags = other.tags;
	stack.capabilities = other.capabilities;
	stack.imports = other.imports;
}
