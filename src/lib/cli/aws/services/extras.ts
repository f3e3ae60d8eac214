// Commands the CLI adds to a service that are not API operations (customizations):
// `ecr get-login-password` and `cloudformation deploy` (`wait` is in wait.ts).
import type { ProgramIo, ProgramResult } from '../../types';
import type { Globals } from '../globals';
import { CliUsageError, invalidChoice, serviceErrorResult } from '../errors';
import { AwsError } from '../../../engines/errors';
import { callService } from '../call';
import { runDeploy } from './deploy';

const EXTRAS: Record<string, string[]> = {
	ecr: ['get-login-password', 'help'],
	cloudformation: ['deploy', 'help'],
	iam: ['help'],
	sts: ['help']
};

export function extraCommands(service: string): string[] {
	return EXTRAS[service] ?? [];
}

function decodeBase64(s: string): string {
	const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	let bits = 0, acc = 0, out = '';
	for (const c of s.replace(/=+$/, '')) {
		acc = (acc << 6) | chars.indexOf(c);
		bits += 6;
		if (bits >= 8) { bits -= 8; out += String.fromCharCode((acc >> bits) & 255); }
	}
	return out;
}

export async function runExtra(service: string, command: string, words: readonly string[], globals: Globals, io: ProgramIo): Promise<ProgramResult> {
	if (service === 'ecr' && command === 'get-login-password') {
		if (words.length) throw new CliUsageError(`Unknown options: ${words.join(', ')}`, 'none');
		let r: { authorizationData?: { authorizationToken?: string }[] };
		try {
			r = (await callService(io.session, 'ecr', 'GetAuthorizationToken', {}, globals)) as typeof r;
		} catch (e) {
			// A refusal is the service's error like any operation's: its text and exit 254.
			if (e instanceof AwsError) return serviceErrorResult(e.code, 'GetAuthorizationToken', e.message);
			throw e;
		}
		const token = decodeBase64(r.authorizationData?.[0]?.authorizationToken ?? '');
		return { stdout: `${token.slice(token.indexOf(':') + 1)}\n`, stderr: '', exitCode: 0 };
	}
	if (service === 'cloudformation' && command === 'deploy') return runDeploy(words, globals, io);
	throw invalidChoice('operation', command, extraCommands(service));
}
