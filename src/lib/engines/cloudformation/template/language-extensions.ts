// The part of the AWS::LanguageExtensions transform that changes the template's shape:
// Fn::ForEach, in Resources, Conditions and Outputs (the only sections it works in). Fn::Length,
// Fn::ToJsonString and FindInMap's DefaultValue are values, resolved with the other functions.
//
//   Fn::ForEach::Name: [Identifier, Collection, { "Key${Identifier}": fragment, ... }]
//
// For each item of the collection every fragment key is copied with `${Identifier}` replaced by
// the item (`&{Identifier}` by the item without its non-alphanumeric characters), and inside the
// fragment `${Identifier}` in Fn::Sub strings and `{"Ref": "Identifier"}` become the item. Plain
// strings and nested keys keep their text (as measured on AWS by MiniStack's authors). Loops nest.
import { ValidationError } from '../errors';
import { asFunctionCall, FOR_EACH_PREFIX } from './functions';
import { MSG } from './messages';
import { childPointer, type SourceMap } from './source-map';
import { isObject, keysOf, newObject, scalarText, type TemplateObject, type TemplateValue } from './value';

export const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';

/** Works out a loop's collection; undefined when it cannot be known yet (a parameter without value). */
export type CollectionEvaluator = (collection: TemplateValue, pointer: string) => TemplateValue | undefined;

export interface ExpandResult {
	body: TemplateObject;
	/** Some loop's collection could not be worked out yet; its output is missing from `body`. */
	deferred: boolean;
}

const SECTIONS = ['Resources', 'Conditions', 'Outputs'] as const;

export function expandForEach(template: TemplateObject, evaluate: CollectionEvaluator, sourceMap: SourceMap): ExpandResult {
	const state = { deferred: false };
	const body = newObject();
	for (const key of keysOf(template)) {
		const section = template[key] as TemplateValue;
		body[key] = (SECTIONS as readonly string[]).includes(key) && isObject(section) ? expandMembers(section, '/' + key, new Map(), evaluate, sourceMap, state) : section;
	}
	return { body, deferred: state.deferred };
}

/** Whether a section holds a loop at all (cheap test before expanding). */
export function hasForEach(template: TemplateObject): boolean {
	return SECTIONS.some((s) => {
		const section = template[s];
		return isObject(section) && keysOf(section).some((k) => k.startsWith(FOR_EACH_PREFIX));
	});
}

function fail(sourceMap: SourceMap, pointer: string, reason: string): never {
	throw new ValidationError(MSG.languageExtensionsFailed(reason), { location: sourceMap.locate(pointer) });
}

function expandMembers(
	members: TemplateObject,
	pointer: string,
	bindings: ReadonlyMap<string, string>,
	evaluate: CollectionEvaluator,
	sourceMap: SourceMap,
	state: { deferred: boolean }
): TemplateObject {
	const out = newObject();
	const add = (key: string, value: TemplateValue, at: string) => {
		if (Object.prototype.hasOwnProperty.call(out, key)) fail(sourceMap, at, `Fn::ForEach produces ${key}, which the template already declares`);
		out[key] = value;
	};
	for (const key of keysOf(members)) {
		const memberPointer = childPointer(pointer, key);
		if (!key.startsWith(FOR_EACH_PREFIX)) {
			add(substituteKey(key, bindings), substituteValue(members[key] as TemplateValue, bindings), memberPointer);
			continue;
		}
		const spec = members[key];
		if (key.length === FOR_EACH_PREFIX.length || !Array.isArray(spec) || spec.length !== 3 || typeof spec[0] !== 'string' || spec[0] === '' || !isObject(spec[2])) {
			fail(sourceMap, memberPointer, 'Fn::ForEach layout is incorrect');
		}
		const [identifier, rawCollection, fragment] = spec as [string, TemplateValue, TemplateObject];
		const collection = evaluate(substituteValue(rawCollection, bindings), childPointer(memberPointer, 1));
		if (collection === undefined) {
			state.deferred = true;
			continue;
		}
		if (!Array.isArray(collection)) fail(sourceMap, childPointer(memberPointer, 1), 'Could not find a collection or could not be resolved for Fn::ForEach');
		for (const fragmentKey of keysOf(fragment)) {
			if (!fragmentKey.startsWith(FOR_EACH_PREFIX) && !fragmentKey.includes('${' + identifier + '}') && !fragmentKey.includes('&{' + identifier + '}')) {
				fail(sourceMap, childPointer(childPointer(memberPointer, 2), fragmentKey), `The key ${fragmentKey} of ${key} must contain \${${identifier}} or &{${identifier}}`);
			}
		}
		for (const item of collection) {
			const text = scalarText(item);
			if (text === undefined) fail(sourceMap, childPointer(memberPointer, 1), 'Fn::ForEach collection items must be strings');
			const scoped = new Map(bindings);
			scoped.set(identifier, text);
			const produced = expandMembers(fragment, childPointer(memberPointer, 2), scoped, evaluate, sourceMap, state);
			for (const producedKey of keysOf(produced)) add(producedKey, produced[producedKey] as TemplateValue, memberPointer);
		}
	}
	return out;
}

function substituteKey(key: string, bindings: ReadonlyMap<string, string>): string {
	if (bindings.size === 0 || (!key.includes('${') && !key.includes('&{'))) return key;
	return key.replace(/([$&])\{([^}!][^}]*)\}/g, (whole, form: string, name: string) => {
		const item = bindings.get(name);
		if (item === undefined) return whole;
		return form === '&' ? item.replace(/[^0-9A-Za-z]/g, '') : item;
	});
}

function substituteSub(text: string, bindings: ReadonlyMap<string, string>): string {
	if (!text.includes('${')) return text;
	return text.replace(/\$\{([^}!][^}]*)\}/g, (whole, name: string) => bindings.get(name) ?? whole);
}

function substituteValue(value: TemplateValue, bindings: ReadonlyMap<string, string>): TemplateValue {
	if (bindings.size === 0) return value;
	if (Array.isArray(value)) return value.map((v) => substituteValue(v, bindings));
	if (!isObject(value)) return value;
	const call = asFunctionCall(value);
	if (call?.name === 'Ref' && typeof call.argument === 'string') {
		const item = bindings.get(call.argument);
		if (item !== undefined) return item;
	}
	if (call?.name === 'Fn::Sub') {
		const arg = call.argument;
		const out = newObject();
		if (typeof arg === 'string') out['Fn::Sub'] = substituteSub(arg, bindings);
		else if (Array.isArray(arg) && typeof arg[0] === 'string') out['Fn::Sub'] = [substituteSub(arg[0], bindings), ...arg.slice(1).map((v) => substituteValue(v, bindings))];
		else out['Fn::Sub'] = substituteValue(arg, bindings);
		return out;
	}
	const out = newObject();
	for (const key of keysOf(value)) out[key] = substituteValue(value[key] as TemplateValue, bindings);
	return out;
}
