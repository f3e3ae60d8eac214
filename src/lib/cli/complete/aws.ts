// Completion for `aws`: services, commands, waiters, options and their values, like
// aws_completer (AWS CLI v2), plus values it does not offer but a learner expects here:
// --output choices, the world's Regions, enums from the model, and names that exist in the world.
import type { ShellSession } from '../types';
import { BINARY_FORMATS, OUTPUT_CHOICES } from '../aws/globals';
import { cliModels } from '../aws/models';
import type { CliModel, CliShape } from '../aws/models/types';
import { REGIONS } from '../../engines/world-constants';
import { commandOptions, GLOBAL_OPTIONS, SERVICES, serviceCommands, serviceWaiters, type OptionInfo } from './aws-options';
import { changeSets, imageTags, profiles, repositories, stacks, stackSets, type Where } from './aws-resources';
import { pathCandidates } from './files';

interface Line {
	service?: string;
	command?: string;
	waiter?: string;
	/** Option names on the line (before any `=`). */
	used: Set<string>;
	/** The values given to each option so far. */
	values: Map<string, string[]>;
	/** The option the word at the cursor would be a value of, if any. */
	pending?: string;
}

const FILE_PREFIXES = ['file://', 'fileb://'];

function optionsAt(line: Pick<Line, 'service' | 'command' | 'waiter'>): Map<string, OptionInfo> {
	if (!line.service || !line.command) return new Map();
	return commandOptions(line.service, line.command, line.waiter);
}

const lookup = (line: Line, name: string): OptionInfo | undefined => GLOBAL_OPTIONS.get(name) ?? optionsAt(line).get(name);

/** Walks the words after `aws` as the CLI's argument parsers would. */
function read(args: readonly string[]): Line {
	const line: Line = { used: new Set(), values: new Map() };
	const positional: string[] = [];
	let open: { name: string; kind: OptionInfo['kind']; count: number } | undefined;
	for (const w of args) {
		if (w.startsWith('--') && w.length > 2) {
			const eq = w.indexOf('=');
			const name = eq > 0 ? w.slice(0, eq) : w;
			line.used.add(name);
			const kind = lookup(line, name)?.kind ?? 'one';
			open = undefined;
			if (eq > 0) line.values.set(name, [w.slice(eq + 1)]);
			else if (kind !== 'flag') {
				line.values.set(name, []);
				open = { name, kind, count: 0 };
			}
			continue;
		}
		if (open && (open.kind === 'many' || open.count === 0)) {
			line.values.get(open.name)?.push(w);
			open.count++;
			continue;
		}
		open = undefined;
		positional.push(w);
		[line.service, line.command] = positional;
		if (line.command === 'wait') line.waiter = positional[2];
	}
	if (open && (open.kind === 'many' || open.count === 0)) line.pending = open.name;
	return line;
}

const lastValue = (line: Line, name: string): string | undefined => line.values.get(name)?.at(-1);
function whereOf(line: Line): Where {
	const region = lastValue(line, '--region');
	const profile = lastValue(line, '--profile');
	return { ...(region ? { region } : {}), ...(profile ? { profile } : {}) };
}

/** Options still worth offering: not on the line yet (`--x` and `--no-x` count as one). */
function optionCandidates(line: Line): string[] {
	const options = optionsAt(line);
	const usedMembers = new Set([...line.used].map((n) => options.get(n)?.member).filter((m) => m !== undefined));
	const out: string[] = [];
	for (const [name, info] of options) if (!line.used.has(name) && !(info.member && usedMembers.has(info.member))) out.push(name);
	for (const name of GLOBAL_OPTIONS.keys()) if (!line.used.has(name)) out.push(name);
	return out;
}

function enumOf(model: CliModel | undefined, shape: CliShape | undefined): string[] | undefined {
	if (!shape) return undefined;
	if (shape.enum) return shape.enum;
	if (shape.type === 'list' && shape.member) return model?.shapes[shape.member]?.enum;
	return undefined;
}

/** Structures, maps, lists and free strings are what people pass as `file://...`. */
const freeForm = (shape: CliShape | undefined): boolean => shape === undefined || ['structure', 'map', 'list', 'string', 'blob'].includes(shape.type);

async function valueCandidates(line: Line, name: string, typed: string, session: ShellSession): Promise<string[]> {
	if (FILE_PREFIXES.some((p) => typed.startsWith(p))) return FILE_PREFIXES.flatMap((p) => pathCandidates(session, typed, p));
	const where = whereOf(line);
	switch (name) {
		case '--output':
			return OUTPUT_CHOICES;
		case '--region':
			return [...REGIONS];
		case '--profile':
			return profiles(session);
		case '--color':
			return ['on', 'off', 'auto'];
		case '--cli-binary-format':
			return BINARY_FORMATS;
		case '--cli-input-json':
			return FILE_PREFIXES;
	}
	if (GLOBAL_OPTIONS.has(name)) return [];
	if (line.service === 'cloudformation' && line.command === 'deploy') {
		if (name === '--template-file') return pathCandidates(session, typed);
		if (name === '--stack-name') return stacks(session, where);
		if (name === '--capabilities') return enumOf(cliModels.cloudformation, commandOptions('cloudformation', 'create-change-set', undefined).get('--capabilities')?.shape) ?? [];
		return [];
	}
	const info = optionsAt(line).get(name);
	const model = line.service ? cliModels[line.service] : undefined;
	const choices = enumOf(model, info?.shape);
	if (choices) return choices;
	const registryId = lastValue(line, '--registry-id');
	switch (info?.member) {
		case 'repositoryName':
		case 'repositoryNames':
			return (await repositories(session, where, registryId)).map((r) => r.name);
		case 'imageIds':
		case 'imageId': {
			const repo = lastValue(line, '--repository-name');
			if (typed.startsWith('imageTag=') && repo) return (await imageTags(session, where, repo, registryId)).map((t) => `imageTag=${t}`);
			return ['imageTag=', 'imageDigest='];
		}
		case 'StackName':
			return stacks(session, where);
		case 'ChangeSetName': {
			const stack = lastValue(line, '--stack-name');
			return stack ? changeSets(session, where, stack) : [];
		}
		case 'StackSetName':
			return stackSets(session, where);
	}
	return freeForm(info?.shape) ? FILE_PREFIXES : [];
}

/** Candidate words (unquoted) for the word `typed` after `aws args...`; the caller filters by prefix. */
export async function completeAws(args: readonly string[], typed: string, session: ShellSession): Promise<string[]> {
	const line = read(args);
	if (line.pending && !(typed.startsWith('--') && typed.length >= 2)) return valueCandidates(line, line.pending, typed, session);
	if (typed.startsWith('--') && typed.includes('=')) {
		const name = typed.slice(0, typed.indexOf('='));
		if (!lookup(line, name)) return [];
		const values = await valueCandidates(line, name, typed.slice(name.length + 1), session);
		return values.map((v) => `${name}=${v}`);
	}
	if (typed.startsWith('-')) return optionCandidates(line);
	if (!line.service) return [...SERVICES];
	if (!line.command) return serviceCommands(line.service);
	if (line.command === 'wait' && !line.waiter) return serviceWaiters(line.service);
	return [];
}
