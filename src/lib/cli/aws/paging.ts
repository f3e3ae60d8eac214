// The CLI's paging options, as botocore's PageIterator (paginate.py) applies them:
//   --page-size N       the service's limit member on every call, still following the tokens
//   --max-items N       stop after N items of the first result key; the output ends with
//                       NextToken, the CLI's own token: base64 of Python's json.dumps of
//                       {"<input token>": <service token or null>, "boto_truncate_amount": <items
//                       of that page already shown>} (the amount is left out on a page boundary)
//   --starting-token T  resume from such a token: ask for the page it names, drop the items shown
// Confirmed against /usr/bin/aws 2.9.19 and the local endpoint (ecr describe-repositories).
import { CliUsageError } from './errors';
import type { Globals } from './globals';

export interface Pager {
	inputToken: string;
	outputToken: string;
	limitKey?: string;
	resultKeys: string[];
}

export interface PagingOptions {
	pageSize?: number;
	maxItems?: number;
	startingToken?: string;
}

/** argparse's type=int: Python's int() of the word, else the CLI's usage error. */
function int(flag: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) throw new CliUsageError(`argument ${flag}: invalid int value: '${value}'`);
	return Number(value.replace(/_/g, ''));
}

/**
 * The paging options of a command line, checked as the CLI checks them: only paginated operations
 * have them, they must be integers, and --no-paginate excludes them.
 */
export function pagingOptions(globals: Globals, pager: Pager | undefined): PagingOptions {
	const typed = globals.pagingWords ?? [];
	if (typed.length === 0) return {};
	if (!pager) throw new CliUsageError(`Unknown options: ${typed.join(', ')}`, 'unknown');
	const pageSize = int('--page-size', globals.pageSize);
	const maxItems = int('--max-items', globals.maxItems);
	if (globals.noPaginate) {
		const given = [globals.startingToken !== undefined ? '--starting-token' : '', pageSize !== undefined ? '--page-size' : '', maxItems !== undefined ? '--max-items' : ''].filter(Boolean);
		throw new CliUsageError(`Cannot specify --no-paginate along with pagination arguments: ${given.join(', ')}`, 'none');
	}
	return { ...(pageSize !== undefined ? { pageSize } : {}), ...(maxItems !== undefined ? { maxItems } : {}), ...(globals.startingToken !== undefined ? { startingToken: globals.startingToken } : {}) };
}

/** Python's json.dumps (", " and ": " separators, non-ASCII escaped) of a flat token object. */
function pyJson(value: Record<string, string | number | null>): string {
	const str = (s: string) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return `{${Object.entries(value)
		.map(([k, v]) => `${str(k)}: ${v === null ? 'null' : typeof v === 'number' ? String(v) : str(v)}`)
		.join(', ')}}`;
}

const toBase64 = (text: string): string => {
	const bytes = new TextEncoder().encode(text);
	let bin = '';
	for (const b of bytes) bin += String.fromCharCode(b);
	return btoa(bin);
};

function fromBase64(text: string): string | undefined {
	try {
		const bin = atob(text);
		return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
	} catch {
		return undefined;
	}
}

export const encodeToken = (token: Record<string, string | number | null>): string => toBase64(pyJson(token));

/**
 * A starting token back to the request members it sets and the items to skip. Like botocore, a
 * token that decodes (Python's lenient base64) to a JSON object is taken as members as they are,
 * so a foreign object fails parameter validation; the old `token___index` form comes next; and
 * anything else goes to the service as its own token.
 */
export function decodeToken(text: string, pager: Pager): { params: Record<string, unknown>; skip: number } {
	const cleaned = text.replace(/[^A-Za-z0-9+/=]/g, '');
	const json = fromBase64(cleaned.replace(/=.*$/s, '').padEnd(Math.ceil(cleaned.replace(/=.*$/s, '').length / 4) * 4, '='));
	if (json !== undefined) {
		try {
			const parsed = JSON.parse(json) as unknown;
			if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
				const { boto_truncate_amount: amount, ...params } = parsed as Record<string, unknown>;
				for (const [k, v] of Object.entries(params)) if (v === null) delete params[k];
				return { params, skip: typeof amount === 'number' ? amount : 0 };
			}
		} catch {
			// Not the CLI's token: the old form or the service's own.
		}
	}
	const parts = text.split('___');
	if (parts.length === 2 && /^-?\d+$/.test(parts[1] ?? '')) return { params: parts[0] === 'None' ? {} : { [pager.inputToken]: parts[0] }, skip: Number(parts[1]) };
	return { params: text === 'None' ? {} : { [pager.inputToken]: text }, skip: 0 };
}

export interface PagedResult {
	/** Each page as the service answered it (truncated where --max-items or --starting-token say). */
	pages: Record<string, unknown>[];
	/** The pages joined, with NextToken at the end when there is more. */
	full: Record<string, unknown>;
	resumeToken?: string;
}

type Call = (input: Record<string, unknown>) => Promise<Record<string, unknown>>;

const itemsOf = (page: Record<string, unknown>, key: string | undefined): unknown[] => {
	const v = key === undefined ? undefined : page[key];
	return Array.isArray(v) ? v : [];
};

/** An empty value of the same kind, for the other result keys of a resumed first page. */
const emptyLike = (v: unknown): unknown => (Array.isArray(v) ? [] : typeof v === 'string' ? '' : typeof v === 'number' ? 0 : null);

export async function paginate(call: Call, pager: Pager, input: Record<string, unknown>, options: PagingOptions): Promise<PagedResult> {
	const primary = pager.resultKeys[0];
	const start = options.startingToken !== undefined ? decodeToken(options.startingToken, pager) : { params: {}, skip: 0 };
	const startToken = start.params[pager.inputToken];
	let requestToken: string | null = typeof startToken === 'string' ? startToken : null;
	const firstInput = { ...input, ...start.params };
	const pages: Record<string, unknown>[] = [];
	let total = 0;
	let resume: Record<string, string | number | null> | undefined;
	let previous: string | null = null;
	for (let n = 0; n < 1000; n++) {
		const request = n === 0 ? firstInput : { ...input, [pager.inputToken]: requestToken };
		const page = { ...(await call(request)) };
		let skipped = 0;
		if (n === 0 && options.startingToken !== undefined) {
			skipped = start.skip;
			if (primary !== undefined) page[primary] = sliceLike(page[primary], skipped);
			for (const key of pager.resultKeys.slice(1)) if (key in page) page[key] = emptyLike(page[key]);
		}
		const count = itemsOf(page, primary).length;
		const over = options.maxItems === undefined ? 0 : total + count - options.maxItems;
		if (over > 0) {
			const keep = count - over;
			// Python's original[:keep], a negative keep counting from the end as --max-items -1 does.
			if (primary !== undefined) page[primary] = itemsOf(page, primary).slice(0, keep);
			resume = { [pager.inputToken]: requestToken, boto_truncate_amount: keep + skipped };
			pages.push(page);
			break;
		}
		pages.push(page);
		total += count;
		const out = page[pager.outputToken];
		const next = typeof out === 'string' && out !== '' ? out : null;
		if (next === null) break;
		if (options.maxItems !== undefined && total === options.maxItems) {
			resume = { [pager.inputToken]: next };
			break;
		}
		if (previous !== null && previous === next) break;
		previous = next;
		requestToken = next;
	}
	const full = joinPages(pages, pager);
	if (!resume) return { pages, full };
	const resumeToken = encodeToken(resume);
	full.NextToken = resumeToken;
	return { pages, full, resumeToken };
}

function sliceLike(v: unknown, skip: number): unknown {
	if (Array.isArray(v) || typeof v === 'string') return v.slice(skip);
	return null;
}

/** The first page's members with each result list joined across pages, the service token dropped. */
export function joinPages(pages: readonly Record<string, unknown>[], pager: Pager): Record<string, unknown> {
	const merged: Record<string, unknown> = { ...(pages[0] ?? {}) };
	for (const next of pages.slice(1))
		for (const key of pager.resultKeys) {
			const a = merged[key], b = next[key];
			if (Array.isArray(a) && Array.isArray(b)) merged[key] = [...a, ...b];
			else if (a === undefined && b !== undefined) merged[key] = b;
		}
	delete merged[pager.outputToken];
	return merged;
}

/** What the text output prints page by page: the first page with its other members, later ones with their result keys only. */
export function textPages(pages: readonly Record<string, unknown>[], pager: Pager): Record<string, unknown>[] {
	return pages.map((page, i) => {
		const current: Record<string, unknown> = {};
		if (i === 0) for (const [k, v] of Object.entries(page)) if (!pager.resultKeys.includes(k) && k !== pager.outputToken) current[k] = v;
		for (const key of pager.resultKeys) if (key in page) current[key] = page[key];
		return current;
	});
}
