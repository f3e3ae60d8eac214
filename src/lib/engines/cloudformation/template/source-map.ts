// Where each node of a parsed template sits in its text, so that an error found long after
// parsing (a Ref in Resources.Web.Properties.Image that names nothing) can point at the line in
// the learner's editor. Nodes are named by JSON pointer (RFC 6901), the same form AWS prints in
// messages such as `[/Resources/Bucket] Every Resources object must contain a Type member.`
// Offsets are stored; lines and columns are worked out only when asked for.
import type { TemplateLocation } from '../errors';

export type PathSegment = string | number;

const escapeSegment = (s: string) => (s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s);

/** `/Resources/My~1Bucket/0` from ['Resources', 'My/Bucket', 0]. */
export function toPointer(path: readonly PathSegment[]): string {
	let out = '';
	for (const segment of path) out += '/' + (typeof segment === 'number' ? String(segment) : escapeSegment(segment));
	return out;
}

export const childPointer = (parent: string, segment: PathSegment): string =>
	parent + '/' + (typeof segment === 'number' ? String(segment) : escapeSegment(segment));

export interface Position {
	line: number;
	column: number;
}

/**
 * Offsets are recorded lazily: parsing a template does not record them (that costs as much as the
 * rest of the parse), and the first question about a position parses the text once more with
 * recording on. Errors and editor markers ask; a successful stack operation never does.
 */
export class SourceMap {
	private readonly valueOffsets = new Map<string, number>();
	private readonly keyOffsets = new Map<string, number>();
	private lineStarts: number[] | undefined;
	private fill: ((map: SourceMap) => void) | undefined;

	constructor(
		readonly text: string,
		fill?: (map: SourceMap) => void
	) {
		this.fill = fill;
	}

	private ensureFilled(): void {
		const fill = this.fill;
		if (!fill) return;
		this.fill = undefined;
		fill(this);
	}

	/** Records where the value at `pointer` starts. */
	setValue(pointer: string, offset: number): void {
		this.valueOffsets.set(pointer, offset);
	}

	/** Records where the key that names the member at `pointer` starts. */
	setKey(pointer: string, offset: number): void {
		this.keyOffsets.set(pointer, offset);
	}

	/** 1-based line and column of a character offset. */
	position(offset: number): Position {
		const starts = (this.lineStarts ??= lineStartsOf(this.text));
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if ((starts[mid] ?? 0) <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
	}

	/**
	 * The location of a node: the key that declares it when it is an object member (that is
	 * where an editor should put the squiggle for "Resources.X is wrong"), else the value. A node
	 * the text does not hold (one made by Fn::ForEach, say) takes its nearest ancestor's place.
	 */
	locate(path: readonly PathSegment[] | string, prefer: 'key' | 'value' = 'key'): TemplateLocation {
		this.ensureFilled();
		const pointer = typeof path === 'string' ? path : toPointer(path);
		let probe = pointer;
		for (;;) {
			const offset = prefer === 'key' ? (this.keyOffsets.get(probe) ?? this.valueOffsets.get(probe)) : (this.valueOffsets.get(probe) ?? this.keyOffsets.get(probe));
			if (offset !== undefined) return { path: pointer, ...this.position(offset) };
			if (probe === '') return { path: pointer };
			probe = probe.slice(0, probe.lastIndexOf('/'));
		}
	}

	/** How many nodes are mapped (tests and benchmarks). */
	get size(): number {
		this.ensureFilled();
		return this.valueOffsets.size;
	}
}

function lineStartsOf(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) starts.push(i + 1);
		else if (c === 13) {
			if (text.charCodeAt(i + 1) === 10) i++;
			starts.push(i + 1);
		}
	}
	return starts;
}
