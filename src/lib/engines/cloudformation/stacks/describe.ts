// The read operations on stacks, in the SDK's shapes: DescribeStacks, DescribeStackEvents,
// DescribeStackResource(s), ListStackResources, ListStacks, GetTemplate, ListExports, ListImports.
import type {
	DescribeStackEventsOutput,
	DescribeStackResourceOutput,
	DescribeStackResourcesOutput,
	DescribeStacksOutput,
	GetTemplateOutput,
	ListExportsOutput,
	ListImportsOutput,
	ListStackResourcesOutput,
	ListStacksOutput,
	Stack,
	StackResource,
	StackStatus
} from '@aws-sdk/client-cloudformation';
import { ValidationError } from '../errors';
import { RESOURCE_CATALOG } from '../resources';
import { validateTemplate } from '../template';
import { requireStack, findStack, obj, str, strings, type CloudFormationContext } from './context';
import { resourceDriftInformation, stackDriftInformation } from './drift';
import { toStackEvent } from './events';
import { exportsOf, exporterOf, importersOf } from './exports';
import { page } from './paging';
import { isInProgress, isLive, type StackRecord, type StackResourceRecord } from './state';

/** NoEcho parameter values as AWS shows them. */
const MASK = '****';

export function toStack(stack: StackRecord, drift: Stack['DriftInformation'] = { StackDriftStatus: 'NOT_CHECKED' }): Stack {
	const outputs = isInProgress(stack.status) ? [] : stack.outputs;
	return {
		StackId: stack.stackId,
		StackName: stack.stackName,
		...(stack.description !== undefined ? { Description: stack.description } : {}),
		Parameters: stack.parameters.map((p) => ({
			ParameterKey: p.key,
			ParameterValue: stack.noEcho.includes(p.key) ? MASK : p.value,
			...(p.resolvedValue !== undefined ? { ResolvedValue: p.resolvedValue } : {})
		})),
		CreationTime: new Date(stack.creationTime),
		...(stack.deletionTime !== undefined ? { DeletionTime: new Date(stack.deletionTime) } : {}),
		...(stack.lastUpdatedTime !== undefined ? { LastUpdatedTime: new Date(stack.lastUpdatedTime) } : {}),
		RollbackConfiguration: {},
		StackStatus: stack.status,
		...(stack.reason !== undefined ? { StackStatusReason: stack.reason } : {}),
		DisableRollback: stack.disableRollback,
		NotificationARNs: [...stack.notificationArns],
		...(stack.timeoutInMinutes !== undefined ? { TimeoutInMinutes: stack.timeoutInMinutes } : {}),
		...(stack.capabilities.length > 0 ? { Capabilities: stack.capabilities as Stack['Capabilities'] } : {}),
		...(outputs.length > 0
			? {
					Outputs: outputs.map((o) => ({
						OutputKey: o.key,
						OutputValue: o.value,
						...(o.description !== undefined ? { Description: o.description } : {}),
						...(o.exportName !== undefined ? { ExportName: o.exportName } : {})
					}))
				}
			: {}),
		...(stack.roleArn !== undefined ? { RoleARN: stack.roleArn } : {}),
		Tags: stack.tags.map((t) => ({ Key: t.Key, Value: t.Value })),
		EnableTerminationProtection: stack.terminationProtection,
		DriftInformation: drift,
		...(stack.retainExceptOnCreate !== undefined ? { RetainExceptOnCreate: stack.retainExceptOnCreate } : {}),
		...(stack.deletionMode !== undefined ? { DeletionMode: stack.deletionMode } : {})
	};
}

/** Newest first, as the console and ListStacks show them. */
const newestFirst = (stacks: readonly StackRecord[]) => [...stacks].reverse();

export function describeStacks(ctx: CloudFormationContext, raw: unknown): DescribeStacksOutput {
	const input = obj(raw);
	const name = str(input['StackName']);
	const withDrift = (s: StackRecord) => toStack(s, stackDriftInformation(ctx, s.stackId));
	if (name !== undefined) return { Stacks: [withDrift(requireStack(ctx, name))] };
	findStack(ctx, ''); // forget stacks deleted more than 90 days ago
	const { items, NextToken } = page(newestFirst(ctx.state.stacks.filter(isLive)), input['NextToken'], 100);
	return { Stacks: items.map(withDrift), ...(NextToken ? { NextToken } : {}) };
}

export function describeStackEvents(ctx: CloudFormationContext, raw: unknown): DescribeStackEventsOutput {
	const input = obj(raw);
	const stack = requireStack(ctx, input['StackName']);
	const { items, NextToken } = page([...stack.events].reverse(), input['NextToken'], 100);
	return { StackEvents: items.map((e) => toStackEvent(stack, e)), ...(NextToken ? { NextToken } : {}) };
}

function toStackResource(ctx: CloudFormationContext, stack: StackRecord, r: StackResourceRecord): StackResource {
	return {
		StackName: stack.stackName,
		StackId: stack.stackId,
		LogicalResourceId: r.logicalId,
		...(r.physicalId !== undefined ? { PhysicalResourceId: r.physicalId } : {}),
		ResourceType: r.type,
		Timestamp: new Date(r.lastUpdated),
		ResourceStatus: r.status,
		...(r.reason !== undefined ? { ResourceStatusReason: r.reason } : {}),
		DriftInformation: resourceDriftInformation(ctx, stack.stackId, r.logicalId)
	};
}

export function describeStackResource(ctx: CloudFormationContext, raw: unknown): DescribeStackResourceOutput {
	const input = obj(raw);
	const stack = requireStack(ctx, input['StackName']);
	const logicalId = str(input['LogicalResourceId']) ?? '';
	const r = stack.resources.find((x) => x.logicalId === logicalId);
	if (!r) throw new ValidationError(`Resource ${logicalId} does not exist for stack ${stack.stackName}`);
	return {
		StackResourceDetail: {
			StackName: stack.stackName,
			StackId: stack.stackId,
			LogicalResourceId: r.logicalId,
			...(r.physicalId !== undefined ? { PhysicalResourceId: r.physicalId } : {}),
			ResourceType: r.type,
			LastUpdatedTimestamp: new Date(r.lastUpdated),
			ResourceStatus: r.status,
			...(r.reason !== undefined ? { ResourceStatusReason: r.reason } : {}),
			...(r.metadata !== undefined ? { Metadata: JSON.stringify(r.metadata) } : {}),
			DriftInformation: resourceDriftInformation(ctx, stack.stackId, r.logicalId)
		}
	};
}

export function describeStackResources(ctx: CloudFormationContext, raw: unknown): DescribeStackResourcesOutput {
	const input = obj(raw);
	const name = str(input['StackName']);
	const physicalId = str(input['PhysicalResourceId']);
	const logicalId = str(input['LogicalResourceId']);
	if (name === undefined && physicalId === undefined) throw new ValidationError('Either StackName or PhysicalResourceId must be specified.');
	let stack: StackRecord | undefined;
	if (name !== undefined) stack = requireStack(ctx, name);
	else {
		stack = ctx.state.stacks.find((s) => isLive(s) && s.resources.some((r) => r.physicalId === physicalId));
		if (!stack) throw new ValidationError(`Stack for ${physicalId ?? ''} does not exist`);
	}
	const resources = stack.resources.filter((r) => (logicalId === undefined || r.logicalId === logicalId) && (physicalId === undefined || r.physicalId === physicalId));
	return { StackResources: resources.map((r) => toStackResource(ctx, stack, r)) };
}

export function listStackResources(ctx: CloudFormationContext, raw: unknown): ListStackResourcesOutput {
	const input = obj(raw);
	const stack = requireStack(ctx, input['StackName']);
	const { items, NextToken } = page(stack.resources, input['NextToken'], 100);
	return {
		StackResourceSummaries: items.map((r) => ({
			LogicalResourceId: r.logicalId,
			...(r.physicalId !== undefined ? { PhysicalResourceId: r.physicalId } : {}),
			ResourceType: r.type,
			LastUpdatedTimestamp: new Date(r.lastUpdated),
			ResourceStatus: r.status,
			...(r.reason !== undefined ? { ResourceStatusReason: r.reason } : {}),
			DriftInformation: resourceDriftInformation(ctx, stack.stackId, r.logicalId)
		})),
		...(NextToken ? { NextToken } : {})
	};
}

export function listStacks(ctx: CloudFormationContext, raw: unknown): ListStacksOutput {
	const input = obj(raw);
	const filter = strings(input['StackStatusFilter']);
	findStack(ctx, ''); // forget stacks deleted more than 90 days ago
	const stacks = newestFirst(ctx.state.stacks).filter((s) => filter.length === 0 || filter.includes(s.status));
	const { items, NextToken } = page(stacks, input['NextToken'], 100);
	return {
		StackSummaries: items.map((s) => ({
			StackId: s.stackId,
			StackName: s.stackName,
			...(s.description !== undefined ? { TemplateDescription: s.description } : {}),
			CreationTime: new Date(s.creationTime),
			...(s.lastUpdatedTime !== undefined ? { LastUpdatedTime: new Date(s.lastUpdatedTime) } : {}),
			...(s.deletionTime !== undefined ? { DeletionTime: new Date(s.deletionTime) } : {}),
			StackStatus: s.status as StackStatus,
			...(s.reason !== undefined ? { StackStatusReason: s.reason } : {}),
			DriftInformation: stackDriftInformation(ctx, s.stackId)
		})),
		...(NextToken ? { NextToken } : {})
	};
}

export function getTemplate(ctx: CloudFormationContext, raw: unknown): GetTemplateOutput {
	const input = obj(raw);
	const stack = requireStack(ctx, input['StackName']);
	const stage = str(input['TemplateStage']);
	if (stage !== undefined && stage !== 'Original' && stage !== 'Processed') {
		throw new ValidationError(`1 validation error detected: Value '${stage}' at 'templateStage' failed to satisfy constraint: Member must satisfy enum value set: [Original, Processed]`);
	}
	// The processed template differs only when a transform (AWS::LanguageExtensions) rewrote it.
	if (stage === 'Processed') {
		try {
			const { model } = validateTemplate(stack.templateBody, RESOURCE_CATALOG);
			if (model.transforms.length > 0) return { TemplateBody: JSON.stringify(model.body), StagesAvailable: ['Original', 'Processed'] };
		} catch {
			// A stored template always validated once; fall back to the text.
		}
	}
	return { TemplateBody: stack.templateBody, StagesAvailable: ['Original', 'Processed'] };
}

export function listExports(ctx: CloudFormationContext, raw: unknown): ListExportsOutput {
	const input = obj(raw);
	const all = Object.entries(exportsOf(ctx.state)).map(([Name, Value]) => ({ ExportingStackId: exporterOf(ctx.state, Name)?.stackId ?? '', Name, Value }));
	const { items, NextToken } = page(all, input['NextToken'], 100);
	return { Exports: items, ...(NextToken ? { NextToken } : {}) };
}

export function listImports(ctx: CloudFormationContext, raw: unknown): ListImportsOutput {
	const input = obj(raw);
	const name = str(input['ExportName']) ?? '';
	const importers = importersOf(ctx.state, name);
	if (importers.length === 0) throw new ValidationError(`Export '${name}' is not imported by any stack.`);
	const { items, NextToken } = page(importers, input['NextToken'], 100);
	return { Imports: items, ...(NextToken ? { NextToken } : {}) };
}

