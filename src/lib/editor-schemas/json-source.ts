// JSON text with positions: which line and column each node (by JSON pointer) starts at, or where
// the text stops being JSON. The policy validators take text and say what is wrong but not
// where; this is how their faults get a place in the editor. It reuses the template layer's
// position-recording JSON reader, so JSON faults are placed the same way for every file.
import { JsonSyntaxError, parseJsonTemplate } from '$lib/engines/cloudformation/template/parse-json';
import { SourceMap, type Position } from '$lib/engines/cloudformation/template/source-map';
import type { TemplateValue } from '$lib/engines/cloudformation/template/value';

export type JsonSource =
	| { ok: true; value: TemplateValue; map: SourceMap }
	| { ok: false; reason: string; position: Position };

export function readJsonSource(text: string): JsonSource {
	const map = new SourceMap(text);
	try {
		const value = parseJsonTemplate(text, { sourceMap: map, record: true, duplicateKeys: 'last-wins', maxDepth: 200 });
		return { ok: true, value, map };
	} catch (e) {
		if (e instanceof JsonSyntaxError) return { ok: false, reason: e.reason, position: map.position(e.offset) };
		throw e;
	}
}

/**
 * The range of the token that starts at a line and column: a quoted string up to its closing
 * quote, else a run of characters up to a separator. An empty token (end of line) takes one
 * column, so the squiggle stays visible.
 */
export function tokenRange(text: string, line: number, column: number): { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number } {
	const lines = text.split(/\r\n|\r|\n/);
	const safeLine = Math.min(Math.max(line, 1), Math.max(lines.length, 1));
	const lineText = lines[safeLine - 1] ?? '';
	const start = Math.min(Math.max(column, 1), lineText.length + 1);
	let end = start - 1; // 0-based index of the first character after the token
	if (lineText[end] === '"' || lineText[end] === "'") {
		const quote = lineText[end];
		end++;
		while (end < lineText.length && lineText[end] !== quote) end += lineText[end] === '\\' ? 2 : 1;
		end = Math.min(end + 1, lineText.length);
	} else {
		while (end < lineText.length && !/[\s,:{}[\]]/.test(lineText[end] ?? '')) end++;
	}
	const endColumn = end + 1 > start ? end + 1 : start + 1;
	return { startLineNumber: safeLine, startColumn: start, endLineNumber: safeLine, endColumn };
}
