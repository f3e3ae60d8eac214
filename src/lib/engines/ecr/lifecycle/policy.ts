// The shape of an ECR lifecycle policy document, with AWS's own field names and values, as
// `parseLifecyclePolicy` returns it: every field checked, nothing the document did not say
// added (a rule without `storageClass` keeps it absent; the default is applied at evaluation).

export type TagStatus = 'tagged' | 'untagged' | 'any';

export type CountType = 'imageCountMoreThan' | 'sinceImagePushed' | 'sinceImagePulled' | 'sinceImageTransitioned';

/** Storage class as the policy document spells it (lower case); the image APIs use STANDARD/ARCHIVE. */
export type PolicyStorageClass = 'standard' | 'archive';

export type CountUnit = 'days';

export type ActionType = 'expire' | 'transition';

export interface LifecycleSelection {
	tagStatus: TagStatus;
	tagPrefixList?: string[];
	tagPatternList?: string[];
	storageClass?: PolicyStorageClass;
	countType: CountType;
	countUnit?: CountUnit;
	countNumber: number;
}

export interface LifecycleAction {
	type: ActionType;
	targetStorageClass?: 'archive';
}

export interface LifecycleRule {
	rulePriority: number;
	description?: string;
	selection: LifecycleSelection;
	action: LifecycleAction;
}

export interface LifecyclePolicy {
	rules: LifecycleRule[];
}

/** The storage class a rule selects when the document leaves `storageClass` out. */
export const DEFAULT_POLICY_STORAGE_CLASS: PolicyStorageClass = 'standard';

export const LIFECYCLE_POLICY_LIMITS = {
	/** PutLifecyclePolicy's `lifecyclePolicyText` length constraint (botocore model). */
	minTextLength: 100,
	maxTextLength: 30720,
	/** Service quota "Rules per lifecycle policy", not adjustable. */
	maxRules: 50,
	/** "There is a maximum limit of four wildcards (*) per string." */
	maxWildcardsPerPattern: 4,
	/**
	 * rulePriority and countNumber are integers in AWS's (Java) evaluator; the largest value a
	 * Java int holds is the bound we enforce. AWS does not document an upper bound.
	 */
	maxInteger: 2147483647,
	/** Archived images have a 90-day minimum storage duration before lifecycle may delete them. */
	archiveMinimumDays: 90
} as const;
