// The `aws` program: AWS CLI v2's command line over the simulated world. Words → the operation's
// input (args.ts), botocore's validation (validate.ts), a call as the session's principal, then the
// response through --query and --output. Every failure becomes the CLI's text and exit code; an
// unexpected exception is reported, never thrown to the shell.
import jmespath from 'jmespath';
import type { Program, ProgramIo, ProgramResult } from '../types';
import { AwsError } from '../../engines/errors';
import { INTERRUPTED_EXIT_CODE, KeyboardInterrupt } from '../interrupt';
import { cliModels } from './models';
import type { CliModel } from './models/types';
import { kebab } from './names';
import { parseOptions, type Json } from './args';
import { validateInput } from './validate';
import { splitGlobals, type Globals } from './globals';
import { CliUsageError, EXIT_OTHER, EXIT_USAGE, invalidChoice, serviceErrorResult, usageResult } from './errors';
import { normalize } from './output/normalize';
import { formatJson } from './output/json';
import { formatText } from './output/text';
import { formatTable } from './output/table';
import { formatYaml } from './output/yaml';
import { extraCommands, runExtra } from './services/extras';
import { callService } from './call';
import { runWait } from './wait';
import { operationHelp, serviceHelp, topHelp } from './help';
import { CliConfigError } from './config/errors';
import { runConfigure } from './config/configure';
import { profileSetting } from './config/resolve';
import { binaryFormat, blobFromWord, takeBlobOptions } from './config/binary-format';
import { decodeToken, paginate, pagingOptions, textPages, type Pager } from './paging';

const SERVICE_CHOICES = Object.keys(cliModels);

/** kebab command name → operation name, the order the CLI lists them in (sorted, extras after). */
export function commandTable(service: string, model: CliModel): Map<string, string> {
	const table = new Map<string, string>();
	for (const op of Object.keys(model.operations).sort((a, b) => (kebab(a) < kebab(b) ? -1 : 1))) table.set(kebab(op), op);
	return table;
}

const ok = (stdout: string): ProgramResult => ({ stdout, stderr: '', exitCode: 0 });

export const aws: Program = async (args, io) => {
	try {
		return await run(args, io);
	} catch (e) {
		if (e instanceof KeyboardInterrupt) return { stdout: '\n', stderr: '', exitCode: INTERRUPTED_EXIT_CODE };
		if (e instanceof CliUsageError) return usageResult(e);
		if (e instanceof CliConfigError) return { stdout: '', stderr: `\n${e.message}\n`, exitCode: e.exitCode };
		if (e instanceof AwsError) return { stdout: '', stderr: `\n${e.message}\n`, exitCode: EXIT_OTHER };
		return { stdout: '', stderr: `\n${e instanceof Error ? e.message : String(e)}\n`, exitCode: EXIT_OTHER };
	}
};

async function run(args: readonly string[], io: ProgramIo): Promise<ProgramResult> {
	const { globals, rest } = splitGlobals(args);
	// Like argparse's type conversion, a bad --query is rejected before anything is called.
	if (globals.query !== undefined) {
		try {
			(jmespath as unknown as { compile(q: string): unknown }).compile(globals.query);
		} catch (e) {
			return { stdout: '', stderr: `\nBad value for --query ${globals.query}: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: EXIT_USAGE };
		}
	}
	const [service, command, ...words] = rest;
	if (service === undefined) throw new CliUsageError('the following arguments are required: command');
	if (service === 'help') return ok(topHelp(SERVICE_CHOICES));
	if (service === 'configure') return runConfigure(rest.slice(1), globals, io);
	const model = cliModels[service];
	if (!model) throw invalidChoice('command', service, SERVICE_CHOICES);
	if (command === undefined) throw new CliUsageError('the following arguments are required: operation');
	const commands = commandTable(service, model);
	const extras = extraCommands(service);
	const operation = commands.get(command);
	if (command === 'help') return ok(serviceHelp(service, [...commands.keys(), ...(Object.keys(model.waiters).length ? ['wait'] : []), ...extras.filter((e) => e !== 'help')]));
	if (operation && words[0] === 'help') return ok(operationHelp(service, command, model, operation));
	if (!operation) {
		if (command === 'wait' && Object.keys(model.waiters).length) return runWait(service, model, words, globals, io);
		if (extras.includes(command)) return runExtra(service, command, words, globals, io);
		throw invalidChoice('operation', command, [...commands.keys(), ...(Object.keys(model.waiters).length ? ['wait'] : []), ...extras]);
	}
	const inputShape = model.operations[operation] ?? null;
	let base: Record<string, Json> = {};
	if (globals.cliInputJson !== undefined) {
		const text = globals.cliInputJson.startsWith('file://') ? io.session.files.get(globals.cliInputJson.slice(7)) ?? '' : globals.cliInputJson;
		try {
			base = JSON.parse(text) as Record<string, Json>;
		} catch (e) {
			throw new CliUsageError(`Error parsing parameter '--cli-input-json': Invalid JSON received.`, 'none');
		}
	}
	// Blob options become bytes here (--cli-binary-format); the words parser gets the rest.
	const blobOptions = takeBlobOptions(model, inputShape, words);
	if (blobOptions.blobs.length) {
		const format = binaryFormat(io.session, globals);
		for (const [member, flag, word] of blobOptions.blobs) base = { ...base, [member]: blobFromWord(word, flag, format, io.session.files) as unknown as Json };
	}
	const input = parseOptions(model, inputShape, blobOptions.words, io.session.files, base);
	const pager = model.paginators[operation];
	const paging = pagingOptions(globals, pager);
	// --page-size is the limit member itself, so botocore's validation sees it (0 is refused there).
	if (pager?.limitKey !== undefined && paging.pageSize !== undefined) input[pager.limitKey] = paging.pageSize;
	// A starting token's members are part of the first request, and botocore validates them.
	const resumed = pager && paging.startingToken !== undefined && !globals.noPaginate ? { ...input, ...(decodeToken(paging.startingToken, pager).params as Record<string, Json>) } : input;
	const problems = validateInput(model, inputShape, resumed);
	if (problems.length) return { stdout: '', stderr: `\nParameter validation failed:\n${problems.join('\n')}\n`, exitCode: EXIT_USAGE };
	let paged: { response: unknown; textPages?: unknown[] };
	try {
		paged = await callPaged(io, service, model, operation, input, globals, paging.pageSize !== undefined);
	} catch (e) {
		if (e instanceof AwsError) return serviceErrorResult(e.code, operation, e.message);
		throw e;
	}
	const printed = { ...globals, output: globals.output ?? io.session.env.get('AWS_DEFAULT_OUTPUT') ?? profileSetting(io.session, globals, 'output') };
	const iam = (v: unknown) => (service === 'iam' ? decodePolicies(v) : v);
	return printResponse(iam(paged.response), printed, operation, paged.textPages?.map(iam));
}

/**
 * CLI v2 follows the paginator's output token unless --no-paginate or the caller passed the input
 * token or the limit themselves (awscli's check_should_enable_pagination); --page-size sets the
 * limit and still pages. paging.ts joins the pages and applies --max-items / --starting-token.
 */
async function callPaged(io: ProgramIo, service: string, model: CliModel, operation: string, input: Record<string, Json>, globals: Globals, limitFromPageSize: boolean): Promise<{ response: unknown; textPages?: unknown[] }> {
	const pager: Pager | undefined = model.paginators[operation];
	const call = async (request: Record<string, unknown>) => (await callService(io.session, service, operation, request, globals)) as Record<string, unknown>;
	const userLimit = pager?.limitKey !== undefined && input[pager.limitKey] !== undefined && !limitFromPageSize;
	if (!pager || globals.noPaginate || input[pager.inputToken] !== undefined || userLimit || pager.outputToken.includes('.')) return { response: await call(input) };
	const result = await paginate(call, pager, input, pagingOptions(globals, pager));
	const pages: unknown[] = textPages(result.pages, pager);
	if (result.resumeToken !== undefined) pages.push({ NextToken: { NextToken: result.resumeToken } });
	return { response: result.full, textPages: pages };
}

/**
 * botocore's json_decode_policies (after-call.iam): IAM returns policy documents URL-encoded, and
 * the CLI prints them as JSON objects.
 */
function decodePolicies(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(decodePolicies);
	if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof Uint8Array) return v;
	const out: Record<string, unknown> = {};
	for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
		if (typeof x === 'string' && /(PolicyDocument|^Document)$/.test(k)) {
			try {
				out[k] = JSON.parse(decodeURIComponent(x)) as unknown;
				continue;
			} catch {
				// Not an encoded document after all: print it as it came.
			}
		}
		out[k] = decodePolicies(x);
	}
	return out;
}

/** `textPages`: a paged answer, which text output prints page by page, each through --query, as the CLI does. */
export function printResponse(response: unknown, globals: Globals, operation: string, textPages?: unknown[]): ProgramResult {
	if (textPages && (globals.output ?? 'json') === 'text') {
		let stdout = '';
		for (const page of textPages) {
			const r = printResponse(page, globals, operation);
			if (r.exitCode !== 0) return r;
			stdout += r.stdout;
		}
		return { stdout, stderr: '', exitCode: 0 };
	}
	let data: Json = normalize(response) ?? {};
	const queried = globals.query !== undefined;
	if (globals.query !== undefined) {
		try {
			data = jmespath.search(data, globals.query) as Json;
		} catch (e) {
			return { stdout: '', stderr: `\nBad value for --query ${globals.query}: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: EXIT_USAGE };
		}
	}
	const output = globals.output ?? 'json';
	if (output === 'text') return { stdout: formatText(data), stderr: '', exitCode: 0 };
	if (output === 'yaml' || output === 'yaml-stream') return { stdout: formatYaml(data), stderr: '', exitCode: 0 };
	if (output === 'table') return { stdout: formatTable(data, operation), stderr: '', exitCode: 0 };
	return { stdout: formatJson(data, queried), stderr: '', exitCode: 0 };
}
