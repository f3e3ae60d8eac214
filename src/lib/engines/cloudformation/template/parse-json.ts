// A JSON (ECMA-404, as AWS documents) reader that remembers where every node is and notices a
// key given twice. JSON.parse can do neither, so this is a small recursive-descent parser over
// the text. It reports the 1-based line and column of the first character it cannot accept.
import { ValidationError } from '../errors';
import { MSG } from './messages';
import { toPointer, type PathSegment, type SourceMap } from './source-map';
import { newObject, type TemplateObject, type TemplateValue } from './value';

export interface JsonParseOptions {
	sourceMap: SourceMap;
	/** Record every node's offset in the source map (a second, on-demand pass does this). */
	record: boolean;
	/** 'error' refuses a key given twice; 'last-wins' keeps the last, as AWS does. */
	duplicateKeys: 'error' | 'last-wins';
	/** Told of each key given twice when `duplicateKeys` is 'last-wins' (pointer, its offset, the replaced one's). */
	onDuplicate?: (pointer: string, offset: number, replacedOffset: number) => void;
	maxDepth: number;
}

/** Why the text is not JSON; the caller turns it into AWS's sentence. */
export class JsonSyntaxError extends Error {
	constructor(
		readonly offset: number,
		readonly reason: string
	) {
		super(reason);
	}
}

export function parseJsonTemplate(text: string, options: JsonParseOptions): TemplateValue {
	const parser = new JsonParser(text, options);
	if (text.charCodeAt(0) === 0xfeff) parser.pos = 1; // a byte order mark
	parser.skipSpace();
	const value = parser.value(0);
	parser.skipSpace();
	if (parser.pos < text.length) throw new JsonSyntaxError(parser.pos, 'unexpected text after the JSON value');
	return value;
}

class JsonParser {
	pos = 0;
	/** Where the parser is: pointers are made from it only when recording or reporting. */
	private readonly path: PathSegment[] = [];

	constructor(
		private readonly text: string,
		private readonly options: JsonParseOptions
	) {}

	skipSpace(): void {
		const t = this.text;
		let p = this.pos;
		for (;;) {
			const c = t.charCodeAt(p);
			if (c === 32 || c === 10 || c === 13 || c === 9) p++;
			else break;
		}
		this.pos = p;
	}

	fail(reason: string): never {
		throw new JsonSyntaxError(this.pos, reason);
	}

	value(depth: number): TemplateValue {
		if (depth > this.options.maxDepth) this.fail(`nesting deeper than ${this.options.maxDepth} levels`);
		if (this.options.record) this.options.sourceMap.setValue(toPointer(this.path), this.pos);
		const c = this.text.charCodeAt(this.pos);
		if (c === 123) return this.object(depth);
		if (c === 91) return this.array(depth);
		if (c === 34) return this.string();
		if (c === 45 || (c >= 48 && c <= 57)) return this.number();
		if (this.text.startsWith('true', this.pos)) return this.word(4, true);
		if (this.text.startsWith('false', this.pos)) return this.word(5, false);
		if (this.text.startsWith('null', this.pos)) return this.word(4, null);
		return this.fail(Number.isNaN(c) ? 'unexpected end of text' : `unexpected character ${JSON.stringify(this.text[this.pos])}`);
	}

	private word<T>(length: number, v: T): T {
		this.pos += length;
		return v;
	}

	private object(depth: number): TemplateObject {
		const out = newObject();
		const firstSeen = new Map<string, number>();
		this.pos++;
		this.skipSpace();
		if (this.text.charCodeAt(this.pos) === 125) {
			this.pos++;
			return out;
		}
		for (;;) {
			if (this.text.charCodeAt(this.pos) !== 34) this.fail('expected a quoted key');
			const keyOffset = this.pos;
			const key = this.string();
			const previous = firstSeen.get(key);
			if (previous !== undefined && this.options.duplicateKeys === 'error') {
				const map = this.options.sourceMap;
				const here = map.position(keyOffset);
				const there = map.position(previous);
				throw new ValidationError(MSG.duplicateKey(key, here.line, here.column, there.line, there.column), {
					location: { path: toPointer([...this.path, key]), ...here },
					detail: `"${key}" appears twice in the same object. AWS CloudFormation may accept this and silently keep the last one; the simulator refuses it so the mistake shows.`
				});
			}
			if (previous !== undefined) this.options.onDuplicate?.(toPointer([...this.path, key]), keyOffset, previous);
			firstSeen.set(key, keyOffset);
			this.path.push(key);
			if (this.options.record) this.options.sourceMap.setKey(toPointer(this.path), keyOffset);
			this.skipSpace();
			if (this.text.charCodeAt(this.pos) !== 58) this.fail('expected ":" after a key');
			this.pos++;
			this.skipSpace();
			out[key] = this.value(depth + 1);
			this.path.pop();
			this.skipSpace();
			const c = this.text.charCodeAt(this.pos);
			if (c === 44) {
				this.pos++;
				this.skipSpace();
				continue;
			}
			if (c === 125) {
				this.pos++;
				return out;
			}
			this.fail('expected "," or "}"');
		}
	}

	private array(depth: number): TemplateValue[] {
		const out: TemplateValue[] = [];
		this.pos++;
		this.skipSpace();
		if (this.text.charCodeAt(this.pos) === 93) {
			this.pos++;
			return out;
		}
		for (;;) {
			this.path.push(out.length);
			out.push(this.value(depth + 1));
			this.path.pop();
			this.skipSpace();
			const c = this.text.charCodeAt(this.pos);
			if (c === 44) {
				this.pos++;
				this.skipSpace();
				continue;
			}
			if (c === 93) {
				this.pos++;
				return out;
			}
			this.fail('expected "," or "]"');
		}
	}

	private string(): string {
		const t = this.text;
		let p = this.pos + 1;
		let start = p;
		let out = '';
		for (;;) {
			const c = t.charCodeAt(p);
			if (c === 34) {
				out += t.slice(start, p);
				this.pos = p + 1;
				return out;
			}
			if (c === 92) {
				out += t.slice(start, p);
				const e = t.charCodeAt(p + 1);
				p += 2;
				switch (e) {
					case 34: out += '"'; break;
					case 92: out += '\\'; break;
					case 47: out += '/'; break;
					case 98: out += '\b'; break;
					case 102: out += '\f'; break;
					case 110: out += '\n'; break;
					case 114: out += '\r'; break;
					case 116: out += '\t'; break;
					case 117: {
						const hex = t.slice(p, p + 4);
						if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
							this.pos = p;
							this.fail('bad \\u escape');
						}
						out += String.fromCharCode(parseInt(hex, 16));
						p += 4;
						break;
					}
					default:
						this.pos = p - 1;
						this.fail('bad escape');
				}
				start = p;
				continue;
			}
			if (Number.isNaN(c)) {
				this.pos = p;
				this.fail('unterminated string');
			}
			if (c < 32) {
				this.pos = p;
				this.fail('control character in a string');
			}
			p++;
		}
	}

	private number(): number {
		const match = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
		if (!match) this.fail('bad number');
		this.pos += match[0].length;
		const n = Number(match[0]);
		if (!Number.isFinite(n)) this.fail('number out of range');
		return n;
	}
}
