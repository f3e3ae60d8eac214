// ValidateTemplate: everything CloudFormation checks about a template before it looks at
// parameter values, in one pass, stopping at the first fault as AWS does. Property values are
// not checked (that happens when a resource provider creates the resource); a stack operation
// hooks its own checks in through planStack.
//
// The order of the checks is AWS's where it shows (structure before references, GetAtt faults
// before unresolved names, which are gathered over the whole section and reported together) and
// otherwise this file's, chosen so that each fault is reported as the one a learner made.
import type { ValidateTemplateOutput } from '@aws-sdk/client-cloudformation';
import { ValidationError } from '../errors';
import { allowsAttribute, knowsType, type ResourceCatalog } from './catalog';
import { requiredCapabilities, type RequiredCapabilities } from './capabilities';
import { checkConditions, readConditions } from './conditions';
import { asFunctionCall, PSEUDO_PARAMETERS } from './functions';
import { graphOf, unorderable } from './graph';
import { expandForEach, hasForEach, LANGUAGE_EXTENSIONS, type CollectionEvaluator } from './language-extensions';
import { LIMITS } from './limits';
import { readMappings } from './mappings';
import { MSG } from './messages';
import type { ResourceDeclaration, TemplateModel } from './model';
import { readOutputs } from './outputs';
import { isListParameterType, readParameters, splitList, type ParameterValue } from './parameters';
import { parseTemplate, utf8Length, type ParsedTemplate, type ParseOptions } from './parse';
import { checkPolicies, readResources } from './resources';
import { readRules } from './rules';
import { scanValue, type Reference, type ScanContext } from './scan';
import { childPointer, toPointer, type SourceMap } from './source-map';
import { readTransforms, checkTransforms } from './transform';
import { isObject, keysOf, own, scalarText, type TemplateObject, type TemplateValue } from './value';

export const TEMPLATE_SECTIONS: readonly string[] = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs'];

export interface ValidateOptions extends ParseOptions {
	/**
	 * Parameter values, when known (a stack operation): Fn::ForEach collections that depend on
	 * parameters are expanded with them. Without them, parameter Defaults are used where present.
	 */
	parameterValues?: Readonly<Record<string, ParameterValue>>;
}

export interface ValidatedTemplate {
	/** The parsed text, before Fn::ForEach expansion. */
	parsed: ParsedTemplate;
	/** The catalog it was validated against (a plan re-validates with it when Fn::ForEach waited for parameters). */
	catalog: ResourceCatalog;
	model: TemplateModel;
	sourceMap: SourceMap;
	/** ValidateTemplate's response. */
	output: ValidateTemplateOutput;
	capabilities: RequiredCapabilities;
	/** Every reference made by resources, outputs and conditions (for explanations and the graph). */
	references: { resources: Map<string, Reference[]>; outputs: Map<string, Reference[]> };
}

/** Parses and validates template text: ValidateTemplate's work. */
export function validateTemplate(text: string, catalog: ResourceCatalog, options: ValidateOptions = {}): ValidatedTemplate {
	return validateParsedTemplate(parseTemplate(text, options), catalog, options);
}

export function validateParsedTemplate(parsed: ParsedTemplate, catalog: ResourceCatalog, options: ValidateOptions = {}): ValidatedTemplate {
	const { sourceMap } = parsed;
	const raw = parsed.template;
	const fail: (message: string, pointer: string, detail?: string, prefer?: 'key' | 'value') => never = (message, pointer, detail, prefer = 'key') => {
		throw new ValidationError(message, { location: sourceMap.locate(pointer, prefer), ...(detail ? { detail } : {}) });
	};

	// AWSTemplateFormatVersion and Description: literal strings.
	const version = own(raw, 'AWSTemplateFormatVersion');
	if (version !== undefined && scalarText(version) !== '2010-09-09') {
		fail(MSG.formatVersion(), '/AWSTemplateFormatVersion', 'The only template format version is 2010-09-09.', 'value');
	}
	const descriptionValue = own(raw, 'Description');
	let description: string | undefined;
	if (descriptionValue !== undefined) {
		description = scalarText(descriptionValue);
		if (description === undefined) fail(MSG.descriptionNotString(), '/Description', 'Description is a literal string; intrinsic functions are not allowed in it.', 'value');
		if (utf8Length(description, LIMITS.descriptionBytes) > LIMITS.descriptionBytes) fail(MSG.descriptionTooLong(LIMITS.descriptionBytes), '/Description', undefined, 'value');
	}

	// Transform: only AWS::LanguageExtensions runs here; it expands Fn::ForEach before anything else is read.
	const transforms = readTransforms(own(raw, 'Transform'), sourceMap);
	checkTransforms(transforms, sourceMap);
	const languageExtensions = transforms.includes(LANGUAGE_EXTENSIONS);
	let body = raw;
	let deferredLoops = false;
	if (languageExtensions && hasForEach(raw)) {
		const expanded = expandForEach(raw, collectionEvaluator(raw, options.parameterValues), sourceMap);
		body = expanded.body;
		deferredLoops = expanded.deferred;
	}

	checkNoNulls(body, sourceMap);

	const parameters = readParameters(own(body, 'Parameters'), sourceMap);
	const rules = readRules(own(body, 'Rules'), sourceMap);
	const mappings = readMappings(own(body, 'Mappings'), sourceMap);
	const conditions = readConditions(own(body, 'Conditions'), sourceMap);
	const parameterNames = new Set(parameters.map((p) => p.key));
	checkConditions(conditions, { parameters: parameterNames, mappings, languageExtensions, sourceMap });
	const conditionNames = new Set(conditions.map((c) => c.name));

	const resources = readResources(own(body, 'Resources'), sourceMap, deferredLoops);
	const unknownTypes: string[] = [];
	for (const r of resources) if (!knowsType(catalog, r.type) && !unknownTypes.includes(r.type)) unknownTypes.push(r.type);
	if (unknownTypes.length > 0) {
		const first = resources.find((r) => r.type === unknownTypes[0]) as ResourceDeclaration;
		fail(
			MSG.unrecognizedResourceTypes(unknownTypes),
			childPointer(childPointer('/Resources', first.logicalId), 'Type'),
			unknownTypes.some((t) => t.startsWith('AWS::Serverless::'))
				? 'AWS::Serverless::* types exist only inside the AWS SAM transform (Transform: AWS::Serverless-2016-10-31).'
				: 'Check the spelling against the AWS resource type reference: service and type names are case-sensitive.',
			'value'
		);
	}
	for (const r of resources) {
		if (r.condition !== undefined && !conditionNames.has(r.condition)) {
			fail(MSG.conditionNotDefined(r.condition), childPointer(childPointer('/Resources', r.logicalId), 'Condition'), `No condition named ${r.condition} is declared in the Conditions section.`, 'value');
		}
		checkPolicies(r, languageExtensions, sourceMap, catalog.supportsSnapshot?.bind(catalog));
	}

	const outputs = readOutputs(own(body, 'Outputs'), sourceMap);
	for (const o of outputs) {
		if (o.condition !== undefined && !conditionNames.has(o.condition)) {
			fail(MSG.conditionNotDefined(o.condition), childPointer(childPointer('/Outputs', o.key), 'Condition'), `No condition named ${o.condition} is declared in the Conditions section.`, 'value');
		}
	}

	const unknownSections = keysOf(raw).filter((k) => !TEMPLATE_SECTIONS.includes(k));
	if (unknownSections.length > 0) {
		fail(MSG.invalidTemplateProperties(unknownSections), childPointer('', unknownSections[0] as string), `The top-level sections are ${TEMPLATE_SECTIONS.join(', ')}.`);
	}

	const resourceTypes = new Map(resources.map((r) => [r.logicalId, r.type]));
	const shared = resources.filter((r) => parameterNames.has(r.logicalId)).map((r) => r.logicalId);
	if (shared.length > 0) fail(MSG.namesNotUnique(shared), childPointer('/Resources', shared[0] as string), 'A resource and a parameter cannot have the same logical ID.');

	// References, resource by resource in template order.
	const macros: ScanContext['macros'] = [];
	const scanContext = (section: 'Resources' | 'Outputs' | 'Rules', references: Reference[]): ScanContext => ({
		section,
		languageExtensions,
		conditionNames,
		mappings,
		sourceMap,
		references,
		macros
	});
	const resourceRefs = new Map<string, Reference[]>();
	const unresolved: string[] = [];
	let firstUnresolved: string | undefined;
	const noteUnresolved = (name: string, pointer: string) => {
		if (!unresolved.includes(name)) unresolved.push(name);
		firstUnresolved ??= pointer;
	};
	const known = (name: string) => parameterNames.has(name) || PSEUDO_PARAMETERS.has(name) || resourceTypes.has(name);
	const checkReferences = (references: readonly Reference[], block: 'Resources' | 'Outputs') => {
		for (const ref of references) {
			if (ref.kind === 'GetAtt') {
				const type = resourceTypes.get(ref.target);
				if (type === undefined) fail(MSG.getAttUndefinedResource(ref.target), ref.pointer, `There is no resource named ${ref.target} in this template.`, 'value');
				if (ref.attribute !== undefined && !allowsAttribute(catalog, type, ref.attribute)) {
					fail(MSG.getAttUnsupportedAttribute(ref.target, ref.attribute), ref.pointer, `${type} has no attribute ${ref.attribute} that Fn::GetAtt can read.`, 'value');
				}
			} else if (!known(ref.target)) noteUnresolved(ref.target, ref.pointer);
			if (ref.inImport && resourceTypes.has(ref.target)) {
				fail(MSG.importValueDependsOnResource([ref.target]), ref.pointer, 'An export name (and the name given to Fn::ImportValue) must not depend on resources.', 'value');
			}
		}
		if (unresolved.length > 0) {
			fail(MSG.unresolvedResourceDependencies(unresolved, block), firstUnresolved ?? '/' + block, `${unresolved.join(', ')}: no parameter, pseudo parameter or resource has ${unresolved.length > 1 ? 'these names' : 'this name'}.`, 'value');
		}
	};
	const resourceRefsAll: Reference[] = [];
	for (const r of resources) {
		const pointer = childPointer('/Resources', r.logicalId);
		r.dependsOn.forEach((d, i) => {
			// A single DependsOn string has no /0 in the source map; locate() then falls back to DependsOn itself.
			if (!resourceTypes.has(d)) noteUnresolved(d, childPointer(childPointer(pointer, 'DependsOn'), i));
		});
		const refs: Reference[] = [];
		const ctx = scanContext('Resources', refs);
		scanValue(r.properties, childPointer(pointer, 'Properties'), ctx);
		scanValue(r.metadata, childPointer(pointer, 'Metadata'), ctx);
		scanValue(r.creationPolicy, childPointer(pointer, 'CreationPolicy'), ctx);
		scanValue(r.updatePolicy, childPointer(pointer, 'UpdatePolicy'), ctx);
		if (languageExtensions) {
			scanValue(r.deletionPolicy, childPointer(pointer, 'DeletionPolicy'), ctx);
			scanValue(r.updateReplacePolicy, childPointer(pointer, 'UpdateReplacePolicy'), ctx);
		}
		resourceRefs.set(r.logicalId, refs);
		resourceRefsAll.push(...refs);
	}
	checkReferences(resourceRefsAll, 'Resources');

	const outputRefs = new Map<string, Reference[]>();
	const outputRefsAll: Reference[] = [];
	for (const o of outputs) {
		const pointer = childPointer('/Outputs', o.key);
		const refs: Reference[] = [];
		const ctx = scanContext('Outputs', refs);
		scanValue(o.value, childPointer(pointer, 'Value'), ctx);
		if (o.exportName !== undefined) scanValue(o.exportName, childPointer(childPointer(pointer, 'Export'), 'Name'), ctx, { inImport: true });
		outputRefs.set(o.key, refs);
		outputRefsAll.push(...refs);
	}
	checkReferences(outputRefsAll, 'Outputs');

	for (const rule of rules) {
		const pointer = childPointer('/Rules', rule.name);
		const ctx = scanContext('Rules', []);
		scanValue(rule.ruleCondition, childPointer(pointer, 'RuleCondition'), ctx);
		rule.assertions.forEach((a, i) => scanValue(a.assert, childPointer(childPointer(childPointer(pointer, 'Assertions'), i), 'Assert'), ctx));
	}

	if (macros.length > 0) {
		const names = [...new Set(macros.map((m) => m.name))];
		fail(MSG.transformNotSupported(names), (macros[0] as { pointer: string }).pointer, 'Fn::Transform runs a macro (such as AWS::Include); the simulator cannot run macros.', 'value');
	}

	// Cycles that exist whatever the conditions: references outside Fn::If branches, and DependsOn.
	const edges = new Map<string, string[]>();
	for (const r of resources) {
		const targets = [...r.dependsOn];
		for (const ref of resourceRefs.get(r.logicalId) ?? []) if (!ref.conditional && resourceTypes.has(ref.target)) targets.push(ref.target);
		edges.set(r.logicalId, targets);
	}
	const stuck = unorderable(graphOf(resources.map((r) => r.logicalId), edges));
	if (stuck.length > 0) {
		fail(MSG.circularResources(stuck), childPointer('/Resources', stuck[0] as string), 'Each of these resources waits, directly or through others, for one that waits for it. Remove a Ref, Fn::GetAtt, Fn::Sub reference or DependsOn to break the loop.');
	}

	const capabilities = requiredCapabilities(resources, transforms);
	const model: TemplateModel = {
		format: parsed.format,
		...(version !== undefined ? { formatVersion: scalarText(version) as string } : {}),
		...(description !== undefined ? { description } : {}),
		transforms,
		languageExtensions,
		...(own(raw, 'Metadata') !== undefined ? { metadata: own(raw, 'Metadata') as TemplateValue } : {}),
		parameters,
		rules,
		mappings,
		conditions,
		resources,
		outputs,
		body,
		deferredLoops
	};
	const output: ValidateTemplateOutput = {
		Parameters: parameters.map((p) => ({
			ParameterKey: p.key,
			...(p.default !== undefined ? { DefaultValue: p.default } : {}),
			NoEcho: p.noEcho,
			...(p.description !== undefined ? { Description: p.description } : {})
		})),
		...(description !== undefined ? { Description: description } : {}),
		...(capabilities.capabilities.length > 0 ? { Capabilities: capabilities.capabilities } : {}),
		...(capabilities.reason !== undefined ? { CapabilitiesReason: capabilities.reason } : {}),
		...(transforms.length > 0 ? { DeclaredTransforms: transforms } : {})
	};
	return { parsed, catalog, model, sourceMap, output, capabilities, references: { resources: resourceRefs, outputs: outputRefs } };
}

/**
 * 'null' is not a template value (AWS: "[/path] 'null' values are not allowed in templates"),
 * except in the free-form template Metadata. An empty YAML value (`Properties:` with nothing
 * under it) is a null too.
 */
function checkNoNulls(body: TemplateObject, sourceMap: SourceMap): void {
	// A path stack, turned into a pointer only when a null is found: most templates have none.
	const path: (string | number)[] = [];
	const visit = (v: TemplateValue | undefined): void => {
		if (v === null) {
			const pointer = toPointer(path);
			throw new ValidationError(MSG.nullValue(pointer), { location: sourceMap.locate(pointer), detail: 'This entry has no value. Give it one, or remove it.' });
		}
		if (typeof v !== 'object') return;
		if (Array.isArray(v)) {
			for (let i = 0; i < v.length; i++) {
				path.push(i);
				visit(v[i]);
				path.pop();
			}
			return;
		}
		for (const key in v) {
			path.push(key);
			visit(v[key]);
			path.pop();
		}
	};
	for (const key of keysOf(body)) {
		if (key === 'Metadata') continue;
		path.push(key);
		visit(body[key]);
		path.pop();
	}
}

/**
 * Works out an Fn::ForEach collection before parameter values are known: literal lists, and
 * Ref/Fn::FindInMap over parameters with values (given, or Defaults) and mappings.
 */
function collectionEvaluator(template: TemplateObject, values: Readonly<Record<string, ParameterValue>> | undefined): CollectionEvaluator {
	const declared = own(template, 'Parameters');
	const mappings = own(template, 'Mappings');
	const parameterValue = (name: string): TemplateValue | undefined => {
		const given = values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
		if (given !== undefined) return given;
		const def = isObject(declared) ? own(declared, name) : undefined;
		if (!isObject(def)) return undefined;
		const d = scalarText(own(def, 'Default'));
		if (d === undefined) return undefined;
		const type = scalarText(own(def, 'Type')) ?? 'String';
		return isListParameterType(type) ? splitList(d) : d;
	};
	const evaluate = (v: TemplateValue): TemplateValue | undefined => {
		if (Array.isArray(v)) {
			const items = v.map(evaluate);
			return items.every((i) => i !== undefined) ? (items as TemplateValue[]) : undefined;
		}
		if (!isObject(v)) return v;
		const call = asFunctionCall(v);
		if (call?.name === 'Ref' && typeof call.argument === 'string') return parameterValue(call.argument);
		if (call?.name === 'Fn::FindInMap' && Array.isArray(call.argument) && isObject(mappings)) {
			const [m, k1, k2] = call.argument.map((a) => scalarText(evaluate(a)));
			if (m === undefined || k1 === undefined || k2 === undefined) return undefined;
			const map = own(mappings, m);
			const top = isObject(map) ? own(map, k1) : undefined;
			return isObject(top) ? own(top, k2) : undefined;
		}
		if (call?.name === 'Fn::Split' && Array.isArray(call.argument)) {
			const delimiter = scalarText(call.argument[0]);
			const source = scalarText(evaluate(call.argument[1] as TemplateValue));
			return delimiter === undefined || source === undefined ? undefined : source.split(delimiter);
		}
		return undefined;
	};
	return (collection) => evaluate(collection);
}
