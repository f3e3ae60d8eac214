// What an ECR registry holds, as plain JSON (dates as ISO strings) so a world snapshots with
// structuredClone and restores exactly.
import type { EncryptionType, ImageTagMutability } from '@aws-sdk/client-ecr';

export interface TagState {
	Key: string;
	Value: string;
}

export interface ExclusionFilterState {
	filterType: 'WILDCARD';
	filter: string;
}

export interface ImageState {
	imageDigest: string;
	imageManifest: string;
	imageManifestMediaType: string;
	imageTags: string[];
	imagePushedAt: string;
	imageSizeInBytes: number;
	lastRecordedPullTime?: string;
}

export interface RepositoryState {
	repositoryName: string;
	createdAt: string;
	imageTagMutability: ImageTagMutability;
	imageTagMutabilityExclusionFilters: ExclusionFilterState[];
	scanOnPush: boolean;
	encryptionType: EncryptionType;
	kmsKey?: string;
	tags: TagState[];
	policyText?: string;
	lifecyclePolicyText?: string;
	lifecyclePolicyEvaluatedAt?: string;
	/** Images by digest, in push order. */
	images: ImageState[];
}

export interface EcrRegistryState {
	accountId: string;
	region: string;
	/** Repositories in creation order; names are unique. */
	repositories: RepositoryState[];
}

export const emptyRegistry = (accountId: string, region: string): EcrRegistryState => ({ accountId, region, repositories: [] });
