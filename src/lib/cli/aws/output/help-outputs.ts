// The shape of help-outputs.generated.ts: what an operation returns and which errors it names,
// for the OUTPUT section of `aws <service> <command> help`.
import type { CliShapeType } from '../models/types';

export interface HelpOutputShape {
	type: CliShapeType;
	members?: [string, string][];
	member?: string;
	key?: string;
	value?: string;
}

export interface HelpOutputs {
	/** Operation → its output shape (null when it returns nothing) and its modelled errors. */
	operations: Record<string, { output: string | null; errors: string[] }>;
	shapes: Record<string, HelpOutputShape>;
}
