// Reading AssumeRole's and GetSessionToken's members as STS's API model constrains them
// (botocore sts 2011-06-15: arnType, roleSessionNameType, roleDurationSecondsType,
// externalIdType, durationSecondsType), with the Coral ValidationError wording AWS uses.
import { ValidationError } from '../identity/errors';
import { asInput, type Input } from '../identity/input';

export interface AssumeRoleInput {
	roleArn: string;
	roleSessionName: string;
	durationSeconds?: number;
	externalId?: string;
	policy?: string;
}

const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;
/** The characters a session policy may hold: tab, line feed, carriage return, space to U+00FF. */
const POLICY_TEXT = /^[\t\n\r\u0020-\u00FF]+$/;

function text(input: Input, key: string, member: string, min: number, max: number, pattern?: { re: RegExp; shown: string }): string | undefined {
	const v = input[key];
	if (v === undefined) return undefined;
	if (typeof v !== 'string') throw ValidationError.member(member, v, 'Member must be a string');
	if (v.length < min) throw ValidationError.member(member, v, `Member must have length greater than or equal to ${min}`);
	if (v.length > max) throw ValidationError.member(member, v, `Member must have length less than or equal to ${max}`);
	if (pattern && !pattern.re.test(v)) throw ValidationError.member(member, v, `Member must satisfy regular expression pattern: ${pattern.shown}`);
	return v;
}

function required(value: string | undefined, member: string): string {
	if (value === undefined) throw ValidationError.member(member, 'null', 'Member must not be null');
	return value;
}

/** An optional whole number of seconds within the model's range. */
export function seconds(input: Input, min: number, max: number): number | undefined {
	const v = input.DurationSeconds;
	if (v === undefined) return undefined;
	if (typeof v !== 'number' || !Number.isInteger(v)) throw ValidationError.member('durationSeconds', v, 'Member must be an integer');
	if (v < min) throw ValidationError.member('durationSeconds', v, `Member must have value greater than or equal to ${min}`);
	if (v > max) throw ValidationError.member('durationSeconds', v, `Member must have value less than or equal to ${max}`);
	return v;
}

export function assumeRoleInput(raw: unknown): AssumeRoleInput {
	const input = asInput(raw);
	const roleArn = required(text(input, 'RoleArn', 'roleArn', 20, 2048), 'roleArn');
	const roleSessionName = required(text(input, 'RoleSessionName', 'roleSessionName', 2, 64, { re: SESSION_NAME, shown: '[\\w+=,.@-]*' }), 'roleSessionName');
	const durationSeconds = seconds(input, 900, 43200);
	const externalId = text(input, 'ExternalId', 'externalId', 2, 1224, { re: EXTERNAL_ID, shown: '[\\w+=,.@:\\/-]*' });
	// STS documents 2,048 plaintext characters; today's model no longer states the cap, older ones
	// did (max 2048), so the Coral wording for it is unverified.
	const policy = text(input, 'Policy', 'policy', 1, 2048, { re: POLICY_TEXT, shown: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' });
	return {
		roleArn,
		roleSessionName,
		...(durationSeconds !== undefined ? { durationSeconds } : {}),
		...(externalId !== undefined ? { externalId } : {}),
		...(policy !== undefined ? { policy } : {})
	};
}
