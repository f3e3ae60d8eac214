// The end of a DetectStackDrift run: when the clock reaches it, every resource the run covers is
// read and compared, so the results are those of that instant (a change made while the run was
// in progress counts; one made after it does not). Then the run, the stack's DriftInformation and
// each resource's result are recorded, as DescribeStackDriftDetectionStatus, DescribeStacks and
// DescribeStackResourceDrifts show them.
import type { StackDriftStatus } from '@aws-sdk/client-cloudformation';
import { isDetectable, resourceChecker } from './drift-check';
import type { DriftState } from './drift-state';
import type { DriftDetectionContext } from './driftDetectionMachine';
import type { StackEnvironment } from './environment';
import type { CloudFormationState } from './state';

export function driftStateOf(state: CloudFormationState): DriftState {
	state.drift ??= { detections: [], stacks: {}, resources: {} };
	return state.drift;
}

/**
 * DETECTION_FAILED's reason, as real runs write it (aws-cloudformation/cloudformation-coverage-roadmap
 * #801: `{"Summary":"Failed to detect drift on resources [A,B]","Failures":[{"Resource":"A","FailureReason":"Rate exceeded"},…]}`).
 */
export function failedDetectionReason(failures: readonly { Resource: string; FailureReason: string }[]): string {
	return JSON.stringify({ Summary: `Failed to detect drift on resources [${failures.map((f) => f.Resource).join(',')}]`, Failures: failures });
}

export function finishDriftDetection(c: DriftDetectionContext, env: StackEnvironment, now: string): void {
	const state = env.cloudformation(c.accountId, c.region);
	const detection = state?.drift?.detections.find((d) => d.id === c.detectionId);
	if (!state || !detection) return;
	const drift = driftStateOf(state);
	const stack = state.stacks.find((s) => s.stackId === c.stackId);
	const results = (drift.resources[c.stackId] ??= {});
	const failures: { Resource: string; FailureReason: string }[] = [];
	let drifted = 0;
	if (stack) {
		const check = resourceChecker({ accountId: c.accountId, region: c.region, caller: c.caller, providers: env.providers, providerContext: env.providerContext }, stack);
		for (const logicalId of c.logicalIds) {
			// A resource deleted by an update meanwhile is no longer the stack's to check.
			const r = stack.resources.find((x) => x.logicalId === logicalId);
			if (!r || !isDetectable(r)) continue;
			const result = check(r, now);
			if (result.failure !== undefined) {
				// AWS: "Results will be available for resources on which CloudFormation successfully completed drift detection."
				failures.push({ Resource: logicalId, FailureReason: result.failure });
				continue;
			}
			results[logicalId] = result.drift;
			if (result.drift.status === 'MODIFIED' || result.drift.status === 'DELETED') drifted++;
		}
	}
	// UNKNOWN: "CloudFormation could not run drift detection for a resource in the stack" (API reference);
	// a failed run that still found drift says DRIFTED (unverified precedence).
	const status: StackDriftStatus = drifted > 0 ? 'DRIFTED' : failures.length > 0 ? 'UNKNOWN' : 'IN_SYNC';
	detection.stackDriftStatus = status;
	if (failures.length > 0) {
		detection.detectionStatus = 'DETECTION_FAILED';
		detection.reason = failedDetectionReason(failures);
		delete detection.driftedCount;
	} else {
		detection.detectionStatus = 'DETECTION_COMPLETE';
		delete detection.reason;
		detection.driftedCount = drifted;
	}
	drift.stacks[c.stackId] = { status, lastCheck: now };
}
