// The schema a lab file declares, by id. The template schema differs between JSON and YAML (see
// cloudformation-schema.ts) and is built from lazily loaded resource schemas, hence async.
import { loadCloudFormationSchema } from './cloudformation-schema';
import { policySchema } from './iam-policy-schema';
import { lifecyclePolicySchema } from './lifecycle-policy-schema';
import type { JsonSchema, SchemaId } from './types';

export async function schemaFor(id: SchemaId, syntax: 'json' | 'yaml'): Promise<JsonSchema> {
	switch (id) {
		case 'ecr-lifecycle-policy':
			return lifecyclePolicySchema;
		case 'ecr-repository-policy':
			return policySchema('repository');
		case 'iam-policy':
			return policySchema('identity');
		case 'cloudformation-template':
			return loadCloudFormationSchema(syntax);
	}
}

/** A stable, never-fetched URI naming a schema (the editors key schemas by URI; requests are off). */
export const schemaUri = (id: SchemaId, syntax: 'json' | 'yaml'): string => `inmemory://schemas/${id}.${syntax}.json`;
