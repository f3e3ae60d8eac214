// How CloudFormation plugs into the world: the API bound to a caller and a Region (authorized
// with IAM first), and the environment running stack operations get with each clock tick (the
// providers, and the ECR, ECR Public and IAM engines bound to the principal the operation runs
// as). The world lends what it owns through a CloudFormationHost; nothing here holds state.
import type { VirtualClock } from '../clock';
import { AwsError } from '../errors';
import type { AccessRequest } from '../ecr/access';
import type { JobsState } from '../jobs/scheduler';
import type { EcrApi, EcrPublicApi, IamApi } from '../world';
import { REGIONS, type Caller } from '../world-constants';
import { cloudFormationOperations, isCloudFormationOperation, type CloudFormationApi } from './api';
import { lightStore, type LightResourceState } from './providers/light-store';
import type { ProviderContext } from './providers/provider';
import { cloudFormationAccessRequests } from './stacks/access';
import type { CloudFormationContext } from './stacks/context';
import { toCaller, type ProviderRegistry, type StackEnvironment } from './stacks/environment';
import { hashUuid, nextSequence } from './stacks/ids';
import type { StackOperationContext } from './stacks/operation-context';
import type { DriftDetectionContext } from './stacks/driftDetectionMachine';
import type { CloudFormationState } from './stacks/state';
import type { IdentityState } from '../identity/state';
import { stackSetAccessRequests } from './stacksets/access';
import type { StackSetHost, StackSetTickEnvironment } from './stacksets/environment';
import type { StackSetJobContext } from './stacksets/job';

export interface CloudFormationHost {
	clock: VirtualClock;
	providers: ProviderRegistry;
	state(accountId: string, region: string): CloudFormationState | undefined;
	lightState(accountId: string, region: string): LightResourceState;
	globalLight: LightResourceState;
	/** The engines a resource provider calls, bound to a principal. */
	engines(caller: Caller, region: string): { ecr: EcrApi; ecrPublic: EcrPublicApi; iam: IamApi };
	/** Starts a stack operation's job; returns its id. */
	startJob(context: StackOperationContext): string;
	/** Starts a DetectStackDrift run's job; returns its id. */
	startDriftJob(context: DriftDetectionContext): string;
	/** Sends CancelUpdateStack to a running operation's job. */
	cancelJob(jobId: string, env: StackEnvironment): void;
	roleExists(roleArn: string): boolean;
	/** Throws AccessDeniedException unless IAM allows every request for the caller. */
	authorize(caller: Caller, requests: readonly AccessRequest[]): void;
	/** An account's IAM (StackSets decides whether its roles can be assumed). */
	identities(accountId: string): IdentityState | undefined;
	/** Starts a stack set operation's job; returns its id. */
	startStackSetJob(context: StackSetJobContext): string;
}

/** CloudFormation's state of one account and Region; a Region the world lacks is refused as ECR refuses it. */
export function requireState(host: CloudFormationHost, accountId: string, region: string): CloudFormationState {
	const state = host.state(accountId, region);
	if (state) return state;
	if (!(REGIONS as readonly string[]).includes(region)) {
		throw new AwsError('InvalidClientTokenId', `The simulated world has no Region '${region}'. Use one of ${REGIONS.join(', ')}.`, { httpStatus: 403 });
	}
	throw new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
}

/** CloudFormation's random name tails are 12 letters and digits, mixed case (IdentifierUtils). */
function suffixFrom(uuid: string): string {
	const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	const hex = uuid.replace(/-/g, '');
	let out = '';
	for (let i = 0; i < 12; i++) out += ALPHABET[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % ALPHABET.length];
	return out;
}

/** What a running stack set operation borrows; its stacks are made with the same contexts as calls. */
export function stackSetHost(host: CloudFormationHost): StackSetHost {
	return {
		clock: host.clock,
		state: (accountId, region) => host.state(accountId, region),
		context: (caller, region) => cloudFormationContext(host, caller, region),
		identities: (accountId) => host.identities(accountId),
		authorize: (caller, requests) => host.authorize(caller, requests),
		startJob: (context) => host.startStackSetJob(context)
	};
}

export function stackEnvironment(host: CloudFormationHost): StackEnvironment & StackSetTickEnvironment {
	return {
		stackSets: stackSetHost(host),
		clock: host.clock,
		cloudformation: (accountId, region) => host.state(accountId, region),
		providers: host.providers,
		providerContext: (t): ProviderContext => {
			const cfn = requireState(host, t.accountId, t.region);
			return {
				accountId: t.accountId,
				region: t.region,
				stackName: t.stackName,
				stackId: t.stackId,
				logicalId: t.logicalId,
				clock: host.clock,
				...host.engines(toCaller(t.caller), t.region),
				store: lightStore(host.lightState(t.accountId, t.region)),
				globalStore: lightStore(host.globalLight),
				uniqueSuffix: () => suffixFrom(hashUuid(`${t.stackId}/${t.logicalId}/suffix/${nextSequence(cfn)}`)),
				...(t.metadata ? { metadata: t.metadata } : {})
			};
		}
	};
}

/**
 * CloudFormation as seen by one caller in one Region. Every call is authorized first
 * (`cloudformation:<Operation>` on the stack); the resources a stack creates are created with
 * the caller's own permissions (or its service role's), as AWS does.
 */
export function bindCloudFormation(host: CloudFormationHost, caller: Caller, region: string): CloudFormationApi {
	const ctx = cloudFormationContext(host, caller, region);
	const callByName = (operation: string, input: unknown): unknown => {
		if (!isCloudFormationOperation(operation)) throw new AwsError('InvalidAction', `Could not find operation ${operation} for version 2010-05-15`);
		host.authorize(caller, stackSetAccessRequests(ctx, operation, input) ?? cloudFormationAccessRequests(ctx, operation, input));
		return cloudFormationOperations[operation](ctx, input);
	};
	return { call: (operation, input) => callByName(operation, input) as never, callByName };
}

/** What a call (or a stack set operation acting as an execution role) runs with, without authorizing it. */
export function cloudFormationContext(host: CloudFormationHost, caller: Caller, region: string): CloudFormationContext {
	return {
		clock: host.clock,
		caller,
		region,
		state: requireState(host, caller.accountId, region),
		startOperation: (input, delayMs) => {
			const startedAt = host.clock.now().toISOString();
			const dueAt = new Date(host.clock.nowMs() + delayMs).toISOString();
			return host.startJob({ ...input, startedAt, dueAt });
		},
		startDriftDetection: (input, delayMs) => {
			const startedAt = host.clock.now().toISOString();
			const dueAt = new Date(host.clock.nowMs() + delayMs).toISOString();
			return host.startDriftJob({ ...input, startedAt, dueAt });
		},
		cancelOperation: (jobId) => host.cancelJob(jobId, stackEnvironment(host)),
		roleExists: (roleArn) => host.roleExists(roleArn),
		providers: host.providers,
		providerContext: (target) => stackEnvironment(host).providerContext(target),
		stackSets: stackSetHost(host)
	};
}

/** A restored save: every running stack operation must belong to a stack the save has. */
export function checkStackOperations(jobs: JobsState, cloudformation: readonly CloudFormationState[]): void {
	for (const job of jobs.jobs) {
		if (job.kind !== 'stackOperation') continue;
		const op = (job.snapshot as { context: StackOperationContext }).context;
		const state = cloudformation.find((s) => s.accountId === op.accountId && s.region === op.region);
		if (!state?.stacks.some((st) => st.stackId === op.stackId)) {
			throw new AwsError('InvalidParameterException', `The saved world is damaged: a stack operation runs on ${op.stackId}, which the save does not have.`);
		}
	}
}

/**
 * The resource types running stack operations and drift detection runs need schemas for before the
 * clock moves to `target` (a drift run compares arrays by their schema's insertionOrder).
 */
export function schemaTypesDue(jobs: JobsState, target: number): string[] {
	return jobs.jobs.flatMap((j) =>
		(j.kind === 'stackOperation' || j.kind === 'driftDetection' || j.kind === 'stackSetOperation') && Date.parse(j.dueAt) <= target ? (j.snapshot as { context: { resourceTypes: string[] } }).context.resourceTypes : []
	);
}
