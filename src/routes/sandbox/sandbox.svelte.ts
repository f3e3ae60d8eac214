// The sandbox's one simulated world and everything the page shows about it. Components call the
// methods here; the methods make ECR and IAM calls with AWS's operation names and shapes, then
// read the world back through operations (never through its private state) and save it.
import { World } from '$lib/engines/world';
import type { WorldEvent } from '$lib/engines/world-events';
import { AwsError } from '$lib/engines/errors';
import { AccessDeniedException } from '$lib/engines/access-denied';
import { LEARNER_ACCOUNT, rootCaller, type Caller } from '$lib/engines/world-constants';
import { fakeImage, pushSteps, type ApiStep } from '$lib/engines/ecr/docker';
import { PREVIEW_DURATION_MS } from '$lib/engines/ecr/lifecycle-api';
import { AWS_MANAGED_POLICIES, awsManagedPolicyArn } from '$lib/engines/identity/managed-policies';
import type { SandboxStore } from './saved';
import { formatInstant, plural, shortDigest } from './format';
import { errorView, type ErrorView, type Outcome } from './errors';
import { Stacks, type SavedStacks, type Scope, type Transition } from './stacks.svelte';
import { StackSets, type SavedStackSets } from './stacksets.svelte';
import type { ShellSession } from '$lib/cli/types';
// The session module alone: the shell's programs load with the terminal, not with this page.
import { createSession } from '$lib/cli/shell/session';
import { restoreTerminal, terminalSnapshot, type SavedTerminal } from './terminal-save';

export const REGION = 'us-east-1';
export const DEV_USER = 'dev';
const ROOT = rootCaller(LEARNER_ACCOUNT);
const DEV: Caller = { arn: `arn:aws:iam::${LEARNER_ACCOUNT}:user/${DEV_USER}`, accountId: LEARNER_ACCOUNT };

export type CallerKind = 'root' | 'dev';

const DEV_POLICY_NAMES = ['AmazonEC2ContainerRegistryReadOnly', 'AmazonEC2ContainerRegistryPowerUser', 'AmazonEC2ContainerRegistryPullOnly'] as const;
export type DevPolicy = 'none' | (typeof DEV_POLICY_NAMES)[number];

/** The AWS managed policies the learner can attach to `dev`, with AWS's own descriptions. */
export const DEV_POLICIES: readonly { name: DevPolicy; label: string; description: string }[] = [
	{ name: 'none', label: 'No policy', description: 'dev has no permissions, so IAM denies every request it makes.' },
	// The label starts with what differs, so a narrow select still shows it.
	...DEV_POLICY_NAMES.map((name) => ({
		name,
		label: `${name.replace('AmazonEC2ContainerRegistry', '')}: ${name}`,
		description: AWS_MANAGED_POLICIES.find((p) => p.policyName === name)?.description ?? ''
	}))
];

export interface ImageView {
	digest: string;
	tags: string[];
	sizeInBytes: number;
	pushedAt: string;
	/** imageScanStatus.status; absent when the image was never scanned. */
	scanStatus?: string;
	scanDescription?: string;
	severityCounts: Record<string, number>;
}

export interface RepositoryView {
	name: string;
	uri: string;
	createdAt: string;
	tagMutability: string;
	scanOnPush: boolean;
	lifecyclePolicyText?: string;
	images: ImageView[];
}

export type { ErrorView, ExplanationView, Outcome, StatementView, TemplateLocationView } from './errors';
export { errorView } from './errors';

export interface StepView {
	operation: string;
	action: string;
	purpose: string;
	status: 'running' | 'done' | 'denied' | 'failed';
	detail?: string;
}

export interface PushRun {
	id: number;
	caller: string;
	reference: string;
	repository: string;
	tag: string;
	status: 'running' | 'pushed' | 'failed';
	steps: StepView[];
	digest?: string;
	error?: ErrorView;
}

export interface FindingView {
	name: string;
	severity: string;
	packageName: string;
	packageVersion: string;
	score?: string;
	uri?: string;
	description?: string;
}

export interface FindingsView {
	repository: string;
	digest: string;
	tags: string[];
	caller: string;
	status?: string;
	description?: string;
	completedAt?: string;
	counts: Record<string, number>;
	findings: FindingView[];
	error?: ErrorView;
}

export interface PreviewResultView {
	digest: string;
	tags: string[];
	pushedAt: string;
	action: string;
	rulePriority?: number;
}

export interface PreviewView {
	repository: string;
	status?: string;
	results: PreviewResultView[];
	expiringCount: number;
	imageCount: number;
	error?: ErrorView;
}

export interface LogEntry {
	id: number;
	/** Virtual instant the entry is about. */
	at: string;
	kind: 'clock' | 'scan' | 'lifecycle' | 'preview' | 'replication' | 'stack' | 'note';
	text: string;
}

interface SavedSandbox {
	version: 1;
	world: unknown;
	caller: CallerKind;
	log: LogEntry[];
	selected: { repository: string; digest: string } | null;
	/** Added with the CloudFormation view; absent from older saves. */
	view?: SandboxView;
	cfn?: SavedStacks;
	/** Added with the StackSets panel. */
	stackSets?: SavedStackSets;
	/** Added with the terminal: its history, exported variables and docker's local state. */
	terminal?: SavedTerminal;
}

/** The two halves of the sandbox, one world underneath. */
export type SandboxView = 'ecr' | 'cloudformation' | 'terminal';

/** How far "Run to completion" moves the clock at most, and in what steps. */
export const RUN_LIMIT_MS = 60 * 60_000;
const RUN_STEP_MS = 1_000;

const seconds = (ms: number): string => (ms < 120_000 ? plural(Math.round(ms / 1000), 'second') : plural(Math.round(ms / 60_000), 'minute'));

const MAX_LOG = 200;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Every page of a paginated ECR read. */
function allPages<R extends { nextToken?: string }>(read: (nextToken: string | undefined) => R): R[] {
	const pages: R[] = [];
	let token: string | undefined;
	do {
		const page = read(token);
		pages.push(page);
		token = page.nextToken;
	} while (token);
	return pages;
}

const iso = (d: Date | string | undefined): string => (d === undefined ? '' : new Date(d).toISOString());

export interface SandboxOptions {
	/** The instant a new sandbox starts at; defaults to the current minute. */
	now?: () => Date;
	/** Pause between docker push steps so the learner sees them run; 0 in tests. */
	stepDelayMs?: number;
}

export class Sandbox {
	ready = $state(false);
	/** The virtual clock, as an ISO instant. */
	now = $state('');
	callerKind = $state<CallerKind>('root');
	devPolicy = $state<DevPolicy>('none');
	repositories = $state.raw<RepositoryView[]>([]);
	log = $state.raw<LogEntry[]>([]);
	push = $state.raw<PushRun | null>(null);
	findings = $state.raw<FindingsView | null>(null);
	preview = $state.raw<PreviewView | null>(null);
	/** What the page's live region says; the id changes so the same words are announced again. */
	announcement = $state.raw({ id: 0, text: '' });
	saveProblem = $state<string | null>(null);
	/** A docker push is running: other changes wait so its steps see one consistent world. */
	busy = $state(false);
	/** Which half of the sandbox is on screen. */
	view = $state<SandboxView>('ecr');
	/** The CloudFormation view's draft, stacks and selection. */
	readonly stacks: Stacks;
	/** The StackSets panel's draft, stack sets and selection. */
	readonly stackSets: StackSets;
	/** The terminal's shell session over this world; created when the terminal is first shown. */
	shell = $state.raw<ShellSession | null>(null);

	#world: World | undefined;
	#store: SandboxStore;
	#options: SandboxOptions;
	#selected: { repository: string; digest: string } | null = null;
	#nextId = 1;
	/** The saved terminal, kept as it was until the terminal is opened in this visit. */
	#savedTerminal: unknown;

	constructor(store: SandboxStore, options: SandboxOptions = {}) {
		this.#store = store;
		this.#options = options;
		this.stacks = new Stacks({
			world: () => this.#w(),
			caller: () => this.#caller(),
			reader: () => ROOT,
			region: REGION,
			change: (run) => this.#change(run),
			afterTime: (what, events) => this.#afterTime(what, events)
		});
		this.stackSets = new StackSets({
			world: () => this.#w(),
			caller: () => this.#caller(),
			reader: () => ROOT,
			region: REGION,
			change: (run) => this.#change(run),
			draft: () => this.stacks.deployDraft()
		});
	}

	get callerArn(): string {
		return this.#caller().arn;
	}

	#caller(): Caller {
		return this.callerKind === 'dev' ? DEV : ROOT;
	}

	#w(): World {
		if (!this.#world) throw new Error('The sandbox has not started yet.');
		return this.#world;
	}

	/** Restores the saved sandbox, or starts a new one. Call once, in the browser. */
	start(): void {
		const saved = this.#store.load();
		let restoredProblem: string | undefined;
		if (saved !== undefined) {
			try {
				this.#restore(saved);
				// A save from an older simulator may restore yet fail on first use: find out now.
				this.#refresh();
			} catch (e) {
				restoredProblem = `Your saved sandbox could not be read (${e instanceof Error ? e.message : String(e)}), so a new one was started.`;
				this.#world = undefined;
			}
		}
		if (!this.#world) {
			this.#fresh(restoredProblem ? [restoredProblem] : []);
			this.#refresh();
		}
		if (this.view === 'terminal') this.openShell();
		this.ready = true;
		// A restored stack operation needs the resource schemas before the clock can move it on.
		if (this.stacks.hasStacks || this.stackSets.hasStackSets || this.view === 'cloudformation') this.#loadCloudFormation();
		if (restoredProblem) this.#announce(restoredProblem);
		else if (saved !== undefined) this.#announce(`Your sandbox was restored. The clock says ${formatInstant(this.now)}.`);
	}

	#restore(raw: unknown): void {
		const s = raw as Partial<SavedSandbox> | null;
		if (!s || typeof s !== 'object' || s.version !== 1) throw new Error('it was saved by another version of this page');
		const world = World.restore(s.world);
		this.#world = world;
		this.callerKind = s.caller === 'dev' ? 'dev' : 'root';
		this.log = Array.isArray(s.log)
			? s.log.filter((e): e is LogEntry => !!e && typeof e.text === 'string' && typeof e.at === 'string' && typeof e.id === 'number').slice(0, MAX_LOG)
			: [];
		this.#nextId = Math.max(0, ...this.log.map((e) => e.id)) + 1;
		this.#selected = s.selected && typeof s.selected.repository === 'string' && typeof s.selected.digest === 'string' ? s.selected : null;
		this.view = s.view === 'cloudformation' || s.view === 'terminal' ? s.view : 'ecr';
		this.#savedTerminal = s.terminal;
		this.stacks.restore(s.cfn);
		this.stackSets.restore(s.stackSets);
		this.#ensureDevUser();
	}

	#fresh(notes: string[]): void {
		const start = this.#options.now?.() ?? new Date();
		start.setUTCSeconds(0, 0);
		this.#world = World.create({ now: start });
		this.#ensureDevUser();
		this.callerKind = 'root';
		this.#selected = null;
		this.push = null;
		this.findings = null;
		this.preview = null;
		this.stacks.reset();
		this.stackSets.reset();
		this.log = [];
		this.#addLog('note', `Sandbox started in ${REGION}, account ${LEARNER_ACCOUNT}, with an IAM user named ${DEV_USER}.`);
		for (const n of notes) this.#addLog('note', n);
		// A new world needs a new shell over it; the history is the learner's typing, so it stays.
		const history = this.shell?.history ?? [];
		this.#savedTerminal = history.length ? { history } : undefined;
		if (this.shell) this.shell = this.#newShell();
	}

	// ---- the terminal ----

	#newShell(): ShellSession {
		const session = createSession(this.#w());
		session.env.set('AWS_DEFAULT_REGION', REGION);
		restoreTerminal(session, this.#savedTerminal);
		return session;
	}

	/** The terminal's session, created over this world (with any saved history) on first use. */
	openShell(): ShellSession {
		if (!this.shell || this.shell.world !== this.#w()) this.shell = this.#newShell();
		return this.shell;
	}

	/** After each line the terminal runs: show what it changed, save, and say so briefly. */
	afterTerminalLine(exitCode: number): void {
		if (!this.shell || this.shell.world !== this.#world) return;
		this.#refresh();
		this.#announce(exitCode === 0 ? 'The command finished.' : `The command failed with exit code ${exitCode}.`);
	}

	#ensureDevUser(): void {
		const iam = this.#w().iam(ROOT);
		try {
			iam.call('GetUser', { UserName: DEV_USER });
		} catch (e) {
			if (!(e instanceof AwsError) || e.code !== 'NoSuchEntity') throw e;
			iam.call('CreateUser', { UserName: DEV_USER });
		}
	}

	// ---- reading the world back ----

	/** Re-reads everything the page shows, through the API, and saves. */
	#refresh(): void {
		const world = this.#w();
		// The listing uses the root user's credentials so it is complete whoever the caller is.
		const ecr = world.ecr(ROOT, REGION);
		const repos = allPages((nextToken) => ecr.call('DescribeRepositories', nextToken ? { nextToken } : {})).flatMap((p) => p.repositories ?? []);
		this.repositories = repos
			.map((r): RepositoryView => {
				const name = r.repositoryName ?? '';
				const images = allPages((nextToken) => ecr.call('DescribeImages', { repositoryName: name, ...(nextToken ? { nextToken } : {}) }))
					.flatMap((p) => p.imageDetails ?? [])
					.map(
						(d): ImageView => ({
							digest: d.imageDigest ?? '',
							tags: [...(d.imageTags ?? [])].sort(),
							sizeInBytes: d.imageSizeInBytes ?? 0,
							pushedAt: iso(d.imagePushedAt),
							...(d.imageScanStatus?.status ? { scanStatus: d.imageScanStatus.status } : {}),
							...(d.imageScanStatus?.description ? { scanDescription: d.imageScanStatus.description } : {}),
							severityCounts: { ...(d.imageScanFindingsSummary?.findingSeverityCounts ?? {}) } as Record<string, number>
						})
					)
					.sort((a, b) => b.pushedAt.localeCompare(a.pushedAt) || a.digest.localeCompare(b.digest));
				let lifecyclePolicyText: string | undefined;
				try {
					lifecyclePolicyText = ecr.call('GetLifecyclePolicy', { repositoryName: name }).lifecyclePolicyText;
				} catch (e) {
					if (!(e instanceof AwsError) || e.code !== 'LifecyclePolicyNotFoundException') throw e;
				}
				return {
					name,
					uri: r.repositoryUri ?? '',
					createdAt: iso(r.createdAt),
					tagMutability: r.imageTagMutability ?? 'MUTABLE',
					scanOnPush: r.imageScanningConfiguration?.scanOnPush ?? false,
					...(lifecyclePolicyText !== undefined ? { lifecyclePolicyText } : {}),
					images
				};
			})
			.sort((a, b) => a.name.localeCompare(b.name));

		const attached = world.iam(ROOT).call('ListAttachedUserPolicies', { UserName: DEV_USER }).AttachedPolicies ?? [];
		this.devPolicy = DEV_POLICIES.find((p) => attached.some((a) => a.PolicyName === p.name))?.name ?? 'none';
		this.now = world.clock.now().toISOString();
		this.#loadFindings();
		this.#logTransitions([...this.stacks.read(), ...this.stackSets.read()].sort((a, b) => a.at.localeCompare(b.at)));
		this.#save();
	}

	#logTransitions(transitions: Transition[]): void {
		for (const t of transitions) this.#addLog('stack', t.text, t.at);
	}

	/** Saves the sandbox as it is (the template editor calls this as the learner types). */
	persist(): void {
		if (this.#world) this.#save();
	}

	#save(): void {
		const saved: SavedSandbox = {
			version: 1,
			world: this.#w().snapshot(),
			caller: this.callerKind,
			log: this.log,
			selected: this.#selected,
			view: this.view,
			cfn: this.stacks.snapshot(),
			stackSets: this.stackSets.snapshot()
		};
		const terminal = this.shell ? terminalSnapshot(this.shell) : this.#savedTerminal;
		if (terminal !== undefined) saved.terminal = terminal as SavedTerminal;
		try {
			this.#store.save(saved);
			this.saveProblem = null;
		} catch (e) {
			this.saveProblem = `This browser would not save the sandbox (${e instanceof Error ? e.message : String(e)}). Your changes last until you close or reload the page.`;
		}
	}

	#announce(text: string): void {
		this.announcement = { id: this.announcement.id + 1, text };
	}

	#addLog(kind: LogEntry['kind'], text: string, at = this.#w().clock.now().toISOString()): void {
		this.log = [{ id: this.#nextId++, at, kind, text }, ...this.log].slice(0, MAX_LOG);
	}

	/** Runs one change as the current caller: refresh, save and announce whatever happens. */
	#change(run: () => string): Outcome {
		if (this.busy) return { ok: false, error: { code: 'SandboxBusy', message: 'Wait for the docker push to finish.' } };
		let outcome: Outcome;
		try {
			outcome = { ok: true, message: run() };
		} catch (e) {
			outcome = { ok: false, error: errorView(e) };
		}
		this.#refresh();
		this.#announce(outcome.ok ? outcome.message : `${outcome.error.code}: ${outcome.error.message}`);
		return outcome;
	}

	/** How an image is named in messages: repository:tag, or repository@digest when untagged. */
	#imageName(repository: string, digest: string, tags?: string[]): string {
		const known = tags ?? this.repositories.find((r) => r.name === repository)?.images.find((i) => i.digest === digest)?.tags ?? [];
		return known.length ? known.map((t) => `${repository}:${t}`).join(', ') : `${repository}@sha256:${shortDigest(digest)}`;
	}

	// ---- who is calling ----

	setCaller(kind: CallerKind): void {
		if (this.callerKind === kind) return;
		this.callerKind = kind;
		this.#refresh();
		this.#announce(`Calls are now made as ${this.callerArn}.`);
	}

	setDevPolicy(policy: DevPolicy): Outcome {
		return this.#change(() => {
			const iam = this.#w().iam(ROOT);
			const calls: string[] = [];
			for (const p of iam.call('ListAttachedUserPolicies', { UserName: DEV_USER }).AttachedPolicies ?? []) {
				if (p.PolicyName === policy) continue;
				iam.call('DetachUserPolicy', { UserName: DEV_USER, PolicyArn: p.PolicyArn });
				calls.push(`DetachUserPolicy ${p.PolicyName}`);
			}
			if (policy !== 'none' && this.devPolicy !== policy) {
				iam.call('AttachUserPolicy', { UserName: DEV_USER, PolicyArn: awsManagedPolicyArn(policy) });
				calls.push(`AttachUserPolicy ${policy}`);
			}
			const now = policy === 'none' ? `${DEV_USER} now has no policy` : `${DEV_USER} now has ${policy} attached`;
			return calls.length ? `${now} (IAM calls: ${calls.join(', ')}).` : `${now}.`;
		});
	}

	// ---- repositories and images ----

	createRepository(input: { name: string; tagMutability: string; scanOnPush: boolean }): Outcome {
		return this.#change(() => {
			const out = this.#w()
				.ecr(this.#caller(), REGION)
				.call('CreateRepository', { repositoryName: input.name, imageTagMutability: input.tagMutability, imageScanningConfiguration: { scanOnPush: input.scanOnPush } });
			return `CreateRepository succeeded: ${out.repository?.repositoryUri ?? input.name}.`;
		});
	}

	/** DeleteRepository with force (images and all). A repository a stack made is then drift for that stack. */
	deleteRepository(name: string): Outcome {
		const managed = this.stacks.managed[name];
		return this.#change(() => {
			const out = this.#w().ecr(this.#caller(), REGION).call('DeleteRepository', { repositoryName: name, force: true });
			const gone = `DeleteRepository succeeded: ${out.repository?.repositoryName ?? name} and its images are deleted.`;
			return managed
				? `${gone} Stack ${managed.stack} still lists it as ${managed.logicalId}: detect drift on ${managed.stack} to see it DELETED.`
				: gone;
		});
	}

	startImageScan(repository: string, digest: string): Outcome {
		return this.#change(() => {
			const out = this.#w().ecr(this.#caller(), REGION).call('StartImageScan', { repositoryName: repository, imageId: { imageDigest: digest } });
			return `StartImageScan: ${this.#imageName(repository, digest)} is ${out.imageScanStatus?.status ?? 'being scanned'}. Move the clock forward for the scan to finish.`;
		});
	}

	/** Shows the scan findings of one image, read with DescribeImageScanFindings as the current caller. */
	selectImage(repository: string, digest: string): void {
		this.#selected = { repository, digest };
		this.#loadFindings();
		this.#save();
		const f = this.findings;
		if (!f) return;
		if (f.error) this.#announce(`${f.error.code}: ${f.error.message}`);
		else this.#announce(`Scan findings for ${this.#imageName(repository, digest)}: status ${f.status ?? 'unknown'}, ${plural(f.findings.length, 'finding')}.`);
	}

	#loadFindings(): void {
		const sel = this.#selected;
		if (!sel) {
			this.findings = null;
			return;
		}
		const image = this.repositories.find((r) => r.name === sel.repository)?.images.find((i) => i.digest === sel.digest);
		if (!image) {
			// Expired by a lifecycle policy, or the sandbox was reset: nothing to show any more.
			this.#selected = null;
			this.findings = null;
			return;
		}
		const tags = image.tags;
		const base = { repository: sel.repository, digest: sel.digest, tags, caller: this.callerArn, counts: {}, findings: [] };
		try {
			const ecr = this.#w().ecr(this.#caller(), REGION);
			const pages = allPages((nextToken) =>
				ecr.call('DescribeImageScanFindings', { repositoryName: sel.repository, imageId: { imageDigest: sel.digest }, maxResults: 1000, ...(nextToken ? { nextToken } : {}) })
			);
			const first = pages[0];
			const rank = (s: string) => {
				const i = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'].indexOf(s);
				return i < 0 ? 99 : i;
			};
			const findings = pages
				.flatMap((p) => p.imageScanFindings?.findings ?? [])
				.map((f): FindingView => {
					const attr = (key: string) => f.attributes?.find((a) => a.key === key)?.value;
					return {
						name: f.name ?? '',
						severity: f.severity ?? 'UNDEFINED',
						packageName: attr('package_name') ?? '',
						packageVersion: attr('package_version') ?? '',
						...(attr('CVSS3_SCORE') ?? attr('CVSS2_SCORE') ? { score: attr('CVSS3_SCORE') ?? attr('CVSS2_SCORE') } : {}),
						...(f.uri ? { uri: f.uri } : {}),
						...(f.description ? { description: f.description } : {})
					};
				})
				.sort((a, b) => rank(a.severity) - rank(b.severity) || a.name.localeCompare(b.name) || a.packageName.localeCompare(b.packageName));
			this.findings = {
				...base,
				...(first?.imageScanStatus?.status ? { status: first.imageScanStatus.status } : {}),
				...(first?.imageScanStatus?.description ? { description: first.imageScanStatus.description } : {}),
				...(first?.imageScanFindings?.imageScanCompletedAt ? { completedAt: iso(first.imageScanFindings.imageScanCompletedAt) } : {}),
				counts: { ...(first?.imageScanFindings?.findingSeverityCounts ?? {}) } as Record<string, number>,
				findings
			};
		} catch (e) {
			this.findings = { ...base, error: errorView(e) };
		}
	}

	clearSelection(): void {
		this.#selected = null;
		this.findings = null;
		this.#save();
	}

	// ---- docker push ----

	/**
	 * `docker push`, one ECR call at a time as the current caller, stopping at the first call that
	 * fails. Each push builds a new image: the chosen base image's filesystem plus an application
	 * layer, so two pushes with different tags (or at different times) get different digests.
	 */
	async pushImage(input: { reference: string; repository: string; tag: string }): Promise<Outcome> {
		if (this.busy) return { ok: false, error: { code: 'SandboxBusy', message: 'A docker push is already running.' } };
		const world = this.#w();
		const tag = input.tag.trim() || 'latest';
		const caller = this.#caller();
		const ecr = world.ecr(caller, REGION);
		const image = fakeImage(`${input.repository}:${tag} built on ${input.reference} at ${world.clock.now().toISOString()}`, 2, { base: input.reference });
		const steps = pushSteps(image, input.repository, tag);
		let run: PushRun = { id: this.#nextId++, caller: caller.arn, reference: input.reference, repository: input.repository, tag, status: 'running', steps: [] };
		const show = (patch: Partial<PushRun>) => (this.push = run = { ...run, ...patch });
		show({});
		this.busy = true;
		const delay = this.#options.stepDelayMs ?? 0;
		let outcome: Outcome;
		try {
			let next = steps.next();
			while (!next.done) {
				const step = next.value;
				const view: StepView = { operation: step.operation, action: step.action, purpose: step.purpose, status: 'running' };
				show({ steps: [...run.steps, view] });
				if (delay > 0) await sleep(delay);
				if (this.#world !== world) throw new Error('The sandbox was reset during the push.');
				let output: unknown;
				try {
					output = ecr.callByName(step.operation, step.input);
				} catch (e) {
					const error = errorView(e);
					show({ status: 'failed', error, steps: [...run.steps.slice(0, -1), { ...view, status: e instanceof AccessDeniedException ? 'denied' : 'failed' }] });
					break;
				}
				const detail = stepDetail(step, output);
				show({ steps: [...run.steps.slice(0, -1), { ...view, status: 'done', ...(detail ? { detail } : {}) }] });
				if (step.operation === 'PutImage') {
					const digest = (output as { image?: { imageId?: { imageDigest?: string } } }).image?.imageId?.imageDigest;
					if (digest) show({ digest });
				}
				next = steps.next(output as Record<string, unknown> | undefined);
			}
			if (run.status === 'running') show({ status: 'pushed' });
			outcome =
				run.status === 'pushed'
					? { ok: true, message: `Pushed ${input.repository}:${tag}${run.digest ? ` (sha256:${shortDigest(run.digest)})` : ''} in ${plural(run.steps.length, 'API call')}.` }
					: { ok: false, error: run.error ?? { code: 'SimulatorError', message: 'The push stopped.' } };
		} catch (e) {
			outcome = { ok: false, error: errorView(e) };
			show({ status: 'failed', error: outcome.error });
		} finally {
			this.busy = false;
		}
		if (this.#world !== world) return outcome;
		this.#refresh();
		const failedStep = run.steps.at(-1);
		this.#announce(
			outcome.ok
				? outcome.message
				: `The push stopped at ${failedStep?.operation ?? 'the first call'}${failedStep ? ` (${failedStep.action})` : ''}. ${outcome.error.code}: ${outcome.error.message}`
		);
		return outcome;
	}

	// ---- lifecycle policies ----

	putLifecyclePolicy(repository: string, text: string): Outcome {
		return this.#change(() => {
			this.#w().ecr(this.#caller(), REGION).call('PutLifecyclePolicy', { repositoryName: repository, lifecyclePolicyText: text });
			return `PutLifecyclePolicy succeeded: ${repository} has the policy. ECR applies it every day at 00:00 UTC in this sandbox.`;
		});
	}

	deleteLifecyclePolicy(repository: string): Outcome {
		return this.#change(() => {
			this.#w().ecr(this.#caller(), REGION).call('DeleteLifecyclePolicy', { repositoryName: repository });
			return `DeleteLifecyclePolicy succeeded: ${repository} has no lifecycle policy now.`;
		});
	}

	/**
	 * StartLifecyclePolicyPreview with the given text, then GetLifecyclePolicyPreview once the
	 * preview is done. A preview takes a few seconds of (virtual) time, so the clock moves on by
	 * that much, as it would while you wait in the console.
	 */
	previewLifecycle(repository: string, text: string): Outcome {
		const imageCount = this.repositories.find((r) => r.name === repository)?.images.length ?? 0;
		const outcome = this.#change(() => {
			const world = this.#w();
			const ecr = world.ecr(this.#caller(), REGION);
			ecr.call('StartLifecyclePolicyPreview', { repositoryName: repository, lifecyclePolicyText: text });
			this.#afterTime(`Waited ${PREVIEW_DURATION_MS / 1000} seconds for the lifecycle policy preview`, world.advanceBy(PREVIEW_DURATION_MS));
			const pages = allPages((nextToken) => ecr.call('GetLifecyclePolicyPreview', { repositoryName: repository, ...(nextToken ? { nextToken } : {}) }));
			const results = pages.flatMap((p) => p.previewResults ?? []).map(
				(r): PreviewResultView => ({
					digest: r.imageDigest ?? '',
					tags: [...(r.imageTags ?? [])],
					pushedAt: iso(r.imagePushedAt),
					action: r.action?.type ?? '',
					...(r.appliedRulePriority !== undefined ? { rulePriority: r.appliedRulePriority } : {})
				})
			);
			const status = pages[0]?.status;
			const expiringCount = pages[0]?.summary?.expiringImageTotalCount ?? results.filter((r) => r.action === 'EXPIRE').length;
			this.preview = { repository, ...(status ? { status } : {}), results, expiringCount, imageCount };
			return `Lifecycle policy preview ${status ?? ''} for ${repository}: ${plural(expiringCount, 'image')} of ${imageCount} would expire.`;
		});
		if (!outcome.ok) this.preview = { repository, results: [], expiringCount: 0, imageCount, error: outcome.error };
		return outcome;
	}

	// ---- time ----

	advance(ms: number, label: string): void {
		if (this.busy) return;
		let events: WorldEvent[];
		try {
			events = this.#w().advanceBy(ms);
		} catch (e) {
			// CloudFormation still loading the schemas a restored stack operation needs: nothing moved.
			const error = errorView(e);
			this.#announce(`The clock did not move. ${error.code}: ${error.message}`);
			return;
		}
		const summary = this.#afterTime(`Clock moved forward ${label}`, events);
		this.#refresh();
		this.#announce(`Clock moved forward ${label}. It is now ${formatInstant(this.now)}. ${summary}`);
	}

	/**
	 * Moves the clock a second at a time until no stack operation is in progress, or RUN_LIMIT_MS
	 * has passed, whichever comes first, as when you keep refreshing the console until it is done.
	 */
	async runToCompletion(): Promise<Outcome> {
		if (this.busy) return { ok: false, error: { code: 'SandboxBusy', message: 'Wait for the docker push to finish.' } };
		try {
			await this.stacks.ensureReady();
		} catch (e) {
			return this.#refused(errorView(e));
		}
		const world = this.#w();
		// Stack set operations count too: their stacks run in other accounts and Regions.
		const inProgress = () => [...this.stacks.inProgress(), ...this.stackSets.running()];
		const running = inProgress();
		if (!running.length) {
			const message = `No stack or stack set operation is in progress, so the clock stayed at ${formatInstant(this.now)}.`;
			this.#announce(message);
			return { ok: true, message };
		}
		const events: WorldEvent[] = [];
		let moved = 0;
		let left = running;
		try {
			while (left.length && moved < RUN_LIMIT_MS) {
				events.push(...world.advanceBy(RUN_STEP_MS));
				moved += RUN_STEP_MS;
				left = inProgress();
			}
		} catch (e) {
			left = [];
			this.#addLog('note', `The clock stopped: ${errorView(e).message}`);
		}
		const summary = this.#afterTime(`Ran the clock ${seconds(moved)} until no stack or stack set operation was in progress`, events);
		this.#refresh();
		const unfinished = left.length ? ` Still in progress after ${seconds(RUN_LIMIT_MS)}: ${left.join(', ')}. Move the clock on by a day if you want to wait longer.` : '';
		const message = `Ran the clock ${seconds(moved)}. It is now ${formatInstant(this.now)}. ${summary}${unfinished}`;
		this.#announce(message);
		return { ok: true, message };
	}

	#refused(error: ErrorView): Outcome {
		this.#announce(`${error.code}: ${error.message}`);
		return { ok: false, error };
	}

	// ---- where the CloudFormation view looks ----

	/** Shows (and deploys to) another account or Region, as the console's selectors do. */
	setStackScope(scope: Scope): void {
		this.stacks.setScope(scope);
		this.#refresh();
		this.#announce(`Showing the stacks of account ${scope.account} in ${scope.region}: ${plural(this.stacks.stacks.length, 'stack')}.`);
	}

	/** Opens a stack by its ARN in its own account and Region (a stack set instance's stack). */
	openStack(stackId: string): Outcome {
		if (!this.stacks.open(stackId)) return this.#refused({ code: 'ValidationError', message: `Stack with id ${stackId} does not exist` });
		this.#refresh();
		const d = this.stacks.detail;
		const message = d ? `Showing stack ${d.name} in account ${this.stacks.scope.account}, ${this.stacks.scope.region}: ${d.status}.` : `Stack ${stackId} is not there any more.`;
		this.#announce(message);
		return { ok: true, message };
	}

	// ---- the two views ----

	setView(view: SandboxView): void {
		if (this.view === view) return;
		this.view = view;
		if (view === 'cloudformation') this.#loadCloudFormation();
		if (view === 'terminal') this.openShell();
		this.#save();
	}

	#loadCloudFormation(): void {
		this.stacks.ensureReady().catch((e: unknown) => this.#announce(`CloudFormation could not start: ${errorView(e).message}`));
	}

	/** Logs a move of the clock and what happened during it; returns a one-line summary. */
	#afterTime(what: string, events: WorldEvent[]): string {
		// Stack status changes are read from DescribeStackEvents, in time order with the rest.
		const stackLines = [...this.stacks.read(), ...this.stackSets.read()].map((t) => ({ at: t.at, kind: 'stack' as const, text: t.text }));
		const lines = [...this.#describeEvents(events), ...stackLines].sort((a, b) => a.at.localeCompare(b.at));
		// Newest first: what happened on the way, then the arrival on top.
		for (const l of lines) this.#addLog(l.kind, l.text, l.at);
		this.#addLog('clock', `${what}, to ${formatInstant(this.#w().clock.now().toISOString())}.${lines.length ? '' : ' Nothing finished meanwhile.'}`);
		if (!lines.length) return 'Nothing happened meanwhile.';
		const shown = lines.slice(0, 3).map((l) => l.text);
		return `${plural(lines.length, 'thing')} happened: ${shown.join(' ')}${lines.length > 3 ? ` And ${lines.length - 3} more, in the event log.` : ''}`;
	}

	#describeEvents(events: WorldEvent[]): { at: string; kind: LogEntry['kind']; text: string }[] {
		const out: { at: string; kind: LogEntry['kind']; text: string }[] = [];
		// A daily run that changed nothing is folded into one line per repository.
		const quiet = new Map<string, { count: number; last: string }>();
		for (const e of events) {
			switch (e.kind) {
				case 'image-scan-complete':
					out.push({ at: e.at, kind: 'scan', text: `Image scan ${e.status}: ${this.#imageName(e.repositoryName, e.imageDigest)}.` });
					break;
				case 'lifecycle-run': {
					if (!e.expired.length && !e.transitioned.length) {
						const q = quiet.get(e.repositoryName) ?? { count: 0, last: e.at };
						quiet.set(e.repositoryName, { count: q.count + 1, last: e.at });
						break;
					}
					const parts = [];
					if (e.expired.length) parts.push(`expired ${plural(e.expired.length, 'image')} (${e.expired.map((d) => this.#imageName(e.repositoryName, d)).join('; ')})`);
					if (e.transitioned.length) parts.push(`archived ${plural(e.transitioned.length, 'image')}`);
					out.push({ at: e.at, kind: 'lifecycle', text: `Lifecycle policy run on ${e.repositoryName} ${parts.join(' and ')}.` });
					break;
				}
				case 'lifecycle-preview-complete':
					out.push({ at: e.at, kind: 'preview', text: `Lifecycle policy preview COMPLETE for ${e.repositoryName}.` });
					break;
				case 'stack-drift-detection-complete':
					out.push({ at: e.at, kind: 'stack', text: `Drift detection on stack ${e.stackName}: ${e.detectionStatus}${e.stackDriftStatus ? `, ${e.stackDriftStatus}` : ''}.` });
					break;
				case 'replication-complete':
				case 'replication-failed':
					out.push({
						at: e.at,
						kind: 'replication',
						text: `Replication of ${this.#imageName(e.repositoryName, e.imageDigest)} to ${e.destinationRegion} (${e.destinationAccountId}) ${e.kind === 'replication-complete' ? 'COMPLETE' : 'FAILED'}${e.reason ? `: ${e.reason}` : ''}.`
					});
					break;
			}
		}
		for (const [repo, q] of quiet) {
			out.push({
				at: q.last,
				kind: 'lifecycle',
				text: q.count === 1 ? `Lifecycle policy run on ${repo}: nothing to expire.` : `Lifecycle policy ran ${q.count} times on ${repo} (daily at 00:00 UTC): nothing to expire.`
			});
		}
		return out.sort((a, b) => a.at.localeCompare(b.at));
	}

	// ---- starting over ----

	reset(): void {
		if (this.busy) return;
		this.#store.clear();
		this.#fresh([]);
		this.#refresh();
		this.#announce(`The sandbox was reset. The clock says ${formatInstant(this.now)}.`);
	}
}

/** A few words on what a docker push step returned, for the step list. */
function stepDetail(step: ApiStep, output: unknown): string | undefined {
	const o = (output ?? {}) as Record<string, unknown>;
	switch (step.operation) {
		case 'BatchCheckLayerAvailability': {
			const layers = (o.layers as { layerAvailability?: string }[] | undefined) ?? [];
			const have = layers.filter((l) => l.layerAvailability === 'AVAILABLE').length;
			return `${plural(layers.length, 'blob')} checked: ${have} already in the repository, ${layers.length - have} to upload`;
		}
		case 'UploadLayerPart': {
			const blob = step.input.layerPartBlob as Uint8Array | undefined;
			return blob ? `${plural(blob.length, 'byte')} sent` : undefined;
		}
		case 'CompleteLayerUpload':
			return typeof o.layerDigest === 'string' ? `layer sha256:${shortDigest(o.layerDigest)} stored` : undefined;
		case 'PutImage': {
			const digest = (o.image as { imageId?: { imageDigest?: string } } | undefined)?.imageId?.imageDigest;
			return digest ? `image sha256:${shortDigest(digest)}` : undefined;
		}
		default:
			return undefined;
	}
}
