// Outputs are worked out once every resource is done, and published with the stack's final
// status: DescribeStacks shows none while the stack is *_IN_PROGRESS (cfn-facts §4). Publishing
// is where export rules bite: a name another stack already exports fails the stack (real logs:
// "Export with name X is already exported by stack Y. Rollback requested by user."), and an
// update may not delete or change an export another stack imports.
import { isAwsError } from '../../errors';
import { resolveValue, scalarText } from '../template';
import { childPointer } from '../template/source-map';
import { exporterOf, importersOf } from './exports';
import { REASON } from './reasons';
import type { OperationRun } from './run';
import type { StackOutputRecord } from './state';

/** Resolves the outputs; on a failure sets the operation's stack-level failure and publishes nothing. */
export function publishOutputs(run: OperationRun): void {
	const state = run.state();
	const stack = run.stack();
	const plan = run.plan();
	if (!state || !stack || !plan) return;
	const outputs: StackOutputRecord[] = [];
	try {
		const ctx = run.resolveContext(plan);
		for (const o of plan.outputs) {
			const pointer = childPointer('/Outputs', o.key);
			const value = resolveValue(o.value, ctx, childPointer(pointer, 'Value'));
			const exportName = o.exportName === undefined ? undefined : resolveValue(o.exportName, ctx, childPointer(childPointer(pointer, 'Export'), 'Name'));
			outputs.push({
				key: o.key,
				value: Array.isArray(value) ? value.map((v) => scalarText(v) ?? JSON.stringify(v)).join(',') : (scalarText(value) ?? JSON.stringify(value ?? '')),
				...(o.description !== undefined ? { description: o.description } : {}),
				...(exportName !== undefined ? { exportName: scalarText(exportName) ?? JSON.stringify(exportName) } : {})
			});
		}
	} catch (e) {
		if (!isAwsError(e)) throw e;
		run.op.stackFailure = e.message;
		return;
	}
	for (const o of outputs) {
		if (o.exportName === undefined) continue;
		const owner = exporterOf(state, o.exportName);
		if (owner && owner.stackId !== stack.stackId) {
			run.op.stackFailure = REASON.exportAlreadyExported(o.exportName, owner.stackName);
			return;
		}
	}
	for (const old of stack.outputs) {
		if (old.exportName === undefined) continue;
		const importers = importersOf(state, old.exportName, stack.stackId);
		if (importers.length === 0) continue;
		const next = outputs.find((o) => o.exportName === old.exportName);
		if (!next || next.value !== old.value) {
			run.op.stackFailure = REASON.exportInUse(old.exportName, next ? 'updated' : 'deleted', importers);
			return;
		}
	}
	stack.outputs = outputs;
}
