// The Changes of a change set: what an update would do to each resource, as DescribeChangeSet
// shows it. Matched against real DescribeChangeSet answers:
//   [DOC] AWS User Guide "Example change sets" (awsdocs/aws-cloudformation-user-guide,
//         using-cfn-updating-stacks-changesets-samples.md): direct edit, a parameter change,
//         several parameters, added and removed resources;
//   [WS]  the cfn101 workshop "Understanding change sets" (aws-samples/cfn101-workshop);
//   [GO]  gocfn's README (2018): a bucket replaced through a parameter and the bucket policy that
//         refers to it;
//   [SAM] a SAM workshop (2019): a DynamoDB table replaced, the role and function that refer to it;
//   [EIP] a change set quoted in full in a project's tests (2026): an instance that may be
//         replaced and the EIP association that refers to it.
//
// What they show, and this file does:
// - Add (no PhysicalResourceId, empty Scope and Details), Remove, Modify [DOC].
// - A direct edit: one Static/DirectModification detail per changed property [DOC][WS]; a changed
//   `Tags` property is Attribute "Tags" without a Name, and Scope "Tags" [DOC].
// - A changed parameter: for each property that uses it, Dynamic/DirectModification and
//   Static/ParameterReference with CausingEntity = the parameter [DOC][WS][GO].
// - A changed resource that a property refers to: no DirectModification detail, only the
//   reference [GO][SAM][EIP]: `Ref` is ChangeSource ResourceReference, CausingEntity the logical ID;
//   `Fn::GetAtt` is ResourceAttribute, CausingEntity "Res.Attr" (the API reference's definitions).
//   Static when the resource is replaced (its physical ID certainly changes) [GO][SAM]; Dynamic
//   when it may be replaced [EIP]; a GetAtt of a resource updated in place is Dynamic (its
//   attributes may change) [SAM]; a Ref of it does not change.
// - Details list the Dynamic ones first, then the Static ones [DOC][SAM].
// - Replacement: True if a Static detail requires recreation Always; Conditional if any detail may
//   recreate (Always + Dynamic, or Conditionally); else False [DOC][WS][EIP].
// - Changes are in logical-ID order, not dependency order: [DOC] lists AutoScalingGroup before the
//   LaunchConfig it uses, [GO] BucketPolicy before its S3Bucket, [EIP] ElasticIpAssociation before
//   its Host (inferred from those answers).
// - Scope lists "Tags" before "Properties" [DOC]; the order of the other attributes is unverified.
// ChangeSource Automatic belongs to nested stacks (AWS::CloudFormation::Stack), which this
// simulator does not provision, so it never appears.
import type { Change, ResourceChange, ResourceChangeDetail, ResourceTargetDefinition } from '@aws-sdk/client-cloudformation';
import { requiresRecreation, updateBehaviour, updateBehaviourForChange } from '../resources';
import type { StackPlan } from '../template';
import { obj } from './context';
import { cachedSchema } from './schemas';
import type { StackParameterRecord, StackRecord } from './state';

interface Reference {
	target: string;
	attribute?: string;
}

/** The Ref, Fn::GetAtt and Fn::Sub references in a template value. */
export function referencesIn(v: unknown, out: Reference[] = []): Reference[] {
	if (Array.isArray(v)) {
		for (const x of v) referencesIn(x, out);
		return out;
	}
	if (!v || typeof v !== 'object') return out;
	const o = v as Record<string, unknown>;
	const keys = Object.keys(o);
	if (keys.length === 1) {
		const [k] = keys as [string];
		const arg = o[k];
		if (k === 'Ref' && typeof arg === 'string') return out.push({ target: arg }), out;
		if (k === 'Fn::GetAtt') {
			if (typeof arg === 'string') {
				const [target, ...rest] = arg.split('.');
				out.push({ target: target ?? '', attribute: rest.join('.') });
				return out;
			}
			if (Array.isArray(arg) && typeof arg[0] === 'string') {
				out.push({ target: arg[0], ...(typeof arg[1] === 'string' ? { attribute: arg[1] } : {}) });
				return out;
			}
		}
		if (k === 'Fn::Sub') {
			const text = typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined;
			const vars = Array.isArray(arg) ? obj(arg[1]) : {};
			if (text !== undefined) {
				for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
					const name = m[1]!.trim();
					if (name in vars) continue;
					const dot = name.indexOf('.');
					out.push(dot < 0 ? { target: name } : { target: name.slice(0, dot), attribute: name.slice(dot + 1) });
				}
			}
			for (const x of Object.values(vars)) referencesIn(x, out);
			return out;
		}
	}
	for (const x of Object.values(o)) referencesIn(x, out);
	return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The resource attributes besides Properties, by their plan field. */
const ATTRIBUTES = [
	['metadata', 'Metadata'],
	['creationPolicy', 'CreationPolicy'],
	['updatePolicy', 'UpdatePolicy'],
	['deletionPolicy', 'DeletionPolicy'],
	['updateReplacePolicy', 'UpdateReplacePolicy']
] as const;

type Scope = NonNullable<ResourceChange['Scope']>[number];
const SCOPE_ORDER: readonly Scope[] = ['Tags', 'Properties', 'Metadata', 'CreationPolicy', 'UpdatePolicy', 'DeletionPolicy', 'UpdateReplacePolicy'];

export function replacementOf(details: readonly ResourceChangeDetail[]): 'True' | 'False' | 'Conditional' {
	let result: 'True' | 'False' | 'Conditional' = 'False';
	for (const d of details) {
		const r = d.Target?.RequiresRecreation;
		if (r === 'Always' && d.Evaluation === 'Static') return 'True';
		if (r === 'Always' || r === 'Conditionally') result = 'Conditional';
	}
	return result;
}

/** What a Modify in this change set does to a resource, as resources that refer to it see it. */
type Effect = 'replaced' | 'mayBeReplaced' | 'updated';
const effectOf = (replacement: string): Effect => (replacement === 'True' ? 'replaced' : replacement === 'Conditional' ? 'mayBeReplaced' : 'updated');

/** The details a property gets from the resources it refers to. */
function referenceDetails(target: ResourceTargetDefinition, refs: readonly Reference[], effects: ReadonlyMap<string, Effect>): ResourceChangeDetail[] {
	const out: ResourceChangeDetail[] = [];
	const seen = new Set<string>();
	for (const r of refs) {
		const effect = effects.get(r.target);
		if (!effect) continue;
		const isAttribute = r.attribute !== undefined && r.attribute !== '';
		// A resource updated in place keeps its physical ID: its Ref does not change.
		if (!isAttribute && effect === 'updated') continue;
		const entity = isAttribute ? `${r.target}.${r.attribute}` : r.target;
		if (seen.has(entity)) continue;
		seen.add(entity);
		out.push({ Target: target, Evaluation: effect === 'replaced' ? 'Static' : 'Dynamic', ChangeSource: isAttribute ? 'ResourceAttribute' : 'ResourceReference', CausingEntity: entity });
	}
	return out;
}

/** The Changes between what the stack runs (`before`, undefined for a new stack) and the planned `after`. */
export function computeChanges(stack: StackRecord, before: StackPlan | undefined, after: StackPlan, oldParameters: readonly StackParameterRecord[], newParameters: readonly StackParameterRecord[]): Change[] {
	const changes: Change[] = [];
	const changedParameters = new Set(newParameters.filter((p) => oldParameters.find((o) => o.key === p.key)?.value !== p.value).map((p) => p.key));
	const effects = new Map<string, Effect>();
	const live = (id: string) => stack.resources.find((r) => r.logicalId === id && r.status !== 'DELETE_COMPLETE');
	// Dependency order, so a resource's effect is known before the resources that refer to it.
	for (const logicalId of after.order) {
		const decl = after.resources.find((r) => r.logicalId === logicalId);
		if (!decl) continue;
		const existing = live(logicalId);
		const old = before?.resources.find((r) => r.logicalId === logicalId);
		if (!existing || !old) {
			changes.push({ Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: logicalId, ResourceType: decl.type, Scope: [], Details: [] } });
			continue;
		}
		const schema = cachedSchema(decl.type);
		const targetFor = (name: string, recreation: ResourceTargetDefinition['RequiresRecreation']): ResourceTargetDefinition =>
			name === 'Tags' ? { Attribute: 'Tags', RequiresRecreation: recreation } : { Attribute: 'Properties', Name: name, RequiresRecreation: recreation };
		const details: ResourceChangeDetail[] = [];
		const oldProps = obj(old.properties);
		const newProps = obj(decl.properties);
		for (const name of [...new Set([...Object.keys(oldProps), ...Object.keys(newProps)])]) {
			const b = oldProps[name];
			const a = newProps[name];
			if (!same(b, a)) {
				const recreation = requiresRecreation(schema ? updateBehaviourForChange(schema, name, b, a) : 'Mutable');
				details.push({ Target: targetFor(name, recreation), Evaluation: 'Static', ChangeSource: 'DirectModification' });
				continue;
			}
			const target = targetFor(name, requiresRecreation(schema ? updateBehaviour(schema, name) : 'Mutable'));
			const refs = referencesIn(a);
			const params = [...new Set(refs.filter((r) => r.attribute === undefined && changedParameters.has(r.target)).map((r) => r.target))];
			if (params.length > 0) {
				details.push({ Target: target, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' });
				for (const p of params) details.push({ Target: target, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: p });
			}
			details.push(...referenceDetails(target, refs, effects));
		}
		for (const [field, attribute] of ATTRIBUTES) {
			if (same(old[field], decl[field])) continue;
			details.push({ Target: { Attribute: attribute, RequiresRecreation: 'Never' }, Evaluation: 'Static', ChangeSource: 'DirectModification' });
		}
		if (details.length === 0) continue;
		// Dynamic first, then Static, each in property order (a stable sort keeps it).
		details.sort((x, y) => (x.Evaluation === y.Evaluation ? 0 : x.Evaluation === 'Dynamic' ? -1 : 1));
		const replacement = replacementOf(details);
		effects.set(logicalId, effectOf(replacement));
		const scope = new Set(details.map((d) => d.Target?.Attribute));
		changes.push({
			Type: 'Resource',
			ResourceChange: {
				Action: 'Modify',
				LogicalResourceId: logicalId,
				...(existing.physicalId !== undefined ? { PhysicalResourceId: existing.physicalId } : {}),
				ResourceType: decl.type,
				Replacement: replacement,
				Scope: SCOPE_ORDER.filter((s) => scope.has(s)),
				Details: details
			}
		});
	}
	for (const r of stack.resources) {
		if (r.status === 'DELETE_COMPLETE' || after.resources.some((d) => d.logicalId === r.logicalId)) continue;
		changes.push({
			Type: 'Resource',
			ResourceChange: { Action: 'Remove', LogicalResourceId: r.logicalId, ...(r.physicalId !== undefined ? { PhysicalResourceId: r.physicalId } : {}), ResourceType: r.type, Scope: [], Details: [] }
		});
	}
	const id = (c: Change) => c.ResourceChange?.LogicalResourceId ?? '';
	return changes.sort((x, y) => (id(x) < id(y) ? -1 : id(x) > id(y) ? 1 : 0));
}
