// The Outputs section: each output an object with a Value (required), and optionally a
// Description, an Export with a Name, and a Condition.
import { ValidationError } from '../errors';
import { asFunctionCall } from './functions';
import { LIMITS, LOGICAL_ID } from './limits';
import { MSG } from './messages';
import type { OutputDeclaration } from './model';
import { childPointer, type SourceMap } from './source-map';
import { isObject, keysOf, own, scalarText, type TemplateValue } from './value';

const OUTPUT_KEYS = new Set(['Description', 'Value', 'Export', 'Condition']);

/** Export names: letters, digits, colons and hyphens (the export-name sentence). */
export const EXPORT_NAME = /^[A-Za-z0-9:-]+$/;

export function readOutputs(section: TemplateValue | undefined, sourceMap: SourceMap): OutputDeclaration[] {
	if (section === undefined) return [];
	if (!isObject(section)) throw new ValidationError(MSG.sectionNotObject('Outputs'), { location: sourceMap.locate('/Outputs') });
	const keys = keysOf(section);
	if (keys.length > LIMITS.outputs) throw new ValidationError(MSG.tooManyOutputs(LIMITS.outputs), { location: sourceMap.locate('/Outputs') });
	return keys.map((key) => readOutput(key, section[key] as TemplateValue, sourceMap));
}

function readOutput(key: string, def: TemplateValue, sourceMap: SourceMap): OutputDeclaration {
	const pointer = childPointer('/Outputs', key);
	const where = (p = pointer, prefer: 'key' | 'value' = 'key') => ({ location: sourceMap.locate(p, prefer) });
	if (!isObject(def) || own(def, 'Value') === undefined) {
		throw new ValidationError(MSG.outputNeedsValue(), { ...where(), detail: `Output ${key} needs a Value.` });
	}
	if (!LOGICAL_ID.test(key)) throw new ValidationError(MSG.nameNotAlphanumeric('Output', key), where());
	if (key.length > LIMITS.logicalIdLength) throw new ValidationError(MSG.logicalIdTooLong('Output', key, LIMITS.logicalIdLength), where());
	const unknown = keysOf(def).filter((k) => !OUTPUT_KEYS.has(k));
	if (unknown.length > 0) throw new ValidationError(MSG.invalidOutputProperty(unknown), where(childPointer(pointer, unknown[0] as string)));
	const value = def['Value'] as TemplateValue;
	if (!asFunctionCall(value)) {
		if (Array.isArray(value)) throw new ValidationError(MSG.outputValueNotString('List'), where(childPointer(pointer, 'Value'), 'value'));
		if (isObject(value)) throw new ValidationError(MSG.outputValueNotString('Map'), where(childPointer(pointer, 'Value'), 'value'));
	}
	const out: OutputDeclaration = { key, value };
	const description = own(def, 'Description');
	if (description !== undefined) {
		const text = scalarText(description);
		if (text === undefined) throw new ValidationError(MSG.descriptionNotString(), where(childPointer(pointer, 'Description'), 'value'));
		out.description = text;
	}
	const exported = own(def, 'Export');
	if (exported !== undefined) {
		const name = isObject(exported) ? own(exported, 'Name') : undefined;
		const literal = scalarText(name);
		const malformed = !isObject(exported) || keysOf(exported).some((k) => k !== 'Name') || name === undefined || (literal !== undefined ? !EXPORT_NAME.test(literal) : !asFunctionCall(name));
		if (malformed) {
			throw new ValidationError(MSG.exportNameMalformed(key), {
				...where(childPointer(pointer, 'Export'), 'value'),
				detail: 'Export takes one member, Name: letters, digits, colons and hyphens, or a function such as !Sub "${AWS::StackName}-VpcId".'
			});
		}
		out.exportName = name as TemplateValue;
	}
	const condition = own(def, 'Condition');
	if (condition !== undefined) {
		if (typeof condition !== 'string') throw new ValidationError(MSG.conditionMemberNotString(), where(childPointer(pointer, 'Condition'), 'value'));
		out.condition = condition;
	}
	return out;
}
