// Names of things that exist in the world, read with the same calls `aws` makes, as the
// session's principal in the line's Region: a learner who may not list repositories gets no
// candidates, as aws_completer's server-side completion gets none. Read operations only.
import type { ShellSession } from '../types';
import type { Globals } from '../aws/globals';
import { callService } from '../aws/call';
import { resolveCredentials } from '../aws/config/resolve';
import { peekAwsState, profileNames } from '../aws/config/store';

/** At most this many pages per lookup: completion must stay quick on a large world. */
const MAX_PAGES = 10;

/** The line's --region and --profile, which decide where and as whom names are looked up. */
export interface Where {
	region?: string;
	profile?: string;
}

/**
 * callService with the line's Region and profile, refusing up front a profile that assumes a
 * role: that would call AssumeRole, which records a session in the world and a cache entry in
 * the session, and completion must change neither.
 */
async function read(session: ShellSession, service: string, operation: string, input: Record<string, unknown>, where: Where): Promise<Record<string, unknown>> {
	const globals: Globals = { noPaginate: false, debug: false, ...where };
	if (resolveCredentials(session, globals).method === 'assume-role') throw new Error('completion does not assume roles');
	return (await callService(session, service, operation, input, globals)) as Record<string, unknown>;
}

async function paged<T>(session: ShellSession, service: string, operation: string, input: Record<string, unknown>, where: Where, tokenKey: string, pick: (page: Record<string, unknown>) => T[]): Promise<T[]> {
	const out: T[] = [];
	let token: unknown;
	for (let page = 0; page < MAX_PAGES; page++) {
		const response = await read(session, service, operation, token === undefined ? input : { ...input, [tokenKey]: token }, where);
		out.push(...pick(response));
		token = response[tokenKey];
		if (typeof token !== 'string' || token === '') break;
	}
	return out;
}

const strings = (items: unknown, key: string): string[] =>
	Array.isArray(items) ? items.map((i) => (i as Record<string, unknown>)?.[key]).filter((v): v is string => typeof v === 'string') : [];

export function repositories(session: ShellSession, where: Where, registryId?: string): Promise<{ name: string; uri: string }[]> {
	return paged(session, 'ecr', 'DescribeRepositories', registryId ? { registryId } : {}, where, 'nextToken', (r) =>
		(Array.isArray(r.repositories) ? (r.repositories as Record<string, unknown>[]) : [])
			.filter((x) => typeof x.repositoryName === 'string')
			.map((x) => ({ name: x.repositoryName as string, uri: typeof x.repositoryUri === 'string' ? x.repositoryUri : '' }))
	);
}

export function imageTags(session: ShellSession, where: Where, repositoryName: string, registryId?: string): Promise<string[]> {
	return paged(session, 'ecr', 'ListImages', { repositoryName, ...(registryId ? { registryId } : {}) }, where, 'nextToken', (r) => strings(r.imageIds, 'imageTag'));
}

/** DescribeStacks without a name lists only stacks that are not deleted. */
export function stacks(session: ShellSession, where: Where): Promise<string[]> {
	return paged(session, 'cloudformation', 'DescribeStacks', {}, where, 'NextToken', (r) => strings(r.Stacks, 'StackName'));
}

export function changeSets(session: ShellSession, where: Where, stackName: string): Promise<string[]> {
	return paged(session, 'cloudformation', 'ListChangeSets', { StackName: stackName }, where, 'NextToken', (r) => strings(r.Summaries, 'ChangeSetName'));
}

export function stackSets(session: ShellSession, where: Where): Promise<string[]> {
	return paged(session, 'cloudformation', 'ListStackSets', { Status: 'ACTIVE' }, where, 'NextToken', (r) => strings(r.Summaries, 'StackSetName'));
}

export async function callerAccount(session: ShellSession): Promise<string | undefined> {
	const r = await read(session, 'sts', 'GetCallerIdentity', {}, {});
	return typeof r.Account === 'string' ? r.Account : undefined;
}

/** The profiles of the session's config and credentials files (what `aws configure list-profiles` prints). */
export function profiles(session: ShellSession): string[] {
	const state = session.programs.get('aws') as { config?: unknown; credentials?: unknown } | undefined;
	if (typeof state !== 'object' || state === null) return [];
	if (typeof state.config !== 'string' && typeof state.credentials !== 'string') return [];
	return profileNames(peekAwsState(session));
}
