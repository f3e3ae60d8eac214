// What a stack operation (CreateStack, UpdateStack, CreateChangeSet) does with a validated
// template before it touches a resource: settle the parameter values, check the Rules, evaluate
// every condition once, drop the resources and outputs whose condition is false, check that
// nothing still refers to a dropped resource, and order the rest by dependency.
import { ValidationError } from '../errors';
import { evaluateConditions } from './conditions';
import { asFunctionCall, isFnKey, RULE_FUNCTIONS } from './functions';
import { creationWaves, deletionWaves, graphOf, unorderable, type DependencyGraph } from './graph';
import { MSG } from './messages';
import type { OutputDeclaration, ResourceDeclaration, RuleDeclaration } from './model';
import { resolveParameterValues, type ParameterValue, type SuppliedParameter } from './parameters';
import { resolveValue, type ResolveContext } from './resolve';
import { parseSub } from './sub';
import { childPointer, type SourceMap } from './source-map';
import { validateParsedTemplate, type ValidatedTemplate } from './validate';
import type { TemplateLocation } from '../errors';
import { isObject, keysOf, scalarText, type TemplateValue } from './value';

export interface StackIdentity {
	accountId: string;
	region: string;
	stackName: string;
	stackId: string;
	partition?: string;
	urlSuffix?: string;
	notificationArns?: readonly string[];
}

export interface PlanInput extends StackIdentity {
	parameters?: readonly SuppliedParameter[];
	/** The stack's current values, for UsePreviousValue. */
	previousParameters?: Readonly<Record<string, string>>;
	/** Looks up an SSM parameter for the SSM parameter types (name → value). */
	resolveSsm?: (name: string, type: string) => string;
	exports?: Readonly<Record<string, string>>;
	availabilityZones?: Readonly<Record<string, readonly string[]>>;
	/**
	 * Hook for checks CloudFormation makes at stack creation and not in ValidateTemplate (resource
	 * property schemas): called for each resource the plan keeps; throw an AwsError to refuse.
	 */
	checkResource?: (resource: ResourceDeclaration, location: TemplateLocation) => void;
}

export interface StackPlan {
	parameters: Record<string, ParameterValue>;
	conditions: Record<string, boolean>;
	/** Resources whose condition holds, in template order. */
	resources: ResourceDeclaration[];
	outputs: OutputDeclaration[];
	/** Among the kept resources; edges from DependsOn and from references on taken Fn::If branches. */
	graph: DependencyGraph;
	/** Creation order; `waves[k]` can be created in parallel once waves before k are done. */
	order: string[];
	waves: string[][];
	/** Deletion order (reverse dependencies) and its parallel waves. */
	deletionOrder: string[];
	deletionWaves: string[][];
	/** The template the plan is for (re-validated when Fn::ForEach needed parameter values). */
	template: ValidatedTemplate;
	/** The base context to resolve resource properties and outputs with (add `resources` as they are created). */
	context: ResolveContext;
}

export function planStack(template: ValidatedTemplate, input: PlanInput): StackPlan {
	let validated = template;
	let parameters = resolveParameterValues(validated.model.parameters, input.parameters, {
		...(input.previousParameters ? { previous: input.previousParameters } : {}),
		...(input.resolveSsm ? { resolveSsm: input.resolveSsm } : {})
	});
	if (validated.model.deferredLoops) {
		// An Fn::ForEach over a parameter without Default: expand it now, and validate what it makes.
		validated = validateParsedTemplate(validated.parsed, validated.catalog, { parameterValues: parameters });
		parameters = resolveParameterValues(validated.model.parameters, input.parameters, {
			...(input.previousParameters ? { previous: input.previousParameters } : {}),
			...(input.resolveSsm ? { resolveSsm: input.resolveSsm } : {})
		});
	}
	const model = validated.model;
	const { sourceMap } = validated;
	const base: ResolveContext = {
		accountId: input.accountId,
		region: input.region,
		stackName: input.stackName,
		stackId: input.stackId,
		...(input.partition ? { partition: input.partition } : {}),
		...(input.urlSuffix ? { urlSuffix: input.urlSuffix } : {}),
		...(input.notificationArns ? { notificationArns: input.notificationArns } : {}),
		parameters,
		conditions: {},
		mappings: model.mappings,
		languageExtensions: model.languageExtensions,
		declaredResources: new Set(model.resources.map((r) => r.logicalId)),
		resources: {},
		...(input.exports ? { exports: input.exports } : {}),
		...(input.availabilityZones ? { availabilityZones: input.availabilityZones } : {}),
		sourceMap
	};

	checkRules(model.rules, parameters, base, sourceMap);
	const conditions = evaluateConditions(model.conditions, (v, pointer) => resolveValue(v, base, pointer));
	const context: ResolveContext = { ...base, conditions };

	const kept = model.resources.filter((r) => r.condition === undefined || conditions[r.condition] === true);
	const keptIds = new Set(kept.map((r) => r.logicalId));
	const outputs = model.outputs.filter((o) => o.condition === undefined || conditions[o.condition] === true);

	// References on taken branches, to resources that exist in this stack.
	const edges = new Map<string, string[]>();
	const dropped: string[] = [];
	let firstDropped: string | undefined;
	const noteDropped = (name: string, pointer: string) => {
		if (!dropped.includes(name)) dropped.push(name);
		firstDropped ??= pointer;
	};
	for (const r of kept) {
		const pointer = childPointer('/Resources', r.logicalId);
		const targets: string[] = [];
		r.dependsOn.forEach((d, i) => {
			if (keptIds.has(d)) targets.push(d);
			else noteDropped(d, childPointer(childPointer(pointer, 'DependsOn'), i));
		});
		const visit = (name: string, at: string) => {
			if (keptIds.has(name)) targets.push(name);
			else if (base.declaredResources?.has(name)) noteDropped(name, at);
		};
		for (const [key, value] of [
			['Properties', r.properties],
			['Metadata', r.metadata],
			['CreationPolicy', r.creationPolicy],
			['UpdatePolicy', r.updatePolicy]
		] as const) {
			if (value !== undefined) liveReferences(value, childPointer(pointer, key), conditions, visit);
		}
		edges.set(r.logicalId, targets);
		input.checkResource?.(r, sourceMap.locate(pointer));
	}
	if (dropped.length > 0) {
		throw new ValidationError(MSG.unresolvedResourceDependencies(dropped, 'Resources'), {
			location: sourceMap.locate(firstDropped ?? '/Resources', 'value'),
			detail: `${dropped.join(', ')} ${dropped.length > 1 ? 'are' : 'is'} not created: ${dropped.length > 1 ? 'their conditions are' : 'its condition is'} false for these parameter values, but a resource that is created still refers to ${dropped.length > 1 ? 'them' : 'it'}.`
		});
	}
	for (const o of outputs) {
		const pointer = childPointer('/Outputs', o.key);
		liveReferences(o.value, childPointer(pointer, 'Value'), conditions, (name, at) => {
			if (!keptIds.has(name) && base.declaredResources?.has(name)) noteDropped(name, at);
		});
	}
	if (dropped.length > 0) throw new ValidationError(MSG.unresolvedResourceDependencies(dropped, 'Outputs'), { location: sourceMap.locate(firstDropped ?? '/Outputs', 'value') });

	const graph = graphOf(
		kept.map((r) => r.logicalId),
		edges
	);
	const stuck = unorderable(graph);
	if (stuck.length > 0) throw new ValidationError(MSG.circularResources(stuck), { location: sourceMap.locate(childPointer('/Resources', stuck[0] as string)) });
	const waves = creationWaves(graph);
	const reverse = deletionWaves(graph);
	return {
		parameters,
		conditions,
		resources: kept,
		outputs,
		graph,
		order: waves.flat(),
		waves,
		deletionOrder: reverse.flat(),
		deletionWaves: reverse,
		template: validated,
		context
	};
}

/**
 * Calls `visit` for every resource name a value refers to on the branches its conditions take:
 * Ref, Fn::GetAtt, ${Name} and ${Name.Attr}.
 */
export function liveReferences(value: TemplateValue, pointer: string, conditions: Readonly<Record<string, boolean>>, visit: (name: string, pointer: string) => void): void {
	if (Array.isArray(value)) {
		value.forEach((v, i) => liveReferences(v, childPointer(pointer, i), conditions, visit));
		return;
	}
	if (!isObject(value)) return;
	const call = asFunctionCall(value);
	if (!call) {
		for (const key of keysOf(value)) liveReferences(value[key] as TemplateValue, childPointer(pointer, key), conditions, visit);
		return;
	}
	const arg = call.argument;
	const argPointer = childPointer(pointer, call.name);
	switch (call.name) {
		case 'Ref':
			if (typeof arg === 'string') visit(arg, pointer);
			else liveReferences(arg, argPointer, conditions, visit);
			return;
		case 'Fn::GetAtt': {
			const first = typeof arg === 'string' ? arg.split('.')[0] : Array.isArray(arg) ? arg[0] : undefined;
			const name = scalarText(first) ?? (isObject(first) ? literalSub(first) : undefined);
			if (name !== undefined) visit(name, pointer);
			if (Array.isArray(arg)) arg.forEach((v, i) => liveReferences(v, childPointer(argPointer, i), conditions, visit));
			return;
		}
		case 'Fn::Sub': {
			const text = typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined;
			const vars = Array.isArray(arg) && isObject(arg[1]) ? arg[1] : undefined;
			if (vars) liveReferences(vars, childPointer(argPointer, 1), conditions, visit);
			if (text === undefined || !text.includes('${')) return;
			for (const part of parseSub(text)) {
				if (!('variable' in part) || (vars && Object.prototype.hasOwnProperty.call(vars, part.variable))) continue;
				const dot = part.variable.indexOf('.');
				visit(dot > 0 && !part.variable.startsWith('AWS::') ? part.variable.slice(0, dot) : part.variable, pointer);
			}
			return;
		}
		case 'Fn::If': {
			if (Array.isArray(arg) && typeof arg[0] === 'string' && arg.length === 3) {
				const taken = Object.prototype.hasOwnProperty.call(conditions, arg[0]) && conditions[arg[0]] ? 1 : 2;
				liveReferences(arg[taken] as TemplateValue, childPointer(argPointer, taken), conditions, visit);
			}
			return;
		}
		default:
			liveReferences(arg, argPointer, conditions, visit);
	}
}

function literalSub(v: TemplateValue): string | undefined {
	const call = asFunctionCall(v);
	return call?.name === 'Fn::Sub' && typeof call.argument === 'string' && !call.argument.includes('${') ? call.argument : undefined;
}

/**
 * Rules: for each rule whose RuleCondition holds (or that has none), every Assert must hold.
 * Fn::ValueOf, Fn::ValueOfAll and Fn::RefAll read AWS resources the simulator does not model
 * (VPC attributes, every key pair ...); an assertion that uses them is not checked.
 */
function checkRules(rules: readonly RuleDeclaration[], parameters: Record<string, ParameterValue>, ctx: ResolveContext, sourceMap: SourceMap): void {
	for (const rule of rules) {
		const pointer = childPointer('/Rules', rule.name);
		if (rule.ruleCondition !== undefined) {
			const holds = evaluateRule(rule.ruleCondition, parameters, ctx);
			if (holds !== true) continue;
		}
		rule.assertions.forEach((assertion, i) => {
			const holds = evaluateRule(assertion.assert, parameters, ctx);
			if (holds === false) {
				throw new ValidationError(assertion.description ?? MSG.ruleFailed(rule.name), {
					location: sourceMap.locate(childPointer(childPointer(pointer, 'Assertions'), i)),
					detail: `Rule ${rule.name} refuses these parameter values.`
				});
			}
		});
	}
}

/** true/false, or undefined when the rule uses something the simulator cannot evaluate. */
function evaluateRule(expression: TemplateValue, parameters: Record<string, ParameterValue>, ctx: ResolveContext): boolean | undefined {
	const value = (v: TemplateValue): TemplateValue | undefined => {
		const call = asFunctionCall(v, true);
		if (call && (RULE_FUNCTIONS.has(call.name) || ['Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not'].includes(call.name))) {
			const b = evaluateRule(v, parameters, ctx);
			return b === undefined ? undefined : b;
		}
		if (call && isFnKey(call.name) && call.name !== 'Fn::If') return resolveValue(v, ctx);
		return call?.name === 'Ref' || call?.name === 'Fn::If' ? resolveValue(v, ctx) : v;
	};
	const call = asFunctionCall(expression, true);
	if (!call) return undefined;
	const arg = call.argument;
	const list = (v: TemplateValue | undefined) => (Array.isArray(v) ? v.map((x) => scalarText(x) ?? '') : v === undefined ? undefined : [scalarText(v) ?? '']);
	switch (call.name) {
		case 'Fn::Equals': {
			if (!Array.isArray(arg)) return undefined;
			const a = value(arg[0] as TemplateValue);
			const b = value(arg[1] as TemplateValue);
			return a === undefined || b === undefined ? undefined : scalarText(a) === scalarText(b);
		}
		case 'Fn::Not': {
			const inner = Array.isArray(arg) ? evaluateRule(arg[0] as TemplateValue, parameters, ctx) : undefined;
			return inner === undefined ? undefined : !inner;
		}
		case 'Fn::And':
		case 'Fn::Or': {
			if (!Array.isArray(arg)) return undefined;
			const results = arg.map((a) => evaluateRule(a, parameters, ctx));
			if (results.some((r) => r === undefined)) return undefined;
			return call.name === 'Fn::And' ? results.every(Boolean) : results.some(Boolean);
		}
		case 'Fn::Contains': {
			if (!Array.isArray(arg)) return undefined;
			const items = list(value(arg[0] as TemplateValue));
			const needle = value(arg[1] as TemplateValue);
			return items === undefined || needle === undefined ? undefined : items.includes(scalarText(needle) ?? '');
		}
		case 'Fn::EachMemberEquals': {
			if (!Array.isArray(arg)) return undefined;
			const items = list(value(arg[0] as TemplateValue));
			const needle = value(arg[1] as TemplateValue);
			return items === undefined || needle === undefined ? undefined : items.every((i) => i === scalarText(needle));
		}
		case 'Fn::EachMemberIn': {
			if (!Array.isArray(arg)) return undefined;
			const items = list(value(arg[0] as TemplateValue));
			const allowed = list(value(arg[1] as TemplateValue));
			return items === undefined || allowed === undefined ? undefined : items.every((i) => allowed.includes(i));
		}
		case 'Condition':
			return undefined;
		default:
			return undefined;
	}
}
