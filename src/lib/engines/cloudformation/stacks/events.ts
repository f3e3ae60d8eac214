// The stack's event log, in AWS's shapes (real DescribeStackEvents answers of 2018–2023, see
// reasons.ts): stack events carry a time-based UUID as EventId, the stack name as logical ID and
// the stack ARN as physical ID; resource events are `<LogicalId>-<STATUS>-<ISO timestamp>`, carry
// '' as physical ID until there is one and the resolved properties as a JSON string. Events of the
// cleanup phases are `<LogicalId>-<uuid>` and carry no properties.
import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { hashUuid, nextSequence, timeUuid } from './ids';
import type { CloudFormationState, StackEventRecord, StackRecord, StackResourceRecord } from './state';

export const STACK_TYPE = 'AWS::CloudFormation::Stack';

/** Records a stack status change: the stack's status, reason and its event. */
export function logStackStatus(state: CloudFormationState, stack: StackRecord, nowMs: number, status: StackRecord['status'], reason?: string): void {
	stack.status = status;
	if (reason === undefined) delete stack.reason;
	else stack.reason = reason;
	const n = nextSequence(state);
	stack.events.push({
		eventId: timeUuid(nowMs, `${stack.stackId}/event/${n}`, n),
		logicalId: stack.stackName,
		physicalId: stack.stackId,
		type: STACK_TYPE,
		timestamp: new Date(nowMs).toISOString(),
		status,
		...(reason !== undefined ? { reason } : {}),
		...(stack.clientRequestToken !== undefined ? { clientRequestToken: stack.clientRequestToken } : {})
	});
}

export interface ResourceEventOptions {
	reason?: string;
	/** The physical ID to show; default the resource's own ('' when it has none). */
	physicalId?: string;
	/** Cleanup-phase style: a `<LogicalId>-<uuid>` id and no properties. */
	cleanup?: boolean;
	/** The properties to show (default the resource's). */
	properties?: Record<string, unknown>;
}

/** Records a resource status change: the resource's status and reason, and its event. */
export function logResourceStatus(
	state: CloudFormationState,
	stack: StackRecord,
	resource: StackResourceRecord,
	nowMs: number,
	status: StackResourceRecord['status'],
	options: ResourceEventOptions = {}
): void {
	resource.status = status;
	if (options.reason === undefined) delete resource.reason;
	else resource.reason = options.reason;
	resource.lastUpdated = new Date(nowMs).toISOString();
	appendResourceEvent(state, stack, resource, nowMs, status, options);
}

/** An event about a resource that does not change the resource's own status (a cleaned-up old copy). */
export function appendResourceEvent(
	state: CloudFormationState,
	stack: StackRecord,
	resource: StackResourceRecord,
	nowMs: number,
	status: StackEventRecord['status'],
	options: ResourceEventOptions = {}
): void {
	const timestamp = new Date(nowMs).toISOString();
	const n = nextSequence(state);
	let eventId = options.cleanup ? `${resource.logicalId}-${hashUuid(`${stack.stackId}/event/${n}`)}` : `${resource.logicalId}-${status}-${timestamp}`;
	if (!options.cleanup && collides(stack.events, eventId, timestamp)) eventId = `${resource.logicalId}-${hashUuid(`${stack.stackId}/event/${n}`)}`;
	const properties = masked(stack, options.properties ?? resource.properties);
	stack.events.push({
		eventId,
		logicalId: resource.logicalId,
		physicalId: options.physicalId ?? resource.physicalId ?? '',
		type: resource.type,
		timestamp,
		status,
		...(options.reason !== undefined ? { reason: options.reason } : {}),
		...(!options.cleanup && Object.keys(properties).length > 0 ? { properties: JSON.stringify(properties) } : {}),
		...(stack.clientRequestToken !== undefined ? { clientRequestToken: stack.clientRequestToken } : {})
	});
}

/** NoEcho parameter values are shown as asterisks in events, as in DescribeStacks (cfn-facts §1). */
function masked(stack: StackRecord, properties: Record<string, unknown>): Record<string, unknown> {
	if (stack.noEcho.length === 0) return properties;
	const secrets = new Set(stack.parameters.filter((p) => stack.noEcho.includes(p.key) && p.value !== '').map((p) => p.value));
	if (secrets.size === 0) return properties;
	const mask = (v: unknown): unknown => {
		if (typeof v === 'string') return secrets.has(v) ? '****' : v;
		if (Array.isArray(v)) return v.map(mask);
		if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mask(x)]));
		return v;
	};
	return mask(properties) as Record<string, unknown>;
}

/** Only events of the same instant can share a timestamped id; look back over those. */
function collides(events: readonly StackEventRecord[], eventId: string, timestamp: string): boolean {
	for (let i = events.length - 1; i >= 0; i--) {
		const e = events[i] as StackEventRecord;
		if (e.timestamp !== timestamp) return false;
		if (e.eventId === eventId) return true;
	}
	return false;
}

export function toStackEvent(stack: StackRecord, e: StackEventRecord): StackEvent {
	return {
		StackId: stack.stackId,
		EventId: e.eventId,
		StackName: stack.stackName,
		LogicalResourceId: e.logicalId,
		PhysicalResourceId: e.physicalId,
		ResourceType: e.type,
		Timestamp: new Date(e.timestamp),
		ResourceStatus: e.status as StackEvent['ResourceStatus'],
		...(e.reason !== undefined ? { ResourceStatusReason: e.reason } : {}),
		...(e.properties !== undefined ? { ResourceProperties: e.properties } : {}),
		...(e.clientRequestToken !== undefined ? { ClientRequestToken: e.clientRequestToken } : {})
	};
}
