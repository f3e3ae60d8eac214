// A small terminal screen for the tests: enough of what xterm does with the editor's output
// (printable text with xterm's deferred wrap, CR, LF, BS, CSI A/C/K/J/H/2J/3J, SGR ignored) to
// read back what a learner would see and where the cursor is.
export class Screen {
	rows: string[][] = [[]];
	row = 0;
	col = 0;
	#pendingWrap = false;
	constructor(readonly columns = 80) {}

	#line(r: number): string[] {
		while (this.rows.length <= r) this.rows.push([]);
		return this.rows[r] as string[];
	}

	write(data: string): void {
		let i = 0;
		while (i < data.length) {
			const c = data[i] as string;
			if (c === '\x1b') {
				const m = /^\x1b\[([0-9;?]*)([@-~])/.exec(data.slice(i));
				if (!m) throw new Error(`unexpected escape ${JSON.stringify(data.slice(i, i + 6))}`);
				this.#csi(m[1] as string, m[2] as string);
				i += m[0].length;
				continue;
			}
			i++;
			if (c === '\r') {
				this.col = 0;
				this.#pendingWrap = false;
			} else if (c === '\n') {
				this.row++;
				this.#line(this.row);
				this.#pendingWrap = false;
			} else if (c === '\b') {
				this.col = Math.max(0, this.col - 1);
				this.#pendingWrap = false;
			} else if (c === '\x07') {
				// bell
			} else {
				if (this.#pendingWrap) {
					this.row++;
					this.col = 0;
					this.#pendingWrap = false;
				}
				const line = this.#line(this.row);
				while (line.length < this.col) line.push(' ');
				line[this.col] = c;
				if (this.col === this.columns - 1) this.#pendingWrap = true;
				else this.col++;
			}
		}
	}

	#csi(params: string, final: string): void {
		const n = Number(params || '1');
		this.#pendingWrap = false;
		switch (final) {
			case 'A':
				this.row = Math.max(0, this.row - n);
				return;
			case 'C':
				this.col = Math.min(this.columns - 1, this.col + n);
				return;
			case 'K':
				this.#line(this.row).length = Math.min(this.#line(this.row).length, this.col);
				return;
			case 'J':
				if (params === '2' || params === '3') {
					if (params === '2') this.rows = this.rows.map(() => []);
					return;
				}
				this.#line(this.row).length = Math.min(this.#line(this.row).length, this.col);
				this.rows.length = this.row + 1;
				return;
			case 'H':
				this.row = 0;
				this.col = 0;
				return;
			case 'm':
				return;
			default:
				throw new Error(`unexpected CSI ${params}${final}`);
		}
	}

	/** The screen's text, trailing blank rows and spaces dropped. */
	get text(): string {
		const lines = this.rows.map((r) => r.join('').replace(/\s+$/, ''));
		while (lines.length && lines[lines.length - 1] === '') lines.pop();
		return lines.join('\n');
	}
}
