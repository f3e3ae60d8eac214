// Where the session keeps what the real CLI keeps in ~/.aws/config and ~/.aws/credentials: the
// same INI text, in the aws program's state (session.programs), plus the cache of credentials an
// assume-role profile obtained (the CLI's ~/.aws/cli/cache). Plain JSON, so it snapshots.
import type { ShellSession } from '../../types';
import { parseIni } from './ini';

export interface CachedRole {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken: string;
	expiration: string;
	arn: string;
}

export interface AwsProgramState {
	config: string;
	credentials: string;
	roleCache: Record<string, CachedRole>;
}

export function awsState(session: ShellSession): AwsProgramState {
	const existing = session.programs.get('aws') as Partial<AwsProgramState> | undefined;
	const state: AwsProgramState = { config: existing?.config ?? '', credentials: existing?.credentials ?? '', roleCache: existing?.roleCache ?? {} };
	session.programs.set('aws', state);
	return state;
}

/** Reads without creating the state (the prompt must change nothing). */
export function peekAwsState(session: ShellSession): AwsProgramState {
	const existing = session.programs.get('aws') as Partial<AwsProgramState> | undefined;
	return { config: existing?.config ?? '', credentials: existing?.credentials ?? '', roleCache: existing?.roleCache ?? {} };
}

/** `[default]` and `[profile x]` in the config file; `[x]` in the credentials file. */
export const configSection = (profile: string): string => (profile === 'default' ? 'default' : `profile ${profile}`);

export interface ProfileValues {
	/** Values from the config file's section for the profile. */
	config: Map<string, string>;
	/** Values from the credentials file's section. */
	credentials: Map<string, string>;
}

function configProfiles(text: string): Map<string, Map<string, string>> {
	const out = new Map<string, Map<string, string>>();
	for (const s of parseIni(text)) {
		// botocore reads `[profile x]` as x and also accepts a bare `[default]`; other bare sections
		// ([preview], [plugins], [sso-session x]) are not profiles.
		const m = /^profile\s+(.+)$/.exec(s.name);
		const name = m ? m[1]?.trim() : s.name === 'default' ? 'default' : undefined;
		if (name !== undefined) out.set(name, new Map([...(out.get(name) ?? []), ...s.values]));
	}
	return out;
}

export function profileNames(state: AwsProgramState): string[] {
	const names = [...configProfiles(state.config).keys()];
	for (const s of parseIni(state.credentials)) if (!names.includes(s.name)) names.push(s.name);
	return names;
}

export function profileValues(state: AwsProgramState, profile: string): ProfileValues | undefined {
	const config = configProfiles(state.config).get(profile);
	const creds = parseIni(state.credentials).find((s) => s.name === profile);
	if (!config && !creds) return undefined;
	return { config: config ?? new Map(), credentials: new Map(creds?.values ?? []) };
}

/** The profile's values as botocore's scoped config sees them: credentials file over config file. */
export function scopedConfig(values: ProfileValues | undefined): Map<string, string> {
	return new Map([...(values?.config ?? []), ...(values?.credentials ?? [])]);
}
