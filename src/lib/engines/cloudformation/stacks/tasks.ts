// Running a phase's tasks on the world clock, as CloudFormation does: a resource starts as soon
// as everything it waits for is done (not wave by wave), runs for the time its provider declares,
// and tasks due at the same instant report in the order they started. In the forward phases
// (create, update) the first failure halts the phase and cancels what is still running; in the
// deleting phases a failure only blocks what waits for it.
import type { OperationRun } from './run';
import type { TaskState } from './operation-context';

export interface PhaseSteps {
	/** Start a ready task: log its first event and decide what it reports when due. */
	start(run: OperationRun, task: TaskState): void;
	/** The task is due: report, or move to its next stage (a new `dueAt`). */
	advance(run: OperationRun, task: TaskState): void;
	/** Cancel a running task because another one failed (forward phases only). */
	cancel?(run: OperationRun, task: TaskState): void;
}

function isReady(task: TaskState, byId: ReadonlyMap<string, TaskState>): boolean {
	if (task.state !== 'waiting') return false;
	for (const id of task.after) {
		const dep = byId.get(id);
		if (dep && dep.state !== 'done') return false;
	}
	return true;
}

/** Sets a running task's next instant. */
export function runFor(run: OperationRun, task: TaskState, ms: number, finish: NonNullable<TaskState['finish']>): void {
	task.state = 'running';
	task.dueAt = new Date(run.nowMs + Math.max(0, ms)).toISOString();
	task.finish = finish;
	if (task.order === undefined) task.order = run.op.started++;
}

/** Marks a task over. */
export function endTask(task: TaskState, state: 'done' | 'failed' | 'cancelled'): void {
	task.state = state;
	delete task.dueAt;
	delete task.finish;
}

/** Advances the phase to the run's instant, then sets the operation's next wake-up. */
export function runTasks(run: OperationRun, steps: PhaseSteps, haltOnFailure: boolean): void {
	const { op } = run;
	const nowMs = run.nowMs;
	const byId = new Map(op.tasks.map((t) => [t.logicalId, t]));
	for (let guard = 0; guard < 100_000; guard++) {
		let progressed = false;
		const due = op.tasks
			.filter((t) => t.state === 'running' && Date.parse(t.dueAt as string) <= nowMs)
			.sort((a, b) => Date.parse(a.dueAt as string) - Date.parse(b.dueAt as string) || (a.order ?? 0) - (b.order ?? 0));
		for (const task of due) {
			if (task.state !== 'running') continue; // cancelled by a failure reported just before
			steps.advance(run, task);
			progressed = true;
			// advance() may have ended the task; TypeScript still sees the 'running' checked above.
			if ((task.state as TaskState['state']) === 'failed' && haltOnFailure) halt(run, steps);
		}
		if (!op.halted) {
			for (const task of op.tasks) {
				if (!isReady(task, byId)) continue;
				if (task.order === undefined) task.order = op.started++;
				steps.start(run, task);
				progressed = true;
				if (task.state === 'failed' && haltOnFailure) {
					halt(run, steps);
					break;
				}
			}
		}
		if (!progressed) break;
	}
	let next: number | undefined;
	for (const t of op.tasks) {
		if (t.state !== 'running') continue;
		const at = Date.parse(t.dueAt as string);
		if (next === undefined || at < next) next = at;
	}
	op.dueAt = new Date(next ?? nowMs).toISOString();
}

function halt(run: OperationRun, steps: PhaseSteps): void {
	run.op.halted = true;
	for (const task of run.op.tasks) {
		if (task.state !== 'running') continue;
		if (steps.cancel) steps.cancel(run, task);
		else endTask(task, 'cancelled');
	}
}

/** No task is running and none can start: the phase is over. */
export function phaseOver(tasks: readonly TaskState[], halted: boolean): boolean {
	const byId = new Map(tasks.map((t) => [t.logicalId, t]));
	for (const t of tasks) {
		if (t.state === 'running') return false;
		if (!halted && isReady(t, byId)) return false;
	}
	return true;
}
