// The prompt on a real terminal: promptText's words, coloured when the terminal can show colour
// and NO_COLOR is not set (https://no-color.org), plain otherwise.
import { stripVTControlCharacters } from 'node:util';

const BOLD_BLUE = '\x1b[1;34m';
const RESET = '\x1b[0m';

/** `text` as the terminal should show it. A prompt that brings its own colours keeps them. */
export function stylePrompt(text: string, colour: boolean): string {
	if (!colour) return stripVTControlCharacters(text);
	if (text.includes('\x1b[')) return text;
	// Colour what comes before the final `$ ` (who and where), not the sign itself.
	const m = /^(.*?)(\s*[$#>] ?)$/s.exec(text);
	if (!m || m[1] === '') return text;
	return `${BOLD_BLUE}${m[1]}${RESET}${m[2]}`;
}

/** Node's own answer honours NO_COLOR, FORCE_COLOR and TERM=dumb. */
export function supportsColour(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
	return stream.isTTY === true && stream.hasColors();
}
