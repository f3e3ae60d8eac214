// The simulated cloud: accounts, Regions, one clock, and each service's state, all plain data so
// a world snapshots to JSON and restores to a world that answers every read the same way.
import { DAY_MS, VirtualClock } from './clock';
import { applyLifecyclePolicy } from './ecr/lifecycle-api';
import { AwsError } from './errors';
import { clonePlain } from './plain-data';
import { CLOUDFORMATION_SHAPE, IDENTITY_SHAPE, LIGHT_RESOURCES_SHAPE, REGISTRY_SHAPE, STS_SHAPE, assertJobsShape, assertShape } from './snapshot-shape';
import type { EcrContext } from './ecr/context';
import { ecrOperations, isEcrOperation, type EcrOperationName, type EcrOperationOutput } from './ecr/operations';
import { emptyRegistry, type EcrRegistryState } from './ecr/state';
import { ACCOUNTS, ORGANIZATION_ID, REGIONS, type Caller } from './world-constants';
import { AccessDeniedException } from './access-denied';
import { finishJob } from './ecr/finish-job';
import { PUBLIC_REGION, isPublicOperation, publicAccessRequests, publicOperations, pullPublicImage, type PublicOperationName, type PublicPull } from './ecr/public';
import type { WorldEvent } from './world-events';
import { accessRequests, type AccessRequest } from './ecr/access';
import { authorize, checkAccess, type AuthorizationRequest, type AuthorizationResult, type NamedPolicy } from './iam';
import { identityOperations, isIdentityOperation, type IdentityOperationName } from './identity/operations';
import { iamResource } from './identity/access';
import { identityPoliciesFor } from './identity/principals';
import { emptyIdentities, type IdentityState } from './identity/state';
import { emptyJobs, nextDue, pendingJobs, scheduleJob, signalJob, tickJobs, type AnyFinishedJob, type JobsState } from './jobs/scheduler';
import type { CloudFormationApi } from './cloudformation/api';
import { bindCloudFormation, checkStackOperations, schemaTypesDue, stackEnvironment, type CloudFormationHost } from './cloudformation/world-binding';
import type { ProviderRegistry } from './cloudformation/stacks/environment';
import { loadResourceSchemas, requireSchemas } from './cloudformation/stacks/schemas';
import { STACK_OPERATION_STATES } from './cloudformation/stacks/stackOperationMachine';
import { DRIFT_DETECTION_STATES } from './cloudformation/stacks/driftDetectionMachine';
import { emptyCloudFormation, type CloudFormationState } from './cloudformation/stacks/state';
import { checkStackSetOperations, stackSetOperationEvents } from './cloudformation/stacksets/finish';
import { lightStore, type LightResourceState } from './cloudformation/providers/light-store';
import { clearFaults, injectFault, type FaultRule } from './cloudformation/providers/fault-injection';
import { providerFor } from './cloudformation/providers/registry';
import { emptySts, type StsState } from './sts/state';
import type { StsContext } from './sts/context';
import { isStsEngineOperation, stsEngineOperations, type StsOperationName } from './sts/operations';
import { callerForAccessKey, type KeyUsage, type RequestContext } from './sts/resolve-key';
import { sessionPolicyRefusal } from './sts/session-policy';
import { invalidClientToken } from './sts/errors';

export const WORLD_FORMAT = 'ecr-cfn-course/world';

export interface WorldSnapshot {
	format: typeof WORLD_FORMAT;
	version: 1;
	now: string;
	ecr: EcrRegistryState[];
	iam: IdentityState[];
	jobs: JobsState;
	/** One ECR Public registry per account. */
	ecrPublic: EcrRegistryState[];
	/** CloudFormation per account and Region: stacks, their resources and events. */
	cloudformation: CloudFormationState[];
	/** Resources the simulator models lightly (S3, SNS, SQS, Logs, ECS, EC2 ...) per account and Region. */
	lightResources: LightResourceState[];
	/** Light state shared by the whole world (globally unique names, IAM shadows). */
	globalResources: LightResourceState;
	/** The temporary credentials STS has issued (absent in saves made before STS sessions existed). */
	sts?: StsState;
}

export interface WorldOptions {
	/** Which provider creates each resource type a stack declares (default: the simulator's own). */
	providers?: ProviderRegistry;
}

/** The account and Region the world-wide light store is filed under. */
const GLOBAL = 'global';

export interface EcrPublicApi {
	call<N extends PublicOperationName>(operation: N, input: unknown): ReturnType<(typeof publicOperations)[N]>;
	callByName(operation: string, input: unknown): unknown;
}

export type { WorldEvent } from './world-events';

export interface EcrApi {
	call<N extends EcrOperationName>(operation: N, input: unknown): EcrOperationOutput<N>;
	/** For callers that route by a name they received (protocol, CLI). */
	callByName(operation: string, input: unknown): unknown;
}

export interface IamApi {
	call<N extends IdentityOperationName>(operation: N, input: unknown): ReturnType<(typeof identityOperations)[N]>;
	callByName(operation: string, input: unknown): unknown;
}

export interface StsApi {
	call<N extends StsOperationName>(operation: N, input: unknown): ReturnType<(typeof stsEngineOperations)[N]>;
	callByName(operation: string, input: unknown): unknown;
}

interface WorldParts {
	ecr: EcrRegistryState[];
	iam: IdentityState[];
	jobs: JobsState;
	ecrPublic: EcrRegistryState[];
	cloudformation: CloudFormationState[];
	lightResources: LightResourceState[];
	globalResources: LightResourceState;
	sts: StsState;
}

const emptyLight = (accountId: string, region: string): LightResourceState => ({ accountId, region, resources: [], sequence: 0 });
const everyRegion = <T>(make: (accountId: string, region: string) => T): T[] => ACCOUNTS.flatMap((a) => REGIONS.map((r) => make(a, r)));

export class World {
	readonly clock: VirtualClock;
	#ecr: EcrRegistryState[];
	#iam: IdentityState[];
	#jobs: JobsState;
	#ecrPublic: EcrRegistryState[];
	#cloudformation: CloudFormationState[];
	#light: LightResourceState[];
	#globalLight: LightResourceState;
	#sts: StsState;
	#providers: ProviderRegistry;

	private constructor(clock: VirtualClock, parts: WorldParts, options: WorldOptions) {
		this.clock = clock;
		this.#ecr = parts.ecr;
		this.#iam = parts.iam;
		this.#jobs = parts.jobs;
		this.#ecrPublic = parts.ecrPublic;
		this.#cloudformation = parts.cloudformation;
		this.#light = parts.lightResources;
		this.#globalLight = parts.globalResources;
		this.#sts = parts.sts;
		this.#providers = options.providers ?? providerFor;
	}

	static create(options: { now: Date | string } & WorldOptions): World {
		return new World(
			new VirtualClock(options.now),
			{
				ecr: everyRegion(emptyRegistry),
				iam: ACCOUNTS.map(emptyIdentities),
				jobs: emptyJobs(),
				ecrPublic: ACCOUNTS.map((a) => emptyRegistry(a, PUBLIC_REGION)),
				cloudformation: everyRegion(emptyCloudFormation),
				lightResources: everyRegion(emptyLight),
				globalResources: emptyLight(GLOBAL, GLOBAL),
				sts: emptySts()
			},
			options
		);
	}

	#identities(accountId: string): IdentityState {
		const state = this.#iam.find((s) => s.accountId === accountId);
		if (!state) throw new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
		return state;
	}

	/** The request as IAM sees it: the caller, the time, and where the request comes from. */
	#authorizationRequest(caller: Caller, req: Pick<AccessRequest, 'action' | 'resource' | 'context'>): AuthorizationRequest {
		return {
			principalArn: caller.arn,
			principalAccount: caller.accountId,
			action: req.action,
			resource: req.resource,
			context: { 'aws:PrincipalOrgID': ORGANIZATION_ID, ...req.context, ...caller.context },
			now: this.clock.now().toISOString()
		};
	}

	/**
	 * Decides a request, throwing AWS's AccessDeniedException (with the explanation) on a deny.
	 * `denial` is the service's own name and status for it: IAM answers `AccessDenied`, HTTP 403.
	 */
	#authorizeOrThrow(caller: Caller, identityPolicies: NamedPolicy[], req: AccessRequest, denial?: { code: string; httpStatus: number }): void {
		const request = this.#authorizationRequest(caller, req);
		const policies = { identityPolicies, resourceAccount: req.resourceAccount, ...(req.resourcePolicy ? { resourcePolicy: req.resourcePolicy } : {}) };
		const check = checkAccess(request, policies);
		if (check.decision !== 'Allow') {
			throw new AccessDeniedException(check.message ?? 'Access denied', () => authorize(request, policies).explanation, denial?.code, denial?.httpStatus);
		}
		const narrowed = this.#sessionRefusal(caller, request);
		if (narrowed) throw new AccessDeniedException(narrowed.message, narrowed.explain, denial?.code, denial?.httpStatus);
	}

	/** A role session started with a session policy may do only what that policy also allows. */
	#sessionRefusal(caller: Caller, request: AuthorizationRequest) {
		return caller.session?.policy === undefined ? undefined : sessionPolicyRefusal(request, caller.session.policy);
	}

	/** IAM of the caller's account: users, roles, groups and their policies. */
	iam(caller: Caller): IamApi {
		const ctx = { clock: this.clock, identities: this.#identities(caller.accountId), callerArn: caller.arn };
		const callByName = (operation: string, input: unknown): unknown => {
			if (!isIdentityOperation(operation)) throw new AwsError('InvalidAction', `Could not find operation ${operation} for version 2010-05-08`);
			// GetSessionToken credentials cannot call IAM without MFA, which the sandbox has none of.
			if (caller.session?.issuedBy === 'GetSessionToken') throw invalidClientToken();
			const policies = identityPoliciesFor(ctx.identities, caller.arn);
			const resource = iamResource(ctx.identities, operation, input, caller.arn);
			this.#authorizeOrThrow(caller, policies, { action: `iam:${operation}`, resource, resourceAccount: caller.accountId, context: {} }, { code: 'AccessDenied', httpStatus: 403 });
			return identityOperations[operation](ctx, input);
		};
		return { call: (operation, input) => callByName(operation, input) as never, callByName };
	}

	#ecrContext(caller: Caller, region: string, registries = this.#ecr): EcrContext {
		if (!(REGIONS as readonly string[]).includes(region)) {
			throw new AwsError('InvalidClientTokenId', `The simulated world has no Region '${region}'. Use one of ${REGIONS.join(', ')}.`, { httpStatus: 403 });
		}
		const identityPolicies = () => identityPoliciesFor(this.#identities(caller.accountId), caller.arn);
		return {
			clock: this.clock,
			caller,
			region,
			registry: (accountId) => registries.find((r) => r.accountId === accountId && r.region === region),
			wouldAllow: (action, resource, resourceAccount, resourcePolicy) => {
				const request = this.#authorizationRequest(caller, { action, resource, context: {} });
				const policies = { identityPolicies: identityPolicies(), resourceAccount, ...(resourcePolicy ? { resourcePolicy } : {}) };
				return checkAccess(request, policies).decision === 'Allow' && !this.#sessionRefusal(caller, request);
			},
			schedule: (kind, context, delayMs) => {
				const startedAt = this.clock.now().toISOString();
				const dueAt = new Date(this.clock.nowMs() + delayMs).toISOString();
				scheduleJob(this.#jobs, kind, { ...context, startedAt, dueAt } as never);
			},
			isPending: (kind, test) => pendingJobs(this.#jobs, kind, test).length > 0
		};
	}

	/** ECR as seen by one caller in one Region; every call is authorized first, as AWS does. */
	ecr(caller: Caller, region: string): EcrApi {
		const ctx = this.#ecrContext(caller, region);
		const callByName = (operation: string, input: unknown): unknown => {
			if (!isEcrOperation(operation)) {
				throw new AwsError('UnknownOperationException', `The operation ${operation} is not supported by this simulator's ECR.`);
			}
			const policies = identityPoliciesFor(this.#identities(caller.accountId), caller.arn);
			for (const req of accessRequests(ctx, operation, input)) this.#authorizeOrThrow(caller, policies, req);
			return ecrOperations[operation](ctx, input);
		};
		return {
			call: (operation, input) => callByName(operation, input) as never,
			callByName
		};
	}

	/** Amazon ECR Public for one caller (its API lives in us-east-1). */
	ecrPublic(caller: Caller): EcrPublicApi {
		const ctx = this.#ecrContext(caller, PUBLIC_REGION, this.#ecrPublic);
		const callByName = (operation: string, input: unknown): unknown => {
			if (!isPublicOperation(operation)) {
				throw new AwsError('UnknownOperationException', `The operation ${operation} is not supported by this simulator's ECR Public.`);
			}
			const policies = identityPoliciesFor(this.#identities(caller.accountId), caller.arn);
			for (const req of publicAccessRequests(ctx, operation, input)) this.#authorizeOrThrow(caller, policies, req);
			return publicOperations[operation](ctx, input);
		};
		return { call: (operation, input) => callByName(operation, input) as never, callByName };
	}

	#lightState(accountId: string, region: string): LightResourceState {
		let state = this.#light.find((s) => s.accountId === accountId && s.region === region);
		if (!state) {
			state = emptyLight(accountId, region);
			this.#light.push(state);
		}
		return state;
	}

	/** What CloudFormation borrows from the world: its state, the engines, the job queue, IAM. */
	#cfnHost(): CloudFormationHost {
		return {
			clock: this.clock,
			providers: this.#providers,
			state: (accountId, region) => this.#cloudformation.find((s) => s.accountId === accountId && s.region === region),
			lightState: (accountId, region) => this.#lightState(accountId, region),
			globalLight: this.#globalLight,
			engines: (caller, region) => ({ ecr: this.ecr(caller, region), ecrPublic: this.ecrPublic(caller), iam: this.iam(caller) }),
			startJob: (context) => scheduleJob(this.#jobs, 'stackOperation', context).id,
			startDriftJob: (context) => scheduleJob(this.#jobs, 'driftDetection', context).id,
			startStackSetJob: (context) => scheduleJob(this.#jobs, 'stackSetOperation', context).id,
			identities: (accountId) => this.#iam.find((i) => i.accountId === accountId),
			cancelJob: (jobId, env) => {
				const finished = signalJob(this.#jobs, jobId, { type: 'stack.cancel', env });
				if (finished) this.#finish(finished);
			},
			roleExists: (roleArn) => {
				const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
				const identities = m ? this.#iam.find((i) => i.accountId === m[1]) : undefined;
				return !!identities?.roles.some((r) => r.name === m?.[2]);
			},
			authorize: (caller, requests) => {
				const policies = identityPoliciesFor(this.#identities(caller.accountId), caller.arn);
				for (const req of requests) this.#authorizeOrThrow(caller, policies, req);
			}
		};
	}

	/**
	 * CloudFormation as seen by one caller in one Region. Every call is authorized first
	 * (`cloudformation:<Operation>` on the stack); the resources a stack creates are created with
	 * the caller's own permissions (or its service role's), as AWS does.
	 */
	cloudformation(caller: Caller, region: string): CloudFormationApi {
		return bindCloudFormation(this.#cfnHost(), caller, region);
	}

	/**
	 * Makes resource operations in one account and Region fail on purpose, hidden from the
	 * learner (labs on rollback, DELETE_FAILED, ContinueUpdateRollback): see fault-injection.ts.
	 * The rule is plain JSON in the world, so it survives snapshots. Returns the rule's id.
	 */
	injectResourceFault(accountId: string, region: string, rule: FaultRule): string {
		return injectFault(lightStore(this.#lightState(accountId, region)), rule);
	}

	/** Removes every fault rule of one account and Region. */
	clearResourceFaults(accountId: string, region: string): void {
		clearFaults(lightStore(this.#lightState(accountId, region)));
	}

	/**
	 * Loads the resource schemas that CloudFormation operations in this world need (all of them
	 * by default). Await it before the first CreateStack/UpdateStack and after restoring a world
	 * saved mid-operation; until then such calls answer a retryable ServiceUnavailable.
	 */
	async cloudformationReady(): Promise<void> {
		await loadResourceSchemas();
	}

	/** An anonymous pull from ECR Public: no credentials, no IAM. */
	pullPublic(reference: string): PublicPull {
		return pullPublicImage(this.#ecrPublic, reference);
	}

	/**
	 * Why an ECR call would be allowed or denied, statement by statement, without making it: one
	 * result per authorization the call needs (most need one).
	 */
	explainEcr(caller: Caller, region: string, operation: string, input: unknown): AuthorizationResult[] {
		const ctx = this.#ecrContext(caller, region);
		const identityPolicies = identityPoliciesFor(this.#identities(caller.accountId), caller.arn);
		return accessRequests(ctx, operation, input).map((req) => {
			const request = this.#authorizationRequest(caller, req);
			const result = authorize(request, { identityPolicies, resourceAccount: req.resourceAccount, ...(req.resourcePolicy ? { resourcePolicy: req.resourcePolicy } : {}) });
			const narrowed = result.decision === 'Allow' ? this.#sessionRefusal(caller, request) : undefined;
			if (!narrowed) return result;
			const explanation = narrowed.explain();
			return { decision: explanation.decision, explanation };
		});
	}

	/**
	 * AWS STS as seen by one caller: who am I, AssumeRole (trust policy and identity policies
	 * decide together, across accounts too), GetSessionToken. Sessions live in the world, on its
	 * clock, so they expire as it moves.
	 */
	sts(caller: Caller): StsApi {
		const ctx: StsContext = {
			clock: this.clock,
			caller,
			sts: this.#sts,
			identities: (accountId) => this.#iam.find((i) => i.accountId === accountId),
			request: (action, resource, context) => this.#authorizationRequest(caller, { action, resource, context })
		};
		const callByName = (operation: string, input: unknown): unknown => {
			if (!isStsEngineOperation(operation)) throw new AwsError('InvalidAction', `Could not find operation ${operation} for version 2011-06-15`);
			return stsEngineOperations[operation](ctx, input);
		};
		return { call: (operation, input) => callByName(operation, input) as never, callByName };
	}

	/**
	 * The principal a request signed with `accessKeyId` acts as (sts/resolve-key.ts has the rules),
	 * with the request's condition keys (`context`: aws:SourceIp ...). Throws AWS's
	 * InvalidClientTokenId for an inactive or deleted key and ExpiredToken for an expired session.
	 * With `usage`, a user's key records where it was last used (GetAccessKeyLastUsed).
	 */
	callerForAccessKey(accessKeyId: string, context: RequestContext = {}, usage?: KeyUsage): Caller {
		return callerForAccessKey({ identities: this.#iam, sts: this.#sts, now: this.clock.now() }, accessKeyId, context, usage);
	}

	/**
	 * Moves the clock forward to an instant, running everything that falls due on the way in time
	 * order. ECR applies lifecycle policies "within 24 hours"; this world runs them daily at 00:00 UTC.
	 */
	advanceTo(instant: Date | string | number): WorldEvent[] {
		const target = new Date(instant).getTime();
		if (!Number.isFinite(target)) throw new AwsError('InvalidParameterException', `${String(instant)} is not a date.`);
		if (target < this.clock.nowMs()) this.clock.setTo(target); // throws: time does not go back
		const events: WorldEvent[] = [];
		// A stack operation restored from a save validates properties against schemas loaded on
		// demand: refuse to move until they are here, so the outcome never depends on load speed.
		const needed = schemaTypesDue(this.#jobs, target);
		if (needed.length > 0) requireSchemas(needed);
		const env = stackEnvironment(this.#cfnHost());
		// Wake whatever falls due first (a job, or the daily lifecycle run at 00:00 UTC), then look
		// again: finishing a job can start another (a replica scanned on push).
		for (;;) {
			const midnight = (Math.floor(this.clock.nowMs() / DAY_MS) + 1) * DAY_MS;
			const job = nextDue(this.#jobs);
			const next = Math.min(midnight, job ?? Infinity);
			if (next > target) break;
			this.clock.setTo(Math.max(next, this.clock.nowMs()));
			const now = this.clock.now().toISOString();
			for (const finished of tickJobs(this.#jobs, now, env)) events.push(...this.#finish(finished));
			if (this.clock.nowMs() === midnight) events.push(...this.#runLifecycle());
		}
		this.clock.setTo(target);
		return events;
	}

	/** Applies what a finished job produced to the world. */
	#finish(job: AnyFinishedJob): WorldEvent[] {
		if (job.kind === 'stackOperation') {
			const o = job.output;
			const stack = this.#cloudformation.find((s) => s.accountId === o.accountId && s.region === o.region)?.stacks.find((s) => s.stackId === o.stackId);
			if (stack) delete stack.operationJobId;
			return [{ at: this.clock.now().toISOString(), kind: 'stack-operation-complete', accountId: o.accountId, region: o.region, stackId: o.stackId, stackName: o.stackName, status: stack?.status ?? 'DELETE_COMPLETE' }];
		}
		if (job.kind === 'stackSetOperation') return stackSetOperationEvents(job.output, this.#cloudformation, this.clock.now().toISOString());
		if (job.kind === 'driftDetection') {
			// The machine recorded the results when it finished; the world only tells its listeners.
			const o = job.output;
			const run = this.#cloudformation.find((s) => s.accountId === o.accountId && s.region === o.region)?.drift?.detections.find((d) => d.id === o.detectionId);
			return [{ at: this.clock.now().toISOString(), kind: 'stack-drift-detection-complete', accountId: o.accountId, region: o.region, stackId: o.stackId, stackName: o.stackName, detectionId: o.detectionId, detectionStatus: run?.detectionStatus ?? 'DETECTION_FAILED', ...(run?.stackDriftStatus ? { stackDriftStatus: run.stackDriftStatus } : {}) }];
		}
		return finishJob(job, {
			clock: this.clock,
			registry: (accountId, region) => this.#ecr.find((r) => r.accountId === accountId && r.region === region),
			schedule: (kind, context, delayMs) => {
				const startedAt = this.clock.now().toISOString();
				scheduleJob(this.#jobs, kind, { ...context, startedAt, dueAt: new Date(this.clock.nowMs() + delayMs).toISOString() } as never);
			}
		});
	}

	advanceBy(ms: number): WorldEvent[] {
		if (!Number.isFinite(ms) || ms < 0) throw new AwsError('InvalidParameterException', `Time can only move forward, not by ${ms} ms.`);
		return this.advanceTo(this.clock.nowMs() + ms);
	}

	#runLifecycle(): WorldEvent[] {
		const now = this.clock.now();
		const events: WorldEvent[] = [];
		for (const registry of this.#ecr) {
			for (const repo of registry.repositories) {
				if (repo.lifecyclePolicyText === undefined) continue;
				const decisions = applyLifecyclePolicy(repo, now);
				events.push({
					at: now.toISOString(),
					kind: 'lifecycle-run',
					accountId: registry.accountId,
					region: registry.region,
					repositoryName: repo.repositoryName,
					expired: decisions.filter((d) => d.action.type === 'EXPIRE').map((d) => d.imageDigest),
					transitioned: decisions.filter((d) => d.action.type === 'TRANSITION').map((d) => d.imageDigest)
				});
			}
		}
		return events;
	}

	snapshot(): WorldSnapshot {
		return {
			format: WORLD_FORMAT,
			version: 1,
			now: this.clock.now().toISOString(),
			ecr: clonePlain(this.#ecr),
			iam: clonePlain(this.#iam),
			jobs: clonePlain(this.#jobs),
			ecrPublic: clonePlain(this.#ecrPublic),
			cloudformation: clonePlain(this.#cloudformation),
			lightResources: clonePlain(this.#light),
			globalResources: clonePlain(this.#globalLight),
			sts: clonePlain(this.#sts)
		};
	}

	static restore(snapshot: unknown, options: WorldOptions = {}): World {
		const s = snapshot as Partial<WorldSnapshot> | null;
		if (!s || typeof s !== 'object' || s.format !== WORLD_FORMAT) throw new AwsError('InvalidParameterException', 'This is not a saved world.');
		if (s.version !== 1) throw new AwsError('InvalidParameterException', `Saved world version ${String(s.version)} is not supported.`);
		if (typeof s.now !== 'string' || !Array.isArray(s.ecr)) throw new AwsError('InvalidParameterException', 'The saved world is incomplete.');
		if (!Number.isFinite(Date.parse(s.now))) throw new AwsError('InvalidParameterException', 'The saved world is damaged: now must be a date.');
		// Worlds saved before IAM, timed jobs or ECR Public existed get empty ones.
		const iam = s.iam === undefined ? ACCOUNTS.map(emptyIdentities) : s.iam;
		const jobs = s.jobs === undefined ? emptyJobs() : s.jobs;
		const ecrPublic = s.ecrPublic === undefined ? ACCOUNTS.map((a) => emptyRegistry(a, PUBLIC_REGION)) : s.ecrPublic;
		// ... and those saved before CloudFormation existed get an empty one.
		const cloudformation = s.cloudformation === undefined ? everyRegion(emptyCloudFormation) : s.cloudformation;
		const lightResources = s.lightResources === undefined ? everyRegion(emptyLight) : s.lightResources;
		const globalResources = s.globalResources === undefined ? emptyLight(GLOBAL, GLOBAL) : s.globalResources;
		const sts = s.sts === undefined ? emptySts() : s.sts;
		assertShape(s.ecr, { list: REGISTRY_SHAPE }, 'ecr');
		assertShape(ecrPublic, { list: REGISTRY_SHAPE }, 'ecrPublic');
		assertShape(iam, { list: IDENTITY_SHAPE }, 'iam');
		assertJobsShape(jobs, STACK_OPERATION_STATES, DRIFT_DETECTION_STATES);
		assertShape(cloudformation, { list: CLOUDFORMATION_SHAPE }, 'cloudformation');
		assertShape(lightResources, { list: LIGHT_RESOURCES_SHAPE }, 'lightResources');
		assertShape(globalResources, LIGHT_RESOURCES_SHAPE, 'globalResources');
		assertShape(sts, STS_SHAPE, 'sts');
		checkStackOperations(jobs as JobsState, cloudformation as CloudFormationState[]);
		checkStackSetOperations(jobs as JobsState, cloudformation as CloudFormationState[]);
		return new World(
			new VirtualClock(s.now),
			{
				ecr: clonePlain(s.ecr),
				iam: clonePlain(iam),
				jobs: clonePlain(jobs),
				ecrPublic: clonePlain(ecrPublic),
				cloudformation: clonePlain(cloudformation),
				lightResources: clonePlain(lightResources),
				globalResources: clonePlain(globalResources),
				sts: clonePlain(sts)
			},
			options
		);
	}
}
