// The world's queue of timed jobs: start an actor, persist it, and wake the due ones in time order.
import { createActor, type AnyStateMachine } from 'xstate';
import { AwsError } from '../errors';
import { imageScanMachine, type ImageScanContext } from './imageScanMachine';
import type { ClockEvent, JobState } from './job';
import { lifecyclePreviewMachine, type LifecyclePreviewContext } from './lifecyclePreviewMachine';
import { replicationMachine, type ReplicationContext } from './replicationMachine';
import { stackOperationMachine, type StackOperationOutput } from '../cloudformation/stacks/stackOperationMachine';
import type { StackOperationContext } from '../cloudformation/stacks/operation-context';
import { driftDetectionMachine, type DriftDetectionContext, type DriftDetectionOutput } from '../cloudformation/stacks/driftDetectionMachine';
import { stackSetOperationMachine } from '../cloudformation/stacksets/stackSetOperationMachine';
import type { StackSetJobContext, StackSetJobOutput } from '../cloudformation/stacksets/job';

// One machine per kind; typed loosely here because the queue holds every kind at once.
const machines: Record<string, AnyStateMachine> = {
	imageScan: imageScanMachine,
	replication: replicationMachine,
	lifecyclePreview: lifecyclePreviewMachine,
	stackOperation: stackOperationMachine,
	driftDetection: driftDetectionMachine,
	stackSetOperation: stackSetOperationMachine
};

const machineFor = (kind: string): AnyStateMachine => {
	const m = machines[kind];
	if (!m) throw new AwsError('InternalFailure', `The saved world has a job of unknown kind ${kind}.`, { fault: 'server' });
	return m;
};

/**
 * An actor revived from a persisted snapshot. XState reports a snapshot it cannot revive (or an
 * action that throws) to the actor's observers, and with none it rethrows later from a timer,
 * outside any call; observing makes it an `error` status the queue handles (by dropping the job).
 */
function revive(job: JobState) {
	const actor = createActor(machineFor(job.kind), { snapshot: job.snapshot as never });
	actor.subscribe({ error: () => undefined });
	actor.start();
	return actor;
}

export interface JobContexts {
	imageScan: ImageScanContext;
	replication: ReplicationContext;
	lifecyclePreview: LifecyclePreviewContext;
	stackOperation: StackOperationContext;
	driftDetection: DriftDetectionContext;
	stackSetOperation: StackSetJobContext;
}

export type JobKind = keyof JobContexts;

/** The kinds whose machine is a plain timer that outputs its context (ECR's). */
export type TimerJobKind = Exclude<JobKind, 'stackOperation' | 'driftDetection' | 'stackSetOperation'>;

export type FinishedJob = { [K in TimerJobKind]: { kind: K; output: JobContexts[K] } }[TimerJobKind];

/** A finished stack operation: which stack (its final status is on the stack). */
export interface FinishedStackOperation {
	kind: 'stackOperation';
	output: StackOperationOutput;
}

/** A finished DetectStackDrift run: which one (its results are in the Region's drift state). */
export interface FinishedDriftDetection {
	kind: 'driftDetection';
	output: DriftDetectionOutput;
}

/** A finished stack set operation: which one (its status is in the stack set's record). */
export interface FinishedStackSetOperation {
	kind: 'stackSetOperation';
	output: StackSetJobOutput;
}

export type AnyFinishedJob = FinishedJob | FinishedStackOperation | FinishedDriftDetection | FinishedStackSetOperation;

export const JOB_KINDS: readonly JobKind[] = ['imageScan', 'replication', 'lifecyclePreview', 'stackOperation', 'driftDetection', 'stackSetOperation'];

export interface JobsState {
	jobs: JobState<JobKind>[];
	sequence: number;
}

export const emptyJobs = (): JobsState => ({ jobs: [], sequence: 0 });

/** Starts a job's actor and keeps its persisted snapshot; the world wakes it at `context.dueAt`. */
export function scheduleJob<K extends JobKind>(state: JobsState, kind: K, context: JobContexts[K]): JobState<K> {
	const actor = createActor(machineFor(kind), { input: context });
	actor.start();
	state.sequence += 1;
	const job: JobState<K> = { id: `${kind}-${state.sequence}`, kind, dueAt: context.dueAt, snapshot: actor.getPersistedSnapshot(), payload: context };
	actor.stop();
	state.jobs.push(job);
	return job;
}

/** The earliest instant (ms) at which some job wants the clock, if any. */
export function nextDue(state: JobsState): number | undefined {
	let next: number | undefined;
	for (const j of state.jobs) {
		const t = Date.parse(j.dueAt);
		if (!Number.isFinite(t)) continue;
		if (next === undefined || t < next) next = t;
	}
	return next;
}

/**
 * Sends the time to every job due by `now`, in due order (ties by creation), and returns the
 * ones that finished with their output. Jobs scheduled while handling outputs wait for the next
 * call. `env` goes with the tick to jobs that act on the world while they run.
 */
export function tickJobs(state: JobsState, now: string, env?: unknown): AnyFinishedJob[] {
	const nowMs = Date.parse(now);
	const due = state.jobs
		.filter((j) => Date.parse(j.dueAt) <= nowMs)
		.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || Number(a.id.split('-').pop()) - Number(b.id.split('-').pop()));
	const finished: AnyFinishedJob[] = [];
	for (const job of due) {
		if (!state.jobs.includes(job)) continue;
		const actor = revive(job);
		actor.send({ type: 'clock.tick', now, ...(env === undefined ? {} : { env }) } satisfies ClockEvent);
		const snap = actor.getSnapshot() as { status: string; output?: unknown };
		if (snap.status === 'done') {
			state.jobs.splice(state.jobs.indexOf(job), 1);
			finished.push({ kind: job.kind, output: snap.output } as AnyFinishedJob);
		} else {
			// Still waiting: for the instant its own context names. A job that will never finish
			// (only a damaged save can hold one) is dropped rather than woken forever.
			const waitsFor = (snap as { context?: { dueAt?: unknown } }).context?.dueAt;
			if (typeof waitsFor !== 'string' || !(Date.parse(waitsFor) > nowMs)) {
				state.jobs.splice(state.jobs.indexOf(job), 1);
			} else {
				job.dueAt = waitsFor;
				job.snapshot = actor.getPersistedSnapshot();
			}
		}
		actor.stop();
	}
	return finished;
}

/**
 * Sends an event other than the clock to one job (CancelUpdateStack to a running update) and
 * persists the result; returns the job's output if the event finished it.
 */
export function signalJob(state: JobsState, jobId: string, event: { type: string; [key: string]: unknown }): AnyFinishedJob | undefined {
	const job = state.jobs.find((j) => j.id === jobId);
	if (!job) return undefined;
	const actor = revive(job);
	actor.send(event as never);
	const snap = actor.getSnapshot() as { status: string; output?: unknown; context?: { dueAt?: unknown } };
	const persisted = actor.getPersistedSnapshot();
	actor.stop();
	if (snap.status === 'done') {
		state.jobs.splice(state.jobs.indexOf(job), 1);
		return { kind: job.kind, output: snap.output } as AnyFinishedJob;
	}
	if (snap.status !== 'active') {
		state.jobs.splice(state.jobs.indexOf(job), 1);
		return undefined;
	}
	if (typeof snap.context?.dueAt === 'string') job.dueAt = snap.context.dueAt;
	job.snapshot = persisted;
	return undefined;
}

/** Jobs of a kind that match a test, e.g. the scan in progress for one image. */
export const pendingJobs = <K extends JobKind>(state: JobsState, kind: K, test: (c: JobContexts[K]) => boolean): JobState<K>[] =>
	state.jobs.filter((j): j is JobState<K> => j.kind === kind && test(j.payload as JobContexts[K]));
