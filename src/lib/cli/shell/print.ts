// Prints an AST back as a command line that parses to the same AST (used by the round-trip
// property test, and handy for debugging). Quoted text is printed in single quotes.
import type { Command, List, Word, WordPart } from './ast';

const single = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

function part(p: WordPart): string {
	switch (p.kind) {
		case 'lit':
			return p.quoted ? single(p.text) : p.text;
		case 'var':
			return p.quoted ? `"\${${p.name}}"` : `\${${p.name}}`;
		case 'cmd':
			return p.quoted ? `"$(${printList(p.list)})"` : `$(${printList(p.list)})`;
	}
}

export const printWord = (w: Word): string => w.parts.map(part).join('');

function command(c: Command): string {
	const assigns = c.assigns.map((a) => `${a.name}=${printWord(a.value)}`);
	return [...assigns, ...c.words.map(printWord)].join(' ');
}

export function printList(list: List): string {
	return list.items
		.map((item, i) => {
			const pipeline = item.pipeline.commands.map(command).join(' | ');
			return i === 0 ? pipeline : ` ${item.op} ${pipeline}`;
		})
		.join('');
}
