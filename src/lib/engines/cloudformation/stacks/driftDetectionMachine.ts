// One DetectStackDrift run as a machine on the world's clock: DETECTION_IN_PROGRESS from the call
// until its due instant, then the resources are read and the run is DETECTION_COMPLETE (or
// DETECTION_FAILED). AWS: "DetectStackDrift can take up to several minutes, depending on the number
// of resources contained within the stack"; the simulator takes a few virtual seconds (drift.ts,
// driftDetectionMs). The context is plain JSON the world persists with its jobs; the world lends
// itself as `env` with the tick that finishes the run.
import { setup } from 'xstate';
import { isDue, type TimedContext } from '../../jobs/job';
import { finishDriftDetection } from './drift-run';
import type { OperationCaller, StackEnvironment } from './environment';

export interface DriftDetectionContext extends TimedContext {
	accountId: string;
	region: string;
	stackId: string;
	stackName: string;
	detectionId: string;
	/** Who reads the resources: the stack's service role, or the caller of DetectStackDrift. */
	caller: OperationCaller;
	/** The resources this run checks, fixed when it starts (LogicalResourceIds, or all of them). */
	logicalIds: string[];
	/** Their types, so a restored world has their schemas before the run finishes. */
	resourceTypes: string[];
}

/** The clock reached the run's due instant. */
export interface DriftClockEvent {
	type: 'clock.tick';
	now: string;
	env: StackEnvironment;
}

/** Which run finished (its results are in the Region's drift state). */
export interface DriftDetectionOutput {
	accountId: string;
	region: string;
	stackId: string;
	stackName: string;
	detectionId: string;
}

export const driftDetectionMachine = setup({
	types: {
		context: {} as DriftDetectionContext,
		input: {} as DriftDetectionContext,
		events: {} as DriftClockEvent,
		output: {} as DriftDetectionOutput
	},
	actions: {
		detect: ({ context, event }) => finishDriftDetection(context, event.env, event.now)
	},
	guards: { isDue }
}).createMachine({
	id: 'driftDetection',
	context: ({ input }) => input,
	initial: 'detecting',
	states: {
		detecting: { on: { 'clock.tick': { guard: 'isDue', target: 'complete', actions: 'detect' } } },
		complete: { type: 'final' }
	},
	output: ({ context }) => ({ accountId: context.accountId, region: context.region, stackId: context.stackId, stackName: context.stackName, detectionId: context.detectionId })
});

export const DRIFT_DETECTION_STATES: readonly string[] = Object.keys(driftDetectionMachine.config.states ?? {});
