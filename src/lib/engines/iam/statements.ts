// One statement against one request. judgeStatement() is the hot path (stops at the first element
// that does not match, builds no text); explainStatement() evaluates every element and every
// condition and says why. Both use the same matchers, so they agree.
import { compileArnPattern, matchArn, matchAwsPrincipal, type PrincipalMatch, type RequestPrincipal } from './arn';
import type { CompiledStatement } from './compile';
import { clauseHolds, evaluateClause } from './conditions';
import type { Env } from './context';
import type { ElementOutcome, PrincipalOutcome, StatementExplanation } from './explain';
import type { NamedPolicy, PrincipalElement } from './policy';
import { matchGlob, resolveVariables } from './wildcard';

export type Side = 'identity' | 'resource';

export interface StatementResult {
	applies: boolean;
	effect: 'Allow' | 'Deny';
	level?: PrincipalMatch;
	index: number;
	label: string;
	policy: string;
	/** Only when explaining. */
	explanation?: StatementExplanation;
}

const label = (cs: CompiledStatement) => cs.statement.sid || `#${cs.statement.index + 1}`;

function actionIndex(cs: CompiledStatement, env: Env): number {
	for (let i = 0; i < cs.actions.length; i++) if (matchGlob(cs.actions[i]!, env.actionLower)) return i;
	return -1;
}

/** Index of the first Resource value matching; -1 none; -2 no Resource element (the attached resource). */
function resourceIndex(cs: CompiledStatement, env: Env, unresolved?: string[]): number {
	if (!cs.resources) return -2;
	for (let i = 0; i < cs.resources.length; i++) {
		const r = cs.resources[i]!;
		let matcher = r.matcher;
		if (!matcher && r.tokens) {
			const tokens = resolveVariables(r.tokens, (key) => env.ctx.variable(key.toLowerCase()));
			if (!tokens) {
				unresolved?.push(r.text);
				continue;
			}
			matcher = compileArnPattern(tokens);
		}
		if (matcher && matchArn(matcher, env.request.resource, env.resourceParts)) return i;
	}
	return -1;
}

function principalLevel(p: PrincipalElement, req: RequestPrincipal): { level: PrincipalMatch; value: string } | undefined {
	if (p.everyone) return { level: 'exact', value: '*' };
	let account: { level: PrincipalMatch; value: string } | undefined;
	for (const v of p.aws) {
		const m = matchAwsPrincipal(v, req);
		if (m === 'exact') return { level: m, value: v };
		if (m === 'account' && !account) account = { level: m, value: v };
	}
	if (req.type === 'service') {
		for (const v of p.service) if (v === req.arn || v === '*') return { level: 'exact', value: v };
	}
	for (const v of p.federated) if (v === req.arn) return { level: 'exact', value: v };
	return account;
}

interface NotPrincipalCheck {
	/** The statement applies to the caller (the caller is not fully excepted). */
	applies: boolean;
	value?: string;
	missing: string[];
}

/**
 * NotPrincipal is checked along the caller's chain: AWS may evaluate the account first, then the
 * role, then the session or user (IAM docs, NotPrincipal). The caller is excepted only when its
 * account and the caller itself (its user ARN, or its role or session ARN) are both listed; this
 * simulator takes that documented worst case.
 */
function notPrincipal(p: PrincipalElement, req: RequestPrincipal): NotPrincipalCheck {
	if (p.everyone || p.aws.includes('*')) return { applies: false, value: '*', missing: [] };
	if (req.type === 'service') {
		const value = p.service.find((v) => v === req.arn);
		return value ? { applies: false, value, missing: [] } : { applies: true, missing: [`the service ${req.arn}`] };
	}
	if (req.type === 'anonymous') return { applies: true, missing: ['anonymous callers'] };
	const account = p.aws.find((v) => matchAwsPrincipal(v, req) === 'account');
	const self = req.type === 'root' ? account : p.aws.find((v) => matchAwsPrincipal(v, req) === 'exact');
	const missing: string[] = [];
	if (!account) missing.push(`its account (arn:aws:iam::${req.account}:root)`);
	if (!self) missing.push(req.type === 'assumed-role' ? `its role (${req.principalArn}) or session` : req.arn);
	const value = self ?? account;
	return value ? { applies: missing.length > 0, value, missing } : { applies: true, missing };
}

/** Principal match for a resource-policy statement: the level, or undefined when it does not apply. */
function principalMatch(p: PrincipalElement | undefined, req: RequestPrincipal): PrincipalMatch | undefined {
	if (!p) return undefined;
	if (p.negated) return notPrincipal(p, req).applies ? 'exact' : undefined;
	return principalLevel(p, req)?.level;
}

/** The hot path: does the statement apply, and at which principal level. */
export function judgeStatement(cs: CompiledStatement, side: Side, env: Env, policy: string): StatementResult {
	const s = cs.statement;
	const result: StatementResult = { applies: false, effect: s.effect, index: s.index, label: label(cs), policy };
	const at = actionIndex(cs, env);
	if (s.action.negated ? at !== -1 : at === -1) return result;
	const r = resourceIndex(cs, env);
	if (s.resource?.negated ? r >= 0 : r === -1) return result;
	if (side === 'resource') {
		const level = principalMatch(s.principal, env.principal);
		if (!level) return result;
		result.level = level;
	}
	for (const c of cs.conditions) if (!clauseHolds(c, env.ctx)) return result;
	result.applies = true;
	return result;
}

function actionOutcome(cs: CompiledStatement, env: Env): ElementOutcome {
	const { negated, values } = cs.statement.action;
	const at = actionIndex(cs, env);
	const action = env.request.action;
	if (negated) {
		return at === -1
			? { element: 'NotAction', matched: true, detail: `${action} is not listed in NotAction [${cs.text.actions}]` }
			: { element: 'NotAction', matched: false, value: values[at]!, detail: `${action} is excluded by NotAction "${values[at]}"` };
	}
	return at === -1
		? { element: 'Action', matched: false, detail: `action ${action} matches none of Action [${cs.text.actions}]` }
		: { element: 'Action', matched: true, value: values[at]!, detail: `action ${action} matches "${values[at]}"` };
}

function resourceOutcome(cs: CompiledStatement, env: Env): ElementOutcome {
	const element = cs.statement.resource?.negated ? 'NotResource' : 'Resource';
	const values = cs.statement.resource?.values ?? [];
	const unresolved: string[] = [];
	const at = resourceIndex(cs, env, unresolved);
	const resource = env.request.resource;
	if (at === -2) return { element, matched: true, detail: 'no Resource element: the statement applies to the resource the policy is attached to' };
	const note = unresolved.length
		? ` (${unresolved.map((u) => `"${u}"`).join(', ')} ${unresolved.length === 1 ? 'uses a policy variable' : 'use policy variables'} with no value in this request)`
		: '';
	if (element === 'NotResource') {
		return at === -1
			? { element, matched: true, detail: `${resource} is not listed in NotResource [${cs.text.resources}]${note}` }
			: { element, matched: false, value: values[at]!, detail: `${resource} is excluded by NotResource "${values[at]}"` };
	}
	return at === -1
		? { element, matched: false, detail: `resource ${resource} matches none of Resource [${cs.text.resources}]${note}` }
		: { element, matched: true, value: values[at]!, detail: `resource ${resource} matches "${values[at]}"` };
}

function principalOutcome(cs: CompiledStatement, req: RequestPrincipal): PrincipalOutcome {
	const p = cs.statement.principal;
	if (!p) return { element: 'Principal', matched: false, detail: 'the statement has no Principal, so it names nobody' };
	const named = cs.text.principals;
	if (p.negated) {
		const check = notPrincipal(p, req);
		const value = check.value !== undefined ? { value: check.value } : {};
		if (!check.applies) {
			return { element: 'NotPrincipal', matched: false, ...value, detail: check.value === '*' ? 'NotPrincipal "*" excepts everyone' : `${req.arn} is excepted: NotPrincipal lists it and its account` };
		}
		const partly = check.value !== undefined ? ` (it lists "${check.value}")` : '';
		return { element: 'NotPrincipal', matched: true, level: 'exact', ...value, detail: `NotPrincipal [${named}] does not list ${check.missing.join(' or ')}${partly}, so the statement applies to ${req.arn}` };
	}
	const hit = principalLevel(p, req);
	if (!hit) return { element: 'Principal', matched: false, detail: `principal ${req.arn} is not named by Principal [${named}]` };
	const how =
		hit.level === 'account'
			? `names the caller's account ${req.account}, which trusts that account's IAM policies to decide (it grants the caller nothing by itself)`
			: hit.value === '*'
				? 'is "*": everyone'
				: hit.value === req.arn
					? 'names the caller'
					: 'names the role this session belongs to';
	return { element: 'Principal', matched: true, level: hit.level, value: hit.value, detail: `Principal "${hit.value}" ${how}` };
}

/** The explaining path: every element and every condition, with the reasons. */
export function explainStatement(cs: CompiledStatement, side: Side, env: Env, named: NamedPolicy): StatementResult {
	const s = cs.statement;
	const action = actionOutcome(cs, env);
	const resource = resourceOutcome(cs, env);
	const principal = side === 'resource' ? principalOutcome(cs, env.principal) : undefined;
	const conditions = cs.conditions.map((c) => evaluateClause(c, env.ctx));
	const elements = principal ? [action, resource, principal] : [action, resource];
	const applies = elements.every((o) => o.matched) && conditions.every((c) => c.passed);
	const reasons = applies
		? [...elements.map((o) => o.detail), ...conditions.map((c) => c.reason)]
		: [...elements.filter((o) => !o.matched).map((o) => o.detail), ...conditions.filter((c) => !c.passed).map((c) => c.reason)];
	const explanation: StatementExplanation = {
		policy: named.name,
		policyKind: named.policy.kind,
		index: s.index,
		label: label(cs),
		effect: s.effect,
		applies,
		decisive: false,
		action,
		resource,
		conditions,
		reasons
	};
	if (s.sid !== undefined) explanation.sid = s.sid;
	if (principal) explanation.principal = principal;
	const result: StatementResult = { applies, effect: s.effect, index: s.index, label: explanation.label, policy: named.name, explanation };
	if (principal?.level) result.level = principal.level;
	return result;
}

