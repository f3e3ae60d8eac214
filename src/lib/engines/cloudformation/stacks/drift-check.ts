// Checking one resource for drift: read it back through its provider (the owning engine's own
// describe calls, made as the stack's service role or the caller) and compare what the template
// set with what the read returned. Used by DetectStackResourceDrift at once and by a
// DetectStackDrift run when the clock reaches its end.
import type { ProviderContext } from '../providers/provider';
import { propertyDifferences, narrowed } from './drift-compare';
import { unorderedArrays } from './drift-order';
import type { ResourceDriftRecord } from './drift-state';
import type { OperationCaller, ProviderRegistry, ProviderTarget } from './environment';
import { cachedSchema } from './schemas';
import type { StackRecord, StackResourceRecord } from './state';

/** What a drift check reads with: where, as whom, and the providers. */
export interface DriftReader {
	accountId: string;
	region: string;
	caller: OperationCaller;
	providers?: ProviderRegistry;
	providerContext?(target: ProviderTarget): ProviderContext;
}

/** Types CloudFormation never checks, whatever the simulator can read (cfn-facts §7). */
const NEVER_CHECKED = new Set(['AWS::CloudFormation::Stack', 'AWS::CloudFormation::WaitCondition', 'AWS::CloudFormation::WaitConditionHandle', 'AWS::CloudFormation::CustomResource']);

/** Whether drift detection looks at this resource at all (it exists and is not being deleted). */
export const isDetectable = (r: StackResourceRecord): boolean => r.physicalId !== undefined && r.status !== 'DELETE_COMPLETE' && r.status !== 'CREATE_FAILED';

/** Who reads: the stack's service role when it has one (as CloudFormation assumes it), else the caller. */
export function readerCaller(caller: OperationCaller, accountId: string, roleArn: string | undefined): OperationCaller {
	if (roleArn === undefined) return { arn: caller.arn, accountId: caller.accountId, ...(caller.context ? { context: caller.context } : {}) };
	const roleName = roleArn.split('/').pop() ?? '';
	return { arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/AWSCloudFormation`, accountId };
}

/** A checked resource, or why it could not be checked (DETECTION_FAILED's FailureReason). */
export type ResourceCheck = { drift: ResourceDriftRecord; failure?: undefined } | { failure: string; drift?: undefined };

/** Provider contexts for one stack's reads: the engines are bound once, not once per resource. */
function contextsFor(reader: DriftReader, stack: StackRecord): ((logicalId: string) => ProviderContext) | undefined {
	const make = reader.providerContext;
	if (!make) return undefined;
	let base: ProviderContext | undefined;
	return (logicalId) => {
		base ??= make({ accountId: reader.accountId, region: reader.region, stackId: stack.stackId, stackName: stack.stackName, logicalId, caller: reader.caller });
		return { ...base, logicalId };
	};
}

/** A checker for one stack: call it per resource. */
export function resourceChecker(reader: DriftReader, stack: StackRecord): (r: StackResourceRecord, timestamp: string) => ResourceCheck {
	const contextFor = contextsFor(reader, stack);
	return (r, timestamp) => {
		const base = { logicalId: r.logicalId, ...(r.physicalId !== undefined ? { physicalId: r.physicalId } : {}), type: r.type, timestamp };
		const provider = reader.providers?.(r.type);
		if (!provider?.read || !contextFor || NEVER_CHECKED.has(r.type) || r.physicalId === undefined) {
			return { drift: { ...base, status: 'NOT_CHECKED', differences: [] } };
		}
		const expectedProps = r.properties;
		const expected = JSON.stringify(expectedProps);
		let live: Record<string, unknown> | undefined;
		try {
			live = provider.read(contextFor(r.logicalId), r.physicalId, expectedProps);
		} catch (e) {
			// A read the principal may not make, or any handler failure: this resource is not checked.
			if (e instanceof Error) return { failure: e.message };
			throw e;
		}
		if (live === undefined) return { drift: { ...base, status: 'DELETED', expected, differences: [] } };
		const differences = propertyDifferences(expectedProps, live, unorderedArrays(cachedSchema(r.type)));
		return { drift: { ...base, status: differences.length ? 'MODIFIED' : 'IN_SYNC', expected, actual: JSON.stringify(narrowed(expectedProps, live)), differences } };
	};
}
