// Which service answers which request: awsJson services by their X-Amz-Target prefix, awsQuery
// services by the API version a request names (and by the SigV4 signing name when it names
// none). Each binding pairs a generated model with the engine call that serves it.
import type { World } from '../engines/world';
import type { Caller } from '../engines/world-constants';
import { AwsError } from '../engines/errors';
import type { ServiceModel } from './models/shapes';
import { ecrModel } from './models/ecr.generated';
import { ecrPublicModel } from './models/ecr-public.generated';
import { cloudFormationModel } from './models/cloudformation.generated';
import { stsModel } from './models/sts.generated';
import { iamModel } from './models/iam.generated';
import { isStsOperation, stsOperations } from './sts/operations';

export interface InvokeContext {
	world: World;
	caller: Caller;
	region: string;
}

export interface ServiceBinding {
	model: ServiceModel;
	invoke(ctx: InvokeContext, operation: string, input: unknown): unknown;
}

export const ECR: ServiceBinding = { model: ecrModel, invoke: (c, op, input) => c.world.ecr(c.caller, c.region).callByName(op, input) };
// ECR Public's API lives in us-east-1 whatever Region the client signs for.
export const ECR_PUBLIC: ServiceBinding = { model: ecrPublicModel, invoke: (c, op, input) => c.world.ecrPublic(c.caller).callByName(op, input) };
export const CLOUDFORMATION: ServiceBinding = { model: cloudFormationModel, invoke: (c, op, input) => c.world.cloudformation(c.caller, c.region).callByName(op, input) };
export const IAM: ServiceBinding = { model: iamModel, invoke: (c, op, input) => c.world.iam(c.caller).callByName(op, input) };
export const STS: ServiceBinding = {
	model: stsModel,
	invoke: (c, op, input) => {
		if (!isStsOperation(op)) throw new AwsError('InvalidAction', `Could not find operation ${op} for version ${stsModel.metadata.apiVersion}`);
		return stsOperations[op](c, input);
	}
};

const byKey = (bindings: ServiceBinding[], key: (m: ServiceModel) => string | undefined) =>
	new Map(bindings.flatMap((b) => {
		const k = key(b.model);
		return k === undefined ? [] : [[k, b] as const];
	}));

/** awsJson services by X-Amz-Target prefix (AmazonEC2ContainerRegistry_V20150921, SpencerFrontendService). */
export const JSON_SERVICES = byKey([ECR, ECR_PUBLIC], (m) => m.metadata.targetPrefix);

const QUERY = [CLOUDFORMATION, STS, IAM];
/** awsQuery services by the Version parameter (2010-05-15, 2011-06-15, 2010-05-08). */
export const QUERY_SERVICES_BY_VERSION = byKey(QUERY, (m) => m.metadata.apiVersion);
/** awsQuery services by SigV4 signing name (cloudformation, sts, iam). */
export const QUERY_SERVICES_BY_SIGNING_NAME = byKey(QUERY, (m) => m.metadata.signingName);
export const DEFAULT_QUERY_SERVICE = CLOUDFORMATION;
