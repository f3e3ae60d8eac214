// One error type per ECR exception, with the message AWS writes (ecr-facts.md §4; the messages
// there come from AWS responses quoted in public issue threads).
import { AwsError } from '../errors';

const invalid = (param: string, constraint: string) =>
	new AwsError('InvalidParameterException', `Invalid parameter at '${param}' failed to satisfy constraint: '${constraint}'`);

export class InvalidParameterException extends AwsError {
	constructor(message: string) {
		super('InvalidParameterException', message);
	}
	static at(param: string, constraint: string) {
		return new InvalidParameterException(invalid(param, constraint).message);
	}
}

export class RepositoryNotFoundException extends AwsError {
	constructor(repositoryName: string, registryId: string) {
		super('RepositoryNotFoundException', `The repository with name '${repositoryName}' does not exist in the registry with id '${registryId}'`);
	}
}

export class RepositoryAlreadyExistsException extends AwsError {
	constructor(repositoryName: string, registryId: string) {
		super('RepositoryAlreadyExistsException', `The repository with name '${repositoryName}' already exists in the registry with id '${registryId}'`);
	}
}

export class RepositoryNotEmptyException extends AwsError {
	constructor(repositoryName: string, registryId: string) {
		super(
			'RepositoryNotEmptyException',
			`The repository with name '${repositoryName}' in registry with id '${registryId}' cannot be deleted because it still contains images`
		);
	}
}

export class InvalidTagParameterException extends AwsError {
	constructor(message: string) {
		super('InvalidTagParameterException', message);
	}
}

export class TooManyTagsException extends AwsError {
	constructor(message: string) {
		super('TooManyTagsException', message);
	}
}

export class LimitExceededException extends AwsError {
	constructor(message: string) {
		super('LimitExceededException', message);
	}
}

export class ValidationException extends AwsError {
	constructor(message: string) {
		super('ValidationException', message);
	}
}

/** Exceptions whose message is the caller's to supply (their AWS wording is not published). */
const named = (code: string) =>
	class extends AwsError {
		constructor(message: string) {
			super(code, message);
		}
	};

export class ImageAlreadyExistsException extends AwsError {
	constructor(digest: string, tag: string | undefined, repositoryName: string, registryId: string) {
		super(
			'ImageAlreadyExistsException',
			`Image with digest '${digest}' and tag '${tag ?? 'null'}' already exists in the repository with name '${repositoryName}' in registry with id '${registryId}'`
		);
	}
}

export class ImageTagAlreadyExistsException extends AwsError {
	constructor() {
		super('ImageTagAlreadyExistsException', 'The specified image is tagged with a tag that already exists. The repository is configured for tag immutability.');
	}
}

export class ImageNotFoundException extends AwsError {
	constructor(id: { imageDigest?: string; imageTag?: string }, repositoryName: string, registryId: string) {
		super(
			'ImageNotFoundException',
			`The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist within the repository with name '${repositoryName}' in the registry with id '${registryId}'`
		);
	}
}

export const ImageDigestDoesNotMatchException = named('ImageDigestDoesNotMatchException');
export const LayersNotFoundException = named('LayersNotFoundException');
export const LayerInaccessibleException = named('LayerInaccessibleException');
export const UploadNotFoundException = named('UploadNotFoundException');
export const InvalidLayerPartException = named('InvalidLayerPartException');
export const InvalidLayerException = named('InvalidLayerException');
export const LayerAlreadyExistsException = named('LayerAlreadyExistsException');
export const EmptyUploadException = named('EmptyUploadException');
export const UnsupportedImageTypeException = named('UnsupportedImageTypeException');
export const LayerPartTooSmallException = named('LayerPartTooSmallException');

export class LifecyclePolicyNotFoundException extends AwsError {
	constructor(repositoryName: string, registryId: string) {
		super('LifecyclePolicyNotFoundException', `Lifecycle policy does not exist for the repository with name '${repositoryName}' in the registry with id '${registryId}'`);
	}
}

export class LifecyclePolicyPreviewNotFoundException extends AwsError {
	constructor(repositoryName: string, registryId: string) {
		super('LifecyclePolicyPreviewNotFoundException', `There is no lifecycle policy preview for the repository with name '${repositoryName}' in the registry with id '${registryId}'`);
	}
}

export class RepositoryPolicyNotFoundException extends AwsError {
	constructor(repositoryName: string, registryId: string) {
		super('RepositoryPolicyNotFoundException', `Repository policy does not exist for the repository with name '${repositoryName}' in the registry with id '${registryId}'`);
	}
}

/** Wording not published by AWS: modelled on RepositoryPolicyNotFoundException. */
export class RegistryPolicyNotFoundException extends AwsError {
	constructor(registryId: string) {
		super('RegistryPolicyNotFoundException', `Registry policy does not exist in the registry with id '${registryId}'`);
	}
}
