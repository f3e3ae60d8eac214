// What an ECR registry holds, as plain JSON (dates as ISO strings) so a world snapshots with
// structuredClone and restores exactly.
import type { EncryptionType, ImageTagMutability } from '@aws-sdk/client-ecr';
import type { RootfsInfo } from './scanning/rootfs';

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
	artifactMediaType?: string;
	/** Digests of the manifests an index points at (empty for a plain image). */
	childDigests: string[];
	lastRecordedPullTime?: string;
	/** Absent while in the standard storage class. */
	storageClass?: 'ARCHIVE';
	lastArchivedAt?: string;
	scan?: ImageScanState;
	/** Per destination, for images pushed while a replication rule matched the repository. */
	replication?: ReplicationStatusState[];
}

export interface ReplicationStatusState {
	region: string;
	registryId: string;
	status: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';
	failureCode?: string;
}

export interface LayerState {
	layerDigest: string;
	layerSize: number;
	/** What a scanner found inside the layer (OS release, packages), when it is a simulated rootfs. */
	rootfs?: RootfsInfo;
}

/** The latest scan of an image, of the registry's scan type at the time. */
export interface ImageScanState {
	type: 'BASIC' | 'ENHANCED';
	status: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED' | 'UNSUPPORTED_IMAGE' | 'ACTIVE' | 'PENDING' | 'SCAN_ELIGIBILITY_EXPIRED';
	startedAt: string;
	completedAt?: string;
	/** Continuous (enhanced) scanning keeps re-evaluating the image as new CVEs are published. */
	continuous?: boolean;
}

/** An upload between InitiateLayerUpload and CompleteLayerUpload; parts kept as base64. */
export interface UploadState {
	uploadId: string;
	parts: string[];
	lastByteReceived: number;
}

export interface LifecyclePreviewState {
	lifecyclePolicyText: string;
	startedAt: string;
	/** Absent in worlds saved before previews took time: COMPLETE. */
	status?: 'IN_PROGRESS' | 'COMPLETE';
	results: {
		imageDigest: string;
		imageTags: string[];
		imagePushedAt: string;
		storageClass: 'STANDARD' | 'ARCHIVE';
		action: { type: 'EXPIRE' | 'TRANSITION'; targetStorageClass?: 'ARCHIVE' };
		appliedRulePriority: number;
	}[];
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
	lifecyclePreview?: LifecyclePreviewState;
	/** Images by digest, in push order. */
	images: ImageState[];
	/** Layer blobs this repository holds (metadata only: the bytes are not kept once verified). */
	layers: LayerState[];
	uploads: UploadState[];
}

export interface ScanningRuleState {
	scanFrequency: 'SCAN_ON_PUSH' | 'CONTINUOUS_SCAN' | 'MANUAL';
	repositoryFilters: { filter: string; filterType: 'WILDCARD' }[];
}

export interface ReplicationRuleState {
	destinations: { region: string; registryId: string }[];
	repositoryFilters: { filter: string; filterType: 'PREFIX_MATCH' }[];
}

export interface EcrRegistryState {
	accountId: string;
	region: string;
	/** Repositories in creation order; names are unique. */
	repositories: RepositoryState[];
	scanning: { scanType: 'BASIC' | 'ENHANCED'; rules: ScanningRuleState[] };
	replicationRules: ReplicationRuleState[];
	/** The registry permissions policy (PutRegistryPolicy). */
	policyText?: string;
	/** Counts uploads and tokens so generated ids are deterministic. */
	sequence: number;
}

export const emptyRegistry = (accountId: string, region: string): EcrRegistryState => ({
	accountId,
	region,
	repositories: [],
	scanning: { scanType: 'BASIC', rules: [] },
	replicationRules: [],
	sequence: 0
});
