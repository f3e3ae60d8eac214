// Reading an IAM request's members the way IAM's API model does: anything that breaks the model
// is a ValidationError in AWS's Coral wording ("1 validation error detected: Value '...' at
// 'member' failed to satisfy constraint: ..."), never a TypeError.
import { ValidationError } from './errors';
import type { TagState } from './state';

export type Input = Record<string, unknown>;

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^\/(?:[\u0021-\u007E]*\/)?$/;
const VERSION_ID = /^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/;

/** The request members' name as the model spells it (`UserName` -> `userName`). */
const memberName = (key: string) => key.charAt(0).toLowerCase() + key.slice(1);

export function asInput(raw: unknown): Input {
	if (raw === null || raw === undefined) return {};
	if (typeof raw !== 'object' || Array.isArray(raw)) throw new ValidationError('The request must be a structure of named parameters.');
	return raw as Input;
}

/** A required entity name (user, role, group or policy name). */
export function name(input: Input, key: string, max: number): string {
	const v = input[key];
	const member = memberName(key);
	if (typeof v !== 'string') throw ValidationError.member(member, 'null', 'Member must not be null');
	if (v.length < 1 || v.length > max) throw ValidationError.member(member, v, `Member must have length ${v.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${max}`}`);
	if (!NAME.test(v)) throw ValidationError.member(member, v, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
	return v;
}

export function path(input: Input): string {
	const v = input.Path;
	if (v === undefined) return '/';
	if (typeof v !== 'string' || v.length > 512 || !PATH.test(v)) {
		throw ValidationError.member('path', v, 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
	}
	return v;
}

/** An optional UserName (the access key operations act on the caller's own user without one). */
export function optionalName(input: Input, key: string, max: number): string | undefined {
	return input[key] === undefined ? undefined : name(input, key, max);
}

const ACCESS_KEY_ID = /^\w+$/;

/** A required AccessKeyId: 16 to 128 word characters (accessKeyIdType). */
export function accessKeyIdOf(input: Input): string {
	const v = input.AccessKeyId;
	if (typeof v !== 'string') throw ValidationError.member('accessKeyId', 'null', 'Member must not be null');
	if (v.length < 16 || v.length > 128) throw ValidationError.member('accessKeyId', v, `Member must have length ${v.length < 16 ? 'greater than or equal to 16' : 'less than or equal to 128'}`);
	if (!ACCESS_KEY_ID.test(v)) throw ValidationError.member('accessKeyId', v, 'Member must satisfy regular expression pattern: [\\w]+');
	return v;
}

/** A required policy document (inline, managed or trust). */
export function text(input: Input, key: string): string {
	const v = input[key];
	const member = memberName(key);
	if (typeof v !== 'string') throw ValidationError.member(member, 'null', 'Member must not be null');
	if (v.length < 1 || v.length > 131072) throw ValidationError.member(member, v.slice(0, 64), 'Member must have length less than or equal to 131072');
	return v;
}

/** IAM counts policy size without whitespace. */
export const policySize = (doc: string) => doc.replace(/\s/g, '').length;

export function policyArn(input: Input): string {
	const v = input.PolicyArn;
	if (typeof v !== 'string') throw ValidationError.member('policyArn', 'null', 'Member must not be null');
	if (v.length < 20 || v.length > 2048) throw ValidationError.member('policyArn', v, 'Member must have length greater than or equal to 20');
	return v;
}

export function versionId(input: Input): string {
	const v = input.VersionId;
	if (typeof v !== 'string') throw ValidationError.member('versionId', 'null', 'Member must not be null');
	if (!VERSION_ID.test(v)) throw ValidationError.member('versionId', v, 'Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?');
	return v;
}

/** An optional role description (0 to 1000 characters). */
export function description(input: Input): string | undefined {
	const v = input.Description;
	if (v === undefined) return undefined;
	if (typeof v !== 'string' || v.length > 1000) throw ValidationError.member('description', v, 'Member must have length less than or equal to 1000');
	return v;
}

/** An optional role MaxSessionDuration: 3600 to 43200 seconds. */
export function maxSessionDuration(input: Input): number | undefined {
	const v = input.MaxSessionDuration;
	if (v === undefined) return undefined;
	if (typeof v !== 'number' || !Number.isInteger(v)) throw ValidationError.member('maxSessionDuration', v, 'Member must have value greater than or equal to 3600');
	if (v < 3600) throw ValidationError.member('maxSessionDuration', v, 'Member must have value greater than or equal to 3600');
	if (v > 43200) throw ValidationError.member('maxSessionDuration', v, 'Member must have value less than or equal to 43200');
	return v;
}

export function optionalBoolean(input: Input, key: string): boolean | undefined {
	const v = input[key];
	if (v === undefined) return undefined;
	if (typeof v !== 'boolean') throw ValidationError.member(memberName(key), v, 'Member must be a boolean');
	return v;
}

/** An optional enumeration member (ListPolicies' Scope, ListEntitiesForPolicy's EntityFilter). */
export function oneOf<T extends string>(input: Input, key: string, allowed: readonly T[]): T | undefined {
	const v = input[key];
	if (v === undefined) return undefined;
	if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
		throw ValidationError.member(memberName(key), v, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
	}
	return v as T;
}

const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;

/** A Tags list (CreateUser, CreateRole, TagRole, TagUser): 0 to 50 {Key, Value}. */
export function tags(input: Input, required: boolean): TagState[] {
	const v = input.Tags;
	if (v === undefined && !required) return [];
	if (!Array.isArray(v)) throw ValidationError.member('tags', 'null', 'Member must not be null');
	if (v.length > 50) throw ValidationError.member('tags', `[${v.length} tags]`, 'Member must have length less than or equal to 50');
	return v.map((t: unknown, i) => {
		const tag = (t !== null && typeof t === 'object' ? t : {}) as Record<string, unknown>;
		const at = `tags.${i + 1}.member`;
		if (typeof tag.Key !== 'string') throw ValidationError.member(`${at}.key`, 'null', 'Member must not be null');
		if (typeof tag.Value !== 'string') throw ValidationError.member(`${at}.value`, 'null', 'Member must not be null');
		if (tag.Key.length < 1 || tag.Key.length > 128) throw ValidationError.member(`${at}.key`, tag.Key, 'Member must have length less than or equal to 128');
		if (!TAG_KEY.test(tag.Key)) throw ValidationError.member(`${at}.key`, tag.Key, 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+');
		if (tag.Value.length > 256) throw ValidationError.member(`${at}.value`, tag.Value, 'Member must have length less than or equal to 256');
		return { Key: tag.Key, Value: tag.Value };
	});
}

/** UntagRole / UntagUser's TagKeys: 1 to 50 keys. */
export function tagKeys(input: Input): string[] {
	const v = input.TagKeys;
	if (!Array.isArray(v)) throw ValidationError.member('tagKeys', 'null', 'Member must not be null');
	if (v.length > 50) throw ValidationError.member('tagKeys', `[${v.length} keys]`, 'Member must have length less than or equal to 50');
	return v.map((k: unknown) => {
		if (typeof k !== 'string' || k.length < 1 || k.length > 128 || !TAG_KEY.test(k)) {
			throw ValidationError.member('tagKeys', k, 'Member must satisfy constraint: [Member must have length less than or equal to 128, Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+]');
		}
		return k;
	});
}
