// Which objects in a template are intrinsic function calls, and which functions exist.
// A call is an object with exactly one key: `Ref`, `Fn::Something`, or (only where conditions
// are evaluated) `Condition`. AWS treats any other `Fn::` key (in any letter case: `fn::GetAtt`
// is refused too) as an unsupported function.
import { isObject, type TemplateValue } from './value';

/** The list AWS prints after "Supported functions are:" (quoted from a real response). */
export const SUPPORTED_FUNCTIONS: readonly string[] = [
	'Fn::Base64',
	'Fn::GetAtt',
	'Fn::GetAZs',
	'Fn::ImportValue',
	'Fn::Join',
	'Fn::Split',
	'Fn::FindInMap',
	'Fn::Select',
	'Ref',
	'Fn::Equals',
	'Fn::If',
	'Fn::Not',
	'Condition',
	'Fn::And',
	'Fn::Or',
	'Fn::Contains',
	'Fn::EachMemberEquals',
	'Fn::EachMemberIn',
	'Fn::ValueOf',
	'Fn::ValueOfAll',
	'Fn::RefAll',
	'Fn::Sub',
	'Fn::Cidr'
];

/** Added by `Transform: AWS::LanguageExtensions` (Fn::ForEach is a key form, handled apart). */
export const LANGUAGE_EXTENSION_FUNCTIONS: readonly string[] = ['Fn::Length', 'Fn::ToJsonString'];

/** Functions only the Rules section evaluates. */
export const RULE_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::Contains', 'Fn::EachMemberEquals', 'Fn::EachMemberIn', 'Fn::ValueOf', 'Fn::ValueOfAll', 'Fn::RefAll']);

/** Functions whose value is a boolean (the condition functions). */
export const CONDITION_FUNCTIONS: ReadonlySet<string> = new Set(['Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Condition']);

export const FOR_EACH_PREFIX = 'Fn::ForEach::';

export interface FunctionCall {
	name: string;
	argument: TemplateValue;
}

/**
 * The call an object stands for, if it is one. `conditionKey` says whether a lone `Condition`
 * key is the condition function here (in Conditions and Rules) or just a property name.
 */
export function asFunctionCall(value: TemplateValue | undefined, conditionKey = false): FunctionCall | undefined {
	if (!isObject(value)) return undefined;
	let name: string | undefined;
	for (const key in value) {
		if (name !== undefined) return undefined; // two keys: a plain object
		name = key;
	}
	if (name === undefined) return undefined;
	if (name === 'Ref' || (conditionKey && name === 'Condition') || isFnKey(name)) return { name, argument: value[name] as TemplateValue };
	return undefined;
}

/** `Fn::` in any letter case, as AWS reads it. */
export const isFnKey = (key: string): boolean => key.length > 4 && (key.charCodeAt(0) | 32) === 102 && (key.charCodeAt(1) | 32) === 110 && key[2] === ':' && key[3] === ':';

export function supportedFunctions(languageExtensions: boolean): readonly string[] {
	return languageExtensions ? [...SUPPORTED_FUNCTIONS, ...LANGUAGE_EXTENSION_FUNCTIONS, 'Fn::ForEach'] : SUPPORTED_FUNCTIONS;
}

export function isKnownFunction(name: string, languageExtensions: boolean): boolean {
	if (name === 'Fn::Transform') return true;
	if (SUPPORTED_FUNCTIONS.includes(name)) return true;
	return languageExtensions && LANGUAGE_EXTENSION_FUNCTIONS.includes(name);
}

/** The pseudo parameters Ref and ${} accept. */
export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
	'AWS::AccountId',
	'AWS::NotificationARNs',
	'AWS::NoValue',
	'AWS::Partition',
	'AWS::Region',
	'AWS::StackId',
	'AWS::StackName',
	'AWS::URLSuffix'
]);
