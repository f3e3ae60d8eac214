// `echo [-neE] words...` as bash's builtin: flags only while every letter is one of n, e, E.
import type { Program } from '../../types';
import { ok } from './result';

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\' };

export const echo: Program = (args) => {
	let newline = true;
	let escapes = false;
	let i = 0;
	for (; i < args.length; i++) {
		const a = args[i] ?? '';
		if (!/^-[neE]+$/.test(a)) break;
		for (const f of a.slice(1)) {
			if (f === 'n') newline = false;
			else escapes = f === 'e';
		}
	}
	let text = args.slice(i).join(' ');
	if (escapes) {
		const { text: t, stop } = interpret(text);
		text = t;
		if (stop) return ok(text);
	}
	return ok(newline ? `${text}\n` : text);
};

/** `-e` escapes; `\c` stops all further output, newline included. */
function interpret(s: string): { text: string; stop: boolean } {
	let text = '';
	for (let i = 0; i < s.length; i++) {
		const c = s.charAt(i);
		const n = s.charAt(i + 1);
		if (c !== '\\' || n === '') {
			text += c;
			continue;
		}
		if (n === 'c') return { text, stop: true };
		const simple = SIMPLE[n];
		if (simple !== undefined) {
			text += simple;
			i++;
		} else if (n === '0') {
			const digits = /^[0-7]{0,3}/.exec(s.slice(i + 2))?.[0] ?? '';
			text += String.fromCharCode(parseInt(digits || '0', 8));
			i += 1 + digits.length;
		} else if (n === 'x' && /^[0-9a-fA-F]/.test(s.slice(i + 2))) {
			const hex = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2))?.[0] ?? '0';
			text += String.fromCharCode(parseInt(hex, 16));
			i += 1 + hex.length;
		} else {
			text += c;
		}
	}
	return { text, stop: false };
}
