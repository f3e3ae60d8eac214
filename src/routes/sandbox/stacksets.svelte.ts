// The StackSets half of the CloudFormation view: a stack set made from the editor's template with
// self-managed permissions, its instances in the chosen accounts and Regions, and its operations
// with each target's result. Calls are made as the current caller in the administrator account
// (the learner's, in the sandbox's Region); the views are read as that account's root user. The
// IAM roles StackSets needs can be made here too, after the learner has seen an operation fail
// without them.
import type { World } from '$lib/engines/world';
import { ACCOUNTS, REGIONS, type Caller } from '$lib/engines/world-constants';
import { AwsError } from '$lib/engines/errors';
import type { ErrorView, Outcome } from './errors';
import { plural } from './format';
import type { Transition } from './stack-views';
import { createStackSetRole, roleStatuses, STACK_SET_ROLES, type RoleStatusView } from './stackset-roles';
import { describeStackSet, isOperationRunning, listOperations, listStackSets, type StackSetDetailView, type StackSetSummaryView } from './stackset-views';

export type * from './stackset-views';
export type { RoleStatusView } from './stackset-roles';

/** What the sandbox lends the StackSets panel. */
export interface StackSetsHost {
	world(): World;
	/** Who makes the calls that change something (in the administrator account). */
	caller(): Caller;
	/** Who reads the views: the administrator account's root user. */
	reader(): Caller;
	/** The administrator account's Region, where stack sets are made and listed. */
	region: string;
	/** Runs one change: refresh, save and announce whatever happens. */
	change(run: () => string): Outcome;
	/** The editor's template, the Deploy form's parameter values and capabilities. */
	draft(): { template: string; parameters: { ParameterKey: string; ParameterValue: string }[]; capabilities: string[] };
}

export interface SavedStackSets {
	name: string;
	accounts: string[];
	regions: string[];
	failureTolerance: string;
	retainStacks: boolean;
	selected: string | null;
	operation: string | null;
}

export type Built<T> = { ok: true; value: T } | { ok: false; error: ErrorView };

/** OperationPreferences from the form: FailureToleranceCount as typed (empty: not sent, AWS's 0). */
export function operationPreferences(failureTolerance: string): Built<{ FailureToleranceCount?: number }> {
	const t = failureTolerance.trim();
	if (t === '') return { ok: true, value: {} };
	if (!/^\d+$/.test(t)) {
		return { ok: false, error: { code: 'ParamValidationError', message: `Invalid value for FailureToleranceCount: "${t}" is not a whole number. The AWS CLI refuses it before sending anything.` } };
	}
	return { ok: true, value: { FailureToleranceCount: Number(t) } };
}

/** The accounts × Regions an operation reaches, in words. */
export function targetsText(accounts: readonly string[], regions: readonly string[]): string {
	return `${plural(accounts.length * regions.length, 'stack instance')} (${plural(accounts.length, 'account')} × ${plural(regions.length, 'Region')})`;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const only = <T extends string>(raw: unknown, allowed: readonly T[]): T[] | null =>
	Array.isArray(raw) ? (allowed.filter((a) => raw.includes(a)) as T[]) : null;
const noSelection = (what: string): Outcome => ({ ok: false, error: { code: 'NoStackSetSelected', message: `Choose a stack set first, then ${what}.` } });

export class StackSets {
	// ---- the draft (saved with the sandbox) ----
	name = $state('repos');
	accounts = $state<string[]>([...ACCOUNTS]);
	regions = $state<string[]>([]);
	failureTolerance = $state('');
	retainStacks = $state(false);
	selected = $state<string | null>(null);
	operationId = $state<string | null>(null);

	// ---- read from the world ----
	sets = $state.raw<StackSetSummaryView[]>([]);
	detail = $state.raw<StackSetDetailView | null>(null);
	roles = $state.raw<RoleStatusView[]>([]);

	#host: StackSetsHost;
	/** Operation ID → the status last read; a change to a final status is news. */
	#seen = new Map<string, string>();
	#primed = false;

	constructor(host: StackSetsHost) {
		this.#host = host;
		this.regions = [host.region];
	}

	#cfn(caller = this.#host.caller()) {
		return this.#host.world().cloudformation(caller, this.#host.region);
	}

	// ---- saving ----

	snapshot(): SavedStackSets {
		return {
			name: this.name,
			accounts: [...this.accounts],
			regions: [...this.regions],
			failureTolerance: this.failureTolerance,
			retainStacks: this.retainStacks,
			selected: this.selected,
			operation: this.operationId
		};
	}

	restore(raw: unknown): void {
		const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof SavedStackSets, unknown>>;
		if (isString(s.name)) this.name = s.name;
		this.accounts = only(s.accounts, ACCOUNTS) ?? [...ACCOUNTS];
		this.regions = only(s.regions, REGIONS) ?? [this.#host.region];
		this.failureTolerance = isString(s.failureTolerance) ? s.failureTolerance : '';
		this.retainStacks = s.retainStacks === true;
		this.selected = isString(s.selected) ? s.selected : null;
		this.operationId = isString(s.operation) ? s.operation : null;
		this.#seen.clear();
		this.#primed = false;
	}

	reset(): void {
		this.selected = null;
		this.operationId = null;
		this.#seen.clear();
		this.#primed = true;
	}

	get hasStackSets(): boolean {
		return this.sets.length > 0;
	}

	// ---- reading the world back ----

	/** Re-reads roles, stack sets and the chosen one; returns operations that finished since the last read. */
	read(): Transition[] {
		const world = this.#host.world();
		this.roles = roleStatuses(world);
		const cfn = this.#cfn(this.#host.reader());
		this.sets = listStackSets(cfn);
		const transitions: Transition[] = [];
		for (const set of this.sets) {
			for (const op of listOperations(cfn, set.name)) {
				const before = this.#seen.get(op.id);
				const finished = !isOperationRunning(op.status) && (before === undefined || isOperationRunning(before));
				if (this.#primed && finished && before !== op.status) {
					const failed = op.failedCount ? `, ${plural(op.failedCount, 'stack instance')} failed` : '';
					transitions.push({ at: op.endedAt ?? op.createdAt, text: `StackSet ${set.name}: ${op.action} operation ${op.status}${failed}.` });
				}
				this.#seen.set(op.id, op.status);
			}
		}
		this.#primed = true;
		if (this.selected && !this.sets.some((s) => s.name === this.selected)) this.selected = null;
		this.selected ??= this.sets[0]?.name ?? null;
		this.detail = this.selected ? describeStackSet(cfn, this.selected, this.operationId) : null;
		if (this.operationId && this.detail?.operation?.id !== this.operationId) this.operationId = null;
		return transitions;
	}

	/** Stack sets with an operation still running, read now. */
	running(): string[] {
		const cfn = this.#cfn(this.#host.reader());
		return listStackSets(cfn)
			.filter((s) => listOperations(cfn, s.name).some((o) => isOperationRunning(o.status)))
			.map((s) => `stack set ${s.name}`);
	}

	// ---- the draft ----

	select(name: string): void {
		if (this.selected !== name) this.operationId = null;
		this.selected = name;
		this.detail = describeStackSet(this.#cfn(this.#host.reader()), name, null);
	}

	showOperation(id: string): void {
		this.operationId = id;
		if (this.selected) this.detail = describeStackSet(this.#cfn(this.#host.reader()), this.selected, id);
	}

	setTarget(list: 'accounts' | 'regions', value: string, on: boolean): void {
		const current = this[list];
		const next = on ? [...new Set([...current, value])] : current.filter((x) => x !== value);
		// Kept in the world's order, so the request lists them as the form does.
		const order: readonly string[] = list === 'accounts' ? ACCOUNTS : REGIONS;
		this[list] = order.filter((x) => next.includes(x));
	}

	// ---- actions ----

	/** CreateRole and PutRolePolicy for one of the roles StackSets needs. */
	createRole(account: string, roleName: string): Outcome {
		const spec = STACK_SET_ROLES.find((r) => r.account === account && r.roleName === roleName);
		if (!spec) return { ok: false, error: { code: 'UnknownRole', message: `The sandbox does not make ${roleName} in ${account}.` } };
		return this.#host.change(() => {
			const calls = createStackSetRole(this.#host.world(), spec);
			return `IAM in ${account} (as its root user): ${calls.join(', ')}. ${roleName} exists now and trusts ${spec.trusts}.`;
		});
	}

	/** CreateStackSet with the editor's template, self-managed: the roles above do the work. */
	createStackSet(): Outcome {
		const name = this.name.trim();
		const draft = this.#host.draft();
		return this.#host.change(() => {
			const out = this.#cfn().call('CreateStackSet', {
				StackSetName: name,
				TemplateBody: draft.template,
				Parameters: draft.parameters,
				Capabilities: draft.capabilities,
				PermissionModel: 'SELF_MANAGED'
			});
			this.selected = name;
			this.operationId = null;
			return `CreateStackSet: ${name} (${out.StackSetId ?? ''}) exists, with no stack instances yet. Add some to deploy it.`;
		});
	}

	/** CreateStackInstances for every chosen account in every chosen Region (again: a retry). */
	addInstances(): Outcome {
		const name = this.selected;
		if (!name) return noSelection('add stack instances');
		return this.#host.change(() => {
			const prefs = this.#preferences();
			const out = this.#cfn().call('CreateStackInstances', { StackSetName: name, Accounts: [...this.accounts], Regions: [...this.regions], OperationPreferences: prefs });
			this.operationId = out.OperationId ?? null;
			return `CreateStackInstances: operation ${out.OperationId ?? ''} on ${name} is RUNNING for ${targetsText(this.accounts, this.regions)}. Move the clock on to watch it.`;
		});
	}

	/** DeleteStackInstances for the chosen accounts and Regions; RetainStacks keeps their stacks. */
	deleteInstances(): Outcome {
		const name = this.selected;
		if (!name) return noSelection('delete stack instances');
		return this.#host.change(() => {
			const prefs = this.#preferences();
			const out = this.#cfn().call('DeleteStackInstances', {
				StackSetName: name,
				Accounts: [...this.accounts],
				Regions: [...this.regions],
				RetainStacks: this.retainStacks,
				OperationPreferences: prefs
			});
			this.operationId = out.OperationId ?? null;
			const kept = this.retainStacks ? ' RetainStacks: their stacks stay, outside the stack set.' : ' Their stacks, and what they made, are deleted.';
			return `DeleteStackInstances: operation ${out.OperationId ?? ''} on ${name} removes up to ${targetsText(this.accounts, this.regions)}.${kept}`;
		});
	}

	/** UpdateStackSet with the editor's template and parameters, to every instance. */
	updateStackSet(): Outcome {
		const name = this.selected;
		if (!name) return noSelection('update it');
		const draft = this.#host.draft();
		return this.#host.change(() => {
			const prefs = this.#preferences();
			const out = this.#cfn().call('UpdateStackSet', {
				StackSetName: name,
				TemplateBody: draft.template,
				Parameters: draft.parameters,
				Capabilities: draft.capabilities,
				OperationPreferences: prefs
			});
			this.operationId = out.OperationId ?? null;
			return `UpdateStackSet: operation ${out.OperationId ?? ''} on ${name} is RUNNING: every stack instance gets the template in the editor.`;
		});
	}

	stopOperation(operationId: string): Outcome {
		const name = this.selected;
		if (!name) return noSelection('stop its operation');
		return this.#host.change(() => {
			this.#cfn().call('StopStackSetOperation', { StackSetName: name, OperationId: operationId });
			return `StopStackSetOperation: ${operationId} is STOPPING. Targets already started finish; the rest are CANCELLED.`;
		});
	}

	deleteStackSet(): Outcome {
		const name = this.selected;
		if (!name) return noSelection('delete it');
		return this.#host.change(() => {
			this.#cfn().call('DeleteStackSet', { StackSetName: name });
			this.selected = null;
			this.operationId = null;
			return `DeleteStackSet: ${name} is deleted.`;
		});
	}

	#preferences(): { FailureToleranceCount?: number } {
		const prefs = operationPreferences(this.failureTolerance);
		// The form's own refusal, announced like AWS's.
		if (!prefs.ok) throw new AwsError(prefs.error.code, prefs.error.message);
		return prefs.value;
	}
}
