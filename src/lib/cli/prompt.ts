// The prompt the terminal shows before each line: who you are and where, worked out the way
// `aws` resolves credentials and Region (aws/config/resolve.ts) but without calling anything or
// assuming a role, so showing it never changes the world. It never throws: a key the world
// refuses (deleted, inactive, expired) shows the key id with a marker.
import type { ShellSession } from './types';
import { resolveCredentials, resolveRegion } from './aws/config/resolve';
import { peekAwsState } from './aws/config/store';
import { isSandboxRootKey } from './aws/call';

export interface PromptParts {
	/** `root`, an IAM user's name, `role/session` for an assumed role, or the key id when refused. */
	principal: string;
	account: string;
	region: string;
	/** The selected profile, when --profile's equivalents (AWS_PROFILE) pick one other than default. */
	profile?: string;
	/** Why the credentials would not work (`invalid key`, `expired`, `bad profile`). */
	problem?: string;
}

function principalOf(arn: string): { principal: string; account: string } {
	const m = /^arn:aws:(?:iam|sts)::(\d{12}):(.*)$/.exec(arn);
	if (!m) return { principal: arn, account: '' };
	const [, account = '', resource = ''] = m;
	if (resource === 'root') return { principal: 'root', account };
	if (resource.startsWith('assumed-role/')) return { principal: resource.slice('assumed-role/'.length), account };
	return { principal: resource.split('/').pop() ?? resource, account };
}

const roleNameOf = (roleArn: string): string => roleArn.split('/').pop() ?? roleArn;

export function promptParts(session: ShellSession): PromptParts {
	const envProfile = session.env.get('AWS_PROFILE') ?? session.env.get('AWS_DEFAULT_PROFILE');
	const profile = envProfile !== undefined && envProfile !== '' && envProfile !== 'default' ? { profile: envProfile } : {};
	let region = 'us-east-1';
	try {
		region = resolveRegion(session, {});
	} catch {
		region = session.env.get('AWS_REGION') ?? session.env.get('AWS_DEFAULT_REGION') ?? region;
	}
	try {
		const creds = resolveCredentials(session, {});
		if (creds.method === 'assume-role') {
			const cached = peekAwsState(session).roleCache[`${creds.profile}|${creds.roleArn ?? ''}`];
			const live = cached && Date.parse(cached.expiration) > session.world.clock.now().getTime();
			if (live && cached.arn) return { ...principalOf(cached.arn), region, ...profile };
			const account = /^arn:aws:iam::(\d{12}):/.exec(creds.roleArn ?? '')?.[1] ?? '';
			return { principal: roleNameOf(creds.roleArn ?? ''), account, region, ...profile };
		}
		try {
			const caller = session.world.callerForAccessKey(creds.accessKeyId);
			if (!isSandboxRootKey(creds.accessKeyId) && caller.arn.endsWith(':root')) return { principal: creds.accessKeyId, account: '', region, ...profile, problem: 'invalid key' };
			return { ...principalOf(caller.arn), region, ...profile };
		} catch (e) {
			const problem = e instanceof Error && e.name === 'ExpiredToken' ? 'expired' : 'invalid key';
			return { principal: creds.accessKeyId, account: '', region, ...profile, problem };
		}
	} catch {
		return { principal: '?', account: '', region, ...profile, problem: 'bad profile' };
	}
}

/** e.g. `dev@123456789012 us-east-1 (dev) $ `; a refused key: `AKIA…(invalid key) us-east-1 $ `. */
export function promptText(session: ShellSession): string {
	const p = promptParts(session);
	const who = p.problem ? `${p.principal}(${p.problem})` : `${p.principal}@${p.account}`;
	return `${who} ${p.region}${p.profile ? ` (${p.profile})` : ''} $ `;
}
