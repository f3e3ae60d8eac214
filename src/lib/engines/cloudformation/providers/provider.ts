// The contract between the stack engine and the services that own resources. A provider turns
// a resource's resolved properties into a real resource in the world (an ECR repository that
// `describe-repositories` lists) and back; the stack engine owns ordering, timing, events and
// rollback. Providers are synchronous and deterministic: the virtual time an operation takes is
// declared, not waited for.
import type { VirtualClock } from '../../clock';
import type { EcrApi, EcrPublicApi, IamApi } from '../../world';
import type { LightResourceStore } from './light-store';

/** Who CloudFormation acts as, where, and for which stack and resource. */
export interface ProviderContext {
	accountId: string;
	region: string;
	stackName: string;
	stackId: string;
	logicalId: string;
	clock: VirtualClock;
	/**
	 * The owning engines, bound to the principal the stack operation runs as (the caller, or the
	 * stack's service role), so a missing permission fails the resource as it does on AWS.
	 */
	ecr: EcrApi;
	ecrPublic: EcrPublicApi;
	iam: IamApi;
	/** State for the types the simulator models lightly (S3, SNS, SQS, Logs, ECS, EC2 ...). */
	store: LightResourceStore;
	/** A deterministic token for generated names and ids (e.g. `stack-Logical-1A2B3C4D5E6F`). */
	uniqueSuffix(): string;
	/**
	 * State shared by every account and Region of the world, for names AWS keeps unique across
	 * all of them (S3 bucket names) and for IAM, which is global. Optional: without it those
	 * checks fall back to `store` (unique within the account and Region only).
	 */
	globalStore?: LightResourceStore;
	/**
	 * The resource's resolved `Metadata`, so a lab can make one resource fail on purpose
	 * (`Simulator::Fault`, see fault-injection.ts). Optional: absent means no metadata.
	 */
	metadata?: Record<string, unknown>;
}

/** Properties after intrinsic functions are resolved: plain JSON. */
export type ResolvedProperties = Record<string, unknown>;

export interface ProvisionedResource {
	physicalId: string;
	/** Values for Fn::GetAtt, by attribute name (`Arn`, `RepositoryUri` ...). */
	attributes: Record<string, unknown>;
}

/**
 * A resource operation failed. `message` is what the provider would return; the stack engine
 * wraps it in AWS's event reason (`Resource handler returned message: "..." (RequestToken: ...,
 * HandlerErrorCode: ...)`) for registry types.
 */
export class ProviderError extends Error {
	readonly handlerErrorCode: HandlerErrorCode;
	/**
	 * Set when a create failed after the resource itself was made (a repository created, its
	 * lifecycle policy refused): AWS's handler still returns the model, so rollback deletes it.
	 */
	readonly physicalId: string | undefined;
	constructor(message: string, handlerErrorCode: HandlerErrorCode, physicalId?: string) {
		super(message);
		this.name = 'ProviderError';
		this.handlerErrorCode = handlerErrorCode;
		this.physicalId = physicalId;
	}
}

/** The CloudFormation resource handler error codes (cloudformation-cli HandlerErrorCode). */
export type HandlerErrorCode =
	| 'NotUpdatable'
	| 'InvalidRequest'
	| 'AccessDenied'
	| 'InvalidCredentials'
	| 'AlreadyExists'
	| 'NotFound'
	| 'ResourceConflict'
	| 'Throttling'
	| 'ServiceLimitExceeded'
	| 'NotStabilized'
	| 'GeneralServiceException'
	| 'ServiceInternalError'
	| 'NetworkFailure'
	| 'InternalFailure'
	| 'InvalidTypeConfiguration'
	| 'HandlerInternalFailure'
	| 'NonCompliant'
	| 'Unknown'
	| 'UnsupportedTarget';

export interface ResourceProvider {
	type: string;
	/** Virtual milliseconds each operation takes, for realistic event timing. */
	durations: { create: number; update: number; delete: number };
	create(ctx: ProviderContext, properties: ResolvedProperties): ProvisionedResource;
	/**
	 * An in-place update (the stack engine decides replacement from the schema's update
	 * behaviours and calls create + delete instead). Returns the attributes after the update.
	 */
	update(ctx: ProviderContext, physicalId: string, previous: ResolvedProperties, next: ResolvedProperties): ProvisionedResource;
	/** Deleting a resource that is already gone succeeds, as AWS's handlers do. */
	delete(ctx: ProviderContext, physicalId: string, properties: ResolvedProperties): void;
	/**
	 * The live properties, in the template's property names, for drift detection; undefined
	 * when the resource no longer exists. Absent for types drift detection does not support.
	 */
	read?(ctx: ProviderContext, physicalId: string, expected: ResolvedProperties): ResolvedProperties | undefined;
}
