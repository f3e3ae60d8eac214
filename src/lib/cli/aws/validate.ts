// botocore's client-side ParamValidator, which the CLI runs before sending: missing and unknown
// members, Python types, and the model's `min` (botocore checks min only; max and enums are left
// to the service, so the engine reports those). All errors are reported together.
import type { CliModel, CliShape } from './models/types';
import { shapeOf, type Json } from './args';

const PY_TYPE: Record<string, string> = {
	string: "<class 'str'>",
	integer: "<class 'int'>",
	long: "<class 'int'>",
	boolean: "<class 'bool'>",
	structure: "<class 'dict'>",
	map: "<class 'dict'>",
	list: "<class 'list'>, <class 'tuple'>",
	float: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
	double: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
	timestamp: "<class 'datetime.datetime'>, timestamp string",
	blob: "<class 'bytes'>, <class 'bytearray'>, file-like object"
};

function pyTypeOf(v: Json): string {
	if (v === null) return "<class 'NoneType'>";
	if (Array.isArray(v)) return "<class 'list'>";
	if (typeof v === 'object') return "<class 'dict'>";
	if (typeof v === 'boolean') return "<class 'bool'>";
	if (typeof v === 'number') return Number.isInteger(v) ? "<class 'int'>" : "<class 'float'>";
	return "<class 'str'>";
}

function pyStr(v: Json): string {
	if (v === null) return 'None';
	if (typeof v === 'boolean') return v ? 'True' : 'False';
	if (typeof v === 'object') return JSON.stringify(v);
	return String(v);
}

export function validateInput(model: CliModel, inputShape: string | null, input: Record<string, Json>): string[] {
	const errors: string[] = [];
	if (inputShape) check(model, shapeOf(model, inputShape), input, '', errors);
	return errors;
}

function check(model: CliModel, shape: CliShape, v: Json, name: string, errors: string[]): void {
	const label = name || 'input';
	const typeError = () => errors.push(`Invalid type for parameter ${name}, value: ${pyStr(v)}, type: ${pyTypeOf(v)}, valid types: ${PY_TYPE[shape.type] ?? shape.type}`);
	switch (shape.type) {
		case 'structure': {
			if (v === null || typeof v !== 'object' || Array.isArray(v)) return void typeError();
			for (const r of shape.required ?? []) if (!(r in v)) errors.push(`Missing required parameter in ${label}: "${r}"`);
			const members = new Map(shape.members ?? []);
			for (const [k, child] of Object.entries(v)) {
				const ref = members.get(k);
				if (!ref) errors.push(`Unknown parameter in ${label}: "${k}", must be one of: ${[...members.keys()].join(', ')}`);
				else check(model, shapeOf(model, ref), child, name ? `${name}.${k}` : k, errors);
			}
			return;
		}
		case 'list': {
			if (!Array.isArray(v)) return void typeError();
			if (shape.min !== undefined && v.length < shape.min) errors.push(`Invalid length for parameter ${name}, value: ${v.length}, valid min length: ${shape.min}`);
			v.forEach((item, i) => check(model, shapeOf(model, shape.member ?? ''), item, `${name}[${i}]`, errors));
			return;
		}
		case 'map': {
			if (v === null || typeof v !== 'object' || Array.isArray(v)) return void typeError();
			for (const [k, child] of Object.entries(v)) check(model, shapeOf(model, shape.value ?? ''), child, `${name}.${k}`, errors);
			return;
		}
		case 'string':
			if (typeof v !== 'string') return void typeError();
			if (shape.min !== undefined && v.length < shape.min) errors.push(`Invalid length for parameter ${name}, value: ${v.length}, valid min length: ${shape.min}`);
			return;
		case 'integer':
		case 'long':
			if (typeof v !== 'number' || !Number.isInteger(v)) return void typeError();
			if (shape.min !== undefined && v < shape.min) errors.push(`Invalid value for parameter ${name}, value: ${v}, valid min value: ${shape.min}`);
			return;
		case 'boolean':
			if (typeof v !== 'boolean') typeError();
			return;
		case 'float':
		case 'double':
			if (typeof v !== 'number') typeError();
			return;
		default:
			return;
	}
}
