// AWS::IAM::Role and AWS::IAM::User share their shape: a named principal with a path, inline
// Policies [{PolicyName, PolicyDocument}], ManagedPolicyArns, a permissions boundary and tags.
// Create = Create<Kind> + Put<Kind>Policy per inline policy + Attach<Kind>Policy per ARN; update
// changes the difference between the previous and next template (policies added by separate
// AWS::IAM::Policy / ManagedPolicy resources are theirs, not touched); delete removes every
// inline and attached policy, then tombstones the principal (iam-common.ts).
import { AwsError } from '../../errors';
import { IAM, decodePolicy, isTombstoned, noSuchGroup } from './iam-common';
import { generatedName } from './names';
import { alreadyExists, attempt, modelValidationFailed, toProviderError } from './provider-errors';
import { bag, bags, looseBag, policyForRead, policyText, str, strings, tags, type Bag, type Tag } from './props';
import { iamKey, iamStore, listShadows, readShadow, writeShadow } from './shadow';
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

/** The name the principal gets: the template's, or `<stack>-<logical>-<random>` within IAM's 64. */
const principalName = (ctx: ProviderContext, s: PrincipalSpec) => s.name ?? generatedName(ctx, { maxLength: 64 });

const op = (verb: string, kind: PrincipalKind, suffix = '') => `${verb}${kind.noun}${suffix}`;

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
		if (p.deleted !== true && p.accountId === ctx.accountId && Array.isArray(p[listKey]) && p[listKey].includes(name) && typeof p.PolicyArn === 'string') managed.add(p.PolicyArn);
	}
	return { inline, managed };
}

/**
 * The parts of a principal the engine does not keep; read() reports them, update() changes
 * them. `deleted` marks a principal CloudFormation deleted.
 */
function writePrincipalShadow(ctx: ProviderContext, kind: PrincipalKind, name: string, values: Bag): void {
	writeShadow(ctx, iamStore(ctx), kind.type, iamKey(ctx, name), { accountId: ctx.accountId, ...values });
}

export const principalShadow = (ctx: ProviderContext, kind: PrincipalKind, name: string): Bag => readShadow(iamStore(ctx), kind.type, iamKey(ctx, name)) ?? {};

/** Creates the principal, reviving one CloudFormation tombstoned under the same name. */
function createPrincipal(ctx: ProviderContext, kind: PrincipalKind, name: string, input: Bag): Bag | undefined {
	try {
		return ctx.iam.callByName(op('Create', kind), { [kind.nameProperty]: name, ...input }) as Bag;
	} catch (e) {
		if (e instanceof AwsError && e.code === 'EntityAlreadyExists') {
			if (isTombstoned(ctx, kind.type, name)) return undefined;
			throw alreadyExists(kind.type, name);
		}
		throw toProviderError(ctx, e, IAM);
	}
}

/** The inline policies and managed ARNs of `s`, put onto an existing principal. */
function attachPolicies(ctx: ProviderContext, kind: PrincipalKind, name: string, s: PrincipalSpec, groups: string[] = []): void {
	attempt(
		ctx,
		IAM,
		() => {
			for (const p of s.policies) ctx.iam.callByName(op('Put', kind, 'Policy'), { [kind.nameProperty]: name, ...p });
			for (const arn of s.managed) ctx.iam.callByName(op('Attach', kind, 'Policy'), { [kind.nameProperty]: name, PolicyArn: arn });
			const [group] = groups;
			if (group !== undefined) throw noSuchGroup(group);
		},
		name
	);
}

/** Applies the change from `before` to `after` to the principal's own policies. */
function updatePolicies(ctx: ProviderContext, kind: PrincipalKind, name: string, before: PrincipalSpec, after: PrincipalSpec): void {
	const nameArg = { [kind.nameProperty]: name };
	attempt(ctx, IAM, () => {
		ctx.iam.callByName(op('Get', kind), nameArg);
		const keep = new Set(after.policies.map((p) => p.PolicyName));
		for (const p of before.policies) if (!keep.has(p.PolicyName)) ignoreMissing(() => ctx.iam.callByName(op('Delete', kind, 'Policy'), { ...nameArg, PolicyName: p.PolicyName }));
		for (const p of after.policies) {
			const old = before.policies.find((x) => x.PolicyName === p.PolicyName);
			if (old?.PolicyDocument !== p.PolicyDocument) ctx.iam.callByName(op('Put', kind, 'Policy'), { ...nameArg, ...p });
		}
		for (const arn of before.managed) if (!after.managed.includes(arn)) ignoreMissing(() => ctx.iam.callByName(op('Detach', kind, 'Policy'), { ...nameArg, PolicyArn: arn }));
		for (const arn of after.managed) if (!before.managed.includes(arn)) ctx.iam.callByName(op('Attach', kind, 'Policy'), { ...nameArg, PolicyArn: arn });
	});
}

function ignoreMissing(call: () => unknown): void {
	try {
		call();
	} catch (e) {
		if (!(e instanceof AwsError && e.code === 'NoSuchEntity')) throw e;
	}
}

/** Removes every policy from the principal and tombstones it; a principal already gone is fine. */
function deletePrincipal(ctx: ProviderContext, kind: PrincipalKind, name: string): void {
	if (isTombstoned(ctx, kind.type, name)) return;
	const nameArg = { [kind.nameProperty]: name };
	attempt(ctx, IAM, () => {
		try {
			ctx.iam.callByName(op('Get', kind), nameArg);
		} catch (e) {
			if (e instanceof AwsError && e.code === 'NoSuchEntity') return;
			throw e;
		}
		const inline = (ctx.iam.callByName(op('List', kind, 'Policies'), nameArg) as { PolicyNames?: string[] }).PolicyNames ?? [];
		for (const policyName of inline) ctx.iam.callByName(op('Delete', kind, 'Policy'), { ...nameArg, PolicyName: policyName });
		const attached = (ctx.iam.callByName(op('ListAttached', kind, 'Policies'), nameArg) as { AttachedPolicies?: { PolicyArn?: string }[] }).AttachedPolicies ?? [];
		for (const p of attached) if (p.PolicyArn) ctx.iam.callByName(op('Detach', kind, 'Policy'), { ...nameArg, PolicyArn: p.PolicyArn });
		writePrincipalShadow(ctx, kind, name, { deleted: true });
	});
}

/** The live principal in template names, or undefined when it is gone. */
function readPrincipal(ctx: ProviderContext, kind: PrincipalKind, name: string, expected: ResolvedProperties): { live: Bag; entity: Bag } | undefined {
	if (isTombstoned(ctx, kind.type, name)) return undefined;
	const nameArg = { [kind.nameProperty]: name };
	const want = looseBag(expected);
	const wantPolicies = Array.isArray(want.Policies) ? want.Policies : [];
	return attempt(ctx, IAM, () => {
		let entity: Bag;
		try {
			entity = looseBag((ctx.iam.callByName(op('Get', kind), nameArg) as Bag)[kind.noun]);
		} catch (e) {
			if (e instanceof AwsError && e.code === 'NoSuchEntity') return undefined;
			throw e;
		}
		const external = externallyManaged(ctx, kind, name);
		const inlineNames = ((ctx.iam.callByName(op('List', kind, 'Policies'), nameArg) as { PolicyNames?: string[] }).PolicyNames ?? []).filter((n) => !external.inline.has(n));
		const policies = inlineNames.map((policyName) => {
			const text = decodePolicy((ctx.iam.callByName(op('Get', kind, 'Policy'), { ...nameArg, PolicyName: policyName }) as { PolicyDocument?: string }).PolicyDocument) ?? '';
			const expectedDoc = looseBag(wantPolicies.find((p) => looseBag(p).PolicyName === policyName)).PolicyDocument;
			return { PolicyName: policyName, PolicyDocument: policyForRead(text, expectedDoc) };
		});
		const attached = ((ctx.iam.callByName(op('ListAttached', kind, 'Policies'), nameArg) as { AttachedPolicies?: { PolicyArn?: string }[] }).AttachedPolicies ?? [])
			.map((p) => p.PolicyArn ?? '')
			.filter((arn) => arn && !external.managed.has(arn));
		const shadow = principalShadow(ctx, kind, name);
		const live: Bag = {
			[kind.nameProperty]: name,
			Path: entity.Path,
			...(policies.length ? { Policies: policies } : {}),
			...(attached.length ? { ManagedPolicyArns: attached } : {}),
			...(typeof shadow.PermissionsBoundary === 'string' ? { PermissionsBoundary: shadow.PermissionsBoundary } : {}),
			...(Array.isArray(shadow.Tags) && shadow.Tags.length ? { Tags: shadow.Tags } : {})
		};
		return { live, entity };
	});
}

export interface PrincipalHooks {
	/** Create<Kind> parameters beyond the name and path. */
	createInput(s: PrincipalSpec): Bag;
	/** Shadowed values of this kind (trust policy ...), from the template. */
	shadowValues(s: PrincipalSpec): Bag;
	/** GetAtt values from the Create/Get answer's entity. */
	attributes(entity: Bag, ctx: ProviderContext, name: string, path: string): Record<string, unknown>;
	/** Template properties of this kind read back (trust policy ...). */
	readExtra(live: Bag, entity: Bag, shadow: Bag, expected: Bag): Bag;
	groups?(s: PrincipalSpec): string[];
	durations: ResourceProvider['durations'];
}

/** A ResourceProvider for a Role or User from the shared steps and the kind's hooks. */
export function principalProvider(kind: PrincipalKind, hooks: PrincipalHooks): ResourceProvider {
	const provisioned = (ctx: ProviderContext, name: string, entity: Bag | undefined, path: string): ProvisionedResource => ({
		physicalId: name,
		attributes: hooks.attributes(entity ?? {}, ctx, name, path)
	});
	return {
		type: kind.type,
		durations: hooks.durations,
		create(ctx, properties) {
			const s = principalSpec(kind, properties);
			const name = principalName(ctx, s);
			const path = s.path ?? '/';
			const answer = createPrincipal(ctx, kind, name, {
				...(s.path !== undefined ? { Path: s.path } : {}),
				...(s.boundary !== undefined ? { PermissionsBoundary: s.boundary } : {}),
				...(s.tags.length ? { Tags: s.tags } : {}),
				...hooks.createInput(s)
			});
			writePrincipalShadow(ctx, kind, name, { ...hooks.shadowValues(s), ...(s.boundary !== undefined ? { PermissionsBoundary: s.boundary } : {}), Tags: s.tags });
			attachPolicies(ctx, kind, name, s, hooks.groups?.(s) ?? []);
			const entity = answer ? looseBag(answer[kind.noun]) : looseBag(attempt(ctx, IAM, () => ctx.iam.callByName(op('Get', kind), { [kind.nameProperty]: name }) as Bag)[kind.noun]);
			return provisioned(ctx, name, entity, typeof entity.Path === 'string' ? entity.Path : path);
		},
		update(ctx, physicalId, previous, next) {
			if (isTombstoned(ctx, kind.type, physicalId)) throw toProviderError(ctx, new AwsError('NoSuchEntity', `The ${kind.noun.toLowerCase()} with name ${physicalId} cannot be found.`, { httpStatus: 404 }), IAM);
			// The previous properties were accepted once; if they no longer parse, start from none.
			const before = (() => {
				try {
					return principalSpec(kind, previous);
				} catch (e) {
					if (e instanceof ProviderError) return principalSpec(kind, {});
					throw e;
				}
			})();
			const after = principalSpec(kind, next);
			updatePolicies(ctx, kind, physicalId, before, after);
			const groups = hooks.groups?.(after) ?? [];
			if (groups[0] !== undefined) throw toProviderError(ctx, noSuchGroup(groups[0]), IAM);
			writePrincipalShadow(ctx, kind, physicalId, { ...hooks.shadowValues(after), ...(after.boundary !== undefined ? { PermissionsBoundary: after.boundary } : {}), Tags: after.tags });
			const entity = looseBag(attempt(ctx, IAM, () => ctx.iam.callByName(op('Get', kind), { [kind.nameProperty]: physicalId }) as Bag)[kind.noun]);
			return provisioned(ctx, physicalId, entity, typeof entity.Path === 'string' ? entity.Path : '/');
		},
		delete(ctx, physicalId) {
			deletePrincipal(ctx, kind, physicalId);
		},
		read(ctx, physicalId, expected) {
			const found = readPrincipal(ctx, kind, physicalId, expected);
			if (!found) return undefined;
			return { ...found.live, ...hooks.readExtra(found.live, found.entity, principalShadow(ctx, kind, physicalId), looseBag(expected)) };
		}
	};
}
