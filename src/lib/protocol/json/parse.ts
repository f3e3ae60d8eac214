// awsJson request bodies into the engines' input shapes, following the service model: timestamps
// (epoch seconds by default) become Date, base64 blobs become bytes, members the model does not
// know are dropped. A value of the wrong JSON type is AWS's SerializationException (HTTP 400)
// (the message wording is ours: unverified).
import { fromBase64 } from '../base64';
import { ProtocolError } from '../errors';
import { setOwn } from '../own';
import { memberName, memberRef, memberTraits, resolve, type ServiceModel } from '../models/shapes';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const serialization = (path: string, expected: string) =>
	new ProtocolError('SerializationException', `Expected ${expected} at '${path || '$'}'.`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a JSON body; an empty body counts as `{}` (unverified: the SDKs always send `{}`). */
export function parseJsonBody(text: string): Record<string, unknown> {
	if (text.trim() === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(text) as Json;
	} catch {
		throw new ProtocolError('SerializationException', 'The request body is not valid JSON.');
	}
	if (!isObject(value)) throw serialization('', 'a JSON object');
	return value;
}

function timestamp(value: unknown, path: string): Date {
	// Epoch seconds is the awsJson default; an ISO-8601 string is accepted too (the trait may say so).
	const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : NaN;
	if (!Number.isFinite(ms)) throw serialization(path, 'a timestamp');
	return new Date(ms);
}

function number(value: unknown, path: string, integer: boolean): number {
	if (typeof value === 'number' && (!integer || Number.isInteger(value))) return value;
	// awsJson writes the non-finite doubles as strings.
	if (!integer && (value === 'NaN' || value === 'Infinity' || value === '-Infinity')) return Number(value);
	throw serialization(path, integer ? 'an integer' : 'a number');
}

/** One value of the request converted to what the engines take. */
export function readJson(model: ServiceModel, ref: string, value: unknown, path: string): unknown {
	const r = resolve(model, ref);
	if (r.kind === 'scalar') {
		switch (r.type) {
			case 'string':
				if (typeof value !== 'string') throw serialization(path, 'a string');
				return value;
			case 'boolean':
				if (typeof value !== 'boolean') throw serialization(path, 'a boolean');
				return value;
			case 'integer':
			case 'long':
			case 'biginteger':
				return number(value, path, true);
			case 'float':
			case 'double':
			case 'bigdecimal':
				return number(value, path, false);
			case 'timestamp':
				return timestamp(value, path);
			case 'blob': {
				const bytes = typeof value === 'string' ? fromBase64(value) : undefined;
				if (!bytes) throw serialization(path, 'base64-encoded bytes');
				return bytes;
			}
		}
	}
	const shape = r.shape;
	if (shape.type === 'list') {
		if (!Array.isArray(value)) throw serialization(path, 'a list');
		return value.filter((v) => v !== null).map((v, i) => readJson(model, shape.member, v, `${path}[${i}]`));
	}
	if (!isObject(value)) throw serialization(path, shape.type === 'map' ? 'a map' : 'a structure');
	const out: Record<string, unknown> = {};
	if (shape.type === 'map') {
		for (const [k, v] of Object.entries(value)) if (v !== null) setOwn(out, k, readJson(model, shape.value, v, `${path}.${k}`));
		return out;
	}
	for (const m of shape.members) {
		const name = memberName(m);
		if (!Object.prototype.hasOwnProperty.call(value, name) || value[name] === null) continue;
		const v = value[name];
		// jsonvalue members carry JSON text; a client may send the document itself.
		out[name] = memberTraits(m).jsonvalue && typeof v !== 'string' ? JSON.stringify(v) : readJson(model, memberRef(m), v, path ? `${path}.${name}` : name);
	}
	return out;
}
