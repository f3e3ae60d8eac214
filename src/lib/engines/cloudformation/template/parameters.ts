// The Parameters section: declarations (checked by ValidateTemplate) and values (checked by
// CreateStack, UpdateStack and CreateChangeSet, never by ValidateTemplate: cfn-facts checklist 6).
import { ValidationError } from '../errors';
import { LIMITS, LOGICAL_ID } from './limits';
import { MSG } from './messages';
import type { ParameterDeclaration } from './model';
import { childPointer, type SourceMap } from './source-map';
import { isObject, keysOf, own, scalarText, type TemplateValue } from './value';

/** The AWS-specific types whose value must name something that exists in the account and Region. */
export const AWS_SPECIFIC_PARAMETER_TYPES: readonly string[] = [
	'AWS::EC2::AvailabilityZone::Name',
	'AWS::EC2::Image::Id',
	'AWS::EC2::Instance::Id',
	'AWS::EC2::KeyPair::KeyName',
	'AWS::EC2::SecurityGroup::GroupName',
	'AWS::EC2::SecurityGroup::Id',
	'AWS::EC2::Subnet::Id',
	'AWS::EC2::Volume::Id',
	'AWS::EC2::VPC::Id',
	'AWS::Route53::HostedZone::Id'
];

const BASIC_TYPES = ['String', 'Number', 'List<Number>', 'CommaDelimitedList'];

/** Every parameter type CloudFormation accepts (Parameters reference, cfn-facts §1). */
export const PARAMETER_TYPES: ReadonlySet<string> = new Set([
	...BASIC_TYPES,
	...AWS_SPECIFIC_PARAMETER_TYPES,
	...AWS_SPECIFIC_PARAMETER_TYPES.map((t) => `List<${t}>`),
	'AWS::SSM::Parameter::Name',
	'AWS::SSM::Parameter::Value<String>',
	'AWS::SSM::Parameter::Value<List<String>>',
	'AWS::SSM::Parameter::Value<CommaDelimitedList>',
	...AWS_SPECIFIC_PARAMETER_TYPES.map((t) => `AWS::SSM::Parameter::Value<${t}>`),
	...AWS_SPECIFIC_PARAMETER_TYPES.map((t) => `AWS::SSM::Parameter::Value<List<${t}>>`)
]);

const PARAMETER_PROPERTIES = new Set([
	'Type',
	'Default',
	'AllowedValues',
	'AllowedPattern',
	'MinLength',
	'MaxLength',
	'MinValue',
	'MaxValue',
	'NoEcho',
	'Description',
	'ConstraintDescription'
]);

/** Whether a Ref to a parameter of this type gives a list of strings. */
export const isListParameterType = (type: string): boolean =>
	type === 'CommaDelimitedList' || type.startsWith('List<') || type === 'AWS::SSM::Parameter::Value<List<String>>' || type === 'AWS::SSM::Parameter::Value<CommaDelimitedList>' || type.startsWith('AWS::SSM::Parameter::Value<List<');

export const isSsmParameterType = (type: string): boolean => type.startsWith('AWS::SSM::Parameter::Value<');

export function readParameters(section: TemplateValue | undefined, sourceMap: SourceMap): ParameterDeclaration[] {
	if (section === undefined) return [];
	if (!isObject(section)) throw new ValidationError(MSG.sectionNotObject('Parameters'), { location: sourceMap.locate('/Parameters') });
	const names = keysOf(section);
	if (names.length > LIMITS.parameters) throw new ValidationError(MSG.tooManyParameters(LIMITS.parameters), { location: sourceMap.locate('/Parameters') });
	return names.map((key) => readParameter(key, section[key], childPointer('/Parameters', key), sourceMap));
}

function readParameter(key: string, def: TemplateValue | undefined, pointer: string, sourceMap: SourceMap): ParameterDeclaration {
	const where = (p = pointer) => ({ location: sourceMap.locate(p) });
	if (!LOGICAL_ID.test(key)) throw new ValidationError(MSG.nameNotAlphanumeric('Parameter', key), { ...where(), detail: 'Parameter names are letters and digits only.' });
	if (key.length > LIMITS.logicalIdLength) throw new ValidationError(MSG.logicalIdTooLong('Parameter', key, LIMITS.logicalIdLength), where());
	if (!isObject(def)) throw new ValidationError(MSG.parameterNotObject(), where());
	for (const property of keysOf(def)) {
		if (!PARAMETER_PROPERTIES.has(property)) throw new ValidationError(MSG.invalidParameterProperty(property), where(childPointer(pointer, property)));
	}
	const type = own(def, 'Type');
	if (type === undefined || type === null) throw new ValidationError(MSG.parameterNeedsType(pointer), where());
	if (typeof type !== 'string') throw new ValidationError(MSG.parameterMemberMustBeString('Type'), where(childPointer(pointer, 'Type')));
	if (!PARAMETER_TYPES.has(type)) {
		throw new ValidationError(MSG.unrecognizedParameterType(type), {
			...where(childPointer(pointer, 'Type')),
			detail: 'Parameter types are String, Number, List<Number>, CommaDelimitedList, the AWS-specific types (AWS::EC2::VPC::Id, ...) and the SSM types (AWS::SSM::Parameter::Value<String>, ...).'
		});
	}
	const out: ParameterDeclaration = { key, type, noEcho: false };
	const text = (member: string): string | undefined => {
		const v = own(def, member);
		if (v === undefined) return undefined;
		const s = scalarText(v);
		if (s === undefined) throw new ValidationError(MSG.parameterMemberMustBeString(member), where(childPointer(pointer, member)));
		return s;
	};
	const number = (member: string): number | undefined => {
		const s = text(member);
		if (s === undefined) return undefined;
		const n = Number(s);
		if (s.trim() === '' || !Number.isFinite(n)) throw new ValidationError(MSG.parameterNumberMember(key, member), where(childPointer(pointer, member)));
		return n;
	};
	const defaultValue = text('Default');
	if (defaultValue !== undefined) out.default = defaultValue;
	const description = text('Description');
	if (description !== undefined) out.description = description;
	const allowedValues = own(def, 'AllowedValues');
	if (allowedValues !== undefined) {
		if (!Array.isArray(allowedValues)) throw new ValidationError(MSG.allowedValuesMustBeList(), where(childPointer(pointer, 'AllowedValues')));
		out.allowedValues = allowedValues.map((v, i) => {
			const s = scalarText(v);
			if (s === undefined) throw new ValidationError(MSG.parameterMemberMustBeString('AllowedValues'), where(childPointer(childPointer(pointer, 'AllowedValues'), i)));
			return s;
		});
	}
	const pattern = text('AllowedPattern');
	if (pattern !== undefined) {
		out.allowedPattern = pattern;
		if (compilePattern(pattern) === undefined) throw new ValidationError(MSG.allowedPatternInvalid(key), where(childPointer(pointer, 'AllowedPattern')));
	}
	const minLength = number('MinLength');
	const maxLength = number('MaxLength');
	const minValue = number('MinValue');
	const maxValue = number('MaxValue');
	if (minLength !== undefined) out.minLength = minLength;
	if (maxLength !== undefined) out.maxLength = maxLength;
	if (minValue !== undefined) out.minValue = minValue;
	if (maxValue !== undefined) out.maxValue = maxValue;
	if (minLength !== undefined && maxLength !== undefined && maxLength < minLength) throw new ValidationError(MSG.parameterMinMax(key, 'MinLength', 'MaxLength'), where());
	if (minValue !== undefined && maxValue !== undefined && maxValue < minValue) throw new ValidationError(MSG.parameterMinMax(key, 'MinValue', 'MaxValue'), where());
	const constraint = text('ConstraintDescription');
	if (constraint !== undefined) out.constraintDescription = constraint;
	const noEcho = text('NoEcho');
	if (noEcho !== undefined) out.noEcho = noEcho.toLowerCase() === 'true';
	return out;
}

/**
 * AllowedPattern is a Java regular expression matched against the whole value. JavaScript's
 * dialect is close enough for the patterns templates use; a pattern JavaScript cannot compile
 * is treated as invalid.
 */
export function compilePattern(pattern: string): RegExp | undefined {
	try {
		return new RegExp(`^(?:${pattern})$`, 'u');
	} catch {
		try {
			return new RegExp(`^(?:${pattern})$`);
		} catch {
			return undefined;
		}
	}
}

/** A parameter value as a stack sees it: text, or a list of texts for list types. */
export type ParameterValue = string | string[];

export interface SuppliedParameter {
	ParameterKey?: string | undefined;
	ParameterValue?: string | undefined;
	UsePreviousValue?: boolean | undefined;
}

/**
 * The values of a stack operation: supplied values, else previous values (UsePreviousValue),
 * else defaults; each checked against its declaration with AWS's sentences. SSM parameter types
 * are looked up with `resolveSsm` (their value is the SSM parameter's name).
 */
export function resolveParameterValues(
	declarations: readonly ParameterDeclaration[],
	supplied: readonly SuppliedParameter[] = [],
	options: { previous?: Readonly<Record<string, string>>; resolveSsm?: (name: string, type: string) => string } = {}
): Record<string, ParameterValue> {
	const declared = new Map(declarations.map((d) => [d.key, d]));
	const given = new Map<string, string>();
	const unknown: string[] = [];
	for (const p of supplied) {
		const key = p.ParameterKey ?? '';
		if (!declared.has(key)) {
			unknown.push(key);
			continue;
		}
		if (p.UsePreviousValue) {
			const previous = options.previous?.[key];
			if (previous !== undefined) given.set(key, previous);
		} else if (p.ParameterValue !== undefined) given.set(key, p.ParameterValue);
	}
	if (unknown.length > 0) throw new ValidationError(MSG.parametersDoNotExist(unknown));
	const missing = declarations.filter((d) => !given.has(d.key) && d.default === undefined).map((d) => d.key);
	if (missing.length > 0) throw new ValidationError(MSG.parametersMustHaveValues(missing));
	const values: Record<string, ParameterValue> = Object.create(null) as Record<string, ParameterValue>;
	for (const d of declarations) {
		const raw = given.get(d.key) ?? d.default ?? '';
		checkParameterValue(d, raw);
		let value = raw;
		if (isSsmParameterType(d.type) && options.resolveSsm) value = options.resolveSsm(raw, d.type);
		values[d.key] = isListParameterType(d.type) ? splitList(value) : value;
	}
	return values;
}

/** CommaDelimitedList: split on commas, each item trimmed of spaces (Parameters reference). */
export const splitList = (value: string): string[] => (value === '' ? [] : value.split(',').map((s) => s.trim()));

export function checkParameterValue(d: ParameterDeclaration, value: string): void {
	const bytes = new TextEncoder().encode(value).length;
	if (bytes > LIMITS.parameterValueBytes) throw new ValidationError(MSG.parameterValueTooLong(d.key, LIMITS.parameterValueBytes));
	const items = isListParameterType(d.type) ? splitList(value) : [value];
	const numeric = d.type === 'Number' || d.type === 'List<Number>';
	for (const item of items) {
		const reason = violation(d, item, numeric);
		if (reason) throw new ValidationError(d.constraintDescription !== undefined ? MSG.parameterConstraint(d.key, d.constraintDescription) : reason);
	}
}

function violation(d: ParameterDeclaration, value: string, numeric: boolean): string | undefined {
	if (d.allowedValues && !d.allowedValues.includes(value)) return MSG.parameterNotAllowedValue(d.key);
	if (numeric) {
		const n = Number(value);
		if (value.trim() === '' || !Number.isFinite(n)) return MSG.parameterNotNumber(d.key);
		if (d.minValue !== undefined && n < d.minValue) return MSG.parameterMinValue(d.key, d.minValue);
		if (d.maxValue !== undefined && n > d.maxValue) return MSG.parameterMaxValue(d.key, d.maxValue);
		return undefined;
	}
	if (d.minLength !== undefined && value.length < d.minLength) return MSG.parameterMinLength(d.key, d.minLength);
	if (d.maxLength !== undefined && value.length > d.maxLength) return MSG.parameterMaxLength(d.key, d.maxLength);
	if (d.allowedPattern !== undefined) {
		const re = compilePattern(d.allowedPattern);
		if (re && !re.test(value)) return MSG.parameterPattern(d.key, d.allowedPattern);
	}
	return undefined;
}

/** The declared-name set, for reference checks. */
export const parameterNames = (declarations: readonly ParameterDeclaration[]): Set<string> => new Set(declarations.map((d) => d.key));

