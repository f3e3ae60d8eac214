// Requests reach the engine from the terminal, the wire protocols and lab files, so nothing about
// their shape is trusted: each field is checked here and a bad one becomes AWS's
// InvalidParameterException naming the parameter.
import { InvalidParameterException } from './errors';

export type Input = Record<string, unknown>;

export function asInput(value: unknown): Input {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new InvalidParameterException('The request must be a JSON object');
	}
	return value as Input;
}

const field = (input: Input, name: string) => (Object.prototype.hasOwnProperty.call(input, name) ? input[name] : undefined);

export function optionalString(input: Input, name: string, param = name): string | undefined {
	const v = field(input, name);
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'string') throw InvalidParameterException.at(param, 'must be a string');
	return v;
}

export function requiredString(input: Input, name: string, param = name): string {
	const v = optionalString(input, name, param);
	if (v === undefined) throw InvalidParameterException.at(param, 'must not be null');
	return v;
}

export function optionalBoolean(input: Input, name: string, param = name): boolean | undefined {
	const v = field(input, name);
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'boolean') throw InvalidParameterException.at(param, 'must be a boolean');
	return v;
}

export function optionalInteger(input: Input, name: string, min: number, max: number, param = name): number | undefined {
	const v = field(input, name);
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'number' || !Number.isInteger(v)) throw InvalidParameterException.at(param, 'must be an integer');
	if (v < min) throw InvalidParameterException.at(param, `must have value greater than or equal to ${min}`);
	if (v > max) throw InvalidParameterException.at(param, `must have value less than or equal to ${max}`);
	return v;
}

export function optionalEnum<T extends string>(input: Input, name: string, values: readonly T[], param = name): T | undefined {
	const v = optionalString(input, name, param);
	if (v === undefined) return undefined;
	if (!(values as readonly string[]).includes(v)) throw InvalidParameterException.at(param, `must satisfy enum value set: [${values.join(', ')}]`);
	return v as T;
}

export function optionalObject(input: Input, name: string, param = name): Input | undefined {
	const v = field(input, name);
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'object' || Array.isArray(v)) throw InvalidParameterException.at(param, 'must be a structure');
	return v as Input;
}

export function optionalList(input: Input, name: string, min: number, max: number, param = name): unknown[] | undefined {
	const v = field(input, name);
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v)) throw InvalidParameterException.at(param, 'must be a list');
	if (v.length < min) throw InvalidParameterException.at(param, `must have length greater than or equal to ${min}`);
	if (v.length > max) throw InvalidParameterException.at(param, `must have length less than or equal to ${max}`);
	return v;
}

/** Opaque page tokens: the position after which the next page starts. */
export function encodeToken(position: number): string {
	return btoa(JSON.stringify({ p: position }));
}

export function decodeToken(token: string | undefined): number {
	if (token === undefined) return 0;
	try {
		const p = (JSON.parse(atob(token)) as { p?: unknown }).p;
		if (typeof p === 'number' && Number.isInteger(p) && p >= 0) return p;
	} catch {
		// fall through to the error below
	}
	throw InvalidParameterException.at('nextToken', 'Invalid NextToken');
}
