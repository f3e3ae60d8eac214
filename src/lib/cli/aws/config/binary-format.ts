// Blob parameters and `--cli-binary-format` / `cli_binary_format` (AWS CLI v2): by default a blob
// given inline (or through file://) is base64 that the CLI decodes before sending, and anything
// Python's lenient base64 decoder refuses is `Invalid base64: "<value>"`, exit 255;
// `raw-in-base64-out` sends the text's own bytes; fileb:// always sends the file's bytes.
// Confirmed with /usr/bin/aws 2.9.19 (ecr upload-layer-part --layer-part-blob).
import type { ShellSession } from '../../types';
import type { CliModel } from '../models/types';
import type { Globals } from '../globals';
import { BINARY_FORMATS } from '../globals';
import { CliUsageError } from '../errors';
import { kebab } from '../names';
import { CliConfigError } from './errors';
import { profileSetting } from './resolve';

export type BinaryFormat = 'base64' | 'raw-in-base64-out';

/** The format in force: the option, else the profile's cli_binary_format (an unknown one is the CLI's KeyError text, exit 255). */
export function binaryFormat(session: ShellSession, globals: Globals): BinaryFormat {
	const value = globals.cliBinaryFormat ?? profileSetting(session, globals, 'cli_binary_format') ?? 'base64';
	if (!BINARY_FORMATS.includes(value)) throw new CliConfigError(`'${value}'`);
	return value as BinaryFormat;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Python's base64.b64decode without validate=True: characters outside the alphabet are skipped,
 * and a last group of 2 or 3 needs its padding. (What follows the padding is ignored here;
 * unverified.)
 */
export function decodeLenientBase64(text: string): Uint8Array | undefined {
	const kept = text.replace(/[^A-Za-z0-9+/=]/g, '');
	const padAt = kept.indexOf('=');
	const data = padAt < 0 ? kept : kept.slice(0, padAt);
	const pads = padAt < 0 ? 0 : /^=*/.exec(kept.slice(padAt))?.[0].length ?? 0;
	const rest = data.length % 4;
	if (rest === 1 || (rest === 2 && pads < 2) || (rest === 3 && pads < 1)) return undefined;
	const out: number[] = [];
	let acc = 0, bits = 0;
	for (const c of data) {
		acc = ((acc << 6) | ALPHABET.indexOf(c)) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out.push((acc >> bits) & 255);
		}
	}
	return Uint8Array.from(out);
}

function loadFile(word: string, prefix: string, flag: string, files: ReadonlyMap<string, string>): string {
	const path = word.slice(prefix.length);
	const text = files.get(path) ?? files.get(path.replace(/^\.\//, ''));
	if (text === undefined) throw new CliUsageError(`Error parsing parameter '${flag}': Unable to load paramfile ${word}: [Errno 2] No such file or directory: '${path}'`, 'none');
	return text;
}

/** The bytes a blob parameter's word stands for. */
export function blobFromWord(word: string, flag: string, format: BinaryFormat, files: ReadonlyMap<string, string>): Uint8Array {
	if (word.startsWith('fileb://')) return new TextEncoder().encode(loadFile(word, 'fileb://', flag, files));
	const text = word.startsWith('file://') ? loadFile(word, 'file://', flag, files) : word;
	if (format === 'raw-in-base64-out') return new TextEncoder().encode(text);
	const bytes = decodeLenientBase64(text);
	if (!bytes) throw new CliConfigError(`Invalid base64: "${text}"`);
	return bytes;
}

/**
 * Takes the top-level blob options out of an operation's words, so they can be turned into bytes
 * here (the words parser sees only text) and handed over as already-parsed input members.
 */
export function takeBlobOptions(model: CliModel, inputShape: string | null, words: readonly string[]): { words: string[]; blobs: [member: string, flag: string, word: string][] } {
	const shape = inputShape ? model.shapes[inputShape] : undefined;
	const blobFlags = new Map<string, string>();
	for (const [member, ref] of shape?.members ?? []) if (model.shapes[ref]?.type === 'blob') blobFlags.set(`--${kebab(member)}`, member);
	if (blobFlags.size === 0) return { words: [...words], blobs: [] };
	const rest: string[] = [];
	const blobs: [string, string, string][] = [];
	for (let i = 0; i < words.length; i++) {
		const w = words[i] ?? '';
		const eq = w.startsWith('--') ? w.indexOf('=') : -1;
		const flag = eq > 0 ? w.slice(0, eq) : w;
		const member = blobFlags.get(flag);
		const value = eq > 0 ? w.slice(eq + 1) : words[i + 1];
		if (member === undefined || value === undefined || (eq < 0 && value.startsWith('--') && value.length > 2)) {
			rest.push(w);
			continue;
		}
		if (eq < 0) i++;
		blobs.push([member, flag, value]);
	}
	return { words: rest, blobs };
}
