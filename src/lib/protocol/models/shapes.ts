// The compact service models the protocols read (generated from botocore by
// scripts/protocol/generate-models.mjs). A reference to a scalar is written inline as
// ':string', ':timestamp', ':timestamp/iso8601' ...; any other reference names a shape of the same
// model. Structure members are an ordered list because awsQuery writes XML elements in model order.

export type ScalarType = 'string' | 'boolean' | 'integer' | 'long' | 'float' | 'double' | 'blob' | 'timestamp' | 'bigdecimal' | 'biginteger';
export type TimestampFormat = 'iso8601' | 'unixTimestamp' | 'rfc822';

export interface MemberTraits {
	/** The member's name on the wire (awsQuery parameter and XML element) when it differs. */
	locationName?: string;
	flattened?: boolean;
	timestampFormat?: string;
	/** A string that carries JSON (only REST headers use it; kept for completeness). */
	jsonvalue?: boolean;
	idempotencyToken?: boolean;
}

export type Member = [name: string, ref: string] | [name: string, ref: string, traits: MemberTraits];

export interface StructureShape {
	type: 'structure';
	members: Member[];
	union?: boolean;
}
export interface ListShape {
	type: 'list';
	member: string;
	/** The item element / parameter name when it is not `member`. */
	memberName?: string;
	flattened?: boolean;
}
export interface MapShape {
	type: 'map';
	key: string;
	value: string;
	keyName?: string;
	valueName?: string;
	flattened?: boolean;
}
export type AggregateShape = StructureShape | ListShape | MapShape;

export interface OperationModel {
	input?: string;
	output?: string;
	/** awsQuery: the element that wraps the output (`<Op>Result`). */
	resultWrapper?: string;
	errors?: string[];
}

export interface ErrorModel {
	/** The awsQuery error code (`ChangeSetNotFound` for ChangeSetNotFoundException). */
	code: string;
	httpStatus?: number;
	fault: 'Sender' | 'Receiver';
}

export interface ServiceModel {
	metadata: {
		apiVersion: string;
		protocol: string;
		serviceId: string;
		signingName: string;
		targetPrefix?: string;
		jsonVersion?: string;
		xmlNamespace?: string;
	};
	operations: Record<string, OperationModel>;
	errors: Record<string, ErrorModel>;
	shapes: Record<string, AggregateShape>;
}

/** What a reference points at: a scalar (with its timestamp format, if any) or an aggregate shape. */
export type Resolved = { kind: 'scalar'; type: ScalarType; timestampFormat?: string } | { kind: 'shape'; name: string; shape: AggregateShape };

export function resolve(model: ServiceModel, ref: string): Resolved {
	if (ref.startsWith(':')) {
		const [type, timestampFormat] = ref.slice(1).split('/') as [ScalarType, string | undefined];
		return timestampFormat ? { kind: 'scalar', type, timestampFormat } : { kind: 'scalar', type };
	}
	const shape = model.shapes[ref];
	// The generator writes every shape it references, so this only fires on a hand-edited model.
	if (!shape) throw new Error(`protocol model ${model.metadata.serviceId} has no shape ${ref}`);
	return { kind: 'shape', name: ref, shape };
}

export const memberName = (m: Member): string => m[0];
export const memberRef = (m: Member): string => m[1];
export const memberTraits = (m: Member): MemberTraits => m[2] ?? {};
/** The name a member has on the wire in awsQuery (parameter prefix and XML element). */
export const wireName = (m: Member): string => memberTraits(m).locationName ?? m[0];

export const hasOperation = (model: ServiceModel, name: string): boolean => Object.prototype.hasOwnProperty.call(model.operations, name);
