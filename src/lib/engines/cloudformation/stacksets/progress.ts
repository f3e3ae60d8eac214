// One tick of a running stack set operation: move each running target on, then decide what the
// operation does next (preferences.ts says in what order and how many at once):
//   RUNNING ─▶ SUCCEEDED                 every target done within each Region's failure tolerance
//           ─▶ FAILED                    a Region exceeded its tolerance: what had not started is
//                                        CANCELLED ("Cancelled since failure tolerance has exceeded"),
//                                        what runs finishes first
//           ─▶ STOPPING ─▶ STOPPED       StopStackSetOperation: the same, at the caller's request
import { cancel } from './outcomes';
import type { StackSetTickEnvironment } from './environment';
import type { StackSetJobContext } from './job';
import { REASON } from './messages';
import { concurrency, isParallel, regionsOf, toleranceExceeded } from './preferences';
import { iso, type OperationRun } from './run';
import { isOperationOver, stackSetsIn, type TargetRecord } from './state';
import { startTarget, stepTarget } from './targets';
import { POLL_MS } from './timing';

const waiting = (t: TargetRecord) => t.status === 'PENDING' || t.status === 'RUNNING';

function end(run: OperationRun, status: 'SUCCEEDED' | 'FAILED' | 'STOPPED'): true {
	run.op.status = status;
	run.op.endTimestamp = run.now;
	return true;
}

function startTargets(run: OperationRun): void {
	const { op } = run;
	const regions = regionsOf(op);
	const active = isParallel(op) ? regions : regions.filter((r) => op.targets.some((t) => t.region === r && waiting(t))).slice(0, 1);
	for (const region of active) {
		const here = op.targets.filter((t) => t.region === region);
		let room = concurrency(op, region) - here.filter((t) => t.status === 'RUNNING').length;
		for (const t of here) {
			if (room <= 0) break;
			if (t.status !== 'PENDING') continue;
			startTarget(run, t);
			room -= 1;
		}
	}
}

/** Whether the operation is over after this tick. */
function decide(run: OperationRun): boolean {
	const { op } = run;
	const stopping = op.status === 'STOPPING';
	if (stopping || regionsOf(op).some((r) => toleranceExceeded(op, r))) {
		for (const t of op.targets) if (t.status === 'PENDING') cancel(run, t, stopping ? REASON.stopped : REASON.toleranceExceeded);
		if (op.targets.some((t) => t.status === 'RUNNING')) return false;
		return end(run, stopping ? 'STOPPED' : 'FAILED');
	}
	startTargets(run);
	return op.targets.some(waiting) ? false : end(run, 'SUCCEEDED');
}

/** The next instant the operation needs the clock: a role check falling due, or the next look at its stacks. */
function nextWake(run: OperationRun): string {
	let next = run.nowMs + POLL_MS;
	for (const t of run.op.targets) {
		if (t.status !== 'RUNNING' || t.step === 'stack' || t.dueAt === undefined) continue;
		const due = Date.parse(t.dueAt);
		if (due > run.nowMs) next = Math.min(next, due);
	}
	return iso(next);
}

/** Moves the job's operation on; marks the job finished when the operation is over (or gone). */
export function advanceOperation(job: StackSetJobContext, env: StackSetTickEnvironment | undefined): void {
	const host = env?.stackSets;
	const admin = host?.state(job.accountId, job.region);
	const set = admin ? stackSetsIn(admin).find((s) => s.stackSetId === job.stackSetId) : undefined;
	const op = set?.operations.find((o) => o.operationId === job.operationId);
	if (!host || !admin || !set || !op || isOperationOver(op.status)) {
		job.finished = true;
		return;
	}
	const nowMs = host.clock.nowMs();
	const run: OperationRun = { host, admin, set, op, nowMs, now: iso(nowMs) };
	for (const t of op.targets) if (t.status === 'RUNNING') stepTarget(run, t);
	if (decide(run)) job.finished = true;
	else job.dueAt = nextWake(run);
}
