// Every ECR operation the engine supports, by its API name, so the wire protocol and the CLI
// route by name and an unknown name is reported rather than guessed.
import type { EcrContext } from './context';
import { batchDeleteImage, batchGetImage, describeImages, listImages, putImage } from './images';
import { batchCheckLayerAvailability, completeLayerUpload, getAuthorizationToken, getDownloadUrlForLayer, initiateLayerUpload, uploadLayerPart } from './layers';
import { deleteLifecyclePolicy, getLifecyclePolicy, getLifecyclePolicyPreview, putLifecyclePolicy, startLifecyclePolicyPreview } from './lifecycle-api';
import { deleteRegistryPolicy, deleteRepositoryPolicy, getRegistryPolicy, getRepositoryPolicy, putRegistryPolicy, setRepositoryPolicy } from './policies';
import { describeImageReplicationStatus } from './replication';
import { describeImageScanFindings, startImageScan } from './scanning/scan-api';
import { describeRegistry, getRegistryScanningConfiguration, putImageScanningConfiguration, putRegistryScanningConfiguration, putReplicationConfiguration } from './registry-settings';
import { createRepository, deleteRepository, describeRepositories, listTagsForResource, putImageTagMutability, tagResource, untagResource } from './repositories';

export const ecrOperations = {
	CreateRepository: createRepository,
	DescribeRepositories: describeRepositories,
	DeleteRepository: deleteRepository,
	PutImageTagMutability: putImageTagMutability,
	TagResource: tagResource,
	UntagResource: untagResource,
	ListTagsForResource: listTagsForResource,
	GetAuthorizationToken: getAuthorizationToken,
	InitiateLayerUpload: initiateLayerUpload,
	UploadLayerPart: uploadLayerPart,
	CompleteLayerUpload: completeLayerUpload,
	BatchCheckLayerAvailability: batchCheckLayerAvailability,
	GetDownloadUrlForLayer: getDownloadUrlForLayer,
	PutImage: putImage,
	BatchGetImage: batchGetImage,
	BatchDeleteImage: batchDeleteImage,
	DescribeImages: describeImages,
	ListImages: listImages,
	PutLifecyclePolicy: putLifecyclePolicy,
	GetLifecyclePolicy: getLifecyclePolicy,
	DeleteLifecyclePolicy: deleteLifecyclePolicy,
	StartLifecyclePolicyPreview: startLifecyclePolicyPreview,
	GetLifecyclePolicyPreview: getLifecyclePolicyPreview,
	SetRepositoryPolicy: setRepositoryPolicy,
	GetRepositoryPolicy: getRepositoryPolicy,
	DeleteRepositoryPolicy: deleteRepositoryPolicy,
	PutRegistryPolicy: putRegistryPolicy,
	GetRegistryPolicy: getRegistryPolicy,
	DeleteRegistryPolicy: deleteRegistryPolicy,
	StartImageScan: startImageScan,
	DescribeImageScanFindings: describeImageScanFindings,
	DescribeImageReplicationStatus: describeImageReplicationStatus,
	PutRegistryScanningConfiguration: putRegistryScanningConfiguration,
	GetRegistryScanningConfiguration: getRegistryScanningConfiguration,
	PutImageScanningConfiguration: putImageScanningConfiguration,
	PutReplicationConfiguration: putReplicationConfiguration,
	DescribeRegistry: describeRegistry
} satisfies Record<string, (ctx: EcrContext, input: unknown) => unknown>;

export type EcrOperationName = keyof typeof ecrOperations;
export type EcrOperationOutput<N extends EcrOperationName> = ReturnType<(typeof ecrOperations)[N]>;

export const isEcrOperation = (name: string): name is EcrOperationName => Object.prototype.hasOwnProperty.call(ecrOperations, name);
