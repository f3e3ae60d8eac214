// Reading the request members StackSets calls share: names, accounts, Regions, OperationId,
// OperationPreferences and parameter lists, with the API Reference's constraints.
import type { Parameter } from '@aws-sdk/client-cloudformation';
import { REGIONS } from '../../world-constants';
import { ValidationError } from '../errors';
import { obj, str } from '../stacks/context';
import { suppliedParameters } from '../stacks/operations';
import { MESSAGES } from './messages';
import type { PreferencesRecord } from './state';

/** API Reference, CreateStackSet: `^[a-zA-Z][a-zA-Z0-9-]{0,127}$`. */
const STACK_SET_NAME = /^[a-zA-Z][a-zA-Z0-9-]{0,127}$/;
const ACCOUNT = /^[0-9]{12}$/;
/** API Reference, OperationId: `[a-zA-Z0-9][-a-zA-Z0-9]*`, 1 to 128 characters. */
const OPERATION_ID = /^[a-zA-Z0-9][-a-zA-Z0-9]{0,127}$/;

export function stackSetName(raw: unknown): string {
	const name = str(raw) ?? '';
	if (!STACK_SET_NAME.test(name)) {
		throw new ValidationError(MESSAGES.constraint(name, 'stackSetName', 'Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*'));
	}
	return name;
}

function stringList(raw: unknown, member: string): string[] {
	if (raw === undefined) return [];
	if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) throw new ValidationError(MESSAGES.constraint(String(raw), member, 'Member must be a list of strings'));
	return [...new Set(raw as string[])];
}

export function accounts(raw: unknown, required: boolean): string[] {
	const list = stringList(raw, 'accounts');
	const bad = list.find((a) => !ACCOUNT.test(a));
	if (bad !== undefined) {
		throw new ValidationError(MESSAGES.constraint(`[${list.join(', ')}]`, 'accounts', 'Member must satisfy constraint: [Member must satisfy regular expression pattern: ^[0-9]{12}$]'));
	}
	if (required && list.length === 0) throw new ValidationError(MESSAGES.accountsRequired);
	return list;
}

export function regions(raw: unknown, required: boolean): string[] {
	const list = stringList(raw, 'regions');
	if (required && list.length === 0) throw new ValidationError(MESSAGES.regionsRequired);
	const unknown = list.find((r) => !(REGIONS as readonly string[]).includes(r));
	if (unknown !== undefined) throw new ValidationError(MESSAGES.unknownRegion(unknown, REGIONS));
	return list;
}

export function operationId(raw: unknown): string | undefined {
	if (raw === undefined) return undefined;
	const id = str(raw) ?? '';
	if (!OPERATION_ID.test(id)) throw new ValidationError(MESSAGES.constraint(id, 'operationId', 'Member must satisfy regular expression pattern: [a-zA-Z0-9][-a-zA-Z0-9]*'));
	return id;
}

function wholeNumber(raw: unknown, member: string, min: number, max: number): number | undefined {
	if (raw === undefined) return undefined;
	const fail = (rule: string) => new ValidationError(MESSAGES.constraint(String(raw), member, rule));
	if (typeof raw !== 'number' || !Number.isInteger(raw)) throw fail('Member must be an integer');
	if (raw < min) throw fail(`Member must have value greater than or equal to ${min}`);
	if (raw > max) throw fail(`Member must have value less than or equal to ${max}`);
	return raw;
}

function oneOf<T extends string>(raw: unknown, member: string, values: readonly T[]): T | undefined {
	if (raw === undefined) return undefined;
	if (typeof raw !== 'string' || !(values as readonly string[]).includes(raw)) {
		throw new ValidationError(MESSAGES.constraint(String(raw), member, `Member must satisfy enum value set: [${values.join(', ')}]`));
	}
	return raw as T;
}

/** OperationPreferences, checked as AWS checks them; ranges are the API Reference's. */
export function preferences(raw: unknown): PreferencesRecord {
	const p = obj(raw);
	const failureToleranceCount = wholeNumber(p['FailureToleranceCount'], 'operationPreferences.failureToleranceCount', 0, Number.MAX_SAFE_INTEGER);
	const failureTolerancePercentage = wholeNumber(p['FailureTolerancePercentage'], 'operationPreferences.failureTolerancePercentage', 0, 100);
	const maxConcurrentCount = wholeNumber(p['MaxConcurrentCount'], 'operationPreferences.maxConcurrentCount', 1, Number.MAX_SAFE_INTEGER);
	const maxConcurrentPercentage = wholeNumber(p['MaxConcurrentPercentage'], 'operationPreferences.maxConcurrentPercentage', 1, 100);
	if (failureToleranceCount !== undefined && failureTolerancePercentage !== undefined) throw new ValidationError(MESSAGES.bothFailureTolerances);
	if (maxConcurrentCount !== undefined && maxConcurrentPercentage !== undefined) throw new ValidationError(MESSAGES.bothMaxConcurrent);
	const regionConcurrencyType = oneOf(p['RegionConcurrencyType'], 'operationPreferences.regionConcurrencyType', ['SEQUENTIAL', 'PARALLEL'] as const);
	const concurrencyMode = oneOf(p['ConcurrencyMode'], 'operationPreferences.concurrencyMode', ['STRICT_FAILURE_TOLERANCE', 'SOFT_FAILURE_TOLERANCE'] as const);
	const regionOrder = regions(p['RegionOrder'], false);
	return {
		...(regionConcurrencyType !== undefined ? { regionConcurrencyType } : {}),
		regionOrder,
		...(failureToleranceCount !== undefined ? { failureToleranceCount } : {}),
		...(failureTolerancePercentage !== undefined ? { failureTolerancePercentage } : {}),
		...(maxConcurrentCount !== undefined ? { maxConcurrentCount } : {}),
		...(maxConcurrentPercentage !== undefined ? { maxConcurrentPercentage } : {}),
		...(concurrencyMode !== undefined ? { concurrencyMode } : {})
	};
}

/** A template given as text; TemplateURL needs S3, which the world does not have. */
export function templateBody(input: Record<string, unknown>): string | undefined {
	if (input['TemplateURL'] !== undefined) throw new ValidationError(MESSAGES.templateUrlNotSupported);
	const body = str(input['TemplateBody']);
	if (body !== undefined && body.length === 0) throw new ValidationError(MESSAGES.constraint('', 'templateBody', 'Member must have length greater than or equal to 1'));
	return body;
}

/** ParameterOverrides as given, checked before anything changes. */
export const parameterList = (raw: unknown): Parameter[] => suppliedParameters(raw);

/** ParameterOverrides applied to one instance (UsePreviousValue keeps its earlier override). */
export function overrides(supplied: readonly Parameter[], previous: readonly { key: string; value: string }[]): { key: string; value: string }[] {
	const out: { key: string; value: string }[] = [];
	for (const p of supplied) {
		if (p.ParameterKey === undefined) continue;
		const value = p.UsePreviousValue ? previous.find((x) => x.key === p.ParameterKey)?.value : p.ParameterValue;
		if (value !== undefined) out.push({ key: p.ParameterKey, value });
	}
	return out;
}
