// Resource-type knowledge for the simulated CloudFormation: which type names exist, the registry
// schema of each type the simulator models (loaded lazily), validation of Properties with AWS's
// messages, update behaviours for change sets, and Ref/GetAtt return values.

import { GETATT_NAMES, SCHEMA_LOADERS } from './schemas/index.generated';
import { isCustomResourceType, isKnownResourceType } from './resource-types';
import type { ResourceSchema } from './types';

export type { JsonType, RequiresRecreation, ResourceSchema, Shape, UpdateBehaviour } from './types';
export {
	RESOURCE_TYPE_COUNT,
	isCustomResourceType,
	isKnownResourceType,
	knownResourceTypes,
	similarResourceTypes,
	unrecognizedResourceTypesMessage
} from './resource-types';
export {
	isUnresolvedIntrinsic,
	propertiesValidationFailedMessage,
	validateProperties,
	type PropertyProblem,
	type ValidateOptions
} from './validate';
export {
	changedPaths,
	requiresRecreation,
	toSegments,
	updateBehaviour,
	updateBehaviourForChange,
	worstBehaviour,
	type PropertyPath
} from './update-behaviour';
export { RETURN_VALUES, getReturnValues, type ReturnValues } from './return-values';

/** The types whose schema the simulator ships, sorted. */
export const MODELLED_RESOURCE_TYPES: readonly string[] = Object.keys(SCHEMA_LOADERS).sort();

/**
 * Whether Fn::GetAtt may read `attribute` of a resource of `type`. Exact for the modelled types (the
 * names cfn-lint 1.51.0 accepts: read-only properties, plus every property for EC2 VPC/Subnet/
 * SecurityGroup, SNS topics and SQS queues); custom resources take any attribute; for other known
 * types the simulator has no attribute list and says yes.
 */
export function isValidAttribute(type: string, attribute: string): boolean {
	if (hasSchema(type)) return GETATT_NAMES[type]!.includes(attribute);
	return isCustomResourceType(type) || isKnownResourceType(type);
}

/** The GetAtt attribute names of a modelled type, or undefined for other types. */
export function getAttNames(type: string): readonly string[] | undefined {
	return hasSchema(type) ? GETATT_NAMES[type] : undefined;
}

/** What a template validator needs to ask about types (same shape as the template layer's ResourceCatalog). */
export const RESOURCE_CATALOG = {
	isKnownResourceType: (type: string): boolean => isKnownResourceType(type),
	isValidAttribute
};

/** True when loadSchema(type) has a schema to load. */
export function hasSchema(type: string): boolean {
	return Object.prototype.hasOwnProperty.call(SCHEMA_LOADERS, type);
}

const cache = new Map<string, Promise<ResourceSchema>>();

/**
 * The registry schema of a modelled type, loaded on first use (one small chunk per type). Rejects for
 * a type the simulator does not model; check hasSchema() first.
 */
export function loadSchema(type: string): Promise<ResourceSchema> {
	if (!hasSchema(type)) return Promise.reject(new Error(`no schema for resource type ${type}`));
	let p = cache.get(type);
	if (!p) {
		p = SCHEMA_LOADERS[type]!().then((m) => deepFreeze(m.default));
		cache.set(type, p);
	}
	return p;
}

function deepFreeze<T>(v: T): T {
	if (v && typeof v === 'object' && !Object.isFrozen(v)) {
		Object.freeze(v);
		for (const x of Object.values(v as object)) deepFreeze(x);
	}
	return v;
}
