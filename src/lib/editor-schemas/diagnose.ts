// One entry point for the editor: the engine's diagnostics for a file, by the schema it declares.
// Files without a schema (a Dockerfile, a script) have no engine check.
import type { LabFile } from '$lib/labs/types';
import { diagnoseLifecyclePolicy } from './diagnose-lifecycle';
import { diagnosePolicy } from './diagnose-policy';
import { diagnoseTemplate } from './diagnose-template';
import type { Marker } from './types';

export function diagnose(file: Pick<LabFile, 'schema' | 'path'>, text: string): Marker[] {
	// An empty file is work not started, not a fault.
	if (text.trim() === '') return [];
	switch (file.schema) {
		case 'ecr-lifecycle-policy':
			return diagnoseLifecyclePolicy(text);
		case 'ecr-repository-policy':
			return diagnosePolicy(text, 'repository');
		case 'iam-policy':
			return diagnosePolicy(text, 'identity');
		case 'cloudformation-template':
			return diagnoseTemplate(text);
		default:
			return [];
	}
}
