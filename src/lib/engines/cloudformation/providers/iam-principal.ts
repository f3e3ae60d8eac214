// AWS::IAM::Role and AWS::IAM::User share their shape: a named principal with a path, inline
// Policies [{PolicyName, PolicyDocument}], ManagedPolicyArns, a permissions boundary and tags.
// Create = Create<Kind> (with its tags) + Put<Kind>Policy per inline policy + Attach<Kind>Policy
// per ARN; update changes the difference between the previous and next template (policies added
// by separate AWS::IAM::Policy / ManagedPolicy resources are theirs, not touched); delete removes
// the inline and managed policies the template declared, then Delete<Kind>. Like CloudFormation's
// handler it leaves alone what was added outside the stack, so a policy attached by hand makes
// the delete fail with IAM's DeleteConflict: AWS's maintainers describe exactly that
// (awslabs/amazon-eks-irsa-cfn PR #11), and real events read `Resource handler returned message:
// "Cannot delete entity, must detach all policies first. (Service: Iam, Status Code: 409, ...)"`
// with HandlerErrorCode GeneralServiceException (aws-parallelcluster #4031, pulumi-aws-native #416).
// The permissions boundary has no IAM API in this world yet: it is kept in a shadow record (shadow.ts).
import { AwsError } from '../../errors';
import { IAM, decodePolicy } from './iam-common';
import { generatedName } from './names';
import { alreadyExists, attempt, modelValidationFailed, toProviderError } from './provider-errors';
import { bag, bags, looseBag, policyForRead, policyText, str, strings, tagChanges, tags, type Bag, type Tag } from './props';
import { dropShadow, iamKey, iamStore, listShadows, readShadow, writeShadow } from './shadow';
import { ProviderError, type ProviderContext, type ProvisionedResource, type ResolvedProperties, type ResourceProvider } from './provider';

export interface PrincipalKind {
	type: 'AWS::IAM::Role' | 'AWS::IAM::User';
	noun: 'Role' | 'User';
	nameProperty: 'RoleName' | 'UserName';
}

interface InlinePolicy {
	PolicyName: string;
	PolicyDocument: string;
}

export interface PrincipalSpec {
	name: string | undefined;
	path: string | undefined;
	policies: InlinePolicy[];
	managed: string[];
	boundary: string | undefined;
	tags: Tag[];
	/** What only this kind has (a role's trust policy, a user's groups ...). */
	extra: Bag;
}

function principalSpec(kind: PrincipalKind, properties: ResolvedProperties): PrincipalSpec {
	const b = bag(properties);
	return {
		name: str(b, kind.nameProperty) || undefined,
		path: str(b, 'Path'),
		policies: bags(b, 'Policies').map((p, i) => {
			const PolicyName = str(p, 'PolicyName', `Policies/${i}/PolicyName`);
			const PolicyDocument = policyText(p, 'PolicyDocument', `Policies/${i}/PolicyDocument`);
			if (PolicyName === undefined || PolicyDocument === undefined) throw modelValidationFailed(`#/Policies/${i}: required key [${PolicyName === undefined ? 'PolicyName' : 'PolicyDocument'}] not found`);
			return { PolicyName, PolicyDocument };
		}),
		managed: strings(b, 'ManagedPolicyArns'),
		boundary: str(b, 'PermissionsBoundary'),
		tags: tags(b),
		extra: b
	};
}

/** Properties that were accepted once (previous, or the model a delete gets): if they no longer parse, start from none. */
function storedSpec(kind: PrincipalKind, properties: ResolvedProperties): PrincipalSpec {
	try {
		return principalSpec(kind, properties);
	} catch (e) {
		if (e instanceof ProviderError) return principalSpec(kind, {});
		throw e;
	}
}

/** The name the principal gets: the template's, or `<stack>-<logical>-<random>` within IAM's 64. */
const principalName = (ctx: ProviderContext, s: PrincipalSpec) => s.name ?? generatedName(ctx, { maxLength: 64 });

export const op = (verb: string, kind: PrincipalKind, suffix = '') => `${verb}${kind.noun}${suffix}`;
const nameArg = (kind: PrincipalKind, name: string) => ({ [kind.nameProperty]: name });

/** Inline policy names and attached ARNs other stack resources put on this principal. */
function externallyManaged(ctx: ProviderContext, kind: PrincipalKind, name: string): { inline: Set<string>; managed: Set<string> } {
	const store = iamStore(ctx);
	const listKey = kind.noun === 'Role' ? 'Roles' : 'Users';
	const inline = new Set<string>();
	const managed = new Set<string>();
	for (const p of listShadows(store, 'AWS::IAM::Policy')) {
		if (p.accountId === ctx.accountId && Array.isArray(p[listKey]) && p[listKey].includes(name) && typeof p.PolicyName === 'string') inline.add(p.PolicyName);
	}
	for (const p of listShadows(store, 'AWS::IAM::ManagedPolicy')) {
		if (p.accountId === ctx.accountId && Array.isArray(p[listKey]) && p[listKey].includes(name) && typeof p.PolicyArn === 'string') managed.add(p.PolicyArn);
	}
	return { inline, managed };
}

/**
 * What IAM cannot keep for this principal yet (a permissions boundary, a user's login profile):
 * written only when there is something to keep, so a principal without them leaves no record.
 */
function keepLeftovers(ctx: ProviderContext, kind: PrincipalKind, name: string, values: Bag): void {
	const key = iamKey(ctx, name);
	if (Object.keys(values).length === 0) dropShadow(iamStore(ctx), kind.type, key);
	else writeShadow(ctx, iamStore(ctx), kind.type, key, { accountId: ctx.accountId, ...values });
}

const leftoversOf = (ctx: ProviderContext, kind: PrincipalKind, name: string): Bag => readShadow(iamStore(ctx), kind.type, iamKey(ctx, name)) ?? {};

function createPrincipal(ctx: ProviderContext, kind: PrincipalKind, name: string, input: Bag): Bag {
	try {
		return ctx.iam.callByName(op('Create', kind), { ...nameArg(kind, name), ...input }) as Bag;
	} catch (e) {
		if (e instanceof AwsError && e.code === 'EntityAlreadyExists') throw alreadyExists(kind.type, name);
		throw toProviderError(ctx, e, IAM);
	}
}

function ignoreMissing(call: () => unknown): void {
	try {
		call();
	} catch (e) {
		if (!(e instanceof AwsError && e.code === 'NoSuchEntity')) throw e;
	}
}

/** Applies the change from `before` to `after` to the principal's own policies and tags. */
function updatePolicies(ctx: ProviderContext, kind: PrincipalKind, name: string, before: PrincipalSpec, after: PrincipalSpec): void {
	const who = nameArg(kind, name);
	const keep = new Set(after.policies.map((p) => p.PolicyName));
	for (const p of before.policies) if (!keep.has(p.PolicyName)) ignoreMissing(() => ctx.iam.callByName(op('Delete', kind, 'Policy'), { ...who, PolicyName: p.PolicyName }));
	for (const p of after.policies) {
		const old = before.policies.find((x) => x.PolicyName === p.PolicyName);
		if (old?.PolicyDocument !== p.PolicyDocument) ctx.iam.callByName(op('Put', kind, 'Policy'), { ...who, ...p });
	}
	for (const arn of before.managed) if (!after.managed.includes(arn)) ignoreMissing(() => ctx.iam.callByName(op('Detach', kind, 'Policy'), { ...who, PolicyArn: arn }));
	for (const arn of after.managed) if (!before.managed.includes(arn)) ctx.iam.callByName(op('Attach', kind, 'Policy'), { ...who, PolicyArn: arn });
	const { remove, add } = tagChanges(before.tags, after.tags);
	if (remove.length) ctx.iam.callByName(op('Untag', kind), { ...who, TagKeys: remove });
	if (add.length) ctx.iam.callByName(op('Tag', kind), { ...who, Tags: add });
}

/** The principal's entity from Get<Kind>, or undefined when IAM no longer has it. */
function getEntity(ctx: ProviderContext, kind: PrincipalKind, name: string): Bag | undefined {
	try {
		return looseBag((ctx.iam.callByName(op('Get', kind), nameArg(kind, name)) as Bag)[kind.noun]);
	} catch (e) {
		if (e instanceof AwsError && e.code === 'NoSuchEntity') return undefined;
		throw e;
	}
}

export interface PrincipalHooks {
	durations: ResourceProvider['durations'];
	/** Create<Kind> parameters beyond the name, path and tags. */
	createInput(s: PrincipalSpec): Bag;
	/** After Create<Kind> and its policies (a user joins its groups). */
	afterCreate?(ctx: ProviderContext, name: string, s: PrincipalSpec): void;
	/** The kind's own in-place changes (a role's trust policy and settings, a user's groups). */
	update?(ctx: ProviderContext, name: string, before: PrincipalSpec, after: PrincipalSpec): void;
	/** Before Delete<Kind> (a user leaves the template's groups). */
	beforeDelete?(ctx: ProviderContext, name: string, s: PrincipalSpec): void;
	/** What IAM cannot keep for this kind yet (a user's LoginProfile), for the shadow record. */
	leftovers?(s: PrincipalSpec): Bag;
	/** GetAtt values from the Create/Get answer's entity. */
	attributes(entity: Bag, ctx: ProviderContext, name: string, path: string): Record<string, unknown>;
	/** Template properties of this kind read back for drift (trust policy, groups ...). */
	readExtra(ctx: ProviderContext, name: string, entity: Bag, leftovers: Bag, expected: Bag): Bag;
}

/** The live principal in template names, or undefined when it is gone. */
function readPrincipal(ctx: ProviderContext, kind: PrincipalKind, hooks: PrincipalHooks, name: string, expected: ResolvedProperties): Bag | undefined {
	const who = nameArg(kind, name);
	const want = looseBag(expected);
	const wantPolicies = Array.isArray(want.Policies) ? want.Policies : [];
	return attempt(ctx, IAM, () => {
		const entity = getEntity(ctx, kind, name);
		if (!entity) return undefined;
		const external = externallyManaged(ctx, kind, name);
		const inlineNames = ((ctx.iam.callByName(op('List', kind, 'Policies'), who) as { PolicyNames?: string[] }).PolicyNames ?? []).filter((n) => !external.inline.has(n));
		const policies = inlineNames.map((policyName) => {
			const text = decodePolicy((ctx.iam.callByName(op('Get', kind, 'Policy'), { ...who, PolicyName: policyName }) as { PolicyDocument?: string }).PolicyDocument) ?? '';
			const expectedDoc = looseBag(wantPolicies.find((p) => looseBag(p).PolicyName === policyName)).PolicyDocument;
			return { PolicyName: policyName, PolicyDocument: policyForRead(text, expectedDoc) };
		});
		const attached = ((ctx.iam.callByName(op('ListAttached', kind, 'Policies'), who) as { AttachedPolicies?: { PolicyArn?: string }[] }).AttachedPolicies ?? [])
			.map((p) => p.PolicyArn ?? '')
			.filter((arn) => arn && !external.managed.has(arn));
		const liveTags = (ctx.iam.callByName(op('List', kind, 'Tags'), who) as { Tags?: Tag[] }).Tags ?? [];
		const leftovers = leftoversOf(ctx, kind, name);
		return {
			[kind.nameProperty]: name,
			Path: entity.Path,
			...(policies.length ? { Policies: policies } : {}),
			...(attached.length ? { ManagedPolicyArns: attached } : {}),
			...(typeof leftovers.PermissionsBoundary === 'string' ? { PermissionsBoundary: leftovers.PermissionsBoundary } : {}),
			...(liveTags.length ? { Tags: liveTags } : {}),
			...hooks.readExtra(ctx, name, entity, leftovers, want)
		};
	});
}

/** A ResourceProvider for a Role or User from the shared steps and the kind's hooks. */
export function principalProvider(kind: PrincipalKind, hooks: PrincipalHooks): ResourceProvider {
	const provisioned = (ctx: ProviderContext, name: string, entity: Bag, path: string): ProvisionedResource => ({
		physicalId: name,
		attributes: hooks.attributes(entity, ctx, name, typeof entity.Path === 'string' ? entity.Path : path)
	});
	const leftovers = (s: PrincipalSpec): Bag => ({ ...(s.boundary !== undefined ? { PermissionsBoundary: s.boundary } : {}), ...hooks.leftovers?.(s) });
	return {
		type: kind.type,
		durations: hooks.durations,
		create(ctx, properties) {
			const s = principalSpec(kind, properties);
			const name = principalName(ctx, s);
			const answer = createPrincipal(ctx, kind, name, { ...(s.path !== undefined ? { Path: s.path } : {}), ...(s.tags.length ? { Tags: s.tags } : {}), ...hooks.createInput(s) });
			keepLeftovers(ctx, kind, name, leftovers(s));
			// The principal exists from here on: a failure names it, so rollback deletes it.
			attempt(
				ctx,
				IAM,
				() => {
					for (const p of s.policies) ctx.iam.callByName(op('Put', kind, 'Policy'), { ...nameArg(kind, name), ...p });
					for (const arn of s.managed) ctx.iam.callByName(op('Attach', kind, 'Policy'), { ...nameArg(kind, name), PolicyArn: arn });
					hooks.afterCreate?.(ctx, name, s);
				},
				name
			);
			return provisioned(ctx, name, looseBag(answer[kind.noun]), s.path ?? '/');
		},
		update(ctx, physicalId, previous, next) {
			const before = storedSpec(kind, previous);
			const after = principalSpec(kind, next);
			const entity = attempt(ctx, IAM, () => {
				ctx.iam.callByName(op('Get', kind), nameArg(kind, physicalId));
				updatePolicies(ctx, kind, physicalId, before, after);
				hooks.update?.(ctx, physicalId, before, after);
				return looseBag((ctx.iam.callByName(op('Get', kind), nameArg(kind, physicalId)) as Bag)[kind.noun]);
			});
			keepLeftovers(ctx, kind, physicalId, leftovers(after));
			return provisioned(ctx, physicalId, entity, '/');
		},
		delete(ctx, physicalId, properties) {
			const s = storedSpec(kind, properties);
			attempt(ctx, IAM, () => {
				if (!getEntity(ctx, kind, physicalId)) return;
				hooks.beforeDelete?.(ctx, physicalId, s);
				const who = nameArg(kind, physicalId);
				for (const p of s.policies) ignoreMissing(() => ctx.iam.callByName(op('Delete', kind, 'Policy'), { ...who, PolicyName: p.PolicyName }));
				for (const arn of s.managed) ignoreMissing(() => ctx.iam.callByName(op('Detach', kind, 'Policy'), { ...who, PolicyArn: arn }));
				ctx.iam.callByName(op('Delete', kind), who);
			});
			dropShadow(iamStore(ctx), kind.type, iamKey(ctx, physicalId));
		},
		read(ctx, physicalId, expected) {
			return readPrincipal(ctx, kind, hooks, physicalId, expected);
		}
	};
}
