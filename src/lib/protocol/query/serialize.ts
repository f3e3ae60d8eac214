// The engines' output shapes into awsQuery XML: elements named as the model names them, in model
// member order, lists as <member> items, maps as <entry><key/><value/></entry>, timestamps as
// ISO-8601 (the awsQuery default), blobs base64, booleans `true`/`false`. Members the model does
// not name are not written.
import { toBase64 } from '../base64';
import { instantOf } from '../instant';
import { memberName, memberRef, memberTraits, resolve, wireName, type ServiceModel } from '../models/shapes';
import { element, escapeXml } from './xml';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);

function scalarText(type: string, value: unknown, format: string | undefined): string | undefined {
	switch (type) {
		case 'timestamp': {
			const ms = instantOf(value);
			if (ms === undefined) return undefined;
			return format === 'unixTimestamp' ? String(ms / 1000) : new Date(ms).toISOString();
		}
		case 'blob':
			return value instanceof Uint8Array ? toBase64(value) : typeof value === 'string' ? value : undefined;
		case 'boolean':
			return typeof value === 'boolean' ? String(value) : value === 'true' || value === 'false' ? value : undefined;
		case 'string':
			return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
		default:
			return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) ? String(value) : undefined;
	}
}

/** The XML of one value under `name` (the content only when `name` is empty); '' means "leave it out". */
export function writeXml(model: ServiceModel, ref: string, value: unknown, name: string, flattened = false, format?: string): string {
	if (value === undefined || value === null) return '';
	const r = resolve(model, ref);
	if (r.kind === 'scalar') {
		const text = scalarText(r.type, value, format ?? r.timestampFormat);
		return text === undefined ? '' : element(name, escapeXml(text));
	}
	const shape = r.shape;
	if (shape.type === 'list') {
		if (!Array.isArray(value)) return '';
		if (flattened || shape.flattened) return value.map((v) => writeXml(model, shape.member, v, name)).join('');
		return element(name, value.map((v) => writeXml(model, shape.member, v, shape.memberName ?? 'member')).join(''));
	}
	if (!isRecord(value)) return '';
	if (shape.type === 'map') {
		const entries = Object.entries(value).map(([k, v]) => {
			const inner = writeXml(model, ':string', k, shape.keyName ?? 'key') + writeXml(model, shape.value, v, shape.valueName ?? 'value');
			return flattened || shape.flattened ? element(name, inner) : element('entry', inner);
		});
		return flattened || shape.flattened ? entries.join('') : element(name, entries.join(''));
	}
	const inner = shape.members
		.map((m) => {
			const traits = memberTraits(m);
			return writeXml(model, memberRef(m), value[memberName(m)], wireName(m), traits.flattened, traits.timestampFormat);
		})
		.join('');
	return name === '' ? inner : element(name, inner);
}
