// The template layer of the simulated CloudFormation: text → template (JSON or YAML with the
// short-form tags, a source map from JSON pointer to line and column), ValidateTemplate with
// AWS's messages, the plan of a stack operation (parameters, conditions, dependency order), and
// exact resolution of intrinsic functions and pseudo parameters. Pure TypeScript, no clock.
export { parseTemplate, type ParsedTemplate, type ParseOptions, type TemplateFormat } from './parse';
export { SourceMap, toPointer, childPointer, type PathSegment, type Position } from './source-map';
export { newObject, isObject, toTemplateValue, scalarText, type TemplateObject, type TemplateValue } from './value';
export { validateTemplate, validateParsedTemplate, TEMPLATE_SECTIONS, type ValidatedTemplate, type ValidateOptions } from './validate';
export { PERMISSIVE_CATALOG, isCustomResourceType, type ResourceCatalog } from './catalog';
export { requiredCapabilities, missingCapabilities, IAM_CAPABILITY_TYPES, type RequiredCapabilities } from './capabilities';
export type { TemplateModel, ParameterDeclaration, ResourceDeclaration, OutputDeclaration, ConditionDeclaration, RuleDeclaration } from './model';
export {
	PARAMETER_TYPES,
	AWS_SPECIFIC_PARAMETER_TYPES,
	resolveParameterValues,
	checkParameterValue,
	isListParameterType,
	type ParameterValue,
	type SuppliedParameter
} from './parameters';
export { evaluateConditions } from './conditions';
export {
	resolveValue,
	resolveProperties,
	pseudoParameter,
	partitionOf,
	urlSuffixOf,
	defaultAvailabilityZones,
	NO_VALUE,
	type ResolveContext,
	type ResourceState
} from './resolve';
export { planStack, liveReferences, type PlanInput, type StackPlan, type StackIdentity } from './plan';
export { graphOf, creationWaves, creationOrder, deletionWaves, deletionOrder, unorderable, findCycle, type DependencyGraph } from './graph';
export { cidr } from './cidr';
export { base64 } from './base64';
export { parseSub, subVariables, type SubPart } from './sub';
export { SUPPORTED_FUNCTIONS, PSEUDO_PARAMETERS, asFunctionCall } from './functions';
export { LIMITS } from './limits';
export { MSG } from './messages';
export type { Reference } from './scan';
