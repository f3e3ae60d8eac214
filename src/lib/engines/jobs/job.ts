// Work that takes time in AWS (a scan, a replication, a lifecycle preview) is an XState actor
// whose persisted snapshot lives in the world's JSON. The world's clock drives it: when time
// reaches a job's due instant the world restores the actor, sends it the time, and applies what
// it outputs. Nothing here reads the wall clock, so a world replays identically.
import { setup } from 'xstate';

/**
 * The one event a timed job receives: the world's clock has moved to `now`. `env` is what the
 * world lends a job that acts on it while it runs (a stack operation); it is never persisted.
 */
export interface ClockEvent {
	type: 'clock.tick';
	now: string;
	env?: unknown;
}

/** What every job's machine keeps in its context. */
export interface TimedContext {
	startedAt: string;
	dueAt: string;
}

export const isDue = ({ context, event }: { context: TimedContext; event: ClockEvent }) => Date.parse(event.now) >= Date.parse(context.dueAt);

export interface JobState<K extends string = string, P = unknown> {
	id: string;
	kind: K;
	/** When the world must next wake the actor. */
	dueAt: string;
	/** The actor's persisted snapshot (plain JSON). */
	snapshot: unknown;
	/** Kept beside the snapshot so the world can route the output without restoring the actor. */
	payload: P;
}

/**
 * The machine every timed job shares: running until the clock reaches its due instant, then done,
 * outputting its context for the world to act on. Kinds differ in their context and in what the
 * world does with the output.
 */
export function timedJobMachine<C extends TimedContext>(id: string) {
	return setup({
		types: { context: {} as C, input: {} as C, events: {} as ClockEvent, output: {} as C },
		guards: { isDue }
	}).createMachine({
		id,
		context: ({ input }) => input,
		initial: 'running',
		states: {
			running: { on: { 'clock.tick': { guard: 'isDue', target: 'done' } } },
			done: { type: 'final' }
		},
		output: ({ context }) => context
	});
}
