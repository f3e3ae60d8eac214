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
