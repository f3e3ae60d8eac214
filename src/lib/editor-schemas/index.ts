// Editor knowledge of the course's document kinds: JSON schemas (completion, hover, warnings)
// and the engines' own verdicts as markers. Pure TypeScript, no Monaco.
export type { JsonSchema, Marker, MarkerSeverity, SchemaId } from './types';
export { diagnose } from './diagnose';
export { schemaFor, schemaUri } from './schemas';
export { CLOUDFORMATION_YAML_TAGS } from './cloudformation-tags';
