// What an ECR operation sees of the world: the clock, who is calling, where, and the registries.
import type { VirtualClock } from '../clock';
import type { NamedPolicy } from '../iam';
import type { JobContexts, JobKind } from '../jobs/scheduler';
import type { Caller } from '../world-constants';
import { InvalidParameterException, RepositoryNotFoundException } from './errors';
import type { EcrRegistryState, RepositoryState } from './state';

export interface EcrContext {
	clock: VirtualClock;
	caller: Caller;
	region: string;
	/** The registry of an account in this context's Region; undefined for accounts outside the world. */
	registry(accountId: string): EcrRegistryState | undefined;
	/** Whether the caller would be allowed an action if the resource had this policy (lock-out checks). */
	wouldAllow(action: string, resource: string, resourceAccount: string, resourcePolicy?: NamedPolicy): boolean;
	/** Starts work that finishes `delayMs` of virtual time from now (a scan, a replication, a preview). */
	schedule<K extends JobKind>(kind: K, context: Omit<JobContexts[K], 'startedAt' | 'dueAt'>, delayMs: number): void;
	/** Whether such work is still running. */
	isPending<K extends JobKind>(kind: K, test: (context: JobContexts[K]) => boolean): boolean;
}

/** The registry a request addresses: its registryId, or the caller's own account. */
export function targetRegistry(ctx: EcrContext, registryId: string | undefined): EcrRegistryState {
	const id = registryId ?? ctx.caller.accountId;
	if (!/^[0-9]{12}$/.test(id)) throw InvalidParameterException.at('registryId', "must satisfy regular expression '[0-9]{12}'");
	const registry = ctx.registry(id);
	if (!registry) throw new InvalidParameterException(`The registry with id '${id}' does not exist in this simulated world`);
	return registry;
}

export function findRepository(registry: EcrRegistryState, name: string): RepositoryState {
	const repo = registry.repositories.find((r) => r.repositoryName === name);
	if (!repo) throw new RepositoryNotFoundException(name, registry.accountId);
	return repo;
}
