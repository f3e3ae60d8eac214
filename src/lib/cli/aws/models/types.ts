// The CLI's view of a service: each supported operation's input shape, with the constraints
// (required, min/max, enum) the CLI validates before calling, like botocore's param validator.
export type CliShapeType = 'structure' | 'list' | 'map' | 'string' | 'boolean' | 'integer' | 'long' | 'float' | 'double' | 'blob' | 'timestamp' | 'bigdecimal' | 'biginteger';

export interface CliShape {
	type: CliShapeType;
	min?: number;
	max?: number;
	enum?: string[];
	/** Structure members in model order: [member name, shape name]. */
	members?: [string, string][];
	required?: string[];
	/** List item shape. */
	member?: string;
	key?: string;
	value?: string;
}

/** A botocore waiter: call `operation` every `delay` seconds until an acceptor says success or failure. */
export interface CliWaiter {
	operation: string;
	delay: number;
	maxAttempts: number;
	acceptors: { state: 'success' | 'failure' | 'retry'; matcher: 'path' | 'pathAll' | 'pathAny' | 'status' | 'error'; argument?: string; expected: string | number | boolean }[];
}

export interface CliModel {
	serviceId: string;
	/** Operation name → its input shape (null when it takes none). */
	operations: Record<string, string | null>;
	shapes: Record<string, CliShape>;
	waiters: Record<string, CliWaiter>;
	/** Operations the CLI pages through by itself: the token members and the lists it joins. */
	paginators: Record<string, { inputToken: string; outputToken: string; limitKey?: string; resultKeys: string[] }>;
}
