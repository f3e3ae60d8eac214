// One wake-up of a stack operation: its persisted progress, the world it acts on and the instant.
// Phase steps read the stack, its plan and its resources through here.
import type { TemplateValue } from '../template/value';
import { resolveValue, type ResolveContext, type ResourceState, type StackPlan } from '../template';
import { childPointer } from '../template/source-map';
import type { ResourceDeclaration } from '../template/model';
import type { ProviderContext, ResourceProvider } from '../providers/provider';
import type { StackEnvironment } from './environment';
import type { StackOperationContext } from './operation-context';
import { planFor } from './plans';
import type { CloudFormationState, DeletionPolicy, StackRecord, StackResourceRecord } from './state';
import { exportsOf } from './exports';

export class OperationRun {
	readonly op: StackOperationContext;
	readonly env: StackEnvironment;

	constructor(op: StackOperationContext, env: StackEnvironment) {
		this.op = op;
		this.env = env;
	}

	get nowMs(): number {
		return this.env.clock.nowMs();
	}

	get now(): string {
		return this.env.clock.now().toISOString();
	}

	state(): CloudFormationState | undefined {
		return this.env.cloudformation(this.op.accountId, this.op.region);
	}

	stack(): StackRecord | undefined {
		return this.state()?.stacks.find((s) => s.stackId === this.op.stackId);
	}

	record(logicalId: string): StackResourceRecord | undefined {
		return this.stack()?.resources.find((r) => r.logicalId === logicalId);
	}

	/** The plan of the stack's template in force (the new one during an update, the old one during its rollback). */
	plan(): StackPlan | undefined {
		const stack = this.stack();
		return stack ? this.planOf(stack.templateBody, stack.parameters, stack) : undefined;
	}

	/** The plan of the revision the stack is moving away from (or back from), if any. */
	otherPlan(): StackPlan | undefined {
		const stack = this.stack();
		return stack?.previous ? this.planOf(stack.previous.templateBody, stack.previous.parameters, stack) : undefined;
	}

	private planOf(templateBody: string, parameters: StackRecord['parameters'], stack: StackRecord): StackPlan | undefined {
		try {
			return planFor({ accountId: this.op.accountId, region: this.op.region, stackId: stack.stackId, stackName: stack.stackName, templateBody, parameters, notificationArns: stack.notificationArns });
		} catch {
			// A template that planned when the operation began plans again; only a damaged save lands here.
			return undefined;
		}
	}

	declaration(plan: StackPlan | undefined, logicalId: string): ResourceDeclaration | undefined {
		return plan?.resources.find((r) => r.logicalId === logicalId);
	}

	/** What Ref, Fn::GetAtt and Fn::ImportValue see now: the stack's resources and the Region's exports. */
	resolveContext(plan: StackPlan): ResolveContext {
		const resources: Record<string, ResourceState> = Object.create(null) as Record<string, ResourceState>;
		for (const r of this.stack()?.resources ?? []) {
			if (r.physicalId !== undefined && r.status !== 'DELETE_COMPLETE') resources[r.logicalId] = { physicalId: r.physicalId, attributes: r.attributes as Record<string, TemplateValue> };
		}
		const state = this.state();
		return { ...plan.context, resources, exports: state ? exportsOf(state) : {} };
	}

	/** A resource's DeletionPolicy or UpdateReplacePolicy, resolved (LanguageExtensions allows functions there). */
	policy(plan: StackPlan, decl: ResourceDeclaration, which: 'DeletionPolicy' | 'UpdateReplacePolicy'): DeletionPolicy {
		const raw = which === 'DeletionPolicy' ? decl.deletionPolicy : decl.updateReplacePolicy;
		if (raw === undefined) return 'Delete';
		try {
			const v = typeof raw === 'string' ? raw : resolveValue(raw, plan.context, childPointer(childPointer('/Resources', decl.logicalId), which));
			return v === 'Retain' || v === 'RetainExceptOnCreate' || v === 'Snapshot' ? v : 'Delete';
		} catch {
			return 'Delete';
		}
	}

	provider(type: string): ResourceProvider | undefined {
		return this.env.providers(type);
	}

	providerContext(logicalId: string, metadata?: unknown): ProviderContext {
		return this.env.providerContext({
			accountId: this.op.accountId,
			region: this.op.region,
			stackId: this.op.stackId,
			stackName: this.op.stackName,
			logicalId,
			caller: this.op.caller,
			...(metadata && typeof metadata === 'object' && !Array.isArray(metadata) ? { metadata: metadata as Record<string, unknown> } : {})
		});
	}
}
