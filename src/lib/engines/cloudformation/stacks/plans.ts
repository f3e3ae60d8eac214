// A stack's plan (parameters settled, conditions evaluated, dependency graph) from what the stack
// stores: its template text and parameter values. The world keeps only that text, so a restored
// world re-plans; the plans of running operations are remembered here because a 100-resource
// stack is woken hundreds of times and planning is the costly part. Same inputs, same plan: the
// cache changes timing, never results.
import { RESOURCE_CATALOG } from '../resources';
import { planStack, validateTemplate, type StackPlan } from '../template';
import type { StackParameterRecord } from './state';

export interface PlanSource {
	accountId: string;
	region: string;
	stackId: string;
	stackName: string;
	templateBody: string;
	parameters: readonly StackParameterRecord[];
	notificationArns?: readonly string[];
}

const cache = new Map<string, StackPlan>();
const CACHE_SIZE = 32;

export function planFor(source: PlanSource): StackPlan {
	const key = `${source.stackId}\u0000${source.region}\u0000${JSON.stringify(source.parameters)}\u0000${source.templateBody}`;
	const hit = cache.get(key);
	if (hit) {
		// Most recently used last, so the oldest is evicted first.
		cache.delete(key);
		cache.set(key, hit);
		return hit;
	}
	const validated = validateTemplate(source.templateBody, RESOURCE_CATALOG);
	const plan = planStack(validated, {
		accountId: source.accountId,
		region: source.region,
		stackName: source.stackName,
		stackId: source.stackId,
		parameters: source.parameters.map((p) => ({ ParameterKey: p.key, ParameterValue: p.value })),
		...(source.notificationArns ? { notificationArns: source.notificationArns } : {})
	});
	cache.set(key, plan);
	if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	return plan;
}
