// Policy documents from text to the normalized Policy, with the errors AWS gives.
//
// Identity policies follow IAM's own validator (CreatePolicy / Put*Policy): it reports only the
// first failing stage, in this order, each with a fixed message: grammar ("Syntax errors in
// policy."), Version, Principal, the "legacy" parser (exact-case Effect, Date values, short
// ARNs), Sids, Action present, Resource present, Resource format, action vendor prefixes. The
// messages and their order follow moto's IAM validator and its test table, which were recorded
// from real IAM responses (AWS documents none of them).
//
// An ECR repository policy gets one message for every fault (SetRepositoryPolicy's
// InvalidParameterException); a generic resource-based policy reuses IAM's messages. Either
// way `detail` on the error says what is wrong.
//
// Safety: the JSON is parsed with JSON.parse, then read only through Object.keys / own
// properties; user-supplied keys are never used to write into an object, and `__proto__` is
// refused outright, so a document cannot pollute prototypes.
import { isValidAwsPrincipal } from './arn';
import { parseIamDate } from './dates';
import { parseOperator } from './operators';
import type { ConditionClause, Effect, MatchElement, Policy, PolicyKind, PolicyVersion, PrincipalElement, Statement } from './policy';
import { PolicyError } from './policy-error';

/** Beyond this the simulator stops reading; AWS's own quotas (6,144 / 10,240 ...) are the operations' business. */
export const MAX_POLICY_CHARS = 1_048_576;

export const REPOSITORY_POLICY_MESSAGE = "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'";

const MSG = {
	syntax: 'Syntax errors in policy.',
	version: 'Policy document must be version 2012-10-17 or greater.',
	principal: 'Policy document should not specify a principal.',
	legacy: 'The policy failed legacy parsing',
	sidUnique: 'Statement IDs (SID) in a single policy must be unique.',
	sidFormat: 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
	actions: 'Policy statement must contain actions.',
	resources: 'Policy statement must contain resources.',
	missingPrincipal: 'Missing required field Principal',
	invalidPrincipal: 'Invalid principal in policy',
	vendor: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
	colon: 'Actions/Condition can contain only one colon.'
} as const;

type Stage = keyof typeof MSG | 'resourceFormat' | 'vendorName' | 'repositoryResource';

function fail(kind: PolicyKind, stage: Stage, detail: string, message?: string): never {
	if (kind === 'repository') throw new PolicyError('InvalidParameterException', REPOSITORY_POLICY_MESSAGE, detail);
	const text = message ?? (stage in MSG ? MSG[stage as keyof typeof MSG] : MSG.syntax);
	throw new PolicyError('MalformedPolicyDocument', text, detail);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const own = (o: JsonObject, key: string): Json | undefined => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);

const has = (o: JsonObject, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

interface RawStatement {
	where: string;
	obj: JsonObject;
	effectText: string;
}

const TOP_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);
const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);

/**
 * Parses a policy document. Throws an AwsError (a PolicyError) for anything AWS would refuse,
 * and never anything else.
 */
export function parsePolicy(text: string, kind: PolicyKind): Policy {
	if (kind !== 'identity' && kind !== 'resource' && kind !== 'repository') {
		throw new PolicyError('InvalidParameterException', `Unknown policy kind ${String(kind)}`, 'kind must be identity, resource or repository');
	}
	if (typeof text !== 'string') fail(kind, 'syntax', 'the policy document is not text');
	if (text.length > MAX_POLICY_CHARS) {
		fail(kind, 'syntax', `the document is ${text.length} characters long; the simulator reads at most ${MAX_POLICY_CHARS}`);
	}
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (e) {
		fail(kind, 'syntax', `the document is not valid JSON (${e instanceof Error ? e.message : 'unreadable'})`);
	}
	return parseDocument(doc, kind);
}

/** Like parsePolicy, for callers that prefer a value to an exception (the editor's live check). */
export function tryParsePolicy(text: string, kind: PolicyKind): { ok: true; policy: Policy } | { ok: false; error: PolicyError } {
	try {
		return { ok: true, policy: parsePolicy(text, kind) };
	} catch (e) {
		if (e instanceof PolicyError) return { ok: false, error: e };
		throw e;
	}
}

function keysOf(o: JsonObject, kind: PolicyKind, where: string): string[] {
	const keys = Object.keys(o);
	if (keys.includes('__proto__')) fail(kind, 'syntax', `${where} has a "__proto__" key`);
	return keys;
}

function stringList(v: Json | undefined, kind: PolicyKind, where: string): string[] {
	if (typeof v === 'string') return [v];
	if (Array.isArray(v)) {
		return v.map((item, i) => {
			if (typeof item !== 'string') fail(kind, 'syntax', `${where}[${i}] must be a string, not ${describe(item)}`);
			return item;
		});
	}
	return fail(kind, 'syntax', `${where} must be a string or a list of strings, not ${describe(v)}`);
}

function describe(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'a list';
	if (typeof v === 'object') return 'an object';
	return `a ${typeof v}`;
}

function parseDocument(doc: unknown, kind: PolicyKind): Policy {
	// Stage 1: grammar.
	if (!isObject(doc)) fail(kind, 'syntax', `the document must be a JSON object, not ${describe(doc)}`);
	for (const key of keysOf(doc, kind, 'the document')) {
		if (!TOP_KEYS.has(key)) fail(kind, 'syntax', `unknown top-level element "${key}" (allowed: Version, Id, Statement)`);
	}
	const versionRaw = own(doc, 'Version');
	let version: PolicyVersion | undefined;
	if (versionRaw !== undefined) {
		if (versionRaw !== '2012-10-17' && versionRaw !== '2008-10-17') {
			fail(kind, 'syntax', `Version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(versionRaw)}`);
		}
		version = versionRaw;
	}
	const idRaw = own(doc, 'Id');
	if (idRaw !== undefined && typeof idRaw !== 'string') fail(kind, 'syntax', `Id must be a string, not ${describe(idRaw)}`);
	const statementRaw = own(doc, 'Statement');
	if (statementRaw === undefined) fail(kind, 'syntax', 'the document has no Statement');
	const list: Json[] = Array.isArray(statementRaw) ? statementRaw : [statementRaw];
	if (list.length === 0) fail(kind, 'syntax', 'Statement is an empty list');
	const raws: RawStatement[] = list.map((s, i) => readStatementShape(s, i, kind));

	// Stage 2: Version (IAM takes no new identity policy in the 2008 language).
	if (kind === 'identity' && version !== '2012-10-17') {
		fail(kind, 'version', version ? `Version is ${version}` : 'the document has no Version, which AWS reads as 2008-10-17');
	}

	// Stage 3: Principal.
	for (const r of raws) {
		const named = has(r.obj, 'Principal') ? 'Principal' : has(r.obj, 'NotPrincipal') ? 'NotPrincipal' : undefined;
		if (kind === 'identity' && named) fail(kind, 'principal', `${r.where} has a ${named} element; an identity policy applies to the identity it is attached to`);
		if (kind !== 'identity' && !named) {
			fail(kind, 'missingPrincipal', `${r.where} has no Principal; a resource-based policy must say whom it applies to`);
		}
	}

	// Stage 4: the legacy parser.
	for (const r of raws) {
		if (r.effectText !== 'Allow' && r.effectText !== 'Deny') fail(kind, 'legacy', `${r.where}: Effect must be written "Allow" or "Deny" exactly, not "${r.effectText}"`);
		for (const clause of readConditions(r, kind)) {
			if (clause.base.startsWith('Date')) {
				for (const v of clause.values) {
					if (parseIamDate(v) === undefined) fail(kind, 'legacy', `${r.where}: ${clause.operator} value "${v}" for ${clause.key} is not an ISO 8601 date or epoch time`);
				}
			}
		}
		for (const element of ['Resource', 'NotResource'] as const) {
			for (const res of has(r.obj, element) ? stringList(own(r.obj, element), kind, `${r.where}.${element}`) : []) {
				// IAM's legacy parser only sees resources whose format is otherwise acceptable.
				if (!resourceFormatProblem(res) && res.includes('::') && res.split(':').length < 6) {
					fail(kind, 'legacy', `${r.where}: ${element} "${res}" has fewer than the six colon-separated parts of an ARN`);
				}
			}
		}
	}

	// Stage 5: statement IDs.
	const seen = new Set<string>();
	for (const r of raws) {
		const sid = own(r.obj, 'Sid');
		if (typeof sid !== 'string' || sid === '') continue;
		if (kind !== 'repository' && seen.has(sid)) fail(kind, 'sidUnique', `two statements have the Sid "${sid}"`);
		seen.add(sid);
		if (kind === 'identity' && !/^[0-9A-Za-z]*$/.test(sid)) fail(kind, 'sidFormat', `${r.where}: Sid "${sid}" has characters other than letters and digits`);
	}

	// Stage 6: actions and resources present.
	for (const r of raws) {
		const element = has(r.obj, 'Action') ? 'Action' : has(r.obj, 'NotAction') ? 'NotAction' : undefined;
		if (!element || stringList(own(r.obj, element), kind, `${r.where}.${element}`).length === 0) {
			fail(kind, 'actions', `${r.where} has no Action or NotAction`);
		}
	}
	for (const r of raws) {
		const element = has(r.obj, 'Resource') ? 'Resource' : has(r.obj, 'NotResource') ? 'NotResource' : undefined;
		if (kind === 'repository' && element) {
			fail(kind, 'repositoryResource', `${r.where} has a ${element} element; a repository policy always applies to the repository it is attached to, so ECR refuses Resource and NotResource`);
		}
		if (kind === 'identity' && (!element || stringList(own(r.obj, element), kind, `${r.where}.${element}`).length === 0)) {
			fail(kind, 'resources', `${r.where} has no Resource or NotResource`);
		}
	}

	// Stage 7: resource formats, action vendors, principal values.
	for (const r of raws) {
		for (const element of ['Resource', 'NotResource'] as const) {
			if (!has(r.obj, element)) continue;
			for (const res of stringList(own(r.obj, element), kind, `${r.where}.${element}`)) {
				const problem = resourceFormatProblem(res);
				if (problem) fail(kind, 'resourceFormat', `${r.where}: ${problem.detail}`, problem.message);
			}
		}
	}
	for (const r of raws) {
		for (const element of ['Action', 'NotAction'] as const) {
			if (!has(r.obj, element)) continue;
			for (const action of stringList(own(r.obj, element), kind, `${r.where}.${element}`)) checkAction(action, kind, r.where);
		}
	}
	const statements = raws.map((r, index) => buildStatement(r, index, kind));
	const policy: Policy = { kind, statements };
	if (version) policy.version = version;
	if (typeof idRaw === 'string') policy.id = idRaw;
	return policy;
}

function readStatementShape(s: Json, i: number, kind: PolicyKind): RawStatement {
	const where = `Statement[${i}]`;
	if (!isObject(s)) fail(kind, 'syntax', `${where} must be an object, not ${describe(s)}`);
	for (const key of keysOf(s, kind, where)) {
		if (!STATEMENT_KEYS.has(key)) fail(kind, 'syntax', `${where} has an unknown element "${key}"`);
	}
	for (const [a, b] of [
		['Action', 'NotAction'],
		['Resource', 'NotResource'],
		['Principal', 'NotPrincipal']
	] as const) {
		if (has(s, a) && has(s, b)) fail(kind, 'syntax', `${where} has both ${a} and ${b}`);
	}
	const sid = own(s, 'Sid');
	if (sid !== undefined && typeof sid !== 'string') fail(kind, 'syntax', `${where}.Sid must be a string, not ${describe(sid)}`);
	const effect = own(s, 'Effect');
	if (typeof effect !== 'string') fail(kind, 'syntax', `${where}.Effect is ${effect === undefined ? 'missing' : describe(effect)}`);
	if (effect.toLowerCase() !== 'allow' && effect.toLowerCase() !== 'deny') fail(kind, 'syntax', `${where}.Effect must be Allow or Deny, not "${effect}"`);
	for (const element of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
		if (has(s, element)) stringList(own(s, element), kind, `${where}.${element}`);
	}
	for (const element of ['Principal', 'NotPrincipal'] as const) {
		if (has(s, element)) readPrincipal(own(s, element), kind, `${where}.${element}`, element === 'NotPrincipal');
	}
	const raw: RawStatement = { where, obj: s, effectText: effect };
	readConditions(raw, kind);
	return raw;
}

function readPrincipal(v: Json | undefined, kind: PolicyKind, where: string, negated: boolean): PrincipalElement {
	const element: PrincipalElement = { negated, everyone: false, aws: [], service: [], federated: [], canonicalUser: [] };
	if (v === '*') return { ...element, everyone: true };
	if (!isObject(v)) return fail(kind, 'syntax', `${where} must be "*" or an object such as {"AWS": "<account or ARN>"}, not ${typeof v === 'string' ? JSON.stringify(v) : describe(v)}`);
	const keys = keysOf(v, kind, where);
	if (keys.length === 0) fail(kind, 'syntax', `${where} is empty`);
	for (const key of keys) {
		if (!PRINCIPAL_TYPES.has(key)) fail(kind, 'syntax', `${where} has an unknown principal type "${key}" (AWS, Service, Federated or CanonicalUser)`);
		const values = stringList(own(v, key), kind, `${where}.${key}`);
		if (values.length === 0) fail(kind, 'syntax', `${where}.${key} is an empty list`);
		if (key === 'AWS') element.aws = values;
		else if (key === 'Service') element.service = values;
		else if (key === 'Federated') element.federated = values;
		else element.canonicalUser = values;
	}
	return element;
}

function readConditions(r: RawStatement, kind: PolicyKind): ConditionClause[] {
	if (!has(r.obj, 'Condition')) return [];
	const where = `${r.where}.Condition`;
	const block = own(r.obj, 'Condition');
	if (!isObject(block)) return fail(kind, 'syntax', `${where} must be an object, not ${describe(block)}`);
	const clauses: ConditionClause[] = [];
	for (const operator of keysOf(block, kind, where)) {
		const keys = own(block, operator);
		if (!isObject(keys)) return fail(kind, 'syntax', `${where}.${operator} must be an object of condition keys, not ${describe(keys)}`);
		const keyNames = keysOf(keys, kind, `${where}.${operator}`);
		const parsed = parseOperator(operator);
		if (!parsed) {
			// IAM accepts an unknown operator with nothing under it (and it then tests nothing).
			if (keyNames.length === 0) continue;
			fail(kind, 'syntax', `${where}: "${operator}" is not a condition operator`);
		}
		for (const key of keyNames) {
			const raw = own(keys, key);
			const items: Json[] = Array.isArray(raw) ? raw : [raw as Json];
			const values = items.map((item) => {
				// JSON numbers and booleans are accepted (CloudFormation YAML produces them) and read as text.
				if (typeof item === 'string') return item;
				if (typeof item === 'number' || typeof item === 'boolean') return String(item);
				return fail(kind, 'syntax', `${where}.${operator}.${key} values must be strings, not ${describe(item)}`);
			});
			const clause: ConditionClause = { operator, base: parsed.base, ifExists: parsed.ifExists, key, values };
			if (parsed.qualifier) clause.qualifier = parsed.qualifier;
			clauses.push(clause);
		}
	}
	return clauses;
}

/** What IAM says about a Resource value that is not an ARN, or undefined when the format is fine. */
function resourceFormatProblem(res: string): { detail: string; message: string } | undefined {
	if (res === '*') return undefined;
	if (!res.includes(':')) return { detail: `"${res}" is neither an ARN nor "*"`, message: `Resource ${res} must be in ARN format or "*".` };
	const parts = res.split(':');
	const partition = parts[1] as string;
	if (parts.length < 3) return { detail: `"${res}" has no service part`, message: 'Resource vendor must be fully qualified and cannot contain regexes.' };
	if (!PARTITIONS.has(partition)) {
		const rest = parts.slice(2);
		const shown = [rest[0] !== '' || rest.length > 1 ? rest[0] : '*', rest[1] ?? '*', rest[2] ?? '*', rest.length > 3 ? rest.slice(3).join(':') : '*'];
		return { detail: `"${partition}" is not an AWS partition`, message: `Partition "${partition}" is not valid for resource "arn:${partition}:${shown.join(':')}".` };
	}
	return undefined;
}

function checkAction(action: string, kind: PolicyKind, where: string): void {
	if (action === '*') return;
	const parts = action.split(':');
	if (parts.length === 1) fail(kind, 'vendor', `${where}: action "${action}" has no service prefix such as ecr:`);
	if (parts.length > 2) fail(kind, 'colon', `${where}: action "${action}" has more than one colon`);
	const vendor = parts[0] as string;
	if (/[^a-zA-Z0-9.-]/.test(vendor)) fail(kind, 'vendorName', `${where}: "${vendor}" is not a service prefix`, `Vendor ${vendor} is not valid`);
}

function buildStatement(r: RawStatement, index: number, kind: PolicyKind): Statement {
	const obj = r.obj;
	const where = r.where;
	const actionKey = has(obj, 'Action') ? 'Action' : 'NotAction';
	const action: MatchElement = { negated: actionKey === 'NotAction', values: stringList(own(obj, actionKey), kind, where) };
	const statement: Statement = { index, effect: r.effectText as Effect, action, conditions: readConditions(r, kind) };
	const sid = own(obj, 'Sid');
	if (typeof sid === 'string') statement.sid = sid;
	const principalKey = has(obj, 'Principal') ? 'Principal' : has(obj, 'NotPrincipal') ? 'NotPrincipal' : undefined;
	if (principalKey) {
		const principal = readPrincipal(own(obj, principalKey), kind, `${where}.${principalKey}`, principalKey === 'NotPrincipal');
		for (const value of principal.aws) {
			if (!isValidAwsPrincipal(value)) {
				fail(kind, 'invalidPrincipal', `${where}.${principalKey}: "${value}" is not an account ID, an account, user or role ARN, a role session ARN or "*" (wildcards cannot match part of a principal)`);
			}
		}
		for (const value of [...principal.service, ...principal.federated]) {
			if (value.includes('*') && value !== '*') fail(kind, 'invalidPrincipal', `${where}.${principalKey}: "${value}" uses a wildcard inside a principal`);
		}
		statement.principal = principal;
	}
	const resourceKey = has(obj, 'Resource') ? 'Resource' : has(obj, 'NotResource') ? 'NotResource' : undefined;
	if (resourceKey) statement.resource = { negated: resourceKey === 'NotResource', values: stringList(own(obj, resourceKey), kind, where) };
	return statement;
}
