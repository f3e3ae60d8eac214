// `aws configure` and its subcommands: prompts, the INI text written, `get`, `list` and
// `list-profiles`, each compared with what /usr/bin/aws 2.9.19 printed and wrote in a throwaway HOME.
import { describe, expect, it } from 'vitest';
import type { ShellSession, TerminalIo } from '../../../../src/lib/cli/types';
import { aws } from '../../../../src/lib/cli/aws';
import { KeyboardInterrupt } from '../../../../src/lib/cli/interrupt';
import { session } from './helpers';

const run = (s: ShellSession, ...args: string[]) => aws(args, { stdin: '', session: s });
const withStdin = (s: ShellSession, stdin: string, ...args: string[]) => aws(args, { stdin, session: s });
const files = (s: ShellSession) => s.programs.get('aws') as { config: string; credentials: string };

const USAGE = '\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n';

describe('aws configure (interactive)', () => {
	it('reads answers from stdin, writes both files, and masks the stored keys next time', async () => {
		const s = session();
		const first = await withStdin(s, 'AKIAEXAMPLEKEY123456\nsecretsecret\nus-west-2\njson\n', 'configure');
		expect(first).toEqual({ stdout: 'AWS Access Key ID [None]: AWS Secret Access Key [None]: Default region name [None]: Default output format [None]: ', stderr: '', exitCode: 0 });
		expect(files(s).config).toBe('[default]\nregion = us-west-2\noutput = json\n');
		expect(files(s).credentials).toBe('[default]\naws_access_key_id = AKIAEXAMPLEKEY123456\naws_secret_access_key = secretsecret\n');
		const again = await withStdin(s, '\n\n\n\n', 'configure');
		expect(again.stdout).toBe('AWS Access Key ID [****************3456]: AWS Secret Access Key [****************cret]: Default region name [us-west-2]: Default output format [json]: ');
		expect(files(s).config).toBe('[default]\nregion = us-west-2\noutput = json\n');
	});

	it('asks on the terminal when there is one, and writes a named profile to its sections', async () => {
		const s = session();
		const asked: string[] = [];
		const answers = ['AKIANEW', 'newsecret', '', 'text'];
		const terminal: TerminalIo = { ask: async (q) => (asked.push(q), answers.shift() ?? ''), write: () => undefined };
		const r = await aws(['configure', '--profile', 'dev'], { stdin: '', session: s, terminal });
		expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0 });
		expect(asked).toEqual(['AWS Access Key ID [None]: ', 'AWS Secret Access Key [None]: ', 'Default region name [None]: ', 'Default output format [None]: ']);
		expect(files(s).config).toBe('[profile dev]\noutput = text\n');
		expect(files(s).credentials).toBe('[dev]\naws_access_key_id = AKIANEW\naws_secret_access_key = newsecret\n');
	});

	it('Ctrl+C at a question ends with 130 and a newline, as on SIGINT, and writes nothing', async () => {
		const s = session();
		const answers = ['AKIANEW'];
		const terminal: TerminalIo = {
			ask: async () => {
				const next = answers.shift();
				if (next === undefined) throw new KeyboardInterrupt();
				return next;
			},
			write: () => undefined
		};
		const r = await aws(['configure'], { stdin: '', session: s, terminal });
		expect(r).toEqual({ stdout: '\n', stderr: '', exitCode: 130 });
		expect(s.programs.get('aws') === undefined || files(s).credentials === '').toBe(true);
	});

	it('stops at the end of stdin without writing anything', async () => {
		const s = session();
		const r = await withStdin(s, 'AKIAONLY1234\n', 'configure');
		expect(r).toEqual({ stdout: 'AWS Access Key ID [None]: AWS Secret Access Key [None]: ', stderr: '\nEOF when reading a line\n', exitCode: 255 });
		expect(s.programs.get('aws')).toBeUndefined();
	});
});

describe('aws configure set / get / list-profiles', () => {
	it('writes keys to the credentials file and the rest to the config file, in botocore order', async () => {
		const s = session();
		for (const args of [
			['aws_access_key_id', 'AKIAZZ', '--profile', 'zeta'],
			['region', 'us-east-2', '--profile', 'alpha'],
			['profile.beta.output', 'json'],
			['default.region', 'eu-west-1'],
			['ca_bundle', 'x']
		])
			expect(await run(s, 'configure', 'set', ...args)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
		expect(files(s).config).toBe('[profile alpha]\nregion = us-east-2\n[profile beta]\noutput = json\n[default]\nregion = eu-west-1\nca_bundle = x\n');
		expect(files(s).credentials).toBe('[zeta]\naws_access_key_id = AKIAZZ\n');
		expect(await run(s, 'configure', 'list-profiles')).toEqual({ stdout: 'alpha\nbeta\ndefault\nzeta\n', stderr: '', exitCode: 0 });
		await run(s, 'configure', 'set', 'region', 'us-west-2', '--profile', 'alpha');
		expect(files(s).config).toBe('[profile alpha]\nregion = us-west-2\n[profile beta]\noutput = json\n[default]\nregion = eu-west-1\nca_bundle = x\n');
	});

	it('gets values from the profile, dotted names, exit 1 when unset and 255 for a missing profile', async () => {
		const s = session();
		await run(s, 'configure', 'set', 'region', 'us-west-2');
		await run(s, 'configure', 'set', 'region', 'eu-west-1', '--profile', 'dev');
		await run(s, 'configure', 'set', 'aws_access_key_id', 'AKIADEV', '--profile', 'dev');
		expect(await run(s, 'configure', 'get', 'region')).toEqual({ stdout: 'us-west-2\n', stderr: '', exitCode: 0 });
		expect(await run(s, 'configure', 'get', 'region', '--profile', 'dev')).toEqual({ stdout: 'eu-west-1\n', stderr: '', exitCode: 0 });
		expect(await run(s, 'configure', 'get', 'aws_access_key_id', '--profile', 'dev')).toEqual({ stdout: 'AKIADEV\n', stderr: '', exitCode: 0 });
		expect(await run(s, 'configure', 'get', 'dev.region')).toEqual({ stdout: 'eu-west-1\n', stderr: '', exitCode: 0 });
		expect(await run(s, 'configure', 'get', 'profile.dev.region')).toEqual({ stdout: 'eu-west-1\n', stderr: '', exitCode: 0 });
		expect(await run(s, 'configure', 'get', 'default.region')).toEqual({ stdout: 'us-west-2\n', stderr: '', exitCode: 0 });
		expect(await run(s, 'configure', 'get', 'nothing')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
		expect(await run(s, 'configure', 'get', 'region', '--profile', 'nope')).toEqual({ stdout: '', stderr: '\nThe config profile (nope) could not be found\n', exitCode: 255 });
		expect(await run(s, 'configure', 'list-profiles', '--profile', 'x')).toEqual({ stdout: 'default\ndev\n', stderr: '', exitCode: 0 });
	});

	it('rejects command lines as argparse does', async () => {
		const s = session();
		expect(await run(s, 'configure', 'set')).toEqual({ stdout: '', stderr: `${USAGE}aws: error: the following arguments are required: varname, value\n\n`, exitCode: 252 });
		expect(await run(s, 'configure', 'set', 'region')).toEqual({ stdout: '', stderr: `${USAGE}aws: error: the following arguments are required: value\n\n`, exitCode: 252 });
		expect(await run(s, 'configure', 'get')).toEqual({ stdout: '', stderr: `${USAGE}aws: error: the following arguments are required: varname\n\n`, exitCode: 252 });
		expect(await run(s, 'configure', 'get', 'region', 'extra')).toEqual({ stdout: '', stderr: `${USAGE}Unknown options: extra\n\n`, exitCode: 252 });
		expect(await run(s, 'configure', 'list', 'extra')).toEqual({ stdout: '', stderr: `${USAGE}Unknown options: extra\n\n`, exitCode: 252 });
		const choices =
			'list                                     | get                                     \n' +
			'set                                      | add-model                               \n' +
			'import                                   | list-profiles                           \n' +
			'sso                                      | sso-session                             \n' +
			'export-credentials                       | wizard                                  ';
		expect(await run(s, 'configure', 'foo')).toEqual({ stdout: '', stderr: `${USAGE}aws: error: argument subcommand: Invalid choice, valid choices are:\n\n${choices}\n\n`, exitCode: 252 });
	});
});

const HEAD = '      Name                    Value             Type    Location\n      ----                    -----             ----    --------\n';

describe('aws configure list', () => {
	it('shows nothing set in an empty session', async () => {
		const s = session();
		expect(await run(s, 'configure', 'list')).toEqual({
			stdout: `${HEAD}   profile                <not set>             None    None\naccess_key                <not set>             None    None\nsecret_key                <not set>             None    None\n    region                <not set>             None    None\n`,
			stderr: '',
			exitCode: 0
		});
	});

	it('names where each value comes from: files, --profile, AWS_PROFILE, the environment', async () => {
		const s = session();
		await withStdin(s, 'AKIAEXAMPLEKEY123456\nsecretsecret\nus-west-2\njson\n', 'configure');
		await run(s, 'configure', 'set', 'region', 'eu-west-1', '--profile', 'dev');
		await run(s, 'configure', 'set', 'aws_access_key_id', 'AKIADEV', '--profile', 'dev');
		expect((await run(s, 'configure', 'list')).stdout).toBe(
			`${HEAD}   profile                <not set>             None    None\naccess_key     ****************3456 shared-credentials-file    \nsecret_key     ****************cret shared-credentials-file    \n    region                us-west-2      config-file    ~/.aws/config\n`
		);
		expect(await run(s, 'configure', 'list', '--profile', 'dev')).toEqual({
			stdout: `${HEAD}   profile                      dev           manual    --profile\n`,
			stderr: '\nPartial credentials found in shared-credentials-file, missing: aws_secret_access_key\n',
			exitCode: 255
		});
		await run(s, 'configure', 'set', 'aws_secret_access_key', 'devsecret99', '--profile', 'dev');
		const dev = `access_key     ****************ADEV shared-credentials-file    \nsecret_key     ****************et99 shared-credentials-file    \n    region                eu-west-1      config-file    ~/.aws/config\n`;
		expect((await run(s, 'configure', 'list', '--profile', 'dev', '--region', 'ap-south-1')).stdout).toBe(`${HEAD}   profile                      dev           manual    --profile\n${dev}`);
		s.env.set('AWS_PROFILE', 'dev');
		expect((await run(s, 'configure', 'list')).stdout).toBe(`${HEAD}   profile                      dev              env    ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']\n${dev}`);
		s.env.delete('AWS_PROFILE');
		for (const [k, v] of [['AWS_ACCESS_KEY_ID', 'AKIAENVKEY12345'], ['AWS_SECRET_ACCESS_KEY', 'abcdefgh'], ['AWS_REGION', 'us-east-2']]) s.env.set(k as string, v as string);
		expect((await run(s, 'configure', 'list')).stdout).toBe(
			`${HEAD}   profile                <not set>             None    None\naccess_key     ****************2345              env    \nsecret_key     ****************efgh              env    \n    region                us-east-2              env    ['AWS_REGION', 'AWS_DEFAULT_REGION']\n`
		);
		expect(await run(s, 'configure', 'list', '--profile', 'nope')).toEqual({ stdout: `${HEAD}   profile                     nope           manual    --profile\n`, stderr: '\nThe config profile (nope) could not be found\n', exitCode: 255 });
	});
});
