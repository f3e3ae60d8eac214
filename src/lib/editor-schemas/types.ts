// Shapes shared by the schemas, the diagnostics adapters and the editor. Pure data, so the
// adapters run (and are tested) in node without Monaco.

/** A JSON Schema node (draft-07 as Monaco's JSON service and monaco-yaml read it). */
export type JsonSchema = { [keyword: string]: unknown };

export type MarkerSeverity = 'error' | 'warning' | 'info';

/** One diagnostic at an exact range: 1-based lines and columns, end exclusive (Monaco's IMarkerData). */
export interface Marker {
	severity: MarkerSeverity;
	message: string;
	startLineNumber: number;
	startColumn: number;
	endLineNumber: number;
	endColumn: number;
	/** Which check said it: shown by the editor next to the message. */
	source: string;
}

export type SchemaId = 'ecr-lifecycle-policy' | 'ecr-repository-policy' | 'iam-policy' | 'cloudformation-template';
