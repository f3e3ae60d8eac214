// A saved world comes back from storage that may be stale, hand-edited or half-written. Restore
// checks its shape before trusting it, so a bad save is refused with a clear error instead of
// failing later, mid-lab, with a TypeError.
import { AwsError } from './errors';

type Shape = 'string' | 'date' | 'number' | 'boolean' | 'object' | 'any' | { optional: Shape } | { list: Shape } | { oneOf: readonly string[] } | { [key: string]: Shape };

const opt = (s: Shape): Shape => ({ optional: s });
const list = (s: Shape): Shape => ({ list: s });

const tag: Shape = { Key: 'string', Value: 'string' };
const image: Shape = {
	imageDigest: 'string',
	imageManifest: 'string',
	imageManifestMediaType: 'string',
	imageTags: list('string'),
	imagePushedAt: 'date',
	imageSizeInBytes: 'number',
	artifactMediaType: opt('string'),
	childDigests: list('string'),
	lastRecordedPullTime: opt('date'),
	storageClass: opt({ oneOf: ['ARCHIVE'] }),
	lastArchivedAt: opt('date'),
	scan: opt({ type: { oneOf: ['BASIC', 'ENHANCED'] }, status: 'string', startedAt: 'date', completedAt: opt('date'), continuous: opt('boolean') }),
	replication: opt(list({ region: 'string', registryId: 'string', status: 'string', failureCode: opt('string') }))
};
const repository: Shape = {
	repositoryName: 'string',
	createdAt: 'date',
	imageTagMutability: 'string',
	imageTagMutabilityExclusionFilters: list({ filterType: 'string', filter: 'string' }),
	scanOnPush: 'boolean',
	encryptionType: 'string',
	kmsKey: opt('string'),
	tags: list(tag),
	policyText: opt('string'),
	lifecyclePolicyText: opt('string'),
	lifecyclePolicyEvaluatedAt: opt('date'),
	lifecyclePreview: opt({ lifecyclePolicyText: 'string', startedAt: 'date', status: opt({ oneOf: ['IN_PROGRESS', 'COMPLETE'] }), results: list({ imageDigest: 'string', imageTags: list('string'), imagePushedAt: 'date', storageClass: { oneOf: ['STANDARD', 'ARCHIVE'] }, action: { type: { oneOf: ['EXPIRE', 'TRANSITION'] } }, appliedRulePriority: 'number' }) }),
	images: list(image),
	layers: list({ layerDigest: 'string', layerSize: 'number', rootfs: opt({ packages: list({ ecosystem: 'string', name: 'string', version: 'string' }) }) }),
	uploads: list({ uploadId: 'string', parts: list('string'), lastByteReceived: 'number' })
};
export const REGISTRY_SHAPE: Shape = {
	accountId: 'string',
	region: 'string',
	repositories: list(repository),
	scanning: { scanType: { oneOf: ['BASIC', 'ENHANCED'] }, rules: list({ scanFrequency: 'string', repositoryFilters: list({ filter: 'string', filterType: 'string' }) }) },
	replicationRules: list({ destinations: list({ region: 'string', registryId: 'string' }), repositoryFilters: list({ filter: 'string', filterType: 'string' }) }),
	policyText: opt('string'),
	sequence: 'number'
};
const inlinePolicies = list({ policyName: 'string', policyDocument: 'string' });
const principal = { name: 'string', id: 'string', path: 'string', createdAt: 'date', inlinePolicies, attachedPolicyArns: list('string'), tags: opt(list(tag)) } as const;
const accessKey: Shape = { id: 'string', status: { oneOf: ['Active', 'Inactive'] }, createdAt: 'date', lastUsed: opt({ at: 'date', service: 'string', region: 'string' }) };
// Groups, tags, session durations, policy versions and access keys came later: optional, so older saves restore (identity/state.ts).
export const IDENTITY_SHAPE: Shape = {
	accountId: 'string',
	users: list({ ...principal, accessKeys: opt(list(accessKey)) }),
	roles: list({ ...principal, assumeRolePolicyDocument: 'string', description: opt('string'), maxSessionDuration: opt('number') }),
	policies: list({
		policyName: 'string',
		id: 'string',
		path: 'string',
		document: 'string',
		createdAt: 'date',
		description: opt('string'),
		versions: opt(list({ versionId: 'string', document: 'string', createdAt: 'date' })),
		defaultVersionId: opt('string'),
		versionSequence: opt('number')
	}),
	groups: opt(list({ name: 'string', id: 'string', path: 'string', createdAt: 'date', inlinePolicies, attachedPolicyArns: list('string'), userNames: list('string') })),
	retiredAccessKeyIds: opt(list('string')),
	sequence: 'number'
};
// STS sessions (sts/state.ts).
export const STS_SHAPE: Shape = {
	sessions: list({
		accessKeyId: 'string',
		issuedBy: { oneOf: ['AssumeRole', 'GetSessionToken'] },
		arn: 'string',
		accountId: 'string',
		userId: 'string',
		roleArn: opt('string'),
		issuedAt: 'date',
		expiresAt: 'date',
		policy: opt('string')
	}),
	sequence: 'number'
};
const TIMER_KINDS = ['imageScan', 'replication', 'lifecyclePreview'];
export const JOBS_SHAPE: Shape = {
	jobs: list({
		id: 'string',
		kind: { oneOf: [...TIMER_KINDS, 'stackOperation', 'driftDetection', 'stackSetOperation'] },
		dueAt: 'date',
		snapshot: { status: { oneOf: ['active'] }, value: 'string', historyValue: 'object', children: 'object', context: { startedAt: 'date', dueAt: 'date' } },
		payload: { startedAt: 'date', dueAt: 'date' }
	}),
	sequence: 'number'
};

// CloudFormation: stacks per account and Region, and the running operations' machine contexts.
const stackTag: Shape = { Key: 'string', Value: 'string' };
const policy: Shape = { oneOf: ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'] };
const resourceCopy: Shape = { physicalId: opt('string'), properties: 'object', attributes: 'object', metadata: 'any', status: 'string', reason: opt('string'), lastUpdated: 'date' };
const stackParameter: Shape = { key: 'string', value: 'string', resolvedValue: opt('string') };
const revision: Shape = {
	templateBody: 'string',
	parameters: list(stackParameter),
	noEcho: list('string'),
	description: opt('string'),
	tags: list(stackTag),
	capabilities: list('string'),
	imports: list('string')
};
const stack: Shape = {
	stackId: 'string',
	stackName: 'string',
	status: 'string',
	reason: opt('string'),
	description: opt('string'),
	templateBody: 'string',
	parameters: list(stackParameter),
	noEcho: list('string'),
	capabilities: list('string'),
	tags: list(stackTag),
	notificationArns: list('string'),
	roleArn: opt('string'),
	terminationProtection: 'boolean',
	disableRollback: 'boolean',
	timeoutInMinutes: opt('number'),
	creationTime: 'date',
	lastUpdatedTime: opt('date'),
	deletionTime: opt('date'),
	resources: list({
		logicalId: 'string',
		type: 'string',
		physicalId: opt('string'),
		status: 'string',
		reason: opt('string'),
		properties: 'object',
		attributes: 'object',
		metadata: 'any',
		deletionPolicy: policy,
		updateReplacePolicy: policy,
		lastUpdated: 'date',
		before: opt(resourceCopy),
		added: opt('boolean'),
		obsolete: opt(resourceCopy)
	}),
	outputs: list({ key: 'string', value: 'string', description: opt('string'), exportName: opt('string') }),
	imports: list('string'),
	events: list({ eventId: 'string', logicalId: 'string', physicalId: 'string', type: 'string', timestamp: 'date', status: 'string', reason: opt('string'), properties: opt('string'), clientRequestToken: opt('string') }),
	previous: opt(revision),
	clientRequestToken: opt('string'),
	operationJobId: opt('string')
};
// StackSets: each stack set with its instances and operations (cloudformation/stacksets/state.ts).
const stackSetParameter: Shape = { key: 'string', value: 'string' };
const stackSetTarget: Shape = {
	account: 'string',
	region: 'string',
	status: { oneOf: ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] },
	reason: opt('string'),
	gate: opt({ status: { oneOf: ['SUCCEEDED', 'FAILED', 'SKIPPED'] }, reason: 'string' }),
	step: opt({ oneOf: ['access', 'stack'] }),
	dueAt: opt('date'),
	stackId: opt('string'),
	expect: opt({ oneOf: ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'DELETE_COMPLETE'] }),
	eventIndex: opt('number')
};
const stackSetOperation: Shape = {
	operationId: 'string',
	action: { oneOf: ['CREATE', 'UPDATE', 'DELETE'] },
	status: { oneOf: ['RUNNING', 'SUCCEEDED', 'FAILED', 'STOPPING', 'STOPPED', 'QUEUED'] },
	preferences: {
		regionConcurrencyType: opt({ oneOf: ['SEQUENTIAL', 'PARALLEL'] }),
		regionOrder: list('string'),
		failureToleranceCount: opt('number'),
		failureTolerancePercentage: opt('number'),
		maxConcurrentCount: opt('number'),
		maxConcurrentPercentage: opt('number'),
		concurrencyMode: opt({ oneOf: ['STRICT_FAILURE_TOLERANCE', 'SOFT_FAILURE_TOLERANCE'] })
	},
	retainStacks: opt('boolean'),
	administrationRoleArn: 'string',
	executionRoleName: 'string',
	creationTimestamp: 'date',
	endTimestamp: opt('date'),
	statusReason: opt('string'),
	targets: list(stackSetTarget)
};
const stackSet: Shape = {
	stackSetId: 'string',
	stackSetName: 'string',
	arn: 'string',
	status: { oneOf: ['ACTIVE', 'DELETED'] },
	description: opt('string'),
	templateBody: 'string',
	parameters: list(stackSetParameter),
	capabilities: list('string'),
	tags: list(stackTag),
	administrationRoleArn: 'string',
	executionRoleName: 'string',
	instances: list({
		account: 'string',
		region: 'string',
		stackId: opt('string'),
		status: { oneOf: ['CURRENT', 'OUTDATED', 'INOPERABLE'] },
		detailedStatus: { oneOf: ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'INOPERABLE', 'SKIPPED_SUSPENDED_ACCOUNT', 'FAILED_IMPORT'] },
		reason: opt('string'),
		parameterOverrides: list(stackSetParameter),
		lastOperationId: opt('string')
	}),
	operations: list(stackSetOperation)
};
export const CLOUDFORMATION_SHAPE: Shape = { accountId: 'string', region: 'string', stacks: list(stack), sequence: 'number', stackSets: opt(list(stackSet)) };
export const LIGHT_RESOURCES_SHAPE: Shape = {
	accountId: 'string',
	region: 'string',
	resources: list({ type: 'string', physicalId: 'string', properties: 'object', attributes: 'object', createdAt: 'date' }),
	sequence: 'number'
};

const task: Shape = {
	logicalId: 'string',
	after: list('string'),
	state: { oneOf: ['waiting', 'running', 'done', 'failed', 'cancelled'] },
	order: opt('number'),
	dueAt: opt('date'),
	finish: opt({ kind: { oneOf: ['initiate', 'replace', 'restore', 'complete', 'fail', 'delete', 'forget'] } })
};
/** The context of a persisted stack operation (stacks/operation-context.ts). */
/** Who a persisted stack operation or drift run acts as; a role session keeps its session policy. */
const OPERATION_CALLER: Shape = {
	arn: 'string',
	accountId: 'string',
	context: opt('object'),
	session: opt({ issuedBy: { oneOf: ['AssumeRole', 'GetSessionToken'] }, policy: opt('string') })
};

export const STACK_OPERATION_SHAPE: Shape = {
	startedAt: 'date',
	dueAt: 'date',
	accountId: 'string',
	region: 'string',
	stackId: 'string',
	stackName: 'string',
	operation: { oneOf: ['CREATE', 'UPDATE', 'DELETE', 'CONTINUE_UPDATE_ROLLBACK', 'ROLLBACK'] },
	caller: OPERATION_CALLER,
	onFailure: { oneOf: ['ROLLBACK', 'DELETE', 'DO_NOTHING'] },
	retainResources: list('string'),
	resourcesToSkip: list('string'),
	resourceTypes: list('string'),
	phase: { oneOf: ['create', 'rollback', 'delete', 'update', 'updateCleanup', 'updateRollback', 'rollbackCleanup'] },
	tasks: list(task),
	halted: 'boolean',
	createFailures: list('string'),
	updateFailures: list('string'),
	phaseFailures: list('string'),
	stackFailure: opt('string'),
	started: 'number'
};

/** The context of a persisted DetectStackDrift run (stacks/driftDetectionMachine.ts). */
export const DRIFT_DETECTION_SHAPE: Shape = {
	startedAt: 'date',
	dueAt: 'date',
	accountId: 'string',
	region: 'string',
	stackId: 'string',
	stackName: 'string',
	detectionId: 'string',
	caller: OPERATION_CALLER,
	logicalIds: list('string'),
	resourceTypes: list('string')
};

/** The context of a persisted stack set operation's job (stacksets/job.ts). */
export const STACK_SET_JOB_SHAPE: Shape = {
	startedAt: 'date',
	dueAt: 'date',
	accountId: 'string',
	region: 'string',
	stackSetId: 'string',
	operationId: 'string',
	resourceTypes: list('string'),
	finished: 'boolean'
};

/**
 * The jobs' shape, then what each kind's machine needs: a timer is `running`; a stack operation
 * or a drift detection run is in one of its machine's states with a full context.
 */
export function assertJobsShape(jobs: unknown, stackOperationStates: readonly string[], driftDetectionStates: readonly string[] = ['detecting']): void {
	assertShape(jobs, JOBS_SHAPE, 'jobs');
	(jobs as { jobs: { kind: string; snapshot: { value: string; context: unknown; historyValue: object; children: object } }[] }).jobs.forEach((job, i) => {
		const path = `jobs.jobs[${i}].snapshot`;
		// No job machine has history states or child actors: anything there is damage XState cannot revive.
		if (Object.keys(job.snapshot.historyValue).length > 0) assertShape(undefined, 'object', `${path}.historyValue (must be empty)`);
		if (Object.keys(job.snapshot.children).length > 0) assertShape(undefined, 'object', `${path}.children (must be empty)`);
		if (TIMER_KINDS.includes(job.kind)) assertShape(job.snapshot.value, { oneOf: ['running'] }, `${path}.value`);
		else if (job.kind === 'stackSetOperation') {
			// A finished stack set job leaves the queue, so a saved one is always running.
			assertShape(job.snapshot.value, { oneOf: ['running'] }, `${path}.value`);
			assertShape(job.snapshot.context, STACK_SET_JOB_SHAPE, `${path}.context`);
		} else if (job.kind === 'driftDetection') {
			assertShape(job.snapshot.value, { oneOf: driftDetectionStates }, `${path}.value`);
			assertShape(job.snapshot.context, DRIFT_DETECTION_SHAPE, `${path}.context`);
		} else {
			assertShape(job.snapshot.value, { oneOf: stackOperationStates }, `${path}.value`);
			assertShape(job.snapshot.context, STACK_OPERATION_SHAPE, `${path}.context`);
		}
	});
}

function check(value: unknown, shape: Shape, path: string): string | undefined {
	if (shape === 'any') return undefined;
	if (shape === 'string' || shape === 'boolean') return typeof value === shape ? undefined : `${path} must be a ${shape}`;
	if (shape === 'date') return typeof value === 'string' && Number.isFinite(Date.parse(value)) ? undefined : `${path} must be a date`;
	if (shape === 'number') return typeof value === 'number' && Number.isFinite(value) ? undefined : `${path} must be a number`;
	if (shape === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : `${path} must be an object`;
	if ('optional' in shape && Object.keys(shape).length === 1) return value === undefined ? undefined : check(value, shape.optional as Shape, path);
	if ('list' in shape && Object.keys(shape).length === 1) {
		if (!Array.isArray(value)) return `${path} must be a list`;
		for (let i = 0; i < value.length; i++) {
			const problem = check(value[i], shape.list as Shape, `${path}[${i}]`);
			if (problem) return problem;
		}
		return undefined;
	}
	if ('oneOf' in shape && Array.isArray(shape.oneOf)) return shape.oneOf.includes(value as string) ? undefined : `${path} must be one of ${shape.oneOf.join(', ')}`;
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${path} must be an object`;
	for (const key of Object.keys(shape)) {
		const problem = check((value as Record<string, unknown>)[key], (shape as Record<string, Shape>)[key] as Shape, `${path}.${key}`);
		if (problem) return problem;
	}
	return undefined;
}

/** A compiled shape: true when the value conforms. Paths are only built to explain a failure. */
type Test = (value: unknown) => boolean;

const compiled = new WeakMap<object, Test>();

function compile(shape: Shape): Test {
	if (shape === 'any') return () => true;
	if (shape === 'string' || shape === 'boolean') return (v) => typeof v === shape;
	if (shape === 'date') return (v) => typeof v === 'string' && Number.isFinite(Date.parse(v));
	if (shape === 'number') return (v) => typeof v === 'number' && Number.isFinite(v);
	if (shape === 'object') return (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
	const hit = compiled.get(shape);
	if (hit) return hit;
	let test: Test;
	if ('optional' in shape && Object.keys(shape).length === 1) {
		const inner = compile(shape.optional as Shape);
		test = (v) => v === undefined || inner(v);
	} else if ('list' in shape && Object.keys(shape).length === 1) {
		const item = compile(shape.list as Shape);
		test = (v) => {
			if (!Array.isArray(v)) return false;
			for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
			return true;
		};
	} else if ('oneOf' in shape && Array.isArray(shape.oneOf)) {
		const allowed = new Set<unknown>(shape.oneOf);
		test = (v) => allowed.has(v);
	} else {
		const fields = Object.keys(shape).map((k) => [k, compile((shape as Record<string, Shape>)[k] as Shape)] as const);
		test = (v) => {
			if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
			const o = v as Record<string, unknown>;
			for (const [k, t] of fields) if (!t(o[k])) return false;
			return true;
		};
	}
	compiled.set(shape, test);
	return test;
}

/** Throws AWS-style if a saved part of the world does not have the shape the engines rely on. */
export function assertShape(value: unknown, shape: Shape, path: string): void {
	if (compile(shape)(value)) return;
	const problem = check(value, shape, path) ?? `${path} is not valid`;
	throw new AwsError('InvalidParameterException', `The saved world is damaged: ${problem}.`);
}
