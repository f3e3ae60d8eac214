// YAML templates: js-yaml 5 turns the text into a flat stream of parser events that carry
// source offsets; this file builds the template from that stream itself, which gives three
// things js-yaml's own loader does not: the position of every node (for the source map), the
// short-form function tags mapped to their long form (`!GetAtt A.B` is
// `{"Fn::GetAtt": ["A", "B"]}`), and CloudFormation's YAML dialect (YAML 1.1 scalars, no
// aliases, no binary/omap/pairs/set/timestamp tags: template-formats.md).
import { parseEvents, getScalarValue, YAMLException, EVENT_ID, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import { ValidationError } from '../errors';
import { MSG } from './messages';
import { toPointer, type PathSegment, type SourceMap } from './source-map';
import { resolvePlainScalar } from './yaml-scalars';
import { newObject, type TemplateObject, type TemplateValue } from './value';

export interface YamlParseOptions {
	sourceMap: SourceMap;
	/** Record every node's offset in the source map (a second, on-demand pass does this). */
	record: boolean;
	duplicateKeys: 'error' | 'last-wins';
	/** Told of each key given twice when `duplicateKeys` is 'last-wins' (pointer, its offset, the replaced one's). */
	onDuplicate?: (pointer: string, offset: number, replacedOffset: number) => void;
	maxDepth: number;
}

/** Where and why the text is not YAML CloudFormation reads; the caller words AWS's sentence. */
export class YamlSyntaxError extends Error {
	constructor(
		readonly offset: number,
		readonly reason: string,
		/** js-yaml's own 0-based line/column, when it found the fault. */
		readonly mark?: { line: number; column: number }
	) {
		super(reason);
	}
}

/**
 * The short forms CloudFormation documents, and the long form each stands for. `!Length` and
 * `!ToJsonString` are accepted as a convenience of this simulator (AWS documents no short form
 * for the AWS::LanguageExtensions functions).
 */
const SHORT_TAGS: ReadonlyMap<string, string> = new Map([
	['!Ref', 'Ref'],
	['!Condition', 'Condition'],
	['!GetAtt', 'Fn::GetAtt'],
	['!Sub', 'Fn::Sub'],
	['!Join', 'Fn::Join'],
	['!Select', 'Fn::Select'],
	['!Split', 'Fn::Split'],
	['!FindInMap', 'Fn::FindInMap'],
	['!GetAZs', 'Fn::GetAZs'],
	['!ImportValue', 'Fn::ImportValue'],
	['!Base64', 'Fn::Base64'],
	['!Cidr', 'Fn::Cidr'],
	['!If', 'Fn::If'],
	['!Equals', 'Fn::Equals'],
	['!And', 'Fn::And'],
	['!Or', 'Fn::Or'],
	['!Not', 'Fn::Not'],
	['!Transform', 'Fn::Transform'],
	['!Length', 'Fn::Length'],
	['!ToJsonString', 'Fn::ToJsonString']
]);

type CoreTag = 'str' | 'int' | 'float' | 'bool' | 'null' | 'seq' | 'map';
const CORE_TAGS = new Set<string>(['str', 'int', 'float', 'bool', 'null', 'seq', 'map']);

export function parseYamlTemplate(text: string, options: YamlParseOptions): TemplateValue | undefined {
	let events: Event[];
	try {
		events = parseEvents(text, { maxDepth: options.maxDepth });
	} catch (e) {
		if (e instanceof YAMLException) {
			const mark = e.mark ? { line: e.mark.line, column: e.mark.column } : undefined;
			throw new YamlSyntaxError(e.mark?.position ?? 0, e.reason, mark);
		}
		// Anything else from the parser is still a template it could not read.
		throw new YamlSyntaxError(0, e instanceof Error ? e.message : 'unreadable YAML');
	}
	return new YamlBuilder(text, events, options).document();
}

class YamlBuilder {
	private i = 0;
	/** The furthest node start seen, to place a second document's marker. */
	private lastOffset = 0;
	/** Where the builder is: pointers are made from it only when recording or reporting. */
	private readonly path: PathSegment[] = [];

	constructor(
		private readonly text: string,
		private readonly events: Event[],
		private readonly options: YamlParseOptions
	) {}

	document(): TemplateValue | undefined {
		const events = this.events;
		if (events.length === 0) return undefined;
		// events: DOCUMENT, node, POP, [DOCUMENT ...]
		this.i = 1;
		const first = events[1];
		const value = first && first.type !== EVENT_ID.POP ? this.node(0) : undefined;
		// this.i now points at the document's POP.
		this.i++;
		if (this.i < events.length) {
			// A second document: CloudFormation reads exactly one. Events carry no offset for a
			// document marker, so find the `---` that follows the last node of the first one.
			const marker = /^---(?=[ \t\r\n]|$)/gm;
			marker.lastIndex = this.lastOffset;
			const found = marker.exec(this.text);
			throw new YamlSyntaxError(found ? found.index : this.text.length, 'expected a single document in the stream, but found another document');
		}
		return value ?? undefined;
	}

	private startOf(e: Event): number {
		switch (e.type) {
			case EVENT_ID.SCALAR: {
				let start = e.valueStart;
				if (e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED) start -= 1;
				if (e.tagStart >= 0 && e.tagStart < start) start = e.tagStart;
				if (e.anchorStart >= 0 && e.anchorStart < start) start = e.anchorStart;
				return Math.max(0, start);
			}
			case EVENT_ID.SEQUENCE:
			case EVENT_ID.MAPPING: {
				let start = e.start;
				if (e.tagStart >= 0 && e.tagStart < start) start = e.tagStart;
				if (e.anchorStart >= 0 && e.anchorStart < start) start = e.anchorStart;
				return start;
			}
			case EVENT_ID.ALIAS:
				return e.anchorStart - 1;
			default:
				return 0;
		}
	}

	private node(depth: number): TemplateValue {
		const e = this.events[this.i];
		if (!e) throw new YamlSyntaxError(this.text.length, 'unexpected end of the event stream');
		const start = this.startOf(e);
		if (start > this.lastOffset) this.lastOffset = start;
		const record = this.options.record;
		if (record) this.options.sourceMap.setValue(toPointer(this.path), start);
		if (e.type === EVENT_ID.ALIAS) throw new YamlSyntaxError(start, 'CloudFormation does not support YAML aliases');
		const tag = e.type === EVENT_ID.SCALAR || e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING ? (e.tagStart >= 0 ? this.text.slice(e.tagStart, e.tagEnd) : '') : '';
		const short = tag ? SHORT_TAGS.get(tag) : undefined;
		let core: CoreTag | undefined;
		if (tag && !short && tag !== '!') {
			const name = tag.startsWith('!!') ? tag.slice(2) : tag.startsWith('!<tag:yaml.org,2002:') && tag.endsWith('>') ? tag.slice(20, -1) : undefined;
			if (name === undefined || !CORE_TAGS.has(name)) throw new YamlSyntaxError(e.type === EVENT_ID.SCALAR || e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING ? Math.max(0, e.tagStart) : start, `unsupported tag ${tag}`);
			core = name as CoreTag;
		}
		if (short) {
			const wrapped = newObject();
			this.path.push(short);
			if (record) this.options.sourceMap.setValue(toPointer(this.path), start);
			let value: TemplateValue;
			if (e.type === EVENT_ID.SCALAR) {
				this.i++;
				const text = getScalarValue(this.text, e);
				value = short === 'Fn::GetAtt' ? splitGetAtt(text) : text;
			} else value = this.container(e.type === EVENT_ID.SEQUENCE, depth, start);
			this.path.pop();
			wrapped[short] = value;
			return wrapped;
		}
		if (e.type === EVENT_ID.SCALAR) {
			this.i++;
			return this.scalar(e, tag === '!' ? 'str' : core, start);
		}
		if (e.type === EVENT_ID.SEQUENCE) {
			if (core && core !== 'seq') throw new YamlSyntaxError(start, `a sequence cannot have the tag ${tag}`);
			return this.container(true, depth, start);
		}
		if (e.type === EVENT_ID.MAPPING) {
			if (core && core !== 'map') throw new YamlSyntaxError(start, `a mapping cannot have the tag ${tag}`);
			return this.container(false, depth, start);
		}
		throw new YamlSyntaxError(start, 'unexpected parser event');
	}

	private scalar(e: ScalarEvent, core: CoreTag | undefined, start: number): TemplateValue {
		const text = e.fast ? this.text.slice(e.valueStart, e.valueEnd) : getScalarValue(this.text, e);
		if (core === undefined) return e.style === SCALAR_STYLE.PLAIN ? resolvePlainScalar(text) : text;
		if (core === 'str') return text;
		const resolved = resolvePlainScalar(text);
		const ok =
			(core === 'int' && typeof resolved === 'number' && Number.isInteger(resolved)) ||
			(core === 'float' && typeof resolved === 'number') ||
			(core === 'bool' && typeof resolved === 'boolean') ||
			(core === 'null' && resolved === null);
		if (!ok) throw new YamlSyntaxError(start, `"${text}" is not a valid !!${core}`);
		return resolved;
	}

	/** A sequence or mapping; this.i is at its start event. */
	private container(isSequence: boolean, depth: number, start: number): TemplateValue {
		if (depth >= this.options.maxDepth) throw new YamlSyntaxError(start, `nesting deeper than ${this.options.maxDepth} levels`);
		const events = this.events;
		this.i++;
		if (isSequence) {
			const out: TemplateValue[] = [];
			const path = this.path;
			while (events[this.i]?.type !== EVENT_ID.POP) {
				path.push(out.length);
				out.push(this.node(depth + 1));
				path.pop();
			}
			this.i++;
			return out;
		}
		const out: TemplateObject = newObject();
		const seen = new Map<string, number>();
		while (events[this.i]?.type !== EVENT_ID.POP) {
			const keyEvent = events[this.i];
			if (!keyEvent) throw new YamlSyntaxError(this.text.length, 'unexpected end of a mapping');
			const keyStart = this.startOf(keyEvent);
			const key = this.key(keyEvent, keyStart);
			const previous = seen.get(key);
			if (previous !== undefined && this.options.duplicateKeys === 'error') {
				const map = this.options.sourceMap;
				const here = map.position(keyStart);
				const there = map.position(previous);
				throw new ValidationError(MSG.duplicateKey(key, here.line, here.column, there.line, there.column), {
					location: { path: toPointer([...this.path, key]), ...here },
					detail: `"${key}" appears twice in the same mapping. AWS CloudFormation may accept this and silently keep the last one; the simulator refuses it so the mistake shows.`
				});
			}
			if (previous !== undefined) this.options.onDuplicate?.(toPointer([...this.path, key]), keyStart, previous);
			seen.set(key, keyStart);
			this.path.push(key);
			if (this.options.record) this.options.sourceMap.setKey(toPointer(this.path), keyStart);
			out[key] = this.node(depth + 1);
			this.path.pop();
		}
		this.i++;
		return out;
	}

	/** A mapping key: a scalar, read as text. this.i moves past it. */
	private key(e: Event, start: number): string {
		if (e.type === EVENT_ID.ALIAS) throw new YamlSyntaxError(start, 'CloudFormation does not support YAML aliases');
		const tag = e.type === EVENT_ID.SCALAR || e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING ? (e.tagStart >= 0 ? this.text.slice(e.tagStart, e.tagEnd) : '') : '';
		if (e.type !== EVENT_ID.SCALAR || (tag && tag !== '!' && tag !== '!!str' && tag !== '!<tag:yaml.org,2002:str>')) {
			const received = e.type === EVENT_ID.SEQUENCE ? 'a list' : 'a map';
			const here = this.options.sourceMap.position(start);
			const pointer = toPointer(this.path);
			throw new ValidationError(MSG.mapKeysMustBeStrings(pointer, received), { location: { path: pointer, ...here }, detail: 'A mapping key must be plain text, not a function or a collection.' });
		}
		this.i++;
		const text = e.fast ? this.text.slice(e.valueStart, e.valueEnd) : getScalarValue(this.text, e);
		if (tag || e.style !== SCALAR_STYLE.PLAIN) return text;
		const resolved = resolvePlainScalar(text);
		return resolved === null ? text : String(resolved);
	}
}

/** `A.B.C` → ['A', 'B.C']: the first dot separates the resource from the attribute. */
function splitGetAtt(text: string): TemplateValue[] {
	const dot = text.indexOf('.');
	return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}
