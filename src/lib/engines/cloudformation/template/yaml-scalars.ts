// What an untagged plain YAML scalar means to CloudFormation. AWS documents "the YAML Version
// 1.1 specification with a few exceptions" (no binary, omap, pairs, set or timestamp tags, no
// aliases, no hash merges: template-formats.md). Its parser is SnakeYAML, whose YAML 1.1
// resolver is looser than the spec: `012345678901` (an account ID written without quotes) is a
// float there, which is why such a Default reaches a stack as 1.2345678901E10 (a documented
// surprise, skyarch.net "CloudFormation YAML について"). The patterns below are SnakeYAML's, in
// its order (int before float, because the float pattern also matches integers). Timestamps
// are not resolved: `AWSTemplateFormatVersion: 2010-09-09` stays a string.
//
// One difference remains: a float is kept as a JavaScript number, so `1.0` reads back as "1"
// where Java would print "1.0".

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9_]+(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const NULL = /^(?:~|null|Null|NULL|)$/;

const TRUE_WORDS = new Set(['yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);

/** The value of a plain (unquoted, untagged) scalar. */
export function resolvePlainScalar(text: string): string | number | boolean | null {
	if (text.length === 0) return null;
	const first = text.charCodeAt(0);
	// Most scalars in a template are words such as `AWS::S3::Bucket`: skip the patterns early.
	const maybeNumber = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
	if (maybeNumber) {
		if (INT.test(text)) return parseYamlInt(text);
		if (FLOAT.test(text)) return parseYamlFloat(text);
		return text;
	}
	if (first === 126 || first === 110 || first === 78) {
		if (NULL.test(text)) return null;
	}
	if (BOOL.test(text)) return TRUE_WORDS.has(text);
	return text;
}

function parseYamlInt(text: string): number {
	let s = text.replace(/_/g, '');
	let sign = 1;
	if (s.startsWith('-')) {
		sign = -1;
		s = s.slice(1);
	} else if (s.startsWith('+')) s = s.slice(1);
	if (s === '0') return 0;
	if (s.startsWith('0b')) return sign * parseInt(s.slice(2), 2);
	if (s.startsWith('0x')) return sign * parseInt(s.slice(2), 16);
	if (s.includes(':')) return sign * sexagesimal(s);
	if (s.startsWith('0')) return sign * parseInt(s, 8);
	return sign * parseInt(s, 10);
}

function parseYamlFloat(text: string): number | string {
	const s = text.replace(/_/g, '');
	const lower = s.toLowerCase();
	// Infinity and NaN have no JSON form; CloudFormation could not pass them on either.
	if (lower.endsWith('.inf') || lower === '.nan') return text;
	if (s.includes(':')) {
		const negative = s.startsWith('-');
		const body = s.replace(/^[-+]/, '');
		const dot = body.lastIndexOf('.');
		const whole = sexagesimal(body.slice(0, dot));
		const fraction = Number('0' + body.slice(dot)) || 0;
		return (negative ? -1 : 1) * (whole + fraction);
	}
	const n = Number(s);
	return Number.isFinite(n) ? n : text;
}

function sexagesimal(s: string): number {
	let value = 0;
	for (const part of s.split(':')) value = value * 60 + parseInt(part, 10);
	return value;
}
