// ECR lifecycle policies as pure functions: parse and validate a policy document, decide what a
// policy does to a repository's images at a given instant. No state and no clock: the caller
// owns both.
export type {
	ActionType,
	CountType,
	CountUnit,
	LifecycleAction,
	LifecyclePolicy,
	LifecycleRule,
	LifecycleSelection,
	PolicyStorageClass,
	TagStatus
} from './policy';
export { DEFAULT_POLICY_STORAGE_CLASS, LIFECYCLE_POLICY_LIMITS } from './policy';
export { parseLifecyclePolicy } from './validate';
export { evaluateLifecyclePolicy, type ImageStorageClass, type LifecycleDecision, type LifecycleImage, type LifecyclePreviewResult } from './evaluate';
export { compileTagPattern, countWildcards, matchesTagPattern, matchesTagPrefix, type CompiledTagPattern } from './pattern';
