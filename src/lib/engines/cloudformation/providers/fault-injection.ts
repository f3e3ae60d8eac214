// Making a resource fail on purpose, for labs that teach rollback, DELETE_FAILED, retained
// resources and ContinueUpdateRollback. Two ways, both checked before the real operation runs
// (so a forced failure changes nothing):
//
// 1. World-level, hidden from the learner: a rule in the light store of the account and Region,
//      injectFault(store, { logicalId: 'Repo', operation: 'delete',
//                           message: 'Simulated outage', handlerErrorCode: 'ServiceInternalError', times: 1 })
//    Every field but operation and message narrows the match (stackName, logicalId,
//    resourceType); `times` makes it fire that many times and then disappear (absent: always).
//    Rules are plain JSON in the store, so they survive snapshots; clearFaults removes them.
//
// 2. In the template, visible to the learner, through the resource's Metadata:
//      Metadata:
//        Simulator::Fault:
//          OnDelete: "The bucket you tried to delete is not empty"
//          HandlerErrorCode: GeneralServiceException    # optional, this is the default
//    (OnCreate / OnUpdate / OnDelete). The stack engine passes Metadata as ctx.metadata.
//
// The failure is an ordinary ProviderError, so the stack engine reports it as any other:
// `Resource handler returned message: "<message>" (RequestToken: ..., HandlerErrorCode: <code>)`.
import type { LightResourceStore } from './light-store';
import { ProviderError, type HandlerErrorCode, type ProviderContext, type ResourceProvider } from './provider';

export const FAULT_TYPE = 'Simulator::Fault';
export const FAULT_METADATA_KEY = 'Simulator::Fault';

export type FaultOperation = 'create' | 'update' | 'delete';

export interface FaultRule {
	operation: FaultOperation;
	message: string;
	handlerErrorCode?: HandlerErrorCode;
	stackName?: string;
	logicalId?: string;
	resourceType?: string;
	/** How many more times the rule fires; absent = every time. */
	times?: number;
}

const CODES: readonly HandlerErrorCode[] = [
	'NotUpdatable',
	'InvalidRequest',
	'AccessDenied',
	'InvalidCredentials',
	'AlreadyExists',
	'NotFound',
	'ResourceConflict',
	'Throttling',
	'ServiceLimitExceeded',
	'NotStabilized',
	'GeneralServiceException',
	'ServiceInternalError',
	'NetworkFailure',
	'InternalFailure',
	'InvalidTypeConfiguration',
	'HandlerInternalFailure',
	'NonCompliant',
	'Unknown',
	'UnsupportedTarget'
];

const asCode = (v: unknown): HandlerErrorCode => (CODES as readonly unknown[]).includes(v) ? (v as HandlerErrorCode) : 'GeneralServiceException';

/** Adds a rule; returns its id (for removeFault). */
export function injectFault(store: LightResourceStore, rule: FaultRule): string {
	const id = `fault-${store.next()}`;
	store.put({ type: FAULT_TYPE, physicalId: id, properties: { ...rule }, attributes: {}, createdAt: '1970-01-01T00:00:00.000Z' });
	return id;
}

export const removeFault = (store: LightResourceStore, id: string): boolean => store.remove(FAULT_TYPE, id);

export function clearFaults(store: LightResourceStore): void {
	for (const r of store.list(FAULT_TYPE)) store.remove(FAULT_TYPE, r.physicalId);
}

/** The world-level rule that matches this operation, counting it down when it has `times`. */
function takeRule(ctx: ProviderContext, type: string, operation: FaultOperation): ProviderError | undefined {
	for (const r of ctx.store.list(FAULT_TYPE)) {
		const rule = r.properties as Partial<FaultRule>;
		if (rule.operation !== operation) continue;
		if (rule.stackName !== undefined && rule.stackName !== ctx.stackName) continue;
		if (rule.logicalId !== undefined && rule.logicalId !== ctx.logicalId) continue;
		if (rule.resourceType !== undefined && rule.resourceType !== type) continue;
		if (typeof rule.times === 'number') {
			if (rule.times <= 1) ctx.store.remove(FAULT_TYPE, r.physicalId);
			else ctx.store.put({ ...r, properties: { ...r.properties, times: rule.times - 1 } });
		}
		return new ProviderError(String(rule.message ?? 'Simulated failure'), asCode(rule.handlerErrorCode));
	}
	return undefined;
}

const METADATA_KEYS: Record<FaultOperation, string> = { create: 'OnCreate', update: 'OnUpdate', delete: 'OnDelete' };

function metadataFault(ctx: ProviderContext, operation: FaultOperation): ProviderError | undefined {
	const fault = ctx.metadata?.[FAULT_METADATA_KEY];
	if (typeof fault !== 'object' || fault === null || Array.isArray(fault)) return undefined;
	const f = fault as Record<string, unknown>;
	const message = f[METADATA_KEYS[operation]];
	if (message === undefined || message === null || message === false) return undefined;
	return new ProviderError(typeof message === 'string' ? message : 'Simulated failure', asCode(f.HandlerErrorCode));
}

/** The failure a lab asked for, if any. */
export function injectedFault(ctx: ProviderContext, type: string, operation: FaultOperation): ProviderError | undefined {
	return metadataFault(ctx, operation) ?? takeRule(ctx, type, operation);
}

/** The provider with the fault check in front of create, update and delete. */
export function withFaults(provider: ResourceProvider): ResourceProvider {
	const check = (ctx: ProviderContext, operation: FaultOperation) => {
		const fault = injectedFault(ctx, provider.type, operation);
		if (fault) throw fault;
	};
	return {
		...provider,
		create(ctx, properties) {
			check(ctx, 'create');
			return provider.create(ctx, properties);
		},
		update(ctx, physicalId, previous, next) {
			check(ctx, 'update');
			return provider.update(ctx, physicalId, previous, next);
		},
		delete(ctx, physicalId, properties) {
			check(ctx, 'delete');
			provider.delete(ctx, physicalId, properties);
		}
	};
}
