// The CLI's global options. argparse accepts them anywhere on the line, so they are taken out
// first and what is left is `<service> <command> [parameters]`.
import { CliUsageError, invalidChoice } from './errors';

export interface Globals {
	region?: string;
	output?: string;
	query?: string;
	profile?: string;
	endpointUrl?: string;
	cliInputJson?: string;
	noPaginate: boolean;
	debug: boolean;
	/** --page-size, --max-items, --starting-token as typed (paging.ts checks and applies them). */
	pageSize?: string;
	maxItems?: string;
	startingToken?: string;
	/** The paging options as typed, in order, for the "Unknown options" of an operation without a paginator. */
	pagingWords?: string[];
	cliBinaryFormat?: string;
}

/** Options with a value, and flags; `--cli-input-json` is an operation option but works the same way. */
const WITH_VALUE: Record<string, keyof Globals | null> = {
	'--region': 'region',
	'--output': 'output',
	'--query': 'query',
	'--profile': 'profile',
	'--endpoint-url': 'endpointUrl',
	'--cli-input-json': 'cliInputJson',
	'--color': null,
	'--ca-bundle': null,
	'--cli-read-timeout': null,
	'--cli-connect-timeout': null,
	'--cli-binary-format': 'cliBinaryFormat',
	'--page-size': 'pageSize',
	'--max-items': 'maxItems',
	'--starting-token': 'startingToken'
};
const FLAGS: Record<string, keyof Globals | null> = {
	'--no-paginate': 'noPaginate',
	'--debug': 'debug',
	'--no-cli-pager': null,
	'--no-verify-ssl': null,
	'--no-sign-request': null,
	'--no-cli-auto-prompt': null,
	'--cli-auto-prompt': null
};
export const BINARY_FORMATS = ['base64', 'raw-in-base64-out'];
export const OUTPUT_CHOICES = ['json', 'text', 'table', 'yaml', 'yaml-stream'];

export function splitGlobals(args: readonly string[]): { globals: Globals; rest: string[] } {
	const globals: Globals = { noPaginate: false, debug: false };
	const set = (key: keyof Globals, value: string | boolean) => Object.assign(globals, { [key]: value });
	const rest: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const w = args[i] ?? '';
		const eq = w.startsWith('--') ? w.indexOf('=') : -1;
		const name: string = eq > 0 ? w.slice(0, eq) : w;
		if (name in FLAGS) {
			const key = FLAGS[name] ?? null;
			if (key) set(key, true);
			continue;
		}
		if (!(name in WITH_VALUE)) { rest.push(w); continue; }
		let value: string | undefined;
		if (eq > 0) value = w.slice(eq + 1);
		else if (i + 1 < args.length) value = args[++i];
		if (value === undefined) throw new CliUsageError(`argument ${name}: expected one argument`);
		const key = WITH_VALUE[name] ?? null;
		if (key) set(key, value);
		if (key === 'pageSize' || key === 'maxItems' || key === 'startingToken') globals.pagingWords = [...(globals.pagingWords ?? []), ...(eq > 0 ? [w] : [name, value])];
	}
	if (globals.output !== undefined && !OUTPUT_CHOICES.includes(globals.output)) throw invalidChoice('--output', globals.output, OUTPUT_CHOICES);
	if (globals.cliBinaryFormat !== undefined && !BINARY_FORMATS.includes(globals.cliBinaryFormat)) throw invalidChoice('--cli-binary-format', globals.cliBinaryFormat, BINARY_FORMATS);
	return { globals, rest };
}
