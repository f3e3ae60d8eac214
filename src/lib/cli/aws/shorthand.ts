// The CLI's shorthand syntax for structures, maps and lists of them: `scanOnPush=true`,
// `imageTag=v1,imageDigest=sha256:...`, `Key=a,Values=[x,y]`, `a={b=c}`. Values stay strings;
// args.ts converts them with the model. A parse error carries the CLI's wording.
export type Shorthand = string | Shorthand[] | { [key: string]: Shorthand };

export class ShorthandError extends Error {}

export function parseShorthand(text: string): { [key: string]: Shorthand } {
	const p = new Parser(text);
	const out = p.keyValues(true);
	if (p.i < text.length) throw new ShorthandError(`Expected: ',', received: '${text[p.i]}' for input:\n${text}`);
	return out;
}

class Parser {
	i = 0;
	constructor(readonly s: string) {}

	keyValues(top: boolean): { [key: string]: Shorthand } {
		const out: { [key: string]: Shorthand } = {};
		for (;;) {
			const eq = this.s.indexOf('=', this.i);
			if (eq < 0) throw new ShorthandError(`Expected: '=', received: 'EOF' for input:\n${this.s}`);
			const key = this.s.slice(this.i, eq).trim();
			this.i = eq + 1;
			out[key] = this.value(top);
			if (this.s[this.i] === ',') { this.i++; continue; }
			return out;
		}
	}

	value(top: boolean): Shorthand {
		const c = this.s[this.i];
		if (c === '[') {
			this.i++;
			const items: Shorthand[] = [];
			while (this.i < this.s.length && this.s[this.i] !== ']') {
				items.push(this.value(false));
				if (this.s[this.i] === ',') this.i++;
			}
			this.i++;
			return items;
		}
		if (c === '{') {
			this.i++;
			const obj = this.keyValues(false);
			if (this.s[this.i] === '}') this.i++;
			return obj;
		}
		if (c === '"' || c === "'") {
			const end = this.s.indexOf(c, this.i + 1);
			const v = this.s.slice(this.i + 1, end < 0 ? undefined : end);
			this.i = end < 0 ? this.s.length : end + 1;
			return v;
		}
		// A bare value runs to the next ',' that starts another key (`a=1,b=2`) or, at top level,
		// a ',' followed by more values of a list (`Values=x,y` is ['x','y'] in the CLI).
		const stop = top ? /[,]/ : /[,\]}]/;
		let j = this.i;
		while (j < this.s.length && !stop.test(this.s.charAt(j))) j++;
		const first = this.s.slice(this.i, j).trim();
		this.i = j;
		if (!top) return first;
		const rest: string[] = [];
		while (this.s[this.i] === ',') {
			const next = this.s.slice(this.i + 1);
			const m = /^([^,=]*)(,|$)/.exec(next);
			if (!m || /^[^,]*=/.test(next.split(',')[0] ?? '')) break;
			const item = m[1] ?? '';
			rest.push(item.trim());
			this.i += 1 + item.length;
		}
		return rest.length ? [first, ...rest] : first;
	}
}
