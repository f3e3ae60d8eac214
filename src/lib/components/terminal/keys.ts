// Splits what xterm's onData hands over (one key, or a whole paste) into the keys a line editor
// acts on. Escape sequences are those xterm sends in normal and application cursor mode.

export type KeyName =
	| 'enter'
	| 'backspace'
	| 'delete'
	| 'left'
	| 'right'
	| 'home'
	| 'end'
	| 'up'
	| 'down'
	| 'wordLeft'
	| 'wordRight'
	| 'killStart'
	| 'killEnd'
	| 'killWord'
	| 'interrupt'
	| 'clear'
	| 'eof'
	| 'tab';

export type Key = { kind: 'text'; text: string } | { kind: 'key'; name: KeyName };

const SEQUENCES: Record<string, KeyName> = {
	'\r': 'enter',
	'\n': 'enter',
	'\x7f': 'backspace',
	'\b': 'backspace',
	'\x1b[3~': 'delete',
	'\x1b[D': 'left',
	'\x1bOD': 'left',
	'\x02': 'left',
	'\x1b[C': 'right',
	'\x1bOC': 'right',
	'\x06': 'right',
	'\x1b[H': 'home',
	'\x1bOH': 'home',
	'\x1b[1~': 'home',
	'\x1b[7~': 'home',
	'\x01': 'home',
	'\x1b[F': 'end',
	'\x1bOF': 'end',
	'\x1b[4~': 'end',
	'\x1b[8~': 'end',
	'\x05': 'end',
	'\x1b[A': 'up',
	'\x1bOA': 'up',
	'\x10': 'up',
	'\x1b[B': 'down',
	'\x1bOB': 'down',
	'\x0e': 'down',
	'\x1bb': 'wordLeft',
	'\x1b[1;5D': 'wordLeft',
	'\x1b[1;3D': 'wordLeft',
	'\x1bf': 'wordRight',
	'\x1b[1;5C': 'wordRight',
	'\x1b[1;3C': 'wordRight',
	'\x15': 'killStart',
	'\x0b': 'killEnd',
	'\x17': 'killWord',
	'\x1b\x7f': 'killWord',
	'\x03': 'interrupt',
	'\x0c': 'clear',
	'\x04': 'eof',
	'\t': 'tab'
};

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** The length of the escape sequence at `i` (CSI, SS3 or Alt+key), or 1 for a lone ESC. */
function escapeLength(data: string, i: number): number {
	const next = data[i + 1];
	if (next === undefined) return 1;
	if (next === 'O') return Math.min(3, data.length - i);
	if (next !== '[') return 2;
	let j = i + 2;
	// Parameter and intermediate bytes, then one final byte.
	while (j < data.length && data.charCodeAt(j) >= 0x20 && data.charCodeAt(j) <= 0x3f) j++;
	return Math.min(j + 1, data.length) - i;
}

function plainText(text: string, keys: Key[]): void {
	let run = '';
	const flush = () => {
		if (run) keys.push({ kind: 'text', text: run });
		run = '';
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i] as string;
		if (c === '\r' || c === '\n') {
			flush();
			keys.push({ kind: 'key', name: 'enter' });
			if (c === '\r' && text[i + 1] === '\n') i++;
		} else if (c === '\t') run += ' ';
		else if (c >= ' ' && c !== '\x7f') run += c;
	}
	flush();
}

/**
 * The keys in one chunk of terminal input. Several keys in one chunk are a paste: a Tab there is
 * a space, not a completion request, so pasted text never triggers completion half-way.
 */
export function splitKeys(data: string): Key[] {
	const keys: Key[] = [];
	const paste = data.length > 1 && !data.startsWith('\x1b');
	let text = '';
	const flush = () => {
		if (text) keys.push({ kind: 'text', text });
		text = '';
	};
	let i = 0;
	while (i < data.length) {
		if (data.startsWith(PASTE_START, i)) {
			flush();
			const end = data.indexOf(PASTE_END, i + PASTE_START.length);
			const stop = end < 0 ? data.length : end;
			plainText(data.slice(i + PASTE_START.length, stop), keys);
			i = end < 0 ? data.length : end + PASTE_END.length;
			continue;
		}
		const c = data[i] as string;
		if (c === '\x1b') {
			flush();
			const len = escapeLength(data, i);
			const name = SEQUENCES[data.slice(i, i + len)];
			if (name) keys.push({ kind: 'key', name });
			i += len;
			continue;
		}
		if (c === '\r' && data[i + 1] === '\n') i++;
		const name = SEQUENCES[c];
		if (name === 'tab' && paste) text += ' ';
		else if (name) {
			flush();
			keys.push({ kind: 'key', name });
		} else if (c >= ' ') text += c;
		i++;
	}
	flush();
	return keys;
}
