// A stack set operation as a job on the world's clock. The machine is small because the
// operation's progress is the stack set's own state (progress.ts moves it on each tick, with the
// world handed in as `env`): `running` until a tick ends the operation, then done. A restored
// world resumes the operation from the state alone.
import { assign, setup } from 'xstate';
import { clonePlain } from '../../plain-data';
import type { StackSetTickEnvironment } from './environment';
import type { StackSetJobContext, StackSetJobOutput } from './job';
import { advanceOperation } from './progress';

/** The clock reached the job's due instant (the world sends this, with what the job may use as `env`). */
export interface StackSetClockEvent {
	type: 'clock.tick';
	now: string;
	env?: StackSetTickEnvironment;
}

export const stackSetOperationMachine = setup({
	types: {
		context: {} as StackSetJobContext,
		input: {} as StackSetJobContext,
		events: {} as StackSetClockEvent,
		output: {} as StackSetJobOutput
	},
	actions: {
		advance: assign(({ context, event }) => {
			const next = clonePlain(context);
			advanceOperation(next, event.env);
			return next;
		})
	},
	guards: {
		finished: ({ context }) => context.finished
	}
}).createMachine({
	id: 'stackSetOperation',
	context: ({ input }) => input,
	initial: 'running',
	states: {
		running: {
			on: { 'clock.tick': { actions: 'advance' } },
			always: { guard: 'finished', target: 'done' }
		},
		done: { type: 'final' }
	},
	output: ({ context }) => ({ accountId: context.accountId, region: context.region, stackSetId: context.stackSetId, operationId: context.operationId })
});
