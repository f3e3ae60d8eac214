// The string of an Fn::Sub, cut into literal text and ${Variable} references.
//
// Rules (AWS docs, Fn::Sub; the scanner behaves as Eucalyptus's reimplementation of AWS did):
// - `${Name}` is a variable: a parameter, pseudo parameter, resource (its Ref), `Res.Attr`
//   (its GetAtt) or a key of the variable map. Names hold letters, digits, `_`, `.` and `:`
//   only; anything else is AWS's "variable names in Fn::Sub syntax must contain only ..." error.
// - `${!Text}` is the literal `${Text}`: the `!` is dropped, nothing is looked up.
// - `$${X}` is not an escape: it is a `$` followed by the variable X.
// - A `${` with no closing `}` is literal text, and so is a `${` at the very end.
import { ValidationError } from '../errors';
import { MSG } from './messages';

export type SubPart = { literal: string } | { variable: string };

const VARIABLE_NAME = /^[A-Za-z0-9_:.]+$/;

export function parseSub(text: string): SubPart[] {
	const parts: SubPart[] = [];
	let literal = '';
	let from = 0;
	for (;;) {
		const begin = text.indexOf('${', from);
		if (begin < 0 || begin + 2 >= text.length) {
			literal += text.slice(from);
			break;
		}
		if (text.charCodeAt(begin + 2) === 33 /* ! */) {
			literal += text.slice(from, begin + 2);
			from = begin + 3;
			continue;
		}
		const end = text.indexOf('}', begin + 2);
		if (end < 0) {
			literal += text.slice(from);
			break;
		}
		const name = text.slice(begin + 2, end);
		if (!VARIABLE_NAME.test(name)) {
			throw new ValidationError(MSG.subVariableName(), { detail: `\${${name}} is not a variable name; to write \${...} literally, use \${!...}.` });
		}
		literal += text.slice(from, begin);
		if (literal) parts.push({ literal });
		literal = '';
		parts.push({ variable: name });
		from = end + 1;
	}
	if (literal) parts.push({ literal });
	return parts;
}

/** The variable names of an Fn::Sub string, in order, each once. */
export function subVariables(text: string): string[] {
	if (!text.includes('${')) return [];
	const names: string[] = [];
	for (const part of parseSub(text)) if ('variable' in part && !names.includes(part.variable)) names.push(part.variable);
	return names;
}
