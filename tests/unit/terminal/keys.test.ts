import { describe, expect, it } from 'vitest';
import { splitKeys } from '../../../src/lib/components/terminal/keys';

const names = (data: string) => splitKeys(data).map((k) => (k.kind === 'text' ? `text:${k.text}` : k.name));

describe('splitKeys', () => {
	it('names every editing key xterm sends, in normal and application cursor mode', () => {
		const cases: [string, string][] = [
			['\r', 'enter'],
			['\x7f', 'backspace'],
			['\b', 'backspace'],
			['\x1b[3~', 'delete'],
			['\x1b[D', 'left'],
			['\x1bOD', 'left'],
			['\x1b[C', 'right'],
			['\x1bOC', 'right'],
			['\x1b[H', 'home'],
			['\x1bOH', 'home'],
			['\x1b[1~', 'home'],
			['\x01', 'home'],
			['\x1b[F', 'end'],
			['\x1bOF', 'end'],
			['\x1b[4~', 'end'],
			['\x05', 'end'],
			['\x1b[A', 'up'],
			['\x1bOA', 'up'],
			['\x1b[B', 'down'],
			['\x1bOB', 'down'],
			['\x1bb', 'wordLeft'],
			['\x1b[1;5D', 'wordLeft'],
			['\x1bf', 'wordRight'],
			['\x1b[1;5C', 'wordRight'],
			['\x15', 'killStart'],
			['\x0b', 'killEnd'],
			['\x17', 'killWord'],
			['\x03', 'interrupt'],
			['\x0c', 'clear'],
			['\x04', 'eof'],
			['\t', 'tab']
		];
		for (const [data, name] of cases) expect(names(data), JSON.stringify(data)).toEqual([name]);
	});

	it('keeps a paste together as text and treats each newline as Enter', () => {
		expect(names('ls -l\recho "a b"\r\ndone')).toEqual(['text:ls -l', 'enter', 'text:echo "a b"', 'enter', 'text:done']);
	});

	it('turns a Tab inside a paste into a space, so a paste never asks for completion', () => {
		expect(names('a\tb')).toEqual(['text:a b']);
	});

	it('reads a bracketed paste as text and Enter keys', () => {
		expect(names('\x1b[200~echo 1\necho 2\x1b[201~')).toEqual(['text:echo 1', 'enter', 'text:echo 2']);
	});

	it('drops escape sequences and control characters it does not know', () => {
		expect(names('\x1b[15~')).toEqual([]);
		expect(names('\x1b[1;2P')).toEqual([]);
		expect(names('\x07')).toEqual([]);
		expect(names('\x1b')).toEqual([]);
	});

	it('keeps characters outside the BMP whole', () => {
		expect(names('é🙂')).toEqual(['text:é🙂']);
	});
});
