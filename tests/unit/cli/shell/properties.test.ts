// Properties: any text at all gives a result (never a throw, never a program outside the table),
// and printing a generated AST then parsing it gives the same AST back.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, printList, runLine, type List, type Word, type WordPart } from '../../../../src/lib/cli/shell';
import type { Program } from '../../../../src/lib/cli/types';
import { session } from './helpers';

const SHELL_CHARS = [...'ab =$(){}|&;<>\'"\\`#*?[]!~\n\t-_?1', 'echo', 'cat', 'x', 'constructor', '__proto__', '$(', '${', '$?', '&&', '||'];

describe('runLine on arbitrary text', () => {
	it('always resolves to a result and only runs programs from its table', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ unit: fc.constantFrom(...SHELL_CHARS), maxLength: 40 }), async (line) => {
				const ran: string[] = [];
				const spy =
					(name: string): Program =>
					(args) => {
						ran.push(name);
						return { stdout: args.join(' '), stderr: '', exitCode: 0 };
					};
				const table: Record<string, Program> = { a: spy('a'), b: spy('b'), x: spy('x') };
				const r = await runLine(line, session({ x: 'file x' }), table);
				expect(typeof r.stdout).toBe('string');
				expect(typeof r.stderr).toBe('string');
				expect(Number.isInteger(r.exitCode)).toBe(true);
				expect(ran.every((n) => Object.hasOwn(table, n) && line.includes(n))).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});

	it('survives any unicode string too', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ maxLength: 60, unit: 'binary' }), async (line) => {
				const r = await runLine(line, session(), {});
				expect(Number.isInteger(r.exitCode)).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});

// Generated ASTs are in the parser's normal form: adjacent literals of the same quoting merged.
const name = fc.constantFrom('A', 'B', 'HOME', 'x_1', '?');
const unquoted = fc.string({ unit: fc.constantFrom(...'abz09._/-:,@%+'), minLength: 1, maxLength: 6 });
const quoted = fc.string({ unit: fc.constantFrom(...'ab $"\'\\|;&()#*\n'), maxLength: 6 });

const { list } = fc.letrec<{ list: List; part: WordPart; word: Word }>((tie) => ({
	part: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		unquoted.map((text): WordPart => ({ kind: 'lit', text, quoted: false })),
		quoted.map((text): WordPart => ({ kind: 'lit', text, quoted: true })),
		fc.record({ name, quoted: fc.boolean() }).map(({ name, quoted }): WordPart => ({ kind: 'var', name, quoted })),
		fc.record({ list: tie('list'), quoted: fc.boolean() }).map(({ list, quoted }): WordPart => ({ kind: 'cmd', list, quoted }))
	),
	word: fc.array(tie('part'), { minLength: 1, maxLength: 3 }).map((parts) => ({ parts: mergeLits(parts) })),
	list: fc
		.array(
			fc.record({
				op: fc.constantFrom(';' as const, '&&' as const, '||' as const),
				pipeline: fc.record({
					commands: fc.array(
						fc.record({
							assigns: fc.array(fc.record({ name: fc.constantFrom('A', 'B_2'), value: tie('word') }), { maxLength: 1 }),
							words: fc.array(tie('word'), { maxLength: 3 })
						}),
						{ minLength: 1, maxLength: 2 }
					)
				})
			}),
			{ maxLength: 3 }
		)
		.map((items) => ({
			items: items
				.filter((item) => item.pipeline.commands.every((c) => c.assigns.length + c.words.length > 0))
				.map((item, i) => ({ ...item, op: i === 0 ? (';' as const) : item.op }))
		}))
}));

function mergeLits(parts: WordPart[]): WordPart[] {
	const out: WordPart[] = [];
	for (const p of parts) {
		const last = out[out.length - 1];
		if (p.kind === 'lit' && last?.kind === 'lit' && last.quoted === p.quoted) out[out.length - 1] = { ...last, text: last.text + p.text };
		else out.push(p);
	}
	return out;
}

/** Compares what matters for running: a quoted var is printed as `"${A}"` and a `""` marker may precede it. */
function normalize(l: List): List {
	const word = (w: Word): Word => {
		const merged = mergeLits(w.parts.map((p) => (p.kind === 'cmd' ? { ...p, list: normalize(p.list) } : p)));
		const hasQuoted = merged.some((p) => p.quoted && !(p.kind === 'lit' && p.text === ''));
		const parts = merged.filter((p) => !(p.kind === 'lit' && p.text === '' && (hasQuoted || merged.length > 1)));
		return { parts: mergeLits(parts) };
	};
	return {
		items: l.items.map(({ op, pipeline }) => ({
			op,
			pipeline: {
				commands: pipeline.commands.map((c) => ({
					assigns: c.assigns.map((a) => ({ name: a.name, value: word(a.value) })),
					words: c.words.map(word)
				}))
			}
		}))
	};
}

describe('print then parse', () => {
	it('gives back the generated AST', () => {
		fc.assert(
			fc.property(list, (ast) => {
				expect(normalize(parse(printList(ast)))).toEqual(normalize(ast));
			}),
			{ numRuns: 500 }
		);
	});
});
