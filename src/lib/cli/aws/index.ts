// The `aws` program: AWS CLI v2's command line over the simulated world. Words → the operation's
// input (args.ts), botocore's validation (validate.ts), a call as the session's principal, then the
// response through --query and --output. Every failure becomes the CLI's text and exit code; an
// unexpected exception is reported, never thrown to the shell.
import jmespath from 'jmespath';
import type { Program, ProgramIo, ProgramResult } from '../types';
import { AwsError } from '../../engines/errors';
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
		if (e instanceof CliUsageError) return usageResult(e);
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
	const input = parseOptions(model, inputShape, words, io.session.files, base);
	const problems = validateInput(model, inputShape, input);
	if (problems.length) return { stdout: '', stderr: `\nParameter validation failed:\n${problems.join('\n')}\n`, exitCode: EXIT_USAGE };
	let response: unknown;
	try {
		response = await callPaged(io, service, model, operation, input, globals);
	} catch (e) {
		if (e instanceof AwsError) return serviceErrorResult(e.code, operation, e.message);
		throw e;
	}
	return printResponse(service === 'iam' ? decodePolicies(response) : response, globals, operation);
}

/**
 * CLI v2 follows the paginator's output token unless --no-paginate or the caller passed the input
 * token or the limit (awscli's check_should_enable_pagination), joining each result list. A guard stops a token that never ends.
 */
async function callPaged(io: ProgramIo, service: string, model: CliModel, operation: string, input: Record<string, Json>, globals: Globals): Promise<unknown> {
	const pager = model.paginators[operation];
	const first = await callService(io.session, service, operation, input, globals);
	if (!pager || globals.noPaginate || input[pager.inputToken] !== undefined || (pager.limitKey !== undefined && input[pager.limitKey] !== undefined) || pager.outputToken.includes('.')) return first;
	const merged = { ...(first as Record<string, unknown>) };
	let token = merged[pager.outputToken];
	for (let page = 0; typeof token === 'string' && token !== '' && page < 1000; page++) {
		const next = (await callService(io.session, service, operation, { ...input, [pager.inputToken]: token }, globals)) as Record<string, unknown>;
		for (const key of pager.resultKeys) {
			const a = merged[key], b = next[key];
			if (Array.isArray(a) && Array.isArray(b)) merged[key] = [...a, ...b];
		}
		token = next[pager.outputToken];
	}
	delete merged[pager.outputToken];
	return merged;
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

export function printResponse(response: unknown, globals: Globals, operation: string): ProgramResult {
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
