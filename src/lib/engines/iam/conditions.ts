// Condition operators, evaluated the way the IAM docs describe them:
// - operators AND, keys under one operator AND, values of one key OR; a negated operator
//   (StringNotEquals, NotIpAddress, ...) holds when the request value matches none of them (NOR);
// - a key missing from the request makes a positive operator false and a negated one true,
//   except `...IfExists` (true when missing) and Null (tests presence itself);
// - ForAllValues holds when every request value passes (so also for a missing key or an empty
//   set); ForAnyValue when at least one does (so never for a missing key).
// Each clause reports what it compared and why it held or not: the explainer shows that text.
import { compileArnPattern, matchArn, splitArn, type ArnMatcher } from './arn';
import { parseIamDate } from './dates';
import { cidrContains, parseCidr, parseIp, type Cidr } from './ip';
import { NEGATED } from './operators';
import type { BaseOperator, ConditionClause, PolicyVersion } from './policy';
import { compileGlob, hasVariables, matchGlob, resolveVariables, tokenize, tokensToText, type Glob, type Token } from './wildcard';

/** What a clause sees of the request: values by lower-cased key; undefined when the key is absent. */
export interface ConditionContext {
	get(keyLower: string): string[] | undefined;
	/** The single value of a key, for policy variables (multi-valued keys cannot be variables). */
	variable(keyLower: string): string | undefined;
}

export interface ConditionOutcome {
	operator: string;
	key: string;
	policyValues: string[];
	/** undefined: the key is not in the request. */
	requestValues: string[] | undefined;
	passed: boolean;
	/** One sentence: what was compared and why the clause held or failed. */
	reason: string;
}

type Family = 'string' | 'stringIgnoreCase' | 'like' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

const FAMILY: Record<BaseOperator, Family> = {
	StringEquals: 'string',
	StringNotEquals: 'string',
	StringEqualsIgnoreCase: 'stringIgnoreCase',
	StringNotEqualsIgnoreCase: 'stringIgnoreCase',
	StringLike: 'like',
	StringNotLike: 'like',
	NumericEquals: 'numeric',
	NumericNotEquals: 'numeric',
	NumericLessThan: 'numeric',
	NumericLessThanEquals: 'numeric',
	NumericGreaterThan: 'numeric',
	NumericGreaterThanEquals: 'numeric',
	DateEquals: 'date',
	DateNotEquals: 'date',
	DateLessThan: 'date',
	DateLessThanEquals: 'date',
	DateGreaterThan: 'date',
	DateGreaterThanEquals: 'date',
	Bool: 'bool',
	BinaryEquals: 'binary',
	IpAddress: 'ip',
	NotIpAddress: 'ip',
	ArnEquals: 'arn',
	ArnLike: 'arn',
	ArnNotEquals: 'arn',
	ArnNotLike: 'arn',
	Null: 'null'
};

/** Families whose values may hold policy variables (IAM docs: String, ARN and Boolean operators). */
const VARIABLE_FAMILIES: ReadonlySet<Family> = new Set<Family>(['string', 'stringIgnoreCase', 'like', 'arn', 'bool']);

interface CompiledValue {
	text: string;
	tokens?: Token[];
	/** Ready matcher when the value has no variables. */
	glob?: Glob;
	arn?: ArnMatcher;
	num?: number;
	cidr?: Cidr;
}

export interface CompiledClause {
	clause: ConditionClause;
	keyLower: string;
	family: Family;
	negated: boolean;
	values: CompiledValue[];
	variables: boolean;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const parseNumber = (t: string): number | undefined => (NUMBER.test(t.trim()) ? Number(t) : undefined);

export function compileClause(clause: ConditionClause, version: PolicyVersion | undefined): CompiledClause {
	const family = FAMILY[clause.base];
	const withVariables = version === '2012-10-17' && VARIABLE_FAMILIES.has(family);
	let variables = false;
	const values = clause.values.map((text): CompiledValue => {
		const v: CompiledValue = { text };
		if (family === 'numeric') v.num = parseNumber(text);
		else if (family === 'date') v.num = parseIamDate(text);
		else if (family === 'ip') v.cidr = parseCidr(text);
		else if (family === 'like' || family === 'arn' || withVariables) {
			const tokens = tokenize(text, { wildcards: family === 'like' || family === 'arn', variables: withVariables });
			if (hasVariables(tokens)) {
				variables = true;
				v.tokens = tokens;
			} else if (family === 'like') v.glob = compileGlob(tokens);
			else if (family === 'arn') v.arn = compileArnPattern(tokens);
			else v.text = tokensToText(tokens);
		}
		return v;
	});
	return { clause, keyLower: clause.key.toLowerCase(), family, negated: NEGATED.has(clause.base), values, variables };
}

/** Policy values with their variables filled in; a value whose variable is missing matches nothing. */
function resolved(c: CompiledClause, ctx: ConditionContext): (CompiledValue | undefined)[] {
	if (!c.variables) return c.values;
	return c.values.map((v) => {
		if (!v.tokens) return v;
		const tokens = resolveVariables(v.tokens, (key) => ctx.variable(key.toLowerCase()));
		if (!tokens) return undefined;
		if (c.family === 'like') return { text: v.text, glob: compileGlob(tokens) };
		if (c.family === 'arn') return { text: v.text, arn: compileArnPattern(tokens) };
		return { text: tokensToText(tokens) };
	});
}

function compare(op: BaseOperator, a: number, b: number): boolean {
	if (op.endsWith('LessThan')) return a < b;
	if (op.endsWith('LessThanEquals')) return a <= b;
	if (op.endsWith('GreaterThan')) return a > b;
	if (op.endsWith('GreaterThanEquals')) return a >= b;
	return a === b;
}

/** Index of the first policy value the request value matches (in the operator's positive sense), or -1. */
function firstMatch(c: CompiledClause, values: (CompiledValue | undefined)[], requestValue: string): number {
	const op = c.clause.base;
	switch (c.family) {
		case 'string':
		case 'binary':
			for (let i = 0; i < values.length; i++) if (values[i]?.text === requestValue) return i;
			return -1;
		case 'stringIgnoreCase':
		case 'bool': {
			const lower = requestValue.toLowerCase();
			for (let i = 0; i < values.length; i++) if (values[i]?.text.toLowerCase() === lower) return i;
			return -1;
		}
		case 'like':
			for (let i = 0; i < values.length; i++) {
				const glob = values[i]?.glob;
				if (glob && matchGlob(glob, requestValue)) return i;
			}
			return -1;
		case 'arn': {
			const parts = splitArn(requestValue);
			for (let i = 0; i < values.length; i++) {
				const arn = values[i]?.arn;
				if (arn && matchArn(arn, requestValue, parts)) return i;
			}
			return -1;
		}
		case 'numeric':
		case 'date': {
			const n = c.family === 'numeric' ? parseNumber(requestValue) : parseIamDate(requestValue);
			if (n === undefined) return -1;
			for (let i = 0; i < values.length; i++) {
				const num = values[i]?.num;
				if (num !== undefined && compare(op, n, num)) return i;
			}
			return -1;
		}
		case 'ip': {
			const ip = parseIp(requestValue);
			if (!ip) return -1;
			for (let i = 0; i < values.length; i++) {
				const cidr = values[i]?.cidr;
				if (cidr && cidrContains(cidr, ip)) return i;
			}
			return -1;
		}
		case 'null':
			return -1;
	}
}

type MissingRule = 'ifExists' | 'forAll' | 'forAny' | 'negated' | 'positive';

/** What judge() saw, when the caller wants to explain it. */
interface Trace {
	missing?: MissingRule;
	/** The request values judged, with the policy value each matched (-1: none). */
	checked: { v: string; at: number; pass: boolean }[];
}

/**
 * The one place a clause is decided; the fast path and the explainer both call it, so they cannot
 * disagree. A request value "passes" when it matches for a positive operator and when it matches
 * nothing for a negated one; ForAllValues (and a negated operator with no qualifier) needs every
 * value to pass, the others one.
 */
function judge(c: CompiledClause, ctx: ConditionContext, trace?: Trace): boolean {
	const { clause } = c;
	const requestValues = ctx.get(c.keyLower);
	const present = requestValues !== undefined && requestValues.length > 0;
	if (clause.base === 'Null') {
		const wanted = present ? 'false' : 'true';
		return clause.values.some((v) => v.toLowerCase() === wanted);
	}
	if (!present) {
		const rule: MissingRule = clause.ifExists ? 'ifExists' : clause.qualifier === 'ForAllValues' ? 'forAll' : clause.qualifier === 'ForAnyValue' ? 'forAny' : c.negated ? 'negated' : 'positive';
		if (trace) trace.missing = rule;
		return rule === 'ifExists' || rule === 'forAll' || rule === 'negated';
	}
	const values = resolved(c, ctx);
	const every = clause.qualifier === 'ForAllValues' || (!clause.qualifier && c.negated);
	for (const v of requestValues) {
		const at = firstMatch(c, values, v);
		const pass = c.negated ? at === -1 : at !== -1;
		trace?.checked.push({ v, at, pass });
		if (every && !pass) return false;
		if (!every && pass) return true;
	}
	return every;
}

/** Whether the clause holds; no explanation (the hot path of every API call). */
export const clauseHolds = (c: CompiledClause, ctx: ConditionContext): boolean => judge(c, ctx);

const quote = (s: string) => `"${s}"`;
const list = (values: string[]) => (values.length === 1 ? quote(values[0] as string) : `[${values.map(quote).join(', ')}]`);

const MISSING_REASON: Record<MissingRule, string> = {
	ifExists: 'the key is not in the request, and ...IfExists treats a missing key as a match',
	forAll: 'the key is not in the request, and ForAllValues holds for an empty set',
	forAny: 'the key is not in the request, and ForAnyValue needs at least one value',
	negated: 'the key is not in the request, and a negated operator holds when its key is missing',
	positive: 'the key is not in the request, so nothing can match'
};

export function evaluateClause(c: CompiledClause, ctx: ConditionContext): ConditionOutcome {
	const { clause } = c;
	const trace: Trace = { checked: [] };
	const passed = judge(c, ctx, trace);
	const raw = ctx.get(c.keyLower);
	const requestValues = raw !== undefined && raw.length > 0 ? raw : undefined;
	const head = `${clause.operator} on ${clause.key}`;
	let reason: string;
	if (clause.base === 'Null') {
		const state = requestValues ? `is in the request (${list(requestValues)})` : 'is not in the request';
		reason = `${head}: the key ${state}, and Null ${list(clause.values)} ${passed ? 'accepts' : 'rejects'} that`;
	} else if (trace.missing) {
		reason = `${head}: ${MISSING_REASON[trace.missing]}${trace.missing === 'positive' ? ` ${list(clause.values)}` : ''}`;
	} else {
		const describe = (v: string, at: number) =>
			at >= 0 ? `${quote(v)} matches ${quote(clause.values[at] as string)}` : `${quote(v)} matches none of ${list(clause.values)}${unusableValue(c, v)}`;
		// Show the value that settled it: the first failure when every value had to pass, the first
		// success when one was enough; otherwise all of them.
		const every = clause.qualifier === 'ForAllValues' || (!clause.qualifier && c.negated);
		const last = trace.checked[trace.checked.length - 1];
		const settled = last && passed !== every ? [last] : trace.checked;
		const prefix = clause.qualifier ? `${clause.qualifier}: ` : '';
		reason = `${head}: ${prefix}request value ${settled.map((r) => describe(r.v, r.at)).join('; ')}, so the condition ${passed ? 'holds' : 'fails'}`;
	}
	return { operator: clause.operator, key: clause.key, policyValues: clause.values, requestValues, passed, reason };
}

function unusableValue(c: CompiledClause, requestValue: string): string {
	if (c.family === 'numeric' && parseNumber(requestValue) === undefined) return ' (the request value is not a number)';
	if (c.family === 'date' && parseIamDate(requestValue) === undefined) return ' (the request value is not a date)';
	if (c.family === 'ip' && !parseIp(requestValue)) return ' (the request value is not an IP address)';
	const bad = c.values.filter((v) => (c.family === 'ip' && !v.cidr) || ((c.family === 'numeric' || c.family === 'date') && v.num === undefined));
	if (bad.length) return ` (policy value ${list(bad.map((v) => v.text))} cannot be read as ${c.family === 'ip' ? 'an IP range' : `a ${c.family}`})`;
	return '';
}
