// ValidateTemplate's verdict on the editor's template, at the line and column the template layer
// records for each fault, plus the keys given twice (AWS keeps the later one silently; the
// editor warns).
import { AwsError } from '$lib/engines/errors';
import { ValidationError } from '$lib/engines/cloudformation/errors';
import { RESOURCE_CATALOG } from '$lib/engines/cloudformation/resources';
import { parseTemplate, validateParsedTemplate } from '$lib/engines/cloudformation/template';
import { tokenRange } from './json-source';
import type { Marker } from './types';

const SOURCE = 'CloudFormation ValidateTemplate';

export function diagnoseTemplate(text: string): Marker[] {
	const markers: Marker[] = [];
	try {
		const parsed = parseTemplate(text);
		for (const d of parsed.duplicates) markers.push({ severity: 'warning', message: d.message, source: SOURCE, ...tokenRange(text, d.line, d.column) });
		validateParsedTemplate(parsed, RESOURCE_CATALOG);
	} catch (e) {
		if (!(e instanceof AwsError)) throw e;
		const location = e instanceof ValidationError ? e.location : undefined;
		const detail = e instanceof ValidationError && e.detail ? `\n${e.detail}` : '';
		markers.push({ severity: 'error', message: `${e.code}: ${e.message}${detail}`, source: SOURCE, ...tokenRange(text, location?.line ?? 1, location?.column ?? 1) });
	}
	return markers;
}
