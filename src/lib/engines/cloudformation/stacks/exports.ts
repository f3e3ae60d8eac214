// Cross-stack references. An export is an output with Export.Name of a stack that still exists;
// names are unique per account and Region; a stack imports with Fn::ImportValue, and an export in
// use can be neither deleted nor changed (cfn-facts §4, §8).
import { asFunctionCall, isObject, resolveValue, type ResolveContext, type TemplateValue } from '../template';
import { keysOf } from '../template/value';
import type { CloudFormationState, StackRecord } from './state';

const exporting = (stack: StackRecord) => stack.status !== 'DELETE_COMPLETE';

/** Every export of the Region: name → value. */
export function exportsOf(state: CloudFormationState): Record<string, string> {
	const out: Record<string, string> = Object.create(null) as Record<string, string>;
	for (const stack of state.stacks) {
		if (!exporting(stack)) continue;
		for (const o of stack.outputs) if (o.exportName !== undefined) out[o.exportName] = o.value;
	}
	return out;
}

/** The stack that exports `name`, if any. */
export function exporterOf(state: CloudFormationState, name: string): StackRecord | undefined {
	return state.stacks.find((s) => exporting(s) && s.outputs.some((o) => o.exportName === name));
}

/** Names of the stacks (other than `except`) that import `name`, in creation order. */
export function importersOf(state: CloudFormationState, name: string, except?: string): string[] {
	return state.stacks.filter((s) => s.status !== 'DELETE_COMPLETE' && s.stackId !== except && s.imports.includes(name)).map((s) => s.stackName);
}

/**
 * The export names some values import (the kept resources' properties and metadata, the kept
 * outputs), resolved against parameters and pseudo parameters (an
 * Fn::ImportValue argument cannot depend on resources). Throws the template layer's ValidationError
 * (`No export named X found.`) for a name no stack exports.
 */
export function importedNames(values: readonly (TemplateValue | undefined)[], ctx: ResolveContext): string[] {
	const names: string[] = [];
	const visit = (v: TemplateValue): void => {
		if (Array.isArray(v)) {
			v.forEach(visit);
			return;
		}
		if (!isObject(v)) return;
		const call = asFunctionCall(v);
		if (call?.name === 'Fn::If' && Array.isArray(call.argument) && typeof call.argument[0] === 'string') {
			// Only the branch the condition takes is ever resolved.
			const holds = Object.prototype.hasOwnProperty.call(ctx.conditions, call.argument[0]) && ctx.conditions[call.argument[0]] === true;
			visit((holds ? call.argument[1] : call.argument[2]) as TemplateValue);
			return;
		}
		if (call?.name === 'Fn::ImportValue') {
			const resolved = resolveValue(call.argument, ctx);
			if (typeof resolved === 'string' && !names.includes(resolved)) names.push(resolved);
			// Resolving the import itself reports a missing export as AWS does.
			resolveValue(v, ctx);
			return;
		}
		for (const k of keysOf(v)) visit(v[k] as TemplateValue);
	};
	for (const v of values) if (v !== undefined) visit(v);
	return names;
}
