// Drift detection: DetectStackDrift, DetectStackResourceDrift, DescribeStackDriftDetectionStatus
// and DescribeStackResourceDrifts. DetectStackDrift is asynchronous as in AWS: it answers with a
// StackDriftDetectionId at once, the run is DETECTION_IN_PROGRESS ("User Initiated") for a few
// virtual seconds, and the resources are read when the clock reaches its end (drift-run.ts), so
// the results are those of that instant. DetectStackResourceDrift checks one resource at once, as
// the API returns its StackResourceDrift in the response. Comparing is drift-compare.ts.
import type {
	DescribeStackDriftDetectionStatusOutput,
	DescribeStackResourceDriftsOutput,
	DetectStackDriftOutput,
	DetectStackResourceDriftOutput,
	StackDriftStatus,
	StackResourceDrift
} from '@aws-sdk/client-cloudformation';
import { ValidationError } from '../errors';
import { obj, requireStack, str, strings, type CloudFormationContext } from './context';
import { isDetectable, readerCaller, resourceChecker } from './drift-check';
import { driftStateOf } from './drift-run';
import type { ResourceDriftRecord } from './drift-state';
import { nextSequence, timeUuid } from './ids';
import { page } from './paging';
import { requireSchemas } from './schemas';
import type { StackRecord } from './state';

/** The stack statuses drift detection accepts (cfn-facts §7). */
const DRIFT_STATUSES = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'UPDATE_ROLLBACK_FAILED']);

/** Kept per Region: older detection runs are forgotten (their ids then answer as unknown). */
const MAX_DETECTIONS = 1000;

/**
 * How long a run takes, in virtual time: 2 s, plus half a second a resource. Simulated, not
 * measured; AWS only says a run "can take up to several minutes, depending on the number of
 * resources" (DetectStackDrift API reference). Three resources: 3.5 s.
 */
export const driftDetectionMs = (resources: number): number => 2_000 + 500 * resources;

/** DescribeStackDriftDetectionStatus's reason while a run is in progress (Sceptre/sceptre#1170, a real run's output). */
export const DRIFT_IN_PROGRESS_REASON = 'User Initiated';

export const DRIFT_MESSAGES = {
	/** (unverified) AWS's exact message for a stack in another status was not found. */
	notDriftable: (stackId: string, status: string) => `Stack [${stackId}] is in ${status} state and can not be checked for drift.`,
	/** (unverified) wording. */
	noSuchResource: (logicalId: string, stackName: string) => `Resource ${logicalId} does not exist for stack ${stackName}`,
	/** (unverified) wording. */
	noSuchDetection: (id: string) => `Drift detection with id ${id} does not exist`,
	/**
	 * AWS: "You can only run a single drift detection operation on a given stack at the same time."
	 * The sentence is the one users' code matches on (several projects, and an AWS Tools for
	 * PowerShell sample quoting "Drift detection is already in progress for stack"); whether AWS
	 * appends anything after it is (unverified).
	 */
	alreadyInProgress: () => 'Drift detection is already in progress for stack',
	detectionIdNull: "1 validation error detected: Value null at 'stackDriftDetectionId' failed to satisfy constraint: Member must not be null"
};

function requireDriftable(stack: StackRecord): void {
	if (!DRIFT_STATUSES.has(stack.status)) throw new ValidationError(DRIFT_MESSAGES.notDriftable(stack.stackId, stack.status));
}

function toResourceDrift(stack: StackRecord, d: ResourceDriftRecord): StackResourceDrift {
	return {
		StackId: stack.stackId,
		LogicalResourceId: d.logicalId,
		...(d.physicalId !== undefined ? { PhysicalResourceId: d.physicalId } : {}),
		ResourceType: d.type,
		...(d.expected !== undefined ? { ExpectedProperties: d.expected } : {}),
		...(d.actual !== undefined ? { ActualProperties: d.actual } : {}),
		PropertyDifferences: d.differences.map((p) => ({ ...p })),
		StackResourceDriftStatus: d.status,
		Timestamp: new Date(d.timestamp)
	};
}

// ---- operations --------------------------------------------------------------------------------

export function detectStackDrift(ctx: CloudFormationContext, raw: unknown): DetectStackDriftOutput {
	const input = obj(raw);
	const stack = requireStack(ctx, input['StackName']);
	requireDriftable(stack);
	const wanted = strings(input['LogicalResourceIds']);
	for (const id of wanted) {
		if (!stack.resources.some((r) => r.logicalId === id)) throw new ValidationError(DRIFT_MESSAGES.noSuchResource(id, stack.stackName));
	}
	const state = driftStateOf(ctx.state);
	if (state.detections.some((d) => d.stackId === stack.stackId && d.detectionStatus === 'DETECTION_IN_PROGRESS')) {
		throw new ValidationError(DRIFT_MESSAGES.alreadyInProgress());
	}
	const covered = stack.resources.filter((r) => isDetectable(r) && (wanted.length === 0 || wanted.includes(r.logicalId)));
	// Arrays are compared by their schema's insertionOrder: the schemas must be here before the run ends.
	requireSchemas(covered.map((r) => r.type));
	const nowMs = ctx.clock.nowMs();
	const seq = nextSequence(ctx.state);
	// Real ids are time-based (version 1) UUIDs, e.g. 86c17670-f67e-11eb-a5fc-067ab790b156 (Sceptre/sceptre#1170).
	const id = timeUuid(nowMs, `${stack.stackId}/drift/${seq}`, seq);
	state.detections.push({ id, stackId: stack.stackId, detectionStatus: 'DETECTION_IN_PROGRESS', timestamp: ctx.clock.now().toISOString(), reason: DRIFT_IN_PROGRESS_REASON });
	if (state.detections.length > MAX_DETECTIONS) state.detections.splice(0, state.detections.length - MAX_DETECTIONS);
	ctx.startDriftDetection(
		{
			accountId: ctx.state.accountId,
			region: ctx.region,
			stackId: stack.stackId,
			stackName: stack.stackName,
			detectionId: id,
			caller: readerCaller(ctx.caller, ctx.state.accountId, stack.roleArn),
			logicalIds: covered.map((r) => r.logicalId),
			resourceTypes: [...new Set(covered.map((r) => r.type))]
		},
		driftDetectionMs(covered.length)
	);
	return { StackDriftDetectionId: id };
}

export function describeStackDriftDetectionStatus(ctx: CloudFormationContext, raw: unknown): DescribeStackDriftDetectionStatusOutput {
	const input = obj(raw);
	const id = str(input['StackDriftDetectionId']);
	if (id === undefined || id === '') throw new ValidationError(DRIFT_MESSAGES.detectionIdNull);
	const d = ctx.state.drift?.detections.find((x) => x.id === id);
	if (!d) throw new ValidationError(DRIFT_MESSAGES.noSuchDetection(id));
	return {
		StackId: d.stackId,
		StackDriftDetectionId: d.id,
		...(d.stackDriftStatus !== undefined ? { StackDriftStatus: d.stackDriftStatus } : {}),
		DetectionStatus: d.detectionStatus,
		...(d.reason !== undefined ? { DetectionStatusReason: d.reason } : {}),
		...(d.driftedCount !== undefined ? { DriftedStackResourceCount: d.driftedCount } : {}),
		Timestamp: new Date(d.timestamp)
	};
}

const RESOURCE_DRIFT_STATUSES = ['IN_SYNC', 'MODIFIED', 'DELETED', 'NOT_CHECKED'];

export function describeStackResourceDrifts(ctx: CloudFormationContext, raw: unknown): DescribeStackResourceDriftsOutput {
	const input = obj(raw);
	const stack = requireStack(ctx, input['StackName']);
	const filters = strings(input['StackResourceDriftStatusFilters']);
	for (const f of filters) {
		if (!RESOURCE_DRIFT_STATUSES.includes(f)) {
			throw new ValidationError(`1 validation error detected: Value '[${filters.join(', ')}]' at 'stackResourceDriftStatusFilters' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${RESOURCE_DRIFT_STATUSES.join(', ')}]]`);
		}
	}
	const max = input['MaxResults'];
	if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 100)) {
		throw new ValidationError(`1 validation error detected: Value '${String(max)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`);
	}
	const results = ctx.state.drift?.resources[stack.stackId] ?? {};
	// In the stack's resource order, so pages are stable.
	const drifts = stack.resources.flatMap((r) => {
		const d = results[r.logicalId];
		return d && (filters.length === 0 || filters.includes(d.status)) ? [d] : [];
	});
	const { items, NextToken } = page(drifts, input['NextToken'], typeof max === 'number' ? max : 100);
	return { StackResourceDrifts: items.map((d) => toResourceDrift(stack, d)), ...(NextToken ? { NextToken } : {}) };
}

export function detectStackResourceDrift(ctx: CloudFormationContext, raw: unknown): DetectStackResourceDriftOutput {
	const input = obj(raw);
	const stack = requireStack(ctx, input['StackName']);
	requireDriftable(stack);
	const logicalId = str(input['LogicalResourceId']) ?? '';
	const r = stack.resources.find((x) => x.logicalId === logicalId && isDetectable(x));
	if (!r) throw new ValidationError(DRIFT_MESSAGES.noSuchResource(logicalId, stack.stackName));
	requireSchemas([r.type]);
	const check = resourceChecker({ accountId: ctx.state.accountId, region: ctx.region, caller: readerCaller(ctx.caller, ctx.state.accountId, stack.roleArn), ...(ctx.providers ? { providers: ctx.providers } : {}), ...(ctx.providerContext ? { providerContext: ctx.providerContext } : {}) }, stack);
	const timestamp = ctx.clock.now().toISOString();
	const result = check(r, timestamp);
	// One resource answers in the response: a read that fails leaves it NOT_CHECKED (simulator's choice).
	const d: ResourceDriftRecord = result.drift ?? { logicalId: r.logicalId, ...(r.physicalId !== undefined ? { physicalId: r.physicalId } : {}), type: r.type, status: 'NOT_CHECKED', differences: [], timestamp };
	(driftStateOf(ctx.state).resources[stack.stackId] ??= {})[logicalId] = d;
	return { StackResourceDrift: toResourceDrift(stack, d) };
}

/** DescribeStacks' DriftInformation for a stack. */
export function stackDriftInformation(ctx: CloudFormationContext, stackId: string): { StackDriftStatus: StackDriftStatus; LastCheckTimestamp?: Date } {
	const s = ctx.state.drift?.stacks[stackId];
	return s ? { StackDriftStatus: s.status, LastCheckTimestamp: new Date(s.lastCheck) } : { StackDriftStatus: 'NOT_CHECKED' };
}

/** DescribeStackResources' DriftInformation for a resource. */
export function resourceDriftInformation(ctx: CloudFormationContext, stackId: string, logicalId: string): { StackResourceDriftStatus: ResourceDriftRecord['status']; LastCheckTimestamp?: Date } {
	const d = ctx.state.drift?.resources[stackId]?.[logicalId];
	return d ? { StackResourceDriftStatus: d.status, LastCheckTimestamp: new Date(d.timestamp) } : { StackResourceDriftStatus: 'NOT_CHECKED' };
}

