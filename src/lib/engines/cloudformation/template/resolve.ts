// Intrinsic functions and pseudo parameters, resolved exactly, against what a stack operation
// knows: parameter values, condition values, the physical IDs and attributes of the resources
// created so far, the account, Region and stack, the Region's exports and Availability Zones.
//
// `{"Ref": "AWS::NoValue"}` (usually as an Fn::If branch) removes the property or list item it
// stands in. Only the taken branch of Fn::If is resolved, so the other may name a resource that
// its condition left out (cfn-facts checklist 4).
import { ValidationError } from '../errors';
import { base64 } from './base64';
import { cidr } from './cidr';
import { sameValue } from './conditions';
import { asFunctionCall, supportedFunctions } from './functions';
import { MSG } from './messages';
import type { ParameterValue } from './parameters';
import { childPointer, type SourceMap } from './source-map';
import { parseSub } from './sub';
import { isObject, keysOf, newObject, own, scalarText, type TemplateObject, type TemplateValue } from './value';

/** What a created resource offers to Ref and Fn::GetAtt. */
export interface ResourceState {
	physicalId?: string | undefined;
	attributes?: Readonly<Record<string, TemplateValue>> | undefined;
}

export interface ResolveContext {
	accountId: string;
	region: string;
	stackName: string;
	stackId: string;
	/** Default: from the Region (aws, aws-cn for cn-*, aws-us-gov for us-gov-*). */
	partition?: string;
	/** Default: amazonaws.com (amazonaws.com.cn in China). */
	urlSuffix?: string;
	notificationArns?: readonly string[];
	parameters: Readonly<Record<string, ParameterValue>>;
	conditions: Readonly<Record<string, boolean>>;
	mappings: TemplateObject;
	languageExtensions: boolean;
	/** Logical IDs of the template's resources (a Ref to one not yet created is "not ready", to anything else unresolved). */
	declaredResources?: ReadonlySet<string>;
	/** Resources created so far. */
	resources?: Readonly<Record<string, ResourceState | undefined>>;
	/** Reads an attribute live (a resource provider); falls back to `resources[id].attributes`. */
	getAtt?: (logicalId: string, attribute: string) => TemplateValue | undefined;
	/** Exports of this account and Region: name → value. */
	exports?: Readonly<Record<string, string>>;
	/** Availability Zones per Region; default `<region>a`, `<region>b`, `<region>c`. */
	availabilityZones?: Readonly<Record<string, readonly string[]>>;
	/** To place errors in the template text. */
	sourceMap?: SourceMap;
}

/** A record's own entry: callers may hand in plain objects, and a template may say `Ref: constructor`. */
const lookup = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
	record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/** What `{"Ref": "AWS::NoValue"}` resolves to before its container drops it. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
type Resolved = TemplateValue | typeof NO_VALUE;

export const partitionOf = (region: string): string => (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
export const urlSuffixOf = (region: string): string => (region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com');
export const defaultAvailabilityZones = (region: string): string[] => ['a', 'b', 'c'].map((s) => region + s);

/** The value of a pseudo parameter, or undefined for another name. */
export function pseudoParameter(name: string, ctx: ResolveContext): TemplateValue | undefined {
	switch (name) {
		case 'AWS::AccountId':
			return ctx.accountId;
		case 'AWS::Region':
			return ctx.region;
		case 'AWS::StackName':
			return ctx.stackName;
		case 'AWS::StackId':
			return ctx.stackId;
		case 'AWS::Partition':
			return ctx.partition ?? partitionOf(ctx.region);
		case 'AWS::URLSuffix':
			return ctx.urlSuffix ?? urlSuffixOf(ctx.region);
		case 'AWS::NotificationARNs':
			return [...(ctx.notificationArns ?? [])];
		default:
			return undefined;
	}
}

/**
 * Resolves a value. Undefined means AWS::NoValue: the caller leaves the property out.
 * `pointer` says where the value is in the template, for error locations.
 */
export function resolveValue(value: TemplateValue, ctx: ResolveContext, pointer = ''): TemplateValue | undefined {
	const r = new Resolver(ctx).resolve(value, pointer);
	return r === NO_VALUE ? undefined : r;
}

/** Resolves an object of properties; properties that resolve to AWS::NoValue are left out. */
export function resolveProperties(properties: TemplateObject | undefined, ctx: ResolveContext, pointer = ''): TemplateObject {
	if (properties === undefined) return newObject();
	const r = new Resolver(ctx).resolve(properties, pointer);
	return isObject(r) ? r : newObject();
}

class Resolver {
	constructor(private readonly ctx: ResolveContext) {}

	private fail(message: string, pointer: string, detail?: string): never {
		const location = this.ctx.sourceMap ? this.ctx.sourceMap.locate(pointer, 'value') : { path: pointer };
		throw new ValidationError(message, { location, ...(detail ? { detail } : {}) });
	}

	resolve(value: TemplateValue, pointer: string): Resolved {
		if (Array.isArray(value)) {
			const out: TemplateValue[] = [];
			for (let i = 0; i < value.length; i++) {
				const r = this.resolve(value[i] as TemplateValue, childPointer(pointer, i));
				if (r !== NO_VALUE) out.push(r);
			}
			return out;
		}
		if (!isObject(value)) return value;
		const call = asFunctionCall(value);
		if (!call) {
			const out = newObject();
			for (const key of keysOf(value)) {
				const r = this.resolve(value[key] as TemplateValue, childPointer(pointer, key));
				if (r !== NO_VALUE) out[key] = r;
			}
			return out;
		}
		return this.call(call.name, call.argument, pointer, childPointer(pointer, call.name));
	}

	/** A value that must be text (a name, a delimiter, an export name ...). */
	private text(value: TemplateValue, pointer: string, message: string): string {
		const r = this.resolve(value, pointer);
		const s = r === NO_VALUE ? undefined : scalarText(r);
		if (s === undefined) this.fail(message, pointer);
		return s;
	}

	private list(value: TemplateValue, pointer: string, message: string): TemplateValue[] {
		const r = this.resolve(value, pointer);
		if (!Array.isArray(r)) this.fail(message, pointer);
		return r;
	}

	private call(name: string, arg: TemplateValue, pointer: string, argPointer: string): Resolved {
		const ctx = this.ctx;
		const at = (i: number) => childPointer(argPointer, i);
		const args = (n: number, message: string): TemplateValue[] => {
			if (!Array.isArray(arg) || arg.length < n) this.fail(message, pointer);
			return arg;
		};
		switch (name) {
			case 'Ref': {
				const target = typeof arg === 'string' ? arg : this.text(arg, argPointer, MSG.refNotString());
				return this.ref(target, pointer);
			}
			case 'Fn::GetAtt': {
				let parts: TemplateValue[];
				if (typeof arg === 'string') {
					const dot = arg.indexOf('.');
					parts = dot < 0 ? [arg] : [arg.slice(0, dot), arg.slice(dot + 1)];
				} else parts = Array.isArray(arg) ? arg : [];
				if (parts.length !== 2) this.fail(MSG.getAttArgs(), pointer);
				const resource = this.text(parts[0] as TemplateValue, at(0), MSG.getAttArgs());
				const attribute = this.text(parts[1] as TemplateValue, at(1), MSG.getAttArgs());
				return this.getAtt(resource, attribute, pointer);
			}
			case 'Fn::Sub':
				return this.sub(arg, pointer, argPointer);
			case 'Fn::Join': {
				const [delimiterArg, listArg] = args(2, MSG.joinArgs());
				const delimiter = this.text(delimiterArg as TemplateValue, at(0), MSG.joinArgs());
				const items = this.list(listArg as TemplateValue, at(1), MSG.joinArgs());
				return items
					.map((item) => {
						const s = scalarText(item);
						if (s === undefined) this.fail(MSG.joinArgs(), at(1), 'Every item Fn::Join joins must be a string.');
						return s;
					})
					.join(delimiter);
			}
			case 'Fn::Select': {
				const [indexArg, listArg] = args(2, MSG.selectArgs());
				const indexText = this.text(indexArg as TemplateValue, at(0), MSG.selectIndex());
				if (!/^[0-9]+$/.test(indexText.trim())) this.fail(MSG.selectIndex(), at(0));
				const index = Number(indexText.trim());
				const items = this.list(listArg as TemplateValue, at(1), MSG.selectArgs());
				if (index >= items.length) this.fail(MSG.selectOutOfRange(index), pointer, `The list has ${items.length} item${items.length === 1 ? '' : 's'}; indexes start at 0.`);
				return items[index] as TemplateValue;
			}
			case 'Fn::Split': {
				const [delimiterArg, sourceArg] = args(2, MSG.splitArgs());
				const delimiter = this.text(delimiterArg as TemplateValue, at(0), MSG.splitArgs());
				const source = this.text(sourceArg as TemplateValue, at(1), MSG.splitArgs());
				return source.split(delimiter);
			}
			case 'Fn::FindInMap':
				return this.findInMap(arg, pointer, argPointer);
			case 'Fn::GetAZs': {
				const region = this.text(arg, argPointer, MSG.getAzsArg()) || ctx.region;
				return [...(lookup(ctx.availabilityZones, region) ?? defaultAvailabilityZones(region))];
			}
			case 'Fn::ImportValue': {
				const exportName = this.text(arg, argPointer, MSG.importValueArg());
				const value = lookup(ctx.exports, exportName);
				if (value === undefined) this.fail(MSG.importValueMissing(exportName), pointer, `No stack in ${ctx.region} of account ${ctx.accountId} exports ${exportName}.`);
				return value;
			}
			case 'Fn::Base64':
				return base64(this.text(arg, argPointer, MSG.base64Arg()));
			case 'Fn::Cidr': {
				const [blockArg, countArg, bitsArg] = args(3, MSG.cidrArgs());
				const block = this.text(blockArg as TemplateValue, at(0), MSG.cidrArgs());
				const count = Number(this.text(countArg as TemplateValue, at(1), MSG.cidrArgs()));
				const bits = Number(this.text(bitsArg as TemplateValue, at(2), MSG.cidrArgs()));
				try {
					return cidr(block, count, bits);
				} catch (e) {
					if (e instanceof ValidationError) this.fail(e.message, pointer, e.detail);
					throw e;
				}
			}
			case 'Fn::If': {
				if (!Array.isArray(arg) || typeof arg[0] !== 'string') this.fail(MSG.ifFirstElement(), pointer);
				if (arg.length !== 3) this.fail(MSG.ifThreeElements(), pointer);
				const condition = lookup(ctx.conditions, arg[0]);
				if (condition === undefined) this.fail(MSG.unresolvedConditionInIf(arg[0]), pointer);
				return condition ? this.resolve(arg[1] as TemplateValue, at(1)) : this.resolve(arg[2] as TemplateValue, at(2));
			}
			case 'Fn::Equals': {
				const [a, b] = args(2, MSG.equalsArgs());
				return sameValue(this.plain(a as TemplateValue, at(0)), this.plain(b as TemplateValue, at(1)));
			}
			case 'Fn::And':
				return args(2, MSG.andOrArgs('Fn::And')).every((a, i) => this.plain(a, at(i)) === true);
			case 'Fn::Or':
				return args(2, MSG.andOrArgs('Fn::Or')).some((a, i) => this.plain(a, at(i)) === true);
			case 'Fn::Not':
				return this.plain(args(1, MSG.notArgs())[0] as TemplateValue, at(0)) !== true;
			case 'Fn::Length': {
				if (!ctx.languageExtensions) break;
				const r = this.resolve(arg, argPointer);
				if (!Array.isArray(r)) this.fail(MSG.lengthArg(), pointer);
				return r.length;
			}
			case 'Fn::ToJsonString': {
				if (!ctx.languageExtensions) break;
				const r = this.resolve(arg, argPointer);
				return JSON.stringify(r === NO_VALUE ? null : r);
			}
			case 'Fn::Transform':
				this.fail(MSG.transformFunction(), pointer);
		}
		return this.fail(MSG.unsupportedFunction(name, supportedFunctions(ctx.languageExtensions)), pointer);
	}

	private plain(value: TemplateValue, pointer: string): TemplateValue | undefined {
		const r = this.resolve(value, pointer);
		return r === NO_VALUE ? undefined : r;
	}

	private ref(target: string, pointer: string): Resolved {
		const ctx = this.ctx;
		if (target === 'AWS::NoValue') return NO_VALUE;
		const pseudo = pseudoParameter(target, ctx);
		if (pseudo !== undefined) return pseudo;
		const parameter = lookup(ctx.parameters, target);
		if (parameter !== undefined) return Array.isArray(parameter) ? [...parameter] : parameter;
		const state = lookup(ctx.resources, target);
		if (state?.physicalId !== undefined) return state.physicalId;
		if (ctx.declaredResources?.has(target) || state) this.fail(MSG.resourceNotReady(target), pointer, `${target} has not been created (yet), so it has no physical ID to give.`);
		return this.fail(MSG.unresolvedResourceDependencies([target], 'Resources'), pointer);
	}

	private getAtt(resource: string, attribute: string, pointer: string): Resolved {
		const ctx = this.ctx;
		const state = lookup(ctx.resources, resource);
		if (!state) {
			if (ctx.declaredResources?.has(resource)) this.fail(MSG.resourceNotReady(resource), pointer, `${resource} has not been created (yet), so its attributes are not known.`);
			this.fail(MSG.getAttUndefinedResource(resource), pointer);
		}
		const value = ctx.getAtt?.(resource, attribute) ?? lookup(state.attributes, attribute);
		if (value === undefined) this.fail(MSG.getAttUnsupportedAttribute(resource, attribute), pointer);
		return value;
	}

	private sub(arg: TemplateValue, pointer: string, argPointer: string): Resolved {
		let text: string;
		let vars: TemplateObject | undefined;
		if (typeof arg === 'string') text = arg;
		else if (Array.isArray(arg) && typeof arg[0] === 'string' && (arg.length === 1 || (arg.length === 2 && isObject(arg[1])))) {
			text = arg[0];
			vars = arg[1] as TemplateObject | undefined;
		} else return this.fail(MSG.subArgs(), pointer);
		let parts;
		try {
			parts = parseSub(text);
		} catch (e) {
			if (e instanceof ValidationError) this.fail(e.message, pointer, e.detail);
			throw e;
		}
		let out = '';
		for (const part of parts) {
			if ('literal' in part) {
				out += part.literal;
				continue;
			}
			const name = part.variable;
			let value: Resolved;
			if (vars && own(vars, name) !== undefined) value = this.resolve(vars[name] as TemplateValue, childPointer(childPointer(argPointer, 1), name));
			else if (name.includes('.') && !name.startsWith('AWS::')) {
				const dot = name.indexOf('.');
				value = this.getAtt(name.slice(0, dot), name.slice(dot + 1), pointer);
			} else value = this.ref(name, pointer);
			const s = value === NO_VALUE ? undefined : scalarText(value);
			if (s === undefined) this.fail(MSG.subVariableNotString(name), pointer, `\${${name}} stands for ${Array.isArray(value) ? 'a list' : 'no single string'}; Fn::Sub can insert only a string (use Fn::Join for a list).`);
			out += s;
		}
		return out;
	}

	private findInMap(arg: TemplateValue, pointer: string, argPointer: string): Resolved {
		const ctx = this.ctx;
		if (!Array.isArray(arg) || arg.length < 3 || arg.length > 4) this.fail(MSG.findInMapArgs(), pointer);
		const [mapName, topKey, secondKey] = [0, 1, 2].map((i) => this.text(arg[i] as TemplateValue, childPointer(argPointer, i), MSG.findInMapArgs())) as [string, string, string];
		const options = arg[3];
		const defaultValue = ctx.languageExtensions && isObject(options) ? own(options, 'DefaultValue') : undefined;
		const map = own(ctx.mappings, mapName);
		const top = isObject(map) ? own(map, topKey) : undefined;
		const value = isObject(top) ? own(top, secondKey) : undefined;
		if (value !== undefined) return value;
		if (defaultValue !== undefined) return this.resolve(defaultValue, childPointer(childPointer(argPointer, 3), 'DefaultValue'));
		if (!isObject(map)) this.fail(MSG.mappingNotPresent(mapName), pointer);
		return this.fail(MSG.mappingKeyMissing(mapName, topKey, secondKey), pointer, `Mapping ${mapName} has no ${isObject(top) ? `key ${secondKey} under ${topKey}` : `top-level key ${topKey}`}.`);
	}
}
