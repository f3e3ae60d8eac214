// The CloudFormation half of the sandbox: the template editor's draft, the stacks in the world and
// the one the learner is looking at. Actions make CloudFormation calls with AWS's operation names
// and shapes as the current caller; the views are read back through DescribeStacks,
// DescribeStackEvents and friends as the account root user, so they are complete whoever calls.
// The view looks at one account and Region at a time (the scope); in the second account calls are
// made as that account's root user, since the sandbox's IAM user dev lives in the learner's.
import type { World } from '$lib/engines/world';
import type { WorldEvent } from '$lib/engines/world-events';
import { ACCOUNTS, LEARNER_ACCOUNT, REGIONS, rootCaller, type Caller } from '$lib/engines/world-constants';
import { AwsError } from '$lib/engines/errors';
import { CHANGE_SET_READY_MS } from '$lib/engines/cloudformation/stacks/changesets';
import { errorView, type ErrorView, type Outcome } from './errors';
import {
	createStackOptions,
	DEFAULT_OPTIONS,
	executeChangeSetOptions,
	restoreOptions,
	updateStackOptions,
	withDisableRollback,
	type DeployOptions
} from './deploy-options';
import { restoreScope, sameScope, scopeKey, scopeOfStackId, type Scope } from './scope';
import { CUSTOM_TEMPLATE, STARTER_TEMPLATES, starterById } from './cfn-templates';
import { plural } from './format';
import {
	allEvents,
	describeStack,
	pages,
	stackSummaryView,
	summaryView,
	transition,
	STACK_TYPE,
	type Cfn,
	type ParameterDeclarationView,
	type StackDetailView,
	type StackSummaryView,
	type TemplateSummaryView,
	type Transition
} from './stack-views';
import type { StackSummary } from '@aws-sdk/client-cloudformation';

export type * from './stack-views';

export const DETAIL_TABS = [
	{ id: 'events', label: 'Events' },
	{ id: 'resources', label: 'Resources' },
	{ id: 'outputs', label: 'Outputs' },
	{ id: 'parameters', label: 'Parameters' },
	{ id: 'template', label: 'Template' },
	{ id: 'policy', label: 'Stack policy' },
	{ id: 'changesets', label: 'Change sets' },
	{ id: 'drift', label: 'Drift' }
] as const;
export type DetailTab = (typeof DETAIL_TABS)[number]['id'];

export const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;
export { ON_FAILURE, sendsBoth, type DeployOptions, type OnFailureChoice } from './deploy-options';
export type { Scope } from './scope';

/** The statuses a failed operation with DisableRollback leaves: retry, roll back or delete (status-rules.ts). */
export const PAUSED_FAILURES: readonly string[] = ['CREATE_FAILED', 'UPDATE_FAILED'];

/** A stack operation is running (REVIEW_IN_PROGRESS waits for a person, not for the clock). */
export const isInProgress = (status: string): boolean => status.endsWith('_IN_PROGRESS') && status !== 'REVIEW_IN_PROGRESS';

/** What the sandbox lends the CloudFormation view. */
export interface StacksHost {
	world(): World;
	/** Who makes the calls that change something. */
	caller(): Caller;
	/** Who reads the views: the account root user. */
	reader(): Caller;
	region: string;
	/** Runs one change: refresh, save and announce whatever happens; refused while a push runs. */
	change(run: () => string): Outcome;
	/** Logs a move of the clock and what happened meanwhile; returns a summary. */
	afterTime(what: string, events: WorldEvent[]): string;
}

export interface SavedStacks {
	template: string;
	starter: string;
	custom: string;
	stackName: string;
	parameters: Record<string, string>;
	capabilities: string[];
	options: DeployOptions;
	scope: Scope;
	changeSetName: string;
	showDeleted: boolean;
	selected: string | null;
	tab: DetailTab;
	changeSet: string | null;
	detection: { stackId: string; id: string } | null;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const DRIFT_STEP_MS = 500;
const DRIFT_WAIT_LIMIT_MS = 10 * 60_000;
const FIRST = STARTER_TEMPLATES[0]!;

export class Stacks {
	// ---- the draft (saved with the sandbox) ----
	template = $state(FIRST.body);
	starter = $state<string>(FIRST.id);
	/** The learner's own template, kept while a starter is shown. */
	custom = $state('');
	stackName = $state(FIRST.stackName);
	parameterValues = $state<Record<string, string>>({});
	capabilities = $state<string[]>([]);
	/** Failure handling, timeout, termination protection and the update's policy override. */
	options = $state<DeployOptions>({ ...DEFAULT_OPTIONS });
	/** The account and Region the view shows and deploys to. */
	scope = $state<Scope>({ account: LEARNER_ACCOUNT, region: '' });
	changeSetName = $state('change-1');
	showDeleted = $state(false);
	selectedId = $state<string | null>(null);
	tab = $state<DetailTab>('events');
	changeSetId = $state<string | null>(null);

	// ---- read from the world ----
	/** The resource schemas are loaded: stack operations can start. */
	ready = $state(false);
	summary = $state.raw<TemplateSummaryView | null>(null);
	summaryError = $state.raw<ErrorView | null>(null);
	validation = $state.raw<{ ok: true; summary: TemplateSummaryView } | { ok: false; error: ErrorView } | null>(null);
	stacks = $state.raw<StackSummaryView[]>([]);
	detail = $state.raw<StackDetailView | null>(null);
	/** ECR repositories that a live stack manages: repository name → stack and logical ID. */
	managed = $state.raw<Record<string, { stack: string; logicalId: string }>>({});

	#host: StacksHost;
	#loading: Promise<void> | undefined;
	#detection: { stackId: string; id: string } | null = null;
	/** Per stack: how many events were seen, and the status then; new ones become transitions. */
	#seen = new Map<string, { count: number; status: string }>();
	/**
	 * Scopes whose events have been read once, so new ones are news. A scope is read silently the
	 * first time: a restored world's events, or a Region's history when the learner moves there,
	 * are not things that just happened.
	 */
	#primed = new Set<string>();

	constructor(host: StacksHost) {
		this.#host = host;
		this.scope = this.home;
	}

	/** The learner's account in the sandbox's Region: the ECR view's scope. */
	get home(): Scope {
		return { account: LEARNER_ACCOUNT, region: this.#host.region };
	}

	/** Who changes things in the scope: the chosen caller at home, the account's root user elsewhere. */
	actor(): Caller {
		return this.scope.account === LEARNER_ACCOUNT ? this.#host.caller() : rootCaller(this.scope.account);
	}

	#reader(): Caller {
		return this.scope.account === LEARNER_ACCOUNT ? this.#host.reader() : rootCaller(this.scope.account);
	}

	#cfn(caller = this.actor()): Cfn {
		return this.#host.world().cloudformation(caller, this.scope.region);
	}

	/** Loads the resource schemas stack operations need (once); every action awaits it. */
	ensureReady(): Promise<void> {
		this.#loading ??= this.#host
			.world()
			.cloudformationReady()
			.then(
				() => void (this.ready = true),
				(e: unknown) => {
					this.#loading = undefined;
					throw e;
				}
			);
		return this.#loading;
	}

	// ---- saving ----

	snapshot(): SavedStacks {
		return {
			template: this.template,
			starter: this.starter,
			custom: this.custom,
			stackName: this.stackName,
			parameters: { ...this.parameterValues },
			capabilities: [...this.capabilities],
			options: { ...this.options },
			scope: { ...this.scope },
			changeSetName: this.changeSetName,
			showDeleted: this.showDeleted,
			selected: this.selectedId,
			tab: this.tab,
			changeSet: this.changeSetId,
			detection: this.#detection
		};
	}

	/** Takes back what snapshot() saved, field by field: anything odd keeps its default. */
	restore(raw: unknown): void {
		const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof SavedStacks, unknown>>;
		if (isString(s.template)) this.template = s.template;
		if (isString(s.starter) && (s.starter === CUSTOM_TEMPLATE || starterById(s.starter))) this.starter = s.starter;
		if (isString(s.custom)) this.custom = s.custom;
		if (isString(s.stackName)) this.stackName = s.stackName;
		if (s.parameters && typeof s.parameters === 'object') {
			this.parameterValues = Object.fromEntries(Object.entries(s.parameters).filter((e): e is [string, string] => isString(e[1])));
		}
		if (Array.isArray(s.capabilities)) this.capabilities = s.capabilities.filter((c): c is string => (CAPABILITIES as readonly unknown[]).includes(c));
		// Saves from before the options existed kept OnFailure on its own.
		this.options = restoreOptions(s.options, (s as { onFailure?: unknown }).onFailure);
		this.scope = restoreScope(s.scope, this.home);
		if (isString(s.changeSetName)) this.changeSetName = s.changeSetName;
		this.showDeleted = s.showDeleted === true;
		this.selectedId = isString(s.selected) ? s.selected : null;
		if (DETAIL_TABS.some((t) => t.id === s.tab)) this.tab = s.tab as DetailTab;
		this.changeSetId = isString(s.changeSet) ? s.changeSet : null;
		const d = s.detection as { stackId?: unknown; id?: unknown } | null | undefined;
		this.#detection = d && isString(d.stackId) && isString(d.id) ? { stackId: d.stackId, id: d.id } : null;
		// Events already in the restored world are not news.
		this.#seen.clear();
		this.#primed.clear();
		this.summarize();
	}

	/** A new world: nothing selected, nothing seen. The draft stays: it is the learner's text. */
	reset(): void {
		this.selectedId = null;
		this.changeSetId = null;
		this.#detection = null;
		this.validation = null;
		this.tab = 'events';
		this.scope = this.home;
		this.#seen.clear();
		// A new world: everything that happens at home from now on is news.
		this.#primed = new Set([scopeKey(this.home)]);
		this.summarize();
	}

	/** True when the restored world holds stacks, so the schemas should load now. */
	get hasStacks(): boolean {
		return this.stacks.length > 0;
	}

	// ---- the draft ----

	chooseStarter(id: string): void {
		if (this.starter === CUSTOM_TEMPLATE) this.custom = this.template;
		this.starter = id;
		if (id === CUSTOM_TEMPLATE) {
			this.template = this.custom;
		} else {
			const t = starterById(id);
			if (!t) return;
			this.template = t.body;
			this.stackName = t.stackName;
			this.parameterValues = {};
			this.capabilities = [];
		}
		this.validation = null;
		this.summarize();
	}

	editTemplate(text: string): void {
		this.template = text;
		if (this.starter !== CUSTOM_TEMPLATE) {
			const t = starterById(this.starter);
			if (t && t.body !== text) this.starter = CUSTOM_TEMPLATE;
		}
		if (this.starter === CUSTOM_TEMPLATE) this.custom = text;
	}

	/** GetTemplateSummary of the draft, for the parameters form (as root: it is the form's read, not the learner's call). */
	summarize(): void {
		try {
			this.summary = summaryView(this.#cfn(this.#reader()).call('GetTemplateSummary', { TemplateBody: this.template }));
			this.summaryError = null;
		} catch (e) {
			this.summaryError = errorView(e);
		}
	}

	/** The value the form shows for a parameter: what the learner typed, else the default. */
	parameterValue(p: ParameterDeclarationView): string {
		return this.parameterValues[p.key] ?? p.default ?? '';
	}

	setParameter(key: string, value: string): void {
		this.parameterValues = { ...this.parameterValues, [key]: value };
	}

	setCapability(capability: string, on: boolean): void {
		this.capabilities = on ? [...new Set([...this.capabilities, capability])] : this.capabilities.filter((c) => c !== capability);
	}

	#parameters(): { ParameterKey: string; ParameterValue: string }[] {
		return (this.summary?.parameters ?? []).map((p) => ({ ParameterKey: p.key, ParameterValue: this.parameterValue(p) }));
	}

	setOption<K extends keyof DeployOptions>(key: K, value: DeployOptions[K]): void {
		this.options = { ...this.options, [key]: value };
	}

	/** DisableRollback on leaves OnFailure out (deploy-options.ts says why). */
	setDisableRollback(on: boolean): void {
		this.options = withDisableRollback(this.options, on);
	}

	/** What a stack set made from the editor would be given: the template, parameters and capabilities. */
	deployDraft(): { template: string; parameters: { ParameterKey: string; ParameterValue: string }[]; capabilities: string[] } {
		return { template: this.template, parameters: this.#parameters(), capabilities: [...this.capabilities] };
	}

	// ---- where the view looks ----

	/** Moves the view to another account or Region; the selection there starts empty. */
	setScope(scope: Scope): void {
		if (sameScope(scope, this.scope)) return;
		// Leaving a Region other than home: its events will be read afresh (silently) on return.
		if (!sameScope(this.scope, this.home)) this.#primed.delete(scopeKey(this.scope));
		this.scope = { ...scope };
		this.selectedId = null;
		this.changeSetId = null;
		this.#detection = null;
		this.tab = 'events';
	}

	/** Opens a stack by its ARN, wherever it lives (a stack set instance's stack). */
	open(stackId: string): boolean {
		const scope = scopeOfStackId(stackId);
		if (!scope) return false;
		this.setScope(scope);
		this.select(stackId);
		return true;
	}

	// ---- reading the world back ----

	/**
	 * Re-reads the stack list of the scope and the selected stack through the API; returns the
	 * status changes (and resource failures) that happened since the last read, at home and in the
	 * scope. The repositories stacks manage are always read at home, where the ECR view looks.
	 */
	read(): Transition[] {
		const transitions: Transition[] = [];
		const home = this.home;
		const homeCfn = this.#host.world().cloudformation(this.#host.reader(), home.region);
		const homeList = this.#scan(homeCfn, home, transitions);
		this.managed = managedRepositories(homeCfn, homeList);
		const cfn = this.#cfn(this.#reader());
		const list = sameScope(this.scope, home) ? homeList : this.#scan(cfn, this.scope, transitions);
		this.stacks = list.map(stackSummaryView);
		if (this.selectedId && !this.stacks.some((s) => s.id === this.selectedId)) this.selectedId = null;
		this.detail = this.selectedId ? this.#readDetail(cfn, this.selectedId) : null;
		return transitions.sort((a, b) => a.at.localeCompare(b.at));
	}

	/** ListStacks in one scope; new stack events there become transitions once the scope was read before. */
	#scan(cfn: Cfn, scope: Scope, transitions: Transition[]): StackSummary[] {
		const key = scopeKey(scope);
		const primed = this.#primed.has(key);
		const where = sameScope(scope, this.home) ? '' : ` (${scope.account}, ${scope.region})`;
		const summaries = pages((t) => cfn.call('ListStacks', t)).flatMap((p) => p.StackSummaries ?? []);
		for (const s of summaries) {
			const id = s.StackId ?? '';
			const status = s.StackStatus ?? '';
			const seen = this.#seen.get(id);
			if (!seen || seen.status !== status || isInProgress(status)) {
				const events = allEvents(cfn, id);
				const fresh = events.slice(0, Math.max(0, events.length - (seen?.count ?? 0))).reverse();
				if (primed) for (const e of fresh) if (e.type === STACK_TYPE || e.status.endsWith('_FAILED')) transitions.push(transition(`${s.StackName ?? ''}${where}`, e));
				this.#seen.set(id, { count: events.length, status });
			}
		}
		this.#primed.add(key);
		return summaries;
	}

	#readDetail(cfn: Cfn, id: string): StackDetailView | null {
		const summary = this.stacks.find((s) => s.id === id);
		if (!summary) return null;
		try {
			const detail = describeStack(cfn, summary, this.changeSetId, this.#detection?.stackId === id ? this.#detection.id : null);
			if (this.changeSetId && !detail?.changeSets.some((c) => c.id === this.changeSetId)) this.changeSetId = null;
			return detail;
		} catch {
			// Gone between ListStacks and the reads (forgotten 90 days after deletion): show nothing.
			return null;
		}
	}

	/**
	 * The stacks whose operation is still running in any account and Region, read now (the clock
	 * may have moved since the last read): a stack set's stacks run elsewhere.
	 */
	inProgress(): string[] {
		const world = this.#host.world();
		const out: string[] = [];
		for (const account of ACCOUNTS) {
			for (const region of REGIONS) {
				const cfn = world.cloudformation(rootCaller(account), region);
				const where = sameScope({ account, region }, this.home) ? '' : ` (${account}, ${region})`;
				for (const s of pages((t) => cfn.call('ListStacks', t)).flatMap((p) => p.StackSummaries ?? [])) {
					if (isInProgress(s.StackStatus ?? '')) out.push(`${s.StackName ?? ''}${where}`);
				}
			}
		}
		return out;
	}

	// ---- selection ----

	select(id: string | null): void {
		if (this.selectedId !== id) {
			this.changeSetId = null;
			this.tab = 'events';
		}
		this.selectedId = id;
		const cfn = this.#cfn(this.#reader());
		this.detail = id ? this.#readDetail(cfn, id) : null;
	}

	showTab(tab: DetailTab): void {
		this.tab = tab;
	}

	showChangeSet(id: string | null): void {
		this.changeSetId = id;
		if (this.selectedId) this.detail = this.#readDetail(this.#cfn(this.#reader()), this.selectedId);
	}

	/** GetTemplate and the stack's parameters into the editor, ready for an update. */
	loadIntoEditor(): Outcome {
		const d = this.detail;
		if (!d) return { ok: false, error: { code: 'NoStackSelected', message: 'Choose a stack first.' } };
		if (this.starter === CUSTOM_TEMPLATE) this.custom = this.template;
		this.template = d.template;
		this.starter = CUSTOM_TEMPLATE;
		this.custom = d.template;
		this.stackName = d.name;
		this.parameterValues = Object.fromEntries(d.parameters.filter((p) => p.value !== '****').map((p) => [p.key, p.value]));
		this.capabilities = d.capabilities.filter((c) => (CAPABILITIES as readonly string[]).includes(c));
		this.validation = null;
		this.summarize();
		return { ok: true, message: `GetTemplate: the template of ${d.name} and its parameter values are in the editor.` };
	}

	// ---- actions ----

	validate(): Outcome {
		let result: typeof this.validation = null;
		const outcome = this.#host.change(() => {
			try {
				const out = this.#cfn().call('ValidateTemplate', { TemplateBody: this.template });
				const summary = summaryView({ ...out, Parameters: out.Parameters?.map((p) => ({ ...p, ParameterType: undefined })) });
				result = { ok: true, summary };
				const caps = summary.capabilities.length ? ` It needs ${summary.capabilities.join(', ')}.` : '';
				return `ValidateTemplate: the template is valid. It declares ${plural(summary.parameters.length, 'parameter')}.${caps}`;
			} catch (e) {
				result = { ok: false, error: errorView(e) };
				throw e;
			}
		});
		this.validation = result;
		return outcome;
	}

	async createStack(): Promise<Outcome> {
		await this.ensureReady();
		const name = this.stackName.trim();
		return this.#host.change(() => {
			const options = createStackOptions(this.options);
			// The AWS CLI refuses such a value before sending anything; so does the form.
			if (!options.ok) throw new AwsError(options.error.code, options.error.message);
			const out = this.#cfn().call('CreateStack', {
				StackName: name,
				TemplateBody: this.template,
				Parameters: this.#parameters(),
				Capabilities: [...this.capabilities],
				...options.input
			});
			this.#focus(out.StackId ?? null, 'events');
			return `CreateStack: ${name} is CREATE_IN_PROGRESS${this.#where()}. Move the clock on to watch its events.`;
		});
	}

	async updateStack(): Promise<Outcome> {
		await this.ensureReady();
		const name = this.stackName.trim();
		return this.#host.change(() => {
			const out = this.#cfn().call('UpdateStack', {
				StackName: name,
				TemplateBody: this.template,
				Parameters: this.#parameters(),
				Capabilities: [...this.capabilities],
				...updateStackOptions(this.options)
			});
			this.#focus(out.StackId ?? null, 'events');
			return `UpdateStack: ${name} is UPDATE_IN_PROGRESS${this.#where()}. Move the clock on to watch its events.`;
		});
	}

	/**
	 * CreateChangeSet: UPDATE for a stack that exists, CREATE otherwise. CloudFormation takes a few
	 * seconds to work out the changes, so the clock moves on by that much, as while you wait.
	 */
	async createChangeSet(): Promise<Outcome> {
		await this.ensureReady();
		const name = this.stackName.trim();
		const changeSetName = this.changeSetName.trim();
		return this.#host.change(() => {
			const exists = this.stacks.some((s) => s.name === name && s.status !== 'DELETE_COMPLETE' && s.status !== 'REVIEW_IN_PROGRESS');
			const type = exists ? 'UPDATE' : 'CREATE';
			const out = this.#cfn().call('CreateChangeSet', {
				StackName: name,
				ChangeSetName: changeSetName,
				ChangeSetType: type,
				TemplateBody: this.template,
				Parameters: this.#parameters(),
				Capabilities: [...this.capabilities]
			});
			this.#host.afterTime(`Waited ${CHANGE_SET_READY_MS / 1000} seconds while CloudFormation worked out the change set`, this.#host.world().advanceBy(CHANGE_SET_READY_MS));
			this.#focus(out.StackId ?? null, 'changesets');
			this.changeSetId = out.Id ?? null;
			this.changeSetName = nextName(changeSetName);
			const cs = out.Id ? this.#cfn(this.#reader()).call('DescribeChangeSet', { StackName: out.StackId, ChangeSetName: out.Id }) : undefined;
			const changes = cs?.Changes?.length ?? 0;
			return `CreateChangeSet (${type}): ${changeSetName} for ${name} is ${cs?.Status ?? 'CREATE_PENDING'}${cs?.Status === 'FAILED' ? `: ${cs.StatusReason ?? ''}` : ` with ${plural(changes, 'change')}`}.`;
		});
	}

	async executeChangeSet(changeSetId: string): Promise<Outcome> {
		await this.ensureReady();
		const d = this.detail;
		return this.#host.change(() => {
			this.#cfn().call('ExecuteChangeSet', { StackName: d?.id, ChangeSetName: changeSetId, ...executeChangeSetOptions(this.options) });
			const name = d?.changeSets.find((c) => c.id === changeSetId)?.name ?? changeSetId;
			this.#focus(d?.id ?? null, 'events');
			return `ExecuteChangeSet: ${name} is running on ${d?.name ?? 'the stack'}. Move the clock on to watch its events.`;
		});
	}

	deleteChangeSet(changeSetId: string): Outcome {
		const d = this.detail;
		return this.#host.change(() => {
			this.#cfn().call('DeleteChangeSet', { StackName: d?.id, ChangeSetName: changeSetId });
			const name = d?.changeSets.find((c) => c.id === changeSetId)?.name ?? changeSetId;
			if (this.changeSetId === changeSetId) this.changeSetId = null;
			return `DeleteChangeSet: ${name} is deleted. The stack did not change.`;
		});
	}

	/**
	 * DeleteStack; `retain` (RetainResources) and `force` (DeletionMode FORCE_DELETE_STACK) only for
	 * a stack in DELETE_FAILED, as AWS allows.
	 */
	async deleteStack(retain: string[] = [], force = false): Promise<Outcome> {
		await this.ensureReady();
		const d = this.detail;
		if (!d) return { ok: false, error: { code: 'NoStackSelected', message: 'Choose a stack first.' } };
		return this.#host.change(() => {
			this.#cfn().call('DeleteStack', { StackName: d.id, ...(retain.length ? { RetainResources: retain } : {}), ...(force ? { DeletionMode: 'FORCE_DELETE_STACK' } : {}) });
			const after = this.#cfn(this.#reader()).call('DescribeStacks', { StackName: d.id }).Stacks?.[0];
			this.tab = 'events';
			if (after && after.StackStatus !== 'DELETE_IN_PROGRESS' && after.StackStatus !== 'DELETE_COMPLETE') {
				return `DeleteStack answered, but ${d.name} did not start deleting: ${after.StackStatusReason ?? after.StackStatus}`;
			}
			return `DeleteStack: ${d.name} is ${after?.StackStatus ?? 'DELETE_IN_PROGRESS'}.`;
		});
	}

	detectDrift(): Outcome {
		const d = this.detail;
		if (!d) return { ok: false, error: { code: 'NoStackSelected', message: 'Choose a stack first.' } };
		return this.#host.change(() => {
			const out = this.#cfn().call('DetectStackDrift', { StackName: d.id });
			const id = out.StackDriftDetectionId ?? '';
			this.#detection = { stackId: d.id, id };
			this.tab = 'drift';
			// The run reads the resources a few seconds later: wait for it, as in the console.
			const world = this.#host.world();
			const reader = this.#cfn(this.#reader());
			const status = () => reader.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId: id });
			const events: WorldEvent[] = [];
			let waited = 0;
			while (status().DetectionStatus === 'DETECTION_IN_PROGRESS' && waited < DRIFT_WAIT_LIMIT_MS) {
				events.push(...world.advanceBy(DRIFT_STEP_MS));
				waited += DRIFT_STEP_MS;
			}
			if (waited > 0) this.#host.afterTime(`Waited ${waited / 1000} seconds while CloudFormation read the resources of ${d.name}`, events);
			const done = status();
			const drifted = done.DriftedStackResourceCount !== undefined ? `, ${plural(done.DriftedStackResourceCount, 'resource')} drifted` : '';
			return `DetectStackDrift: ${d.name} is ${done.StackDriftStatus ?? 'not known yet'} (${done.DetectionStatus ?? ''}${drifted}).`;
		});
	}

	cancelUpdate(): Outcome {
		const d = this.detail;
		if (!d) return { ok: false, error: { code: 'NoStackSelected', message: 'Choose a stack first.' } };
		return this.#host.change(() => {
			this.#cfn().call('CancelUpdateStack', { StackName: d.id });
			this.tab = 'events';
			return `CancelUpdateStack: CloudFormation cancels the update of ${d.name} and rolls it back. Move the clock on to watch.`;
		});
	}

	async continueRollback(skip: string[]): Promise<Outcome> {
		await this.ensureReady();
		const d = this.detail;
		if (!d) return { ok: false, error: { code: 'NoStackSelected', message: 'Choose a stack first.' } };
		return this.#host.change(() => {
			this.#cfn().call('ContinueUpdateRollback', { StackName: d.id, ...(skip.length ? { ResourcesToSkip: skip } : {}) });
			this.tab = 'events';
			return `ContinueUpdateRollback: ${d.name} is UPDATE_ROLLBACK_IN_PROGRESS${skip.length ? `, skipping ${skip.join(', ')}` : ''}.`;
		});
	}

	/** RollbackStack from CREATE_FAILED or UPDATE_FAILED: back to the last stable state, or everything deleted. */
	async rollbackStack(retainExceptOnCreate = false): Promise<Outcome> {
		await this.ensureReady();
		const d = this.detail;
		if (!d) return { ok: false, error: { code: 'NoStackSelected', message: 'Choose a stack first.' } };
		return this.#host.change(() => {
			this.#cfn().call('RollbackStack', { StackName: d.id, ...(retainExceptOnCreate ? { RetainExceptOnCreate: true } : {}) });
			this.tab = 'events';
			const after = this.#cfn(this.#reader()).call('DescribeStacks', { StackName: d.id }).Stacks?.[0]?.StackStatus;
			return `RollbackStack: ${d.name} is ${after ?? 'rolling back'}. Move the clock on to watch its events.`;
		});
	}

	/**
	 * Retries a paused failure: UpdateStack with the stack's own template and parameter values
	 * (UsePreviousTemplate, UsePreviousValue) and DisableRollback, which AWS requires from
	 * CREATE_FAILED and UPDATE_FAILED. Resources that failed are tried again; the rest are kept.
	 */
	async retryUpdate(): Promise<Outcome> {
		await this.ensureReady();
		const d = this.detail;
		if (!d) return { ok: false, error: { code: 'NoStackSelected', message: 'Choose a stack first.' } };
		return this.#host.change(() => {
			this.#cfn().call('UpdateStack', {
				StackName: d.id,
				UsePreviousTemplate: true,
				Parameters: d.parameters.map((p) => ({ ParameterKey: p.key, UsePreviousValue: true })),
				Capabilities: [...d.capabilities],
				DisableRollback: true
			});
			this.tab = 'events';
			return `UpdateStack (retry, DisableRollback): ${d.name} is UPDATE_IN_PROGRESS with the same template. Move the clock on to watch its events.`;
		});
	}

	setTerminationProtection(enable: boolean): Outcome {
		const d = this.detail;
		if (!d) return { ok: false, error: { code: 'NoStackSelected', message: 'Choose a stack first.' } };
		return this.#host.change(() => {
			this.#cfn().call('UpdateTerminationProtection', { StackName: d.id, EnableTerminationProtection: enable });
			return enable
				? `UpdateTerminationProtection: ${d.name} is protected. DeleteStack is refused until you disable it.`
				: `UpdateTerminationProtection: ${d.name} is no longer protected and can be deleted.`;
		});
	}

	/** SetStackPolicy: from now on every update of the stack is checked against the policy. */
	setStackPolicy(body: string): Outcome {
		const d = this.detail;
		if (!d) return { ok: false, error: { code: 'NoStackSelected', message: 'Choose a stack first.' } };
		return this.#host.change(() => {
			this.#cfn().call('SetStackPolicy', { StackName: d.id, StackPolicyBody: body });
			return `SetStackPolicy: ${d.name} has the policy. CloudFormation checks it on every update; a stack policy cannot be removed, only replaced.`;
		});
	}

	/** " in account …, Region …" away from home, where a message would otherwise mislead. */
	#where(): string {
		return sameScope(this.scope, this.home) ? '' : ` in account ${this.scope.account}, Region ${this.scope.region}`;
	}

	#focus(stackId: string | null, tab: DetailTab): void {
		if (stackId && stackId !== this.selectedId) this.changeSetId = null;
		if (stackId) this.selectedId = stackId;
		this.tab = tab;
	}
}

/** ECR repositories that live stacks in one scope manage: repository name → stack and logical ID. */
function managedRepositories(cfn: Cfn, summaries: readonly StackSummary[]): Record<string, { stack: string; logicalId: string }> {
	const managed: Record<string, { stack: string; logicalId: string }> = {};
	for (const s of summaries) {
		if (s.StackStatus === 'DELETE_COMPLETE') continue;
		for (const r of cfn.call('DescribeStackResources', { StackName: s.StackId }).StackResources ?? []) {
			if (r.ResourceType === 'AWS::ECR::Repository' && r.PhysicalResourceId && r.ResourceStatus !== 'DELETE_COMPLETE') {
				managed[r.PhysicalResourceId] = { stack: s.StackName ?? '', logicalId: r.LogicalResourceId ?? '' };
			}
		}
	}
	return managed;
}

/** change-1 → change-2; a name without a number gets -2. */
function nextName(name: string): string {
	const m = /^(.*?)(\d+)$/.exec(name);
	return m ? `${m[1]}${Number(m[2]) + 1}` : `${name}-2`;
}
