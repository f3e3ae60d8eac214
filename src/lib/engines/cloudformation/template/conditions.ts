// The Conditions section. A condition is a condition function (Fn::Equals, Fn::And, Fn::Or,
// Fn::Not, or `Condition` naming another one) over literals, parameters, pseudo parameters and
// mappings; never over resources. All conditions are evaluated once per stack operation, before
// anything is created (cfn-facts §1).
import { ValidationError } from '../errors';
import { graphOf, unorderable } from './graph';
import { asFunctionCall, CONDITION_FUNCTIONS, PSEUDO_PARAMETERS } from './functions';
import { LIMITS } from './limits';
import { MSG } from './messages';
import type { ConditionDeclaration } from './model';
import { scanValue, type Reference } from './scan';
import { childPointer, type SourceMap } from './source-map';
import { isObject, keysOf, scalarText, type TemplateObject, type TemplateValue } from './value';

/**
 * Condition names are not held to the alphanumeric rule of logical IDs: AWS's own Quick Start VPC
 * template (in the corpus) declares `AdditionalPrivateSubnets&3AZCondition` and deploys.
 */
export function readConditions(section: TemplateValue | undefined, sourceMap: SourceMap): ConditionDeclaration[] {
	if (section === undefined) return [];
	if (!isObject(section)) throw new ValidationError(MSG.sectionNotObject('Conditions'), { location: sourceMap.locate('/Conditions') });
	return keysOf(section).map((name) => {
		const pointer = childPointer('/Conditions', name);
		if (name.length > LIMITS.logicalIdLength) throw new ValidationError(MSG.logicalIdTooLong('Condition', name, LIMITS.logicalIdLength), { location: sourceMap.locate(pointer) });
		return { name, expression: section[name] as TemplateValue };
	});
}

/**
 * Shape, references and order of the conditions: each is a condition function; Ref only to
 * parameters and pseudo parameters; every `Condition` names a declared condition, with no cycle.
 */
export function checkConditions(
	conditions: readonly ConditionDeclaration[],
	context: { parameters: ReadonlySet<string>; mappings: TemplateObject; languageExtensions: boolean; sourceMap: SourceMap }
): void {
	const names = new Set(conditions.map((c) => c.name));
	const references: Reference[] = [];
	const unresolved: string[] = [];
	const edges = new Map<string, string[]>();
	for (const { name, expression } of conditions) {
		const pointer = childPointer('/Conditions', name);
		const call = asFunctionCall(expression, true);
		if (!call || !(CONDITION_FUNCTIONS.has(call.name) || call.name === 'Fn::If')) {
			throw new ValidationError(MSG.conditionNotBoolean(name), { location: context.sourceMap.locate(pointer), detail: 'A condition is Fn::Equals, Fn::And, Fn::Or, Fn::Not or {Condition: Name}.' });
		}
		scanValue(expression, pointer, {
			section: 'Conditions',
			languageExtensions: context.languageExtensions,
			conditionNames: names,
			mappings: context.mappings,
			sourceMap: context.sourceMap,
			references,
			macros: []
		});
		const uses = conditionNamesIn(expression);
		for (const used of uses) if (!names.has(used) && !unresolved.includes(used)) unresolved.push(used);
		edges.set(name, uses.filter((u) => names.has(u)));
	}
	const resourceRefs: string[] = [];
	for (const r of references) {
		const ok = r.kind !== 'GetAtt' && (context.parameters.has(r.target) || (PSEUDO_PARAMETERS.has(r.target) && r.target !== 'AWS::NoValue'));
		if (!ok && !resourceRefs.includes(r.target)) resourceRefs.push(r.target);
	}
	if (resourceRefs.length > 0) {
		const first = references.find((r) => r.target === resourceRefs[0]);
		throw new ValidationError(MSG.conditionReferencesResource(resourceRefs), {
			...(first ? { location: context.sourceMap.locate(first.pointer, 'value') } : {}),
			detail: 'Conditions are evaluated before any resource exists, so they can use only parameters, pseudo parameters, mappings and other conditions.'
		});
	}
	if (unresolved.length > 0) throw new ValidationError(MSG.unresolvedConditionDependencies(unresolved), { location: context.sourceMap.locate('/Conditions') });
	const cycle = unorderable(graphOf(conditions.map((c) => c.name), edges));
	if (cycle.length > 0) throw new ValidationError(MSG.circularConditions(cycle), { location: context.sourceMap.locate(childPointer('/Conditions', cycle[0] ?? '')) });
}

/** Names used as `{Condition: Name}` (and as Fn::If's condition) inside a condition expression. */
function conditionNamesIn(value: TemplateValue | undefined, out: string[] = []): string[] {
	if (Array.isArray(value)) {
		for (const v of value) conditionNamesIn(v, out);
		return out;
	}
	if (!isObject(value)) return out;
	const call = asFunctionCall(value, true);
	if (call?.name === 'Condition' && typeof call.argument === 'string') {
		if (!out.includes(call.argument)) out.push(call.argument);
		return out;
	}
	if (call?.name === 'Fn::If' && Array.isArray(call.argument) && typeof call.argument[0] === 'string' && !out.includes(call.argument[0])) out.push(call.argument[0]);
	for (const key of keysOf(value)) conditionNamesIn(value[key], out);
	return out;
}

/** Resolves the operands of Fn::Equals (Ref, Fn::FindInMap, ...); supplied by the resolver. */
export type OperandResolver = (value: TemplateValue, pointer: string) => TemplateValue | undefined;

/** Every condition's value, each evaluated once (in dependency order, on demand). */
export function evaluateConditions(conditions: readonly ConditionDeclaration[], resolveOperand: OperandResolver): Record<string, boolean> {
	const byName = new Map(conditions.map((c) => [c.name, c.expression]));
	const values: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
	const evaluating = new Set<string>();
	const conditionValue = (name: string): boolean => {
		if (name in values) return values[name] as boolean;
		const expression = byName.get(name);
		if (expression === undefined) throw new ValidationError(MSG.conditionNotDefined(name));
		if (evaluating.has(name)) throw new ValidationError(MSG.circularConditions([...evaluating]));
		evaluating.add(name);
		const v = evaluate(expression, childPointer('/Conditions', name));
		evaluating.delete(name);
		values[name] = v;
		return v;
	};
	const evaluate = (expression: TemplateValue, pointer: string): boolean => {
		const call = asFunctionCall(expression, true);
		const arg = call?.argument;
		const at = (i: number) => childPointer(childPointer(pointer, call?.name ?? ''), i);
		switch (call?.name) {
			case 'Condition':
				return conditionValue(String(arg));
			case 'Fn::Not':
				return !evaluate((arg as TemplateValue[])[0] as TemplateValue, at(0));
			case 'Fn::And':
				return (arg as TemplateValue[]).every((a, i) => evaluate(a, at(i)));
			case 'Fn::Or':
				return (arg as TemplateValue[]).some((a, i) => evaluate(a, at(i)));
			case 'Fn::Equals': {
				const [a, b] = arg as [TemplateValue, TemplateValue];
				return sameValue(operand(a, at(0)), operand(b, at(1)));
			}
			case 'Fn::If': {
				const [name, yes, no] = arg as [string, TemplateValue, TemplateValue];
				return conditionValue(name) ? evaluate(yes, at(1)) : evaluate(no, at(2));
			}
			default:
				throw new ValidationError(MSG.conditionNotBoolean(pointer.split('/')[2] ?? ''));
		}
	};
	const operand = (v: TemplateValue, pointer: string): TemplateValue | undefined => {
		const call = asFunctionCall(v, true);
		if (call && CONDITION_FUNCTIONS.has(call.name)) return evaluate(v, pointer);
		return resolveOperand(v, pointer);
	};
	for (const c of conditions) conditionValue(c.name);
	return values;
}

/** Fn::Equals compares text: YAML `true` equals the string "true", `3` equals "3". */
export function sameValue(a: TemplateValue | undefined, b: TemplateValue | undefined): boolean {
	const sa = scalarText(a);
	const sb = scalarText(b);
	if (sa !== undefined || sb !== undefined) return sa === sb;
	return JSON.stringify(a) === JSON.stringify(b);
}
