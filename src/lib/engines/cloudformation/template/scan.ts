// The static pass over the values of a section: every intrinsic function call is checked for
// the shape of its arguments (the "Template error: every Fn::Join object requires ..." family,
// which AWS reports from ValidateTemplate already) and every reference it makes is collected
// (Ref, Fn::GetAtt, ${Var} and ${Res.Attr} in Fn::Sub) for the checks and the dependency graph.
// Nothing is resolved here; that needs parameter values and happens per stack operation.
import { ValidationError } from '../errors';
import { asFunctionCall, CONDITION_FUNCTIONS, isKnownFunction, RULE_FUNCTIONS, supportedFunctions } from './functions';
import { MSG } from './messages';
import { childPointer, type SourceMap } from './source-map';
import { parseSub } from './sub';
import { isObject, keysOf, own, type TemplateObject, type TemplateValue } from './value';

export type Section = 'Resources' | 'Outputs' | 'Conditions' | 'Rules';

export interface Reference {
	kind: 'Ref' | 'GetAtt' | 'Sub';
	/** The name referred to: a parameter, pseudo parameter or resource (for GetAtt: the resource). */
	target: string;
	/** For GetAtt and ${Res.Attr}: the attribute; undefined when it is computed (LanguageExtensions). */
	attribute?: string;
	/** JSON pointer of the function call. */
	pointer: string;
	/** Inside a branch of Fn::If: only a dependency when that branch is taken. */
	conditional: boolean;
	/** Inside Fn::ImportValue's argument or an Export name, where resources are not allowed. */
	inImport: boolean;
}

export interface ScanContext {
	section: Section;
	languageExtensions: boolean;
	conditionNames: ReadonlySet<string>;
	mappings: TemplateObject | undefined;
	sourceMap: SourceMap;
	/** Out: every reference found. */
	references: Reference[];
	/** Out: macros named by Fn::Transform, and where. */
	macros: { name: string; pointer: string }[];
}

export function scanValue(value: TemplateValue | undefined, pointer: string, ctx: ScanContext, options: { inImport?: boolean } = {}): void {
	walk(value, pointer, ctx, false, options.inImport ?? false);
}

function fail(ctx: ScanContext, pointer: string, message: string, detail?: string): never {
	throw new ValidationError(message, { location: ctx.sourceMap.locate(pointer, 'value'), detail });
}

function walk(value: TemplateValue | undefined, pointer: string, ctx: ScanContext, conditional: boolean, inImport: boolean): void {
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) walk(value[i], childPointer(pointer, i), ctx, conditional, inImport);
		return;
	}
	if (!isObject(value)) return;
	const conditionKey = ctx.section === 'Conditions' || ctx.section === 'Rules';
	const call = asFunctionCall(value, conditionKey);
	if (!call) {
		for (const key of keysOf(value)) walk(value[key], childPointer(pointer, key), ctx, conditional, inImport);
		return;
	}
	const argPointer = childPointer(pointer, call.name);
	const arg = call.argument;
	const le = ctx.languageExtensions;
	const inner = (v: TemplateValue | undefined, p: string, cond = conditional) => walk(v, p, ctx, cond, inImport);
	const ref = (kind: Reference['kind'], target: string, attribute?: string) =>
		ctx.references.push({ kind, target, ...(attribute !== undefined ? { attribute } : {}), pointer, conditional, inImport });

	switch (call.name) {
		case 'Ref': {
			if (typeof arg === 'string') ref('Ref', arg);
			else if (le && isObject(arg)) {
				const literal = literalName(arg);
				if (literal !== undefined) ref('Ref', literal);
				else inner(arg, argPointer);
			} else fail(ctx, pointer, MSG.refNotString(), 'Ref takes the name of a parameter, pseudo parameter or resource.');
			return;
		}
		case 'Condition': {
			if (typeof arg !== 'string') fail(ctx, pointer, MSG.conditionArg());
			return; // checked against the declared conditions by the Conditions pass
		}
		case 'Fn::GetAtt': {
			const parts = typeof arg === 'string' ? splitAtFirstDot(arg) : arg;
			if (!Array.isArray(parts) || parts.length !== 2) fail(ctx, pointer, MSG.getAttArgs());
			const [resource, attribute] = parts as [TemplateValue, TemplateValue];
			const resourceName = typeof resource === 'string' ? resource : le ? literalName(resource) : undefined;
			if (resourceName === undefined) {
				if (le && isObject(resource)) {
					inner(resource, childPointer(argPointer, 0));
					inner(attribute, childPointer(argPointer, 1));
					return;
				}
				fail(ctx, pointer, MSG.getAttArgs());
			}
			if (resourceName === '') fail(ctx, pointer, MSG.getAttArgs());
			if (typeof attribute === 'string') {
				if (attribute === '') fail(ctx, pointer, MSG.getAttArgs());
				ref('GetAtt', resourceName, attribute);
			} else if (asFunctionCall(attribute)) {
				// The attribute name may come from a function (the docs name Ref; cfn-lint also takes
				// Fn::Select and friends): it is then known only at run time.
				const literal = le ? literalName(attribute) : undefined;
				if (literal !== undefined) ref('GetAtt', resourceName, literal);
				else {
					ref('GetAtt', resourceName);
					inner(attribute, childPointer(argPointer, 1));
				}
			} else fail(ctx, pointer, MSG.getAttArgs());
			return;
		}
		case 'Fn::Sub': {
			let text: TemplateValue | undefined;
			let vars: TemplateObject | undefined;
			if (typeof arg === 'string') text = arg;
			else if (Array.isArray(arg) && (arg.length === 1 || arg.length === 2) && typeof arg[0] === 'string' && (arg.length === 1 || isObject(arg[1]))) {
				text = arg[0];
				vars = arg.length === 2 ? (arg[1] as TemplateObject) : undefined;
			} else fail(ctx, pointer, MSG.subArgs());
			if (vars) for (const key of keysOf(vars)) inner(vars[key], childPointer(childPointer(argPointer, 1), key));
			let parts;
			try {
				parts = parseSub(text as string);
			} catch (e) {
				if (e instanceof ValidationError) fail(ctx, pointer, e.message, e.detail);
				throw e;
			}
			for (const part of parts) {
				if (!('variable' in part)) continue;
				const name = part.variable;
				if (vars && Object.prototype.hasOwnProperty.call(vars, name)) continue;
				const dot = name.indexOf('.');
				if (dot > 0 && !name.startsWith('AWS::')) ref('GetAtt', name.slice(0, dot), name.slice(dot + 1));
				else ref('Sub', name);
			}
			return;
		}
		case 'Fn::Join': {
			if (!Array.isArray(arg) || arg.length !== 2 || !(typeof arg[0] === 'string' || (le && isObject(arg[0])))) fail(ctx, pointer, MSG.joinArgs());
			if (!Array.isArray(arg[1]) && !asFunctionCall(arg[1])) fail(ctx, pointer, MSG.joinArgs());
			inner(arg[0], childPointer(argPointer, 0));
			inner(arg[1], childPointer(argPointer, 1));
			return;
		}
		case 'Fn::Split': {
			if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string') fail(ctx, pointer, MSG.splitArgs());
			if (!(typeof arg[1] === 'string' || asFunctionCall(arg[1]))) fail(ctx, pointer, MSG.splitArgs());
			inner(arg[1], childPointer(argPointer, 1));
			return;
		}
		case 'Fn::Select': {
			if (!Array.isArray(arg) || arg.length !== 2) fail(ctx, pointer, MSG.selectArgs());
			const index = arg[0];
			if (!asFunctionCall(index) && !isIndex(index)) fail(ctx, pointer, MSG.selectIndex());
			if (!Array.isArray(arg[1]) && !asFunctionCall(arg[1])) fail(ctx, pointer, MSG.selectArgs());
			if (Array.isArray(arg[1]) && isIndex(index) && Number(index) >= arg[1].length) fail(ctx, pointer, MSG.selectOutOfRange(Number(index)));
			inner(index, childPointer(argPointer, 0));
			inner(arg[1], childPointer(argPointer, 1));
			return;
		}
		case 'Fn::FindInMap': {
			const withDefault = le && Array.isArray(arg) && arg.length === 4 && isObject(arg[3]) && own(arg[3] as TemplateObject, 'DefaultValue') !== undefined;
			if (!Array.isArray(arg) || (arg.length !== 3 && !withDefault)) fail(ctx, pointer, MSG.findInMapArgs());
			for (let i = 0; i < arg.length; i++) {
				const item = arg[i];
				if (i < 3 && !(typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean' || isFindInMapKeyFunction(item, le))) fail(ctx, pointer, MSG.findInMapArgs());
				inner(item, childPointer(argPointer, i));
			}
			const mapName = arg[0];
			if (typeof mapName === 'string' && !withDefault && !(ctx.mappings && own(ctx.mappings, mapName) !== undefined)) {
				fail(ctx, pointer, MSG.mappingNotPresent(mapName), `There is no mapping named ${mapName} in the Mappings section.`);
			}
			return;
		}
		case 'Fn::GetAZs': {
			if (!(typeof arg === 'string' || asFunctionCall(arg))) fail(ctx, pointer, MSG.getAzsArg());
			inner(arg, argPointer);
			return;
		}
		case 'Fn::ImportValue': {
			if (!(typeof arg === 'string' || asFunctionCall(arg))) fail(ctx, pointer, MSG.importValueArg());
			walk(arg, argPointer, ctx, conditional, true);
			return;
		}
		case 'Fn::Base64': {
			inner(arg, argPointer);
			return;
		}
		case 'Fn::Cidr': {
			if (!Array.isArray(arg) || arg.length !== 3) fail(ctx, pointer, MSG.cidrArgs());
			for (let i = 0; i < 3; i++) inner(arg[i], childPointer(argPointer, i));
			return;
		}
		case 'Fn::If': {
			if (!Array.isArray(arg) || arg.length < 1 || typeof arg[0] !== 'string') fail(ctx, pointer, MSG.ifFirstElement());
			if (arg.length !== 3) fail(ctx, pointer, MSG.ifThreeElements());
			const name = arg[0] as string;
			if (!ctx.conditionNames.has(name)) fail(ctx, pointer, MSG.unresolvedConditionInIf(name), `No condition named ${name} is declared in the Conditions section.`);
			inner(arg[1], childPointer(argPointer, 1), true);
			inner(arg[2], childPointer(argPointer, 2), true);
			return;
		}
		case 'Fn::Equals': {
			if (!Array.isArray(arg) || arg.length !== 2) fail(ctx, pointer, MSG.equalsArgs());
			inner(arg[0], childPointer(argPointer, 0));
			inner(arg[1], childPointer(argPointer, 1));
			return;
		}
		case 'Fn::And':
		case 'Fn::Or': {
			if (!Array.isArray(arg) || arg.length < 2 || arg.length > 10 || !arg.every((a) => isConditionExpression(a, ctx))) fail(ctx, pointer, MSG.andOrArgs(call.name));
			arg.forEach((a, i) => inner(a, childPointer(argPointer, i)));
			return;
		}
		case 'Fn::Not': {
			if (!Array.isArray(arg) || arg.length !== 1 || !isConditionExpression(arg[0], ctx)) fail(ctx, pointer, MSG.notArgs());
			inner(arg[0], childPointer(argPointer, 0));
			return;
		}
		case 'Fn::Transform': {
			const name = isObject(arg) ? own(arg, 'Name') : undefined;
			ctx.macros.push({ name: typeof name === 'string' ? name : String(name), pointer });
			return;
		}
		case 'Fn::Length': {
			if (!le) break;
			if (!Array.isArray(arg) && !asFunctionCall(arg)) fail(ctx, pointer, MSG.lengthArg());
			inner(arg, argPointer);
			return;
		}
		case 'Fn::ToJsonString': {
			if (!le) break;
			inner(arg, argPointer);
			return;
		}
		default:
			if (RULE_FUNCTIONS.has(call.name) && ctx.section === 'Rules') {
				inner(arg, argPointer);
				return;
			}
			if (isKnownFunction(call.name, le)) {
				inner(arg, argPointer);
				return;
			}
	}
	fail(ctx, pointer, MSG.unsupportedFunction(call.name, supportedFunctions(le)), `${call.name} is not an intrinsic function${call.name === 'Fn::Length' || call.name === 'Fn::ToJsonString' ? ' unless the template declares Transform: AWS::LanguageExtensions' : ''}.`);
}

function splitAtFirstDot(text: string): TemplateValue[] {
	const dot = text.indexOf('.');
	return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

const isIndex = (v: TemplateValue | undefined): boolean =>
	(typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'string' && /^[0-9]+$/.test(v));

function isFindInMapKeyFunction(v: TemplateValue | undefined, le: boolean): boolean {
	const call = asFunctionCall(v);
	if (!call) return false;
	return le || call.name === 'Ref' || call.name === 'Fn::FindInMap';
}

/** A condition function (or, in Rules, any function); what Fn::And/Or/Not accept as operands. */
function isConditionExpression(v: TemplateValue | undefined, ctx: ScanContext): boolean {
	const call = asFunctionCall(v, true);
	if (!call) return false;
	if (CONDITION_FUNCTIONS.has(call.name)) return true;
	return ctx.section === 'Rules' && RULE_FUNCTIONS.has(call.name);
}

/**
 * The name an argument stands for when LanguageExtensions lets a function take a name's place
 * and the function is constant: `{"Fn::Sub": "Bucket"}` after Fn::ForEach filled in its
 * identifier.
 */
export function literalName(v: TemplateValue | undefined): string | undefined {
	if (typeof v === 'string') return v;
	const call = asFunctionCall(v);
	if (call?.name === 'Fn::Sub' && typeof call.argument === 'string' && !call.argument.includes('${')) return call.argument;
	return undefined;
}
