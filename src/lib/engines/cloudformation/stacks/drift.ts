// Drift detection: DetectStackDrift, DetectStackResourceDrift, DescribeStackDriftDetectionStatus
// and DescribeStackResourceDrifts. A resource is read back through its provider's read() (the
// owning engine's own describe calls) and compared with the properties the stack gave it; only
// properties set in the template are compared, so defaults and values AWS fills in are not drift.
// Detection is synchronous (the reads are in-memory), so a run is DETECTION_COMPLETE at once.
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
import type { DriftState, PropertyDifferenceRecord, ResourceDriftRecord } from './drift-state';
import type { ProviderContext } from '../providers/provider';
import type { OperationCaller } from './environment';
import { hashUuid, nextSequence } from './ids';
import { page } from './paging';
import type { StackRecord, StackResourceRecord } from './state';

/** The stack statuses drift detection accepts (cfn-facts §7). */
const DRIFT_STATUSES = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'UPDATE_ROLLBACK_FAILED']);

/** Types CloudFormation never checks, whatever the simulator can read. */
const NEVER_CHECKED = new Set(['AWS::CloudFormation::Stack', 'AWS::CloudFormation::WaitCondition', 'AWS::CloudFormation::WaitConditionHandle', 'AWS::CloudFormation::CustomResource']);

/** Kept per Region: older detection runs are forgotten (their ids then answer as unknown). */
const MAX_DETECTIONS = 1000;

function driftState(ctx: CloudFormationContext): DriftState {
	ctx.state.drift ??= { detections: [], stacks: {}, resources: {} };
	return ctx.state.drift;
}

/** Unconfirmed wording: AWS's exact message for a stack in another status was not found. */
function requireDriftable(stack: StackRecord): void {
	if (!DRIFT_STATUSES.has(stack.status)) {
		throw new ValidationError(`Stack [${stack.stackId}] is in ${stack.status} state and can not be checked for drift.`);
	}
}

// ---- comparing -------------------------------------------------------------------------------

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** A value as PropertyDifference writes it: strings as they are, anything else as JSON. */
const asText = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? 'null' : JSON.stringify(v));

/** JSON documents in strings (policies) compare by content, not by spacing or key order. */
function parsedJson(v: string): unknown {
	const t = v.trim();
	if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
	try {
		return JSON.parse(t);
	} catch {
		return undefined;
	}
}

function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		return a.every((x, i) => sameJson(x, b[i]));
	}
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const ka = Object.keys(a as object);
		const kb = Object.keys(b as object);
		if (ka.length !== kb.length) return false;
		return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
	}
	// Templates write numbers and booleans as strings as often as not ("true", "30").
	if (a !== null && b !== null && (typeof a !== 'object') && (typeof b !== 'object')) return String(a) === String(b);
	return false;
}

function sameScalar(expected: unknown, actual: unknown): boolean {
	if (typeof expected === 'string' && typeof actual === 'string') {
		if (expected === actual) return true;
		const e = parsedJson(expected);
		const a = e === undefined ? undefined : parsedJson(actual);
		return e !== undefined && a !== undefined && sameJson(e, a);
	}
	if (typeof expected === 'string' && typeof actual === 'object' && actual !== null) {
		const e = parsedJson(expected);
		return e !== undefined && sameJson(e, actual);
	}
	return sameJson(expected, actual);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Differences under `path`, looking only at what `expected` sets. */
function compare(path: string, expected: unknown, actual: unknown, out: PropertyDifferenceRecord[]): void {
	if (actual === undefined || actual === null) {
		if (expected !== undefined && expected !== null) out.push({ PropertyPath: path, ExpectedValue: asText(expected), ActualValue: 'null', DifferenceType: 'REMOVE' });
		return;
	}
	if (isPlainObject(expected) && isPlainObject(actual)) {
		for (const key of Object.keys(expected)) compare(`${path}/${escapePointer(key)}`, expected[key], actual[key], out);
		return;
	}
	if (Array.isArray(expected) && Array.isArray(actual)) {
		const n = Math.max(expected.length, actual.length);
		for (let i = 0; i < n; i++) {
			if (i >= actual.length) out.push({ PropertyPath: `${path}/${i}`, ExpectedValue: asText(expected[i]), ActualValue: 'null', DifferenceType: 'REMOVE' });
			else if (i >= expected.length) out.push({ PropertyPath: `${path}/${i}`, ExpectedValue: 'null', ActualValue: asText(actual[i]), DifferenceType: 'ADD' });
			else compare(`${path}/${i}`, expected[i], actual[i], out);
		}
		return;
	}
	if (!sameScalar(expected, actual)) out.push({ PropertyPath: path, ExpectedValue: asText(expected), ActualValue: asText(actual), DifferenceType: 'NOT_EQUAL' });
}

/** The live properties narrowed to the keys the template sets (what ActualProperties shows). */
function narrowed(expected: Record<string, unknown>, actual: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(expected)) if (actual[key] !== undefined) out[key] = actual[key];
	return out;
}

// ---- checking one resource ---------------------------------------------------------------------

function readerCaller(ctx: CloudFormationContext, stack: StackRecord): OperationCaller {
	if (stack.roleArn === undefined) return { arn: ctx.caller.arn, accountId: ctx.caller.accountId, ...(ctx.caller.context ? { context: ctx.caller.context } : {}) };
	const roleName = stack.roleArn.split('/').pop() ?? '';
	return { arn: `arn:aws:sts::${ctx.state.accountId}:assumed-role/${roleName}/AWSCloudFormation`, accountId: ctx.state.accountId };
}

/** Whether drift detection looks at this resource at all (it exists and is not being deleted). */
const isDetectable = (r: StackResourceRecord): boolean => r.physicalId !== undefined && r.status !== 'DELETE_COMPLETE' && r.status !== 'CREATE_FAILED';

/** Provider contexts for one stack's reads: the engines are bound once, not once per resource. */
function contexts(ctx: CloudFormationContext, stack: StackRecord): ((logicalId: string) => ProviderContext) | undefined {
	const make = ctx.providerContext;
	if (!make) return undefined;
	let base: ProviderContext | undefined;
	return (logicalId) => {
		base ??= make({ accountId: ctx.state.accountId, region: ctx.state.region, stackId: stack.stackId, stackName: stack.stackName, logicalId, caller: readerCaller(ctx, stack) });
		return { ...base, logicalId };
	};
}

export function checkResource(ctx: CloudFormationContext, stack: StackRecord, r: StackResourceRecord, timestamp: string, contextFor = contexts(ctx, stack)): ResourceDriftRecord {
	const base = { logicalId: r.logicalId, ...(r.physicalId !== undefined ? { physicalId: r.physicalId } : {}), type: r.type, timestamp };
	const provider = ctx.providers?.(r.type);
	if (!provider?.read || !contextFor || NEVER_CHECKED.has(r.type) || r.physicalId === undefined) {
		return { ...base, status: 'NOT_CHECKED', differences: [] };
	}
	const expectedProps = r.properties;
	const expected = JSON.stringify(expectedProps);
	const pctx = contextFor(r.logicalId);
	let live: Record<string, unknown> | undefined;
	try {
		live = provider.read(pctx, r.physicalId, expectedProps);
	} catch (e) {
		// A read the principal may not make (or any handler failure): AWS leaves the resource unchecked.
		if (e instanceof Error) return { ...base, status: 'NOT_CHECKED', differences: [] };
		throw e;
	}
	if (live === undefined) return { ...base, status: 'DELETED', expected, differences: [] };
	const differences: PropertyDifferenceRecord[] = [];
	for (const key of Object.keys(expectedProps)) compare(`/${escapePointer(key)}`, expectedProps[key], live[key], differences);
	return { ...base, status: differences.length ? 'MODIFIED' : 'IN_SYNC', expected, actual: JSON.stringify(narrowed(expectedProps, live)), differences };
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
		// Unconfirmed wording.
		if (!stack.resources.some((r) => r.logicalId === id)) throw new ValidationError(`Resource ${id} does not exist for stack ${stack.stackName}`);
	}
	const state = driftState(ctx);
	const timestamp = ctx.clock.now().toISOString();
	const results = (state.resources[stack.stackId] ??= {});
	let drifted = 0;
	const contextFor = contexts(ctx, stack);
	for (const r of stack.resources) {
		if (!isDetectable(r) || (wanted.length > 0 && !wanted.includes(r.logicalId))) continue;
		const d = checkResource(ctx, stack, r, timestamp, contextFor);
		results[r.logicalId] = d;
		if (d.status === 'MODIFIED' || d.status === 'DELETED') drifted++;
	}
	const status: StackDriftStatus = drifted > 0 ? 'DRIFTED' : 'IN_SYNC';
	const id = hashUuid(`${stack.stackId}/drift/${nextSequence(ctx.state)}`);
	state.detections.push({ id, stackId: stack.stackId, detectionStatus: 'DETECTION_COMPLETE', stackDriftStatus: status, driftedCount: drifted, timestamp });
	if (state.detections.length > MAX_DETECTIONS) state.detections.splice(0, state.detections.length - MAX_DETECTIONS);
	state.stacks[stack.stackId] = { status, lastCheck: timestamp };
	return { StackDriftDetectionId: id };
}

export function describeStackDriftDetectionStatus(ctx: CloudFormationContext, raw: unknown): DescribeStackDriftDetectionStatusOutput {
	const input = obj(raw);
	const id = str(input['StackDriftDetectionId']);
	if (id === undefined || id === '') {
		throw new ValidationError("1 validation error detected: Value null at 'stackDriftDetectionId' failed to satisfy constraint: Member must not be null");
	}
	const d = ctx.state.drift?.detections.find((x) => x.id === id);
	// Unconfirmed wording.
	if (!d) throw new ValidationError(`Drift detection with id ${id} does not exist`);
	return {
		StackId: d.stackId,
		StackDriftDetectionId: d.id,
		StackDriftStatus: d.stackDriftStatus,
		DetectionStatus: d.detectionStatus,
		...(d.reason !== undefined ? { DetectionStatusReason: d.reason } : {}),
		DriftedStackResourceCount: d.driftedCount,
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
	if (!r) throw new ValidationError(`Resource ${logicalId} does not exist for stack ${stack.stackName}`);
	const d = checkResource(ctx, stack, r, ctx.clock.now().toISOString());
	(driftState(ctx).resources[stack.stackId] ??= {})[logicalId] = d;
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

