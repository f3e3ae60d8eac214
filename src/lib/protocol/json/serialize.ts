// The engines' output shapes into awsJson: members in model order, only those the model names
// (anything else an engine keeps for itself stays home), timestamps as epoch seconds (the awsJson
// default), blobs as base64.
import { toBase64 } from '../base64';
import { instantOf } from '../instant';
import { setOwn } from '../own';
import { memberName, memberRef, memberTraits, resolve, type ServiceModel } from '../models/shapes';

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);

function timestamp(value: unknown, format: string | undefined): JsonValue | undefined {
	const ms = instantOf(value);
	if (ms === undefined) return undefined;
	return format === 'iso8601' ? new Date(ms).toISOString() : ms / 1000;
}

function numeric(value: unknown): number | string | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined;
	if (n === undefined) return undefined;
	if (Number.isFinite(n)) return n;
	// awsJson writes the non-finite doubles as strings.
	if (Number.isNaN(n)) return typeof value === 'number' || value === 'NaN' ? 'NaN' : undefined;
	return n > 0 ? 'Infinity' : '-Infinity';
}

/** One value of an engine's output in awsJson form; undefined means "leave the member out". */
export function writeJson(model: ServiceModel, ref: string, value: unknown, format?: string): JsonValue | undefined {
	if (value === undefined || value === null) return undefined;
	const r = resolve(model, ref);
	if (r.kind === 'scalar') {
		switch (r.type) {
			case 'string':
				return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
			case 'boolean':
				return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined;
			case 'timestamp':
				return timestamp(value, format ?? r.timestampFormat);
			case 'blob':
				return value instanceof Uint8Array ? toBase64(value) : typeof value === 'string' ? value : undefined;
			default:
				return numeric(value);
		}
	}
	const shape = r.shape;
	if (shape.type === 'list') {
		if (!Array.isArray(value)) return undefined;
		return value.map((v) => writeJson(model, shape.member, v)).filter((v): v is JsonValue => v !== undefined);
	}
	if (!isRecord(value)) return undefined;
	const out: { [key: string]: JsonValue } = {};
	if (shape.type === 'map') {
		for (const [k, v] of Object.entries(value)) {
			const w = writeJson(model, shape.value, v);
			if (w !== undefined) setOwn(out, k, w);
		}
		return out;
	}
	for (const m of shape.members) {
		const traits = memberTraits(m);
		const w = writeJson(model, memberRef(m), value[memberName(m)], traits.timestampFormat);
		if (w !== undefined) out[memberName(m)] = w;
	}
	return out;
}
