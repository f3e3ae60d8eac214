// Which profile, credentials, Region and output format a command runs with, in the order AWS CLI
// v2 documents (and botocore's credential chain implements):
//   credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN (ignored when --profile
//   is given: an explicit profile removes botocore's env provider), then the profile's role_arn
//   (assume-role), its keys in the credentials file, its keys in the config file. With none, the
//   real CLI says "Unable to locate credentials"; the sandbox acts as the learner account's root.
//   profile: --profile, AWS_PROFILE, AWS_DEFAULT_PROFILE, else `default`. A named one that does not
//   exist is an error; a missing implicit `default` is not.
//   Region: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's `region`. With none the real
//   CLI says "You must specify a region" (exit 253); the sandbox uses us-east-1.
// Pure reading: nothing here changes the session or the world.
import type { ShellSession } from '../../types';
import type { Globals } from '../globals';
import { partialCredentials, profileNotFound } from './errors';
import { peekAwsState, profileValues, scopedConfig, type ProfileValues } from './store';

/** The sandbox's stand-in for "no credentials": the learner account's root user. */
export const SANDBOX_ROOT_KEY = 'AKIAROOT123456789012';
export const SANDBOX_REGION = 'us-east-1';

export interface ProfileSelection {
	name: string;
	/** How it was chosen, as `aws configure list` reports it. */
	source: 'manual' | 'env' | 'none';
}

export function selectProfile(session: ShellSession, globals: Pick<Globals, 'profile'>): ProfileSelection {
	if (globals.profile !== undefined) return { name: globals.profile, source: 'manual' };
	const env = session.env.get('AWS_PROFILE') ?? session.env.get('AWS_DEFAULT_PROFILE');
	if (env !== undefined && env !== '') return { name: env, source: 'env' };
	return { name: 'default', source: 'none' };
}

/** The selected profile's values; throws the CLI's error for a named profile that does not exist. */
export function loadProfile(session: ShellSession, selection: ProfileSelection): ProfileValues | undefined {
	const values = profileValues(peekAwsState(session), selection.name);
	if (!values && selection.source !== 'none') throw profileNotFound(selection.name);
	return values;
}

export type CredentialMethod = 'env' | 'assume-role' | 'shared-credentials-file' | 'config-file' | 'sandbox-root';

export interface ResolvedCredentials {
	method: CredentialMethod;
	accessKeyId: string;
	secretAccessKey?: string;
	sessionToken?: string;
	/** The profile whose settings supplied them. */
	profile: string;
	/** For assume-role: the role and the profile whose credentials assume it. */
	roleArn?: string;
	sourceProfile?: string;
	roleSessionName?: string;
	durationSeconds?: number;
	externalId?: string;
}

function fromEnv(session: ShellSession): ResolvedCredentials | undefined {
	const id = session.env.get('AWS_ACCESS_KEY_ID');
	if (id === undefined || id === '') return undefined;
	const secret = session.env.get('AWS_SECRET_ACCESS_KEY');
	const token = session.env.get('AWS_SESSION_TOKEN');
	// The real CLI refuses a key id without its secret ("Partial credentials found in env"); the
	// sandbox has long accepted AWS_ACCESS_KEY_ID alone to pick a principal, and lessons use it.
	return { method: 'env', accessKeyId: id, profile: 'default', ...(secret ? { secretAccessKey: secret } : {}), ...(token ? { sessionToken: token } : {}) };
}

function fromValues(values: Map<string, string>, method: 'shared-credentials-file' | 'config-file', profile: string): ResolvedCredentials | undefined {
	const id = values.get('aws_access_key_id');
	if (id === undefined) return undefined;
	const secret = values.get('aws_secret_access_key');
	if (secret === undefined) throw partialCredentials(method, 'aws_secret_access_key');
	const token = values.get('aws_session_token');
	return { method, accessKeyId: id, secretAccessKey: secret, profile, ...(token ? { sessionToken: token } : {}) };
}

/** The credentials of one profile, without the environment (an assume-role source profile too). */
export function profileCredentials(session: ShellSession, profile: string, values: ProfileValues | undefined): ResolvedCredentials | undefined {
	if (!values) return undefined;
	const scoped = scopedConfig(values);
	const roleArn = scoped.get('role_arn');
	if (roleArn !== undefined) {
		const source = scoped.get('source_profile');
		if (source === undefined) throw partialCredentials('assume-role', 'source_profile or credential_source');
		const duration = Number(scoped.get('duration_seconds'));
		const name = scoped.get('role_session_name');
		const external = scoped.get('external_id');
		return {
			method: 'assume-role',
			accessKeyId: '',
			profile,
			roleArn,
			sourceProfile: source,
			...(name !== undefined ? { roleSessionName: name } : {}),
			...(Number.isInteger(duration) && duration > 0 ? { durationSeconds: duration } : {}),
			...(external !== undefined ? { externalId: external } : {})
		};
	}
	return fromValues(values.credentials, 'shared-credentials-file', profile) ?? fromValues(values.config, 'config-file', profile);
}

export function resolveCredentials(session: ShellSession, globals: Pick<Globals, 'profile'>): ResolvedCredentials {
	const selection = selectProfile(session, globals);
	// An explicit --profile removes the env provider; AWS_PROFILE does not (confirmed with 2.9.19).
	const env = selection.source === 'manual' ? undefined : fromEnv(session);
	if (env) return env;
	const values = loadProfile(session, selection);
	return profileCredentials(session, selection.name, values) ?? { method: 'sandbox-root', accessKeyId: SANDBOX_ROOT_KEY, profile: selection.name };
}

export function resolveRegion(session: ShellSession, globals: Pick<Globals, 'profile' | 'region'>): string {
	const fromEnv = globals.region ?? session.env.get('AWS_REGION') ?? session.env.get('AWS_DEFAULT_REGION');
	if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
	const values = loadProfile(session, selectProfile(session, globals));
	return scopedConfig(values).get('region') ?? SANDBOX_REGION;
}

/** A setting from the selected profile (output, cli_binary_format ...), or undefined. */
export function profileSetting(session: ShellSession, globals: Pick<Globals, 'profile'>, key: string): string | undefined {
	return scopedConfig(loadProfile(session, selectProfile(session, globals))).get(key);
}
