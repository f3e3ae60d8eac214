// The site's theme colours as xterm wants them. The CSS variables hold light-dark() pairs, which
// only the browser resolves, so each is read back through a probe element's computed colour.
import type { ITheme } from '@xterm/xterm';

function hex(rgb: string): string {
	const m = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(rgb);
	if (!m) return rgb;
	return `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
}

/** Reads `var(--name)` as a #rrggbb colour, in `where`'s colour scheme. */
function cssColour(where: HTMLElement, name: string): string {
	const probe = document.createElement('span');
	probe.style.color = `var(${name})`;
	where.appendChild(probe);
	const colour = hex(getComputedStyle(probe).color);
	probe.remove();
	return colour;
}

export function siteTheme(where: HTMLElement): ITheme {
	const c = (name: string) => cssColour(where, name);
	const background = c('--code-bg');
	const foreground = c('--code-text');
	const palette = {
		red: c('--bad'),
		green: c('--good'),
		yellow: c('--tok-number'),
		blue: c('--accent'),
		magenta: c('--tok-keyword'),
		cyan: c('--tok-property'),
		grey: c('--muted')
	};
	return {
		background,
		foreground,
		cursor: foreground,
		cursorAccent: background,
		selectionBackground: c('--accent-soft'),
		selectionForeground: foreground,
		black: foreground,
		red: palette.red,
		green: palette.green,
		yellow: palette.yellow,
		blue: palette.blue,
		magenta: palette.magenta,
		cyan: palette.cyan,
		white: palette.grey,
		brightBlack: palette.grey,
		brightRed: palette.red,
		brightGreen: palette.green,
		brightYellow: palette.yellow,
		brightBlue: palette.blue,
		brightMagenta: palette.magenta,
		brightCyan: palette.cyan,
		brightWhite: foreground
	};
}

/** The site's monospace font stack. */
export function siteMonoFont(where: HTMLElement): string {
	const probe = document.createElement('span');
	probe.style.fontFamily = 'var(--mono)';
	where.appendChild(probe);
	const font = getComputedStyle(probe).fontFamily;
	probe.remove();
	return font || 'monospace';
}
