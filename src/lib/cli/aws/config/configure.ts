// `aws configure` and its subcommands (set, get, list, list-profiles) over the session's config
// and credentials text, with the prompts, masks, table and exit codes of AWS CLI v2 2.9.19.
import type { ProgramIo, ProgramResult } from '../../types';
import type { Globals } from '../globals';
import { CliUsageError, invalidChoice } from '../errors';
import { CliConfigError } from './errors';
import { setIniValue } from './ini';
import { awsState, configSection, peekAwsState, profileNames, profileValues, scopedConfig } from './store';
import { loadProfile, resolveCredentials, selectProfile } from './resolve';

const SUBCOMMANDS = ['list', 'get', 'set', 'add-model', 'import', 'list-profiles', 'sso', 'sso-session', 'export-credentials', 'wizard'];
const CREDENTIAL_KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'];
const PROMPTS: [string, string][] = [
	['aws_access_key_id', 'AWS Access Key ID'],
	['aws_secret_access_key', 'AWS Secret Access Key'],
	['region', 'Default region name'],
	['output', 'Default output format']
];

const ok = (stdout: string): ProgramResult => ({ stdout, stderr: '', exitCode: 0 });

/** The CLI shows stored keys as 16 stars and their last 4 characters. */
export const mask = (value: string | undefined): string => (value === undefined ? 'None' : `${'*'.repeat(16)}${value.slice(-4)}`);

/** The profile `configure` writes to: --profile, else AWS_PROFILE (botocore's session.profile), else default. */
const targetProfile = (io: ProgramIo, globals: Globals): string => selectProfile(io.session, globals).name;

function write(io: ProgramIo, profile: string, key: string, value: string): void {
	const state = awsState(io.session);
	if (CREDENTIAL_KEYS.includes(key)) state.credentials = setIniValue(state.credentials, profile, key, value);
	else state.config = setIniValue(state.config, configSection(profile), key, value);
}

export async function runConfigure(words: readonly string[], globals: Globals, io: ProgramIo): Promise<ProgramResult> {
	const [sub, ...args] = words;
	if (sub === undefined) return interactive(globals, io);
	if (!SUBCOMMANDS.includes(sub)) throw invalidChoice('subcommand', sub, SUBCOMMANDS);
	if (sub === 'set') return set(args, globals, io);
	if (sub === 'get') return get(args, globals, io);
	if (sub === 'list') return list(args, globals, io);
	if (sub === 'list-profiles') {
		if (args.length) throw new CliUsageError(`Unknown options: ${args.join(', ')}`, 'unknown');
		return ok(profileNames(peekAwsState(io.session)).map((p) => `${p}\n`).join(''));
	}
	return { stdout: '', stderr: `\naws configure ${sub} is not available in this terminal.\n`, exitCode: 255 };
}

async function interactive(globals: Globals, io: ProgramIo): Promise<ProgramResult> {
	const profile = targetProfile(io, globals);
	const current = scopedConfig(profileValues(peekAwsState(io.session), profile));
	// Without a terminal the answers are stdin's lines, and the prompts go to stdout unanswered on
	// one line, as Python's input() writes them when stdin is not a TTY.
	const lines = io.stdin.split('\n');
	if (io.stdin.endsWith('\n') || io.stdin === '') lines.pop();
	let stdout = '';
	const answers = new Map<string, string>();
	for (const [key, label] of PROMPTS) {
		const shown = key.startsWith('aws_') ? mask(current.get(key)) : (current.get(key) ?? 'None');
		const question = `${label} [${shown}]: `;
		let answer: string;
		if (io.terminal) answer = await io.terminal.ask(question);
		else {
			stdout += question;
			const line = lines.shift();
			// Python's input() at the end of stdin: nothing is written (captured from 2.9.19).
			if (line === undefined) return { stdout, stderr: '\nEOF when reading a line\n', exitCode: 255 };
			answer = line;
		}
		answer = answer.replace(/\r$/, '');
		if (answer !== '' && answer !== current.get(key)) answers.set(key, answer);
	}
	for (const [key, value] of answers) write(io, profile, key, value);
	return ok(stdout);
}

function set(args: readonly string[], globals: Globals, io: ProgramIo): ProgramResult {
	const [varname, value, ...extra] = args;
	if (varname === undefined) throw new CliUsageError('the following arguments are required: varname, value');
	if (value === undefined) throw new CliUsageError('the following arguments are required: value');
	if (extra.length) throw new CliUsageError(`Unknown options: ${extra.join(', ')}`, 'unknown');
	let profile = targetProfile(io, globals);
	let key = varname;
	const parts = varname.split('.');
	if (parts.length > 1 && parts[0] === 'default') [profile, key] = ['default', parts.slice(1).join('.')];
	else if (parts.length > 2 && parts[0] === 'profile') [profile, key] = [parts[1] ?? '', parts.slice(2).join('.')];
	write(io, profile, key, value);
	return ok('');
}

function get(args: readonly string[], globals: Globals, io: ProgramIo): ProgramResult {
	const [varname, ...extra] = args;
	if (varname === undefined) throw new CliUsageError('the following arguments are required: varname');
	if (extra.length) throw new CliUsageError(`Unknown options: ${extra.join(', ')}`, 'unknown');
	const state = peekAwsState(io.session);
	const selection = selectProfile(io.session, globals);
	let value: string | undefined;
	const parts = varname.split('.');
	if (parts.length === 1) value = scopedConfig(loadProfile(io.session, selection)).get(varname);
	else {
		let profile = selection.name;
		let key = parts.slice(0).join('.');
		if (parts[0] === 'profile' && parts.length > 2) [profile, key] = [parts[1] ?? '', parts.slice(2).join('.')];
		else if (parts[0] === 'default' || profileNames(state).includes(parts[0] ?? '')) [profile, key] = [parts[0] ?? '', parts.slice(1).join('.')];
		value = scopedConfig(profileValues(state, profile)).get(key);
	}
	return value === undefined ? { stdout: '', stderr: '', exitCode: 1 } : ok(`${value}\n`);
}

const row = (name: string, value: string, type: string, location: string): string => `${name.padStart(10)} ${value.padStart(24)} ${type.padStart(16)}    ${location}\n`;

function list(args: readonly string[], globals: Globals, io: ProgramIo): ProgramResult {
	if (args.length) throw new CliUsageError(`Unknown options: ${args.join(', ')}`, 'unknown');
	const selection = selectProfile(io.session, globals);
	let stdout = row('Name', 'Value', 'Type', 'Location') + row('----', '-----', '----', '--------');
	if (selection.source === 'manual') stdout += row('profile', selection.name, 'manual', '--profile');
	else if (selection.source === 'env') stdout += row('profile', selection.name, 'env', "['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']");
	else stdout += row('profile', '<not set>', 'None', 'None');
	try {
		const creds = resolveCredentials(io.session, globals);
		if (creds.method === 'sandbox-root') stdout += row('access_key', '<not set>', 'None', 'None') + row('secret_key', '<not set>', 'None', 'None');
		else {
			stdout += row('access_key', creds.method === 'assume-role' ? '<not set>' : mask(creds.accessKeyId), creds.method, '');
			stdout += row('secret_key', creds.secretAccessKey === undefined ? '<not set>' : mask(creds.secretAccessKey), creds.method, '');
		}
		// `configure list` reads the Region from the environment and the profile, not --region (2.9.19).
		const envRegion = io.session.env.get('AWS_REGION') || io.session.env.get('AWS_DEFAULT_REGION');
		const profileRegion = scopedConfig(loadProfile(io.session, selection)).get('region');
		if (envRegion) stdout += row('region', envRegion, 'env', "['AWS_REGION', 'AWS_DEFAULT_REGION']");
		else if (profileRegion !== undefined) stdout += row('region', profileRegion, 'config-file', '~/.aws/config');
		else stdout += row('region', '<not set>', 'None', 'None');
	} catch (e) {
		if (e instanceof CliConfigError) return { stdout, stderr: `\n${e.message}\n`, exitCode: e.exitCode };
		throw e;
	}
	return ok(stdout);
}
