// Resource schemas ship as one lazily imported chunk per type (resources/schemas), so a page that
// never deploys a stack loads none; stack operations are synchronous. The bridge: loading starts
// as soon as a CreateStack or UpdateStack names the types, and callers that can wait (the CLI, the
// wire protocol, tests, a page before it offers "Create stack") await `loadResourceSchemas` first.
// An operation that needs a schema not yet loaded is answered with a retryable error and changes
// nothing, so the outcome never depends on how fast a chunk arrived.
import { AwsError } from '../../errors';
import { hasSchema, loadSchema, MODELLED_RESOURCE_TYPES, type ResourceSchema } from '../resources';

const loaded = new Map<string, ResourceSchema>();
const pending = new Map<string, Promise<void>>();

function load(type: string): Promise<void> {
	let p = pending.get(type);
	if (!p) {
		p = loadSchema(type).then(
			(schema) => void loaded.set(type, schema),
			// A chunk that failed to arrive is tried again on the next request.
			() => void pending.delete(type)
		);
		pending.set(type, p);
	}
	return p;
}

/** Loads the schemas of `types` (default: every modelled type) into the synchronous cache. */
export async function loadResourceSchemas(types: Iterable<string> = MODELLED_RESOURCE_TYPES): Promise<void> {
	await Promise.all([...types].filter(hasSchema).map(load));
}

/** The schema of a modelled type if it is loaded; undefined for other types. */
export function cachedSchema(type: string): ResourceSchema | undefined {
	return loaded.get(type);
}

/**
 * Before an operation that will create or update resources: the schemas of every modelled type
 * it names must be at hand. Starts loading the missing ones and refuses the call (retryable, as
 * AWS SDKs retry a 503) until they are.
 */
export function requireSchemas(types: Iterable<string>): void {
	const missing = [...new Set(types)].filter((t) => hasSchema(t) && !loaded.has(t));
	if (missing.length === 0) return;
	for (const t of missing) void load(t);
	throw new AwsError('ServiceUnavailable', `CloudFormation is loading the resource schemas of ${missing.join(', ')}; retry the request.`, { fault: 'server', httpStatus: 503 });
}
