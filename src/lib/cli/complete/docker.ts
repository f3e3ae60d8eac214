// Completion for `docker`, like docker's own shell completion for the commands the simulator
// has: subcommands, their flags, local images by name:tag, ECR registry hosts for `login` and
// repository URIs for a `tag` target or a `pull`. Reads the session's docker state without
// creating it (dockerState() would).
import type { ShellSession } from '../types';
import { REGIONS } from '../../engines/world-constants';
import { callerAccount, repositories } from './aws-resources';
import { pathCandidates } from './files';

const COMMANDS = ['build', 'image', 'images', 'inspect', 'login', 'logout', 'pull', 'push', 'rmi', 'tag'];
/** `docker image <x>` → the command it runs. */
const IMAGE_COMMANDS: Record<string, string> = { build: 'build', inspect: 'inspect', list: 'images', ls: 'images', pull: 'pull', push: 'push', rm: 'rmi', tag: 'tag' };

/** The flags each command takes (only those the simulator reads), and whether they take a value. */
const FLAGS: Record<string, Record<string, boolean>> = {
	login: { '-u': true, '--username': true, '-p': true, '--password': true, '--password-stdin': false },
	build: { '-t': true, '--tag': true, '-f': true, '--file': true, '--build-arg': true, '--platform': true, '--target': true, '-q': false, '--quiet': false },
	rmi: { '-f': false, '--force': false },
	push: { '--explain': false },
	pull: { '--explain': false },
	images: { '-q': false, '--quiet': false, '--format': true }
};

interface LocalImage {
	id: string;
	repoTags: string[];
}

function localImages(session: ShellSession): LocalImage[] {
	const state = session.programs.get('docker') as { images?: unknown } | undefined;
	if (!state || !Array.isArray(state.images)) return [];
	return state.images.filter((i): i is LocalImage => typeof i === 'object' && i !== null && typeof i.id === 'string' && Array.isArray(i.repoTags));
}

function loggedInHosts(session: ShellSession): string[] {
	const state = session.programs.get('docker') as { auths?: unknown } | undefined;
	return state && typeof state.auths === 'object' && state.auths !== null ? Object.keys(state.auths) : [];
}

const localTags = (session: ShellSession): string[] => localImages(session).flatMap((i) => i.repoTags);

/** Local names, and image IDs once the learner types hex (as `docker rmi 3f5<TAB>` does). */
function localRefs(session: ShellSession, typed: string): string[] {
	const ids = /^[0-9a-f]+$/.test(typed) ? localImages(session).map((i) => i.id.replace(/^sha256:/, '').slice(0, 12)) : [];
	return [...localTags(session), ...ids];
}

/** The caller's ECR registry in every Region of the world, and any host already logged in to. */
async function registryHosts(session: ShellSession): Promise<string[]> {
	const account = await callerAccount(session).catch(() => undefined);
	const hosts = account ? REGIONS.map((r) => `${account}.dkr.ecr.${r}.amazonaws.com`) : [];
	return [...hosts, ...loggedInHosts(session)];
}

async function repositoryUris(session: ShellSession): Promise<string[]> {
	return (await repositories(session, {}).catch(() => [])).map((r) => r.uri).filter(Boolean);
}

async function positional(command: string, index: number, typed: string, session: ShellSession): Promise<string[]> {
	switch (command) {
		case 'login':
			return index === 0 ? registryHosts(session) : [];
		case 'logout':
			return index === 0 ? loggedInHosts(session) : [];
		case 'push':
			return index === 0 ? localTags(session) : [];
		case 'pull':
			return index === 0 ? [...localTags(session), ...(await repositoryUris(session))] : [];
		case 'tag':
			if (index === 0) return localRefs(session, typed);
			return index === 1 ? repositoryUris(session) : [];
		case 'rmi':
		case 'inspect':
			return localRefs(session, typed);
		case 'images':
			return index === 0 ? localTags(session).map((t) => t.slice(0, t.lastIndexOf(':'))) : [];
		case 'build':
			return index === 0 ? ['.', ...pathCandidates(session, typed, '', true)] : [];
	}
	return [];
}

function flagValue(flag: string, typed: string, session: ShellSession): string[] {
	if (flag === '-u' || flag === '--username') return ['AWS'];
	if (flag === '-f' || flag === '--file') return pathCandidates(session, typed);
	if (flag === '--platform') return ['linux/amd64', 'linux/arm64'];
	return [];
}

/** Candidate words (unquoted) for `typed` after `docker args...`; the caller filters by prefix. */
export async function completeDocker(args: readonly string[], typed: string, session: ShellSession): Promise<string[]> {
	const [first, second] = args;
	if (first === undefined) return typed.startsWith('-') ? ['--help'] : COMMANDS;
	let command: string | undefined = first;
	let rest = args.slice(1);
	if (first === 'image') {
		if (second === undefined) return Object.keys(IMAGE_COMMANDS);
		command = IMAGE_COMMANDS[second];
		rest = args.slice(2);
	}
	if (!command || !COMMANDS.includes(command)) return [];
	const flags = FLAGS[command] ?? {};
	let index = 0;
	let pendingFlag: string | undefined;
	for (const w of rest) {
		if (pendingFlag) pendingFlag = undefined;
		else if (w.startsWith('-')) pendingFlag = flags[w] === true ? w : undefined;
		else index++;
	}
	if (pendingFlag) return flagValue(pendingFlag, typed, session);
	if (typed.startsWith('-')) return Object.keys(flags).filter((f) => !rest.includes(f));
	return positional(command, index, typed, session);
}
