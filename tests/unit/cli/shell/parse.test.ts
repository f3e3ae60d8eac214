// isComplete (the terminal's `> ` continuation prompt) and the shape of parsed lines.
import { describe, expect, it } from 'vitest';
import { isComplete, parse, printList } from '../../../../src/lib/cli/shell';

describe('isComplete', () => {
	it.each([
		['echo a', true],
		['', true],
		['echo "a', false],
		["echo 'a", false],
		['echo "a\nb"', true],
		['echo a \\', false],
		['echo a \\\n b', true],
		['echo $(echo a', false],
		['echo "$(echo a)', false],
		['echo ${A', false],
		['echo a |', false],
		['echo a &&', false],
		['echo a ||', false],
		['echo a ;', true],
		['echo a > f', true], // unsupported, but more input would not help: run it to show the error
		['| echo', true],
		['echo a # "open quote in a comment', true],
		['echo \\"', true]
	])('%j → %s', (text, expected) => {
		expect(isComplete(text)).toBe(expected);
	});
});

describe('parse', () => {
	it('splits assignments from words only before the command name', () => {
		const list = parse('A=1 B="x" cmd C=2');
		const cmd = list.items[0]?.pipeline.commands[0];
		expect(cmd?.assigns.map((a) => a.name)).toEqual(['A', 'B']);
		expect(cmd?.words).toHaveLength(2);
		expect(parse("'A'=1").items[0]?.pipeline.commands[0]?.assigns).toEqual([]);
	});

	it('prints back what it parsed', () => {
		const line = "A=1 echo 'x y' \"$(cat f | upper)\" ${B} && false || true ; echo";
		expect(printList(parse(line))).toBe(`A=1 echo 'x y' ''"$(cat f | upper)" \${B} && false || true ; echo`);
	});
});
