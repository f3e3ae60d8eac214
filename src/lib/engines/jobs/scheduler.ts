// The world's queue of timed jobs: start an actor, persist it, and wake the due ones in time order.
import { createActor, type AnyStateMachine } from 'xstate';
import { AwsError } from '../errors';
import { imageScanMachine, type ImageScanContext } from './imageScanMachine';
import type { ClockEvent, JobState } from './job';
import { lifecyclePreviewMachine, type LifecyclePreviewContext } from './lifecyclePreviewMachine';
import { replicationMachine, type ReplicationContext } from './replicationMachine';

// One machine per kind; typed loosely here because the queue holds every kind at once.
const machines: Record<string, AnyStateMachine> = {
	imageScan: imageScanMachine,
	replication: replicationMachine,
	lifecyclePreview: lifecyclePreviewMachine
};

const machineFor = (kind: string): AnyStateMachine => {
	const m = machines[kind];
	if (!m) throw new AwsError('InternalFailure', `The saved world has a job of unknown kind ${kind}.`, { fault: 'server' });
	return m;
};

export interface JobContexts {
	imageScan: ImageScanContext;
	replication: ReplicationContext;
	lifecyclePreview: LifecyclePreviewContext;
}

export type JobKind = keyof JobContexts;

export type FinishedJob = { [K in JobKind]: { kind: K; output: JobContexts[K] } }[JobKind];

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
 * ones that finished with their output. Jobs scheduled while handling outputs wait for the next call.
 */
export function tickJobs(state: JobsState, now: string): FinishedJob[] {
	const nowMs = Date.parse(now);
	const due = state.jobs
		.filter((j) => Date.parse(j.dueAt) <= nowMs)
		.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || Number(a.id.split('-').pop()) - Number(b.id.split('-').pop()));
	const finished: FinishedJob[] = [];
	for (const job of due) {
		const actor = createActor(machineFor(job.kind), { snapshot: job.snapshot as never });
		actor.start();
		actor.send({ type: 'clock.tick', now } satisfies ClockEvent);
		const snap = actor.getSnapshot() as { status: string; output?: unknown };
		if (snap.status === 'done') {
			state.jobs.splice(state.jobs.indexOf(job), 1);
			finished.push({ kind: job.kind, output: snap.output } as FinishedJob);
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

/** Jobs of a kind that match a test, e.g. the scan in progress for one image. */
export const pendingJobs = <K extends JobKind>(state: JobsState, kind: K, test: (c: JobContexts[K]) => boolean): JobState<K>[] =>
	state.jobs.filter((j): j is JobState<K> => j.kind === kind && test(j.payload as JobContexts[K]));
