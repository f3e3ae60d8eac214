// What the CloudFormation view shows, read through the API as the account root user: the stack
// list (ListStacks), one stack in full (DescribeStacks, DescribeStackEvents, DescribeStackResources,
// GetTemplate, ListChangeSets, DescribeChangeSet, the drift calls) and a template's summary. Plain
// data in the shapes the components need; AWS's own field names stay in the labels.
import type { World } from '$lib/engines/world';

export interface ParameterDeclarationView {
	key: string;
	type: string;
	default?: string;
	description?: string;
	noEcho: boolean;
	allowedValues?: string[];
}

export interface TemplateSummaryView {
	description?: string;
	parameters: ParameterDeclarationView[];
	capabilities: string[];
	capabilitiesReason?: string;
	resourceTypes: string[];
}

export interface StackSummaryView {
	id: string;
	name: string;
	status: string;
	reason?: string;
	description?: string;
	createdAt: string;
	updatedAt?: string;
	deletedAt?: string;
	drift: string;
}

export interface StackEventView {
	id: string;
	at: string;
	logicalId: string;
	physicalId: string;
	type: string;
	status: string;
	reason?: string;
}

export interface StackResourceView {
	logicalId: string;
	physicalId?: string;
	type: string;
	status: string;
	reason?: string;
	at: string;
	drift: string;
}

export interface ChangeSetSummaryView {
	id: string;
	name: string;
	status: string;
	executionStatus: string;
	reason?: string;
	createdAt: string;
}

export interface ChangeView {
	action: string;
	logicalId: string;
	physicalId?: string;
	type: string;
	replacement?: string;
	details: string[];
}

export interface ChangeSetDetailView extends ChangeSetSummaryView {
	parameters: { key: string; value: string }[];
	changes: ChangeView[];
}

export interface PropertyDifferenceView {
	path: string;
	expected: string;
	actual: string;
	type: string;
}

export interface ResourceDriftView {
	logicalId: string;
	physicalId: string;
	type: string;
	status: string;
	at: string;
	differences: PropertyDifferenceView[];
}

export interface DetectionView {
	id: string;
	status: string;
	driftStatus?: string;
	reason?: string;
	driftedCount?: number;
	at: string;
}

export interface StackDetailView extends StackSummaryView {
	capabilities: string[];
	disableRollback: boolean;
	terminationProtection: boolean;
	outputs: { key: string; value: string; description?: string; exportName?: string }[];
	parameters: { key: string; value: string }[];
	events: StackEventView[];
	resources: StackResourceView[];
	template: string;
	/** GetStackPolicy's StackPolicyBody; null when the stack has none. */
	stackPolicy: string | null;
	changeSets: ChangeSetSummaryView[];
	changeSet: ChangeSetDetailView | null;
	drifts: ResourceDriftView[];
	detection: DetectionView | null;
	lastDriftCheck?: string;
}

/** A stack's status change (or a resource's failure), for the event log and the live region. */
export interface Transition {
	at: string;
	text: string;
}

export type Cfn = ReturnType<World['cloudformation']>;

/** Every page of a CloudFormation read. */
export function pages<R extends { NextToken?: string }>(read: (input: { NextToken?: string }) => R): R[] {
	const out: R[] = [];
	let token: string | undefined;
	do {
		const page = read(token ? { NextToken: token } : {});
		out.push(page);
		token = page.NextToken;
	} while (token && out.length < 100);
	return out;
}

export const iso = (d: Date | string | undefined): string => (d === undefined ? '' : new Date(d).toISOString());
export const opt = <K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } => (value === undefined || value === null || value === '' ? {} : ({ [key]: value } as { [P in K]?: V }));
export const STACK_TYPE = 'AWS::CloudFormation::Stack';

export function stackSummaryView(s: {
	StackId?: string;
	StackName?: string;
	StackStatus?: string;
	StackStatusReason?: string;
	TemplateDescription?: string;
	CreationTime?: Date;
	LastUpdatedTime?: Date;
	DeletionTime?: Date;
	DriftInformation?: { StackDriftStatus?: string };
}): StackSummaryView {
	return {
		id: s.StackId ?? '',
		name: s.StackName ?? '',
		status: s.StackStatus ?? '',
		...opt('reason', s.StackStatusReason),
		...opt('description', s.TemplateDescription),
		createdAt: iso(s.CreationTime),
		...opt('updatedAt', s.LastUpdatedTime && iso(s.LastUpdatedTime)),
		...opt('deletedAt', s.DeletionTime && iso(s.DeletionTime)),
		drift: s.DriftInformation?.StackDriftStatus ?? 'NOT_CHECKED'
	};
}

/** One stack in full, by its ID (deleted stacks are only found that way). */
export function describeStack(cfn: Cfn, summary: StackSummaryView, changeSetId: string | null, detectionId: string | null): StackDetailView | null {
	const id = summary.id;
	const stack = cfn.call('DescribeStacks', { StackName: id }).Stacks?.[0];
	if (!stack) return null;
	const changeSets = pages((t) => cfn.call('ListChangeSets', { StackName: id, ...t }))
		.flatMap((p) => p.Summaries ?? [])
		.map(
			(c): ChangeSetSummaryView => ({
				id: c.ChangeSetId ?? '',
				name: c.ChangeSetName ?? '',
				status: c.Status ?? '',
				executionStatus: c.ExecutionStatus ?? '',
				...opt('reason', c.StatusReason),
				createdAt: iso(c.CreationTime)
			})
		)
		.reverse();
	const shown = changeSetId && changeSets.some((c) => c.id === changeSetId) ? changeSetId : null;
	return {
		...summary,
		capabilities: [...(stack.Capabilities ?? [])],
		disableRollback: stack.DisableRollback ?? false,
		terminationProtection: stack.EnableTerminationProtection ?? false,
		outputs: (stack.Outputs ?? []).map((o) => ({ key: o.OutputKey ?? '', value: o.OutputValue ?? '', ...opt('description', o.Description), ...opt('exportName', o.ExportName) })),
		parameters: (stack.Parameters ?? []).map((p) => ({ key: p.ParameterKey ?? '', value: p.ParameterValue ?? '' })),
		events: allEvents(cfn, id),
		resources: (cfn.call('DescribeStackResources', { StackName: id }).StackResources ?? []).map((r) => ({
			logicalId: r.LogicalResourceId ?? '',
			...opt('physicalId', r.PhysicalResourceId),
			type: r.ResourceType ?? '',
			status: r.ResourceStatus ?? '',
			...opt('reason', r.ResourceStatusReason),
			at: iso(r.Timestamp),
			drift: r.DriftInformation?.StackResourceDriftStatus ?? 'NOT_CHECKED'
		})),
		template: cfn.call('GetTemplate', { StackName: id }).TemplateBody ?? '',
		stackPolicy: stackPolicyOf(cfn, id),
		changeSets,
		changeSet: shown ? changeSetView(cfn, id, shown) : null,
		drifts: summary.status === 'DELETE_COMPLETE' ? [] : driftViews(cfn, id),
		detection: detectionId ? detectionView(cfn, detectionId) : null,
		...opt('lastDriftCheck', stack.DriftInformation?.LastCheckTimestamp && iso(stack.DriftInformation.LastCheckTimestamp))
	};
}

function stackPolicyOf(cfn: Cfn, stackId: string): string | null {
	try {
		return cfn.call('GetStackPolicy', { StackName: stackId }).StackPolicyBody ?? null;
	} catch {
		return null;
	}
}

export function allEvents(cfn: Cfn, stackId: string): StackEventView[] {
	return pages((t) => cfn.call('DescribeStackEvents', { StackName: stackId, ...t }))
		.flatMap((p) => p.StackEvents ?? [])
		.map((e) => ({
			id: e.EventId ?? '',
			at: iso(e.Timestamp),
			logicalId: e.LogicalResourceId ?? '',
			physicalId: e.PhysicalResourceId ?? '',
			type: e.ResourceType ?? '',
			status: e.ResourceStatus ?? '',
			...opt('reason', e.ResourceStatusReason)
		}));
}

export function transition(stackName: string, e: StackEventView): Transition {
	const reason = e.reason ? `: ${e.reason}` : '.';
	return { at: e.at, text: e.type === STACK_TYPE ? `Stack ${stackName} ${e.status}${reason}` : `Stack ${stackName}: ${e.logicalId} ${e.status}${reason}` };
}

type SummaryInput = {
	Description?: string;
	Parameters?: { ParameterKey?: string; ParameterType?: string; DefaultValue?: string; Description?: string; NoEcho?: boolean; ParameterConstraints?: { AllowedValues?: string[] } }[];
	Capabilities?: string[];
	CapabilitiesReason?: string;
	ResourceTypes?: string[];
};

export function summaryView(s: SummaryInput): TemplateSummaryView {
	return {
		...opt('description', s.Description),
		parameters: (s.Parameters ?? []).map((p) => ({
			key: p.ParameterKey ?? '',
			type: p.ParameterType ?? 'String',
			...opt('default', p.DefaultValue),
			...opt('description', p.Description),
			noEcho: p.NoEcho ?? false,
			...(p.ParameterConstraints?.AllowedValues?.length ? { allowedValues: [...p.ParameterConstraints.AllowedValues] } : {})
		})),
		capabilities: [...(s.Capabilities ?? [])],
		...opt('capabilitiesReason', s.CapabilitiesReason),
		resourceTypes: [...(s.ResourceTypes ?? [])]
	};
}

function changeSetView(cfn: Cfn, stackId: string, changeSetId: string): ChangeSetDetailView | null {
	try {
		const pagesOut = pages((t) => cfn.call('DescribeChangeSet', { StackName: stackId, ChangeSetName: changeSetId, ...t }));
		const first = pagesOut[0];
		if (!first) return null;
		return {
			id: first.ChangeSetId ?? changeSetId,
			name: first.ChangeSetName ?? '',
			status: first.Status ?? '',
			executionStatus: first.ExecutionStatus ?? '',
			...opt('reason', first.StatusReason),
			createdAt: iso(first.CreationTime),
			parameters: (first.Parameters ?? []).map((p) => ({ key: p.ParameterKey ?? '', value: p.ParameterValue ?? '' })),
			changes: pagesOut
				.flatMap((p) => p.Changes ?? [])
				.map((c) => c.ResourceChange)
				.filter((c) => c !== undefined)
				.map((c) => ({
					action: c.Action ?? '',
					logicalId: c.LogicalResourceId ?? '',
					...opt('physicalId', c.PhysicalResourceId),
					type: c.ResourceType ?? '',
					...opt('replacement', c.Replacement),
					details: (c.Details ?? []).map((d) => {
						const target = [d.Target?.Attribute, d.Target?.Name].filter(Boolean).join('.');
						const recreation = d.Target?.RequiresRecreation ? `, RequiresRecreation ${d.Target.RequiresRecreation}` : '';
						const cause = d.CausingEntity ? ` (caused by ${d.CausingEntity})` : '';
						return `${target}: ${d.ChangeSource ?? ''}, ${d.Evaluation ?? ''}${recreation}${cause}`;
					})
				}))
		};
	} catch {
		return null;
	}
}

function driftViews(cfn: Cfn, stackId: string): ResourceDriftView[] {
	return pages((t) => cfn.call('DescribeStackResourceDrifts', { StackName: stackId, ...t }))
		.flatMap((p) => p.StackResourceDrifts ?? [])
		.map((d) => ({
			logicalId: d.LogicalResourceId ?? '',
			physicalId: d.PhysicalResourceId ?? '',
			type: d.ResourceType ?? '',
			status: d.StackResourceDriftStatus ?? '',
			at: iso(d.Timestamp),
			differences: (d.PropertyDifferences ?? []).map((x) => ({ path: x.PropertyPath ?? '', expected: x.ExpectedValue ?? '', actual: x.ActualValue ?? '', type: x.DifferenceType ?? '' }))
		}));
}

function detectionView(cfn: Cfn, id: string): DetectionView | null {
	try {
		const d = cfn.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId: id });
		return {
			id,
			status: d.DetectionStatus ?? '',
			...opt('driftStatus', d.StackDriftStatus),
			...opt('reason', d.DetectionStatusReason),
			...(d.DriftedStackResourceCount !== undefined ? { driftedCount: d.DriftedStackResourceCount } : {}),
			at: iso(d.Timestamp)
		};
	} catch {
		return null;
	}
}
