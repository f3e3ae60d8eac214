// Matchers built once per parsed policy and cached by object identity, so a Policy stays plain
// data while repeated decisions (every layer of a docker push is one) reuse the work.
import { compileArnPattern, type ArnMatcher } from './arn';
import { compileClause, type CompiledClause } from './conditions';
import type { Policy, Statement } from './policy';
import { compileGlob, hasVariables, tokenize, type Glob, type Token } from './wildcard';

export interface CompiledResource {
	text: string;
	/** Present when the pattern has no policy variables. */
	matcher?: ArnMatcher;
	tokens?: Token[];
}

export interface CompiledStatement {
	statement: Statement;
	/** Lower-cased: action names are case-insensitive. Actions take no policy variables. */
	actions: Glob[];
	resources?: CompiledResource[];
	conditions: CompiledClause[];
	/** The element values as the explainer quotes them, built once. */
	text: { actions: string; resources: string; principals: string };
}

const quoted = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

const cache = new WeakMap<Policy, CompiledStatement[]>();

export function compilePolicy(policy: Policy): CompiledStatement[] {
	const hit = cache.get(policy);
	if (hit) return hit;
	const variables = policy.version === '2012-10-17';
	const compiled = policy.statements.map((statement): CompiledStatement => {
		const c: CompiledStatement = {
			statement,
			actions: statement.action.values.map((a) => compileGlob(tokenize(a.toLowerCase(), { wildcards: true, variables: false }))),
			conditions: statement.conditions.map((clause) => compileClause(clause, policy.version)),
			text: { actions: quoted(statement.action.values), resources: quoted(statement.resource?.values ?? []), principals: '' }
		};
		const p = statement.principal;
		if (p) c.text.principals = [p.everyone ? '"*"' : '', quoted(p.aws), quoted(p.service), quoted(p.federated), quoted(p.canonicalUser)].filter(Boolean).join(', ');
		if (statement.resource) {
			c.resources = statement.resource.values.map((text) => {
				const tokens = tokenize(text, { wildcards: true, variables });
				return hasVariables(tokens) ? { text, tokens } : { text, matcher: compileArnPattern(tokens) };
			});
		}
		return c;
	});
	cache.set(policy, compiled);
	return compiled;
}
