// Every CloudFormation operation the simulator supports, by its API name, so the wire protocol
// and the CLI route by name and an unknown name is reported rather than guessed. The world binds
// them to a caller and a Region (`world.cloudformation(caller, region)`).
import type { CloudFormationContext } from './stacks/context';
import {
	describeStackEvents,
	describeStackResource,
	describeStackResources,
	describeStacks,
	getTemplate,
	listExports,
	listImports,
	listStackResources,
	listStacks
} from './stacks/describe';
import { cancelUpdateStack, continueUpdateRollback, createStack, deleteStack, updateStack, updateTerminationProtection, validateTemplateOperation } from './stacks/operations';
import { describeStackDriftDetectionStatus, describeStackResourceDrifts, detectStackDrift, detectStackResourceDrift } from './stacks/drift';
import { getTemplateSummary } from './stacks/template-summary';
import { createChangeSet, deleteChangeSet, describeChangeSet, executeChangeSet, listChangeSets } from './stacks/changesets';
import { rollbackStack } from './stacks/rollback-stack';
import { getStackPolicy, setStackPolicy } from './stacks/stack-policy-operations';
import { createStackSet, deleteStackSet, updateStackSet } from './stacksets/stack-sets';
import { createStackInstances, deleteStackInstances, stopStackSetOperation, updateStackInstances } from './stacksets/instances';
import {
	describeStackInstance,
	describeStackSet,
	describeStackSetOperation,
	listStackInstances,
	listStackSetOperationResults,
	listStackSetOperations,
	listStackSets
} from './stacksets/describe';

export const cloudFormationOperations = {
	CreateStack: createStack,
	UpdateStack: updateStack,
	DeleteStack: deleteStack,
	CancelUpdateStack: cancelUpdateStack,
	ContinueUpdateRollback: continueUpdateRollback,
	UpdateTerminationProtection: updateTerminationProtection,
	DescribeStacks: describeStacks,
	DescribeStackEvents: describeStackEvents,
	DescribeStackResource: describeStackResource,
	DescribeStackResources: describeStackResources,
	ListStackResources: listStackResources,
	ListStacks: listStacks,
	GetTemplate: getTemplate,
	GetTemplateSummary: getTemplateSummary,
	ValidateTemplate: validateTemplateOperation,
	ListExports: listExports,
	ListImports: listImports,
	DetectStackDrift: detectStackDrift,
	DetectStackResourceDrift: detectStackResourceDrift,
	DescribeStackDriftDetectionStatus: describeStackDriftDetectionStatus,
	DescribeStackResourceDrifts: describeStackResourceDrifts,
	CreateChangeSet: createChangeSet,
	DescribeChangeSet: describeChangeSet,
	ListChangeSets: listChangeSets,
	ExecuteChangeSet: executeChangeSet,
	DeleteChangeSet: deleteChangeSet,
	RollbackStack: rollbackStack,
	SetStackPolicy: setStackPolicy,
	GetStackPolicy: getStackPolicy,
	CreateStackSet: createStackSet,
	UpdateStackSet: updateStackSet,
	DeleteStackSet: deleteStackSet,
	DescribeStackSet: describeStackSet,
	ListStackSets: listStackSets,
	CreateStackInstances: createStackInstances,
	UpdateStackInstances: updateStackInstances,
	DeleteStackInstances: deleteStackInstances,
	DescribeStackInstance: describeStackInstance,
	ListStackInstances: listStackInstances,
	DescribeStackSetOperation: describeStackSetOperation,
	ListStackSetOperations: listStackSetOperations,
	ListStackSetOperationResults: listStackSetOperationResults,
	StopStackSetOperation: stopStackSetOperation
} satisfies Record<string, (ctx: CloudFormationContext, input: unknown) => unknown>;

export type CloudFormationOperationName = keyof typeof cloudFormationOperations;
export type CloudFormationOperationOutput<N extends CloudFormationOperationName> = ReturnType<(typeof cloudFormationOperations)[N]>;

export const isCloudFormationOperation = (name: string): name is CloudFormationOperationName => Object.prototype.hasOwnProperty.call(cloudFormationOperations, name);

export interface CloudFormationApi {
	call<N extends CloudFormationOperationName>(operation: N, input: unknown): CloudFormationOperationOutput<N>;
	/** For callers that route by a name they received (protocol, CLI). */
	callByName(operation: string, input: unknown): unknown;
}

export { loadResourceSchemas } from './stacks/schemas';
export type { ProviderRegistry } from './stacks/environment';
