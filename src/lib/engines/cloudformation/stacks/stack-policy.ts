// Stack policies, as the User Guide's "Prevent updates to stack resources" defines them: a JSON
// document of statements (Effect, Action or NotAction, Principal "*", Resource or NotResource,
// optional Condition on ResourceType) that says which update actions an UpdateStack may take on
// which resources. Without a policy everything is allowed; once one is set, an update that no
// statement allows is denied, and a Deny always beats an Allow. Policies only govern updates:
// creating a resource is never checked, deleting the stack never is.
//
// AWS answers every malformed policy with one terse sentence ("Error validating stack policy:
// Invalid stack policy"); the learner also gets `detail`, which says what exactly is wrong.
import { ValidationError } from '../errors';
import { FAILURE_MESSAGES, FAILURE_REASON } from './reasons';

/** The update actions a statement can name (Update:* covers all three). */
export type StackPolicyAction = 'Update:Modify' | 'Update:Replace' | 'Update:Delete';

const ACTIONS: readonly string[] = ['Update:Modify', 'Update:Replace', 'Update:Delete', 'Update:*'];
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Principal', 'Resource', 'NotResource', 'Condition']);
const CONDITION_OPERATORS = new Set(['StringEquals', 'StringLike']);
const RESOURCE = /^(\*|LogicalResourceId\/[A-Za-z0-9*?]+)$/;

/** The longest StackPolicyBody the API takes (API reference, StackPolicyBody: maximum length 16384). */
export const STACK_POLICY_MAX_LENGTH = 16_384;

interface Statement {
	effect: 'Allow' | 'Deny';
	/** As written, for the denial sentence. */
	actions: string[];
	notAction: boolean;
	resources: string[];
	notResource: boolean;
	conditions: { operator: 'StringEquals' | 'StringLike'; types: string[] }[];
}

export interface StackPolicy {
	statements: Statement[];
}

export interface PolicyRequest {
	action: StackPolicyAction;
	logicalId: string;
	resourceType: string;
}

export type PolicyDecision = { allowed: true } | { allowed: false; reason: string };

function invalid(detail: string): never {
	throw new ValidationError(FAILURE_MESSAGES.stackPolicyInvalid, { detail });
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A string or a non-empty list of strings, as a list. */
function stringList(value: unknown, where: string): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value as string[];
	return invalid(`${where} must be a string or a non-empty list of strings.`);
}

function parseConditions(value: unknown, where: string): Statement['conditions'] {
	if (value === undefined) return [];
	if (!isObject(value)) return invalid(`${where}.Condition must be an object such as {"StringEquals": {"ResourceType": ["AWS::ECR::Repository"]}}.`);
	return Object.entries(value).map(([operator, body]) => {
		if (!CONDITION_OPERATORS.has(operator)) invalid(`${where}.Condition uses ${operator}; stack policies know only StringEquals and StringLike.`);
		if (!isObject(body) || Object.keys(body).some((k) => k !== 'ResourceType') || body['ResourceType'] === undefined) {
			invalid(`${where}.Condition.${operator} must hold exactly one key, ResourceType.`);
		}
		return { operator: operator as 'StringEquals' | 'StringLike', types: stringList(body['ResourceType'], `${where}.Condition.${operator}.ResourceType`) };
	});
}

function parseStatement(raw: unknown, index: number): Statement {
	const where = `Statement[${index}]`;
	if (!isObject(raw)) return invalid(`${where} must be an object.`);
	const unknown = Object.keys(raw).filter((k) => !STATEMENT_KEYS.has(k));
	if (unknown.length > 0) invalid(`${where} has an element stack policies do not have: ${unknown.join(', ')}.`);
	const effect = raw['Effect'];
	if (effect !== 'Allow' && effect !== 'Deny') invalid(`${where}.Effect must be "Allow" or "Deny".`);
	// The Principal element is required and supports only the wildcard (User Guide).
	if (raw['Principal'] !== '*') invalid(`${where}.Principal is required and must be "*": a stack policy applies to everyone who updates the stack.`);
	if ((raw['Action'] === undefined) === (raw['NotAction'] === undefined)) invalid(`${where} needs exactly one of Action and NotAction.`);
	if ((raw['Resource'] === undefined) === (raw['NotResource'] === undefined)) invalid(`${where} needs exactly one of Resource and NotResource.`);
	const notAction = raw['Action'] === undefined;
	const actions = stringList(notAction ? raw['NotAction'] : raw['Action'], `${where}.${notAction ? 'NotAction' : 'Action'}`);
	const badAction = actions.find((a) => !ACTIONS.includes(a));
	if (badAction !== undefined) invalid(`${where} names the action ${badAction}; the update actions are ${ACTIONS.join(', ')}.`);
	const notResource = raw['Resource'] === undefined;
	const resources = stringList(notResource ? raw['NotResource'] : raw['Resource'], `${where}.${notResource ? 'NotResource' : 'Resource'}`);
	const badResource = resources.find((r) => !RESOURCE.test(r));
	if (badResource !== undefined) invalid(`${where} names the resource ${badResource}; write "*" or "LogicalResourceId/<logical ID>" (wildcards allowed), and use Condition for resource types.`);
	return { effect: effect as Statement['effect'], actions, notAction, resources, notResource, conditions: parseConditions(raw['Condition'], where) };
}

/** Parses and checks a policy; a malformed one is AWS's ValidationError with a `detail` that names the problem. */
export function parseStackPolicy(text: string): StackPolicy {
	if (text.length > STACK_POLICY_MAX_LENGTH) throw new ValidationError(FAILURE_MESSAGES.stackPolicyTooLong);
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (e) {
		return invalid(`The stack policy is not valid JSON (${e instanceof Error ? e.message : 'parse error'}).`);
	}
	if (!isObject(doc)) return invalid('A stack policy is a JSON object: {"Statement": [ ... ]}.');
	const extra = Object.keys(doc).filter((k) => k !== 'Statement');
	if (extra.length > 0) invalid(`A stack policy has only a Statement element, not ${extra.join(', ')}.`);
	// `{}` is a valid policy: it has no statement, so it allows no update at all.
	if (doc['Statement'] === undefined) return { statements: [] };
	if (!Array.isArray(doc['Statement'])) return invalid('Statement must be a list of statements.');
	return { statements: doc['Statement'].map(parseStatement) };
}

/** IAM-style wildcards: `*` any run of characters, `?` any one. */
function wildcard(pattern: string, value: string): boolean {
	const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
	return new RegExp(`^${source}$`).test(value);
}

function statementMatches(s: Statement, request: PolicyRequest): boolean {
	// Covered: listed under Action, or not listed under NotAction (and the same for resources).
	const actionListed = s.actions.some((a) => a === 'Update:*' || a === request.action);
	if (actionListed === s.notAction) return false;
	const resourceListed = s.resources.some((r) => r === '*' || wildcard(r.slice('LogicalResourceId/'.length), request.logicalId));
	if (resourceListed === s.notResource) return false;
	return s.conditions.every((c) => c.types.some((t) => (c.operator === 'StringEquals' ? t === request.resourceType : wildcard(t, request.resourceType))));
}

/** Whether the policy lets the update act on the resource; a refusal carries AWS's reason. */
export function evaluateStackPolicy(policy: StackPolicy, request: PolicyRequest): PolicyDecision {
	let allowed = false;
	for (const [i, s] of policy.statements.entries()) {
		if (!statementMatches(s, request)) continue;
		// An explicit Deny overrides any Allow, wherever the statements are in the list (User Guide).
		if (s.effect === 'Deny') return { allowed: false, reason: FAILURE_REASON.policyDenied(i + 1, s.actions, s.resources) };
		allowed = true;
	}
	return allowed ? { allowed: true } : { allowed: false, reason: FAILURE_REASON.policyNotAllowed(request.action, request.logicalId) };
}

/** The decision for one resource under a policy text (none: everything is allowed). */
export function checkStackPolicy(text: string | undefined, request: PolicyRequest): PolicyDecision {
	if (text === undefined) return { allowed: true };
	try {
		return evaluateStackPolicy(parseStackPolicy(text), request);
	} catch {
		// Policies are checked when they are set; only a damaged save holds a bad one. Deny, as AWS's default once a policy exists.
		return { allowed: false, reason: FAILURE_REASON.policyNotAllowed(request.action, request.logicalId) };
	}
}
