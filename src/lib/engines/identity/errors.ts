// IAM's exceptions (awsQuery error codes). The wording follows moto's IAM backend, which copies
// AWS's responses; AWS's API reference documents the codes but not the messages.
import { AwsError } from '../errors';

export class NoSuchEntityException extends AwsError {
	constructor(message: string) {
		super('NoSuchEntity', message, { httpStatus: 404 });
	}
}

export class EntityAlreadyExistsException extends AwsError {
	constructor(message: string) {
		super('EntityAlreadyExists', message, { httpStatus: 409 });
	}
}

export class LimitExceededException extends AwsError {
	constructor(message: string) {
		super('LimitExceeded', message, { httpStatus: 409 });
	}
}

export class ValidationError extends AwsError {
	constructor(message: string) {
		super('ValidationError', message);
	}
	/** The Coral-style message AWS gives for a request member that breaks the API model. */
	static member(member: string, value: unknown, constraint: string) {
		return new ValidationError(`1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`);
	}
}

/** A delete refused while subordinate entities remain (HTTP 409, "Cannot delete entity, must ..."). */
export class DeleteConflictException extends AwsError {
	constructor(message: string) {
		super('DeleteConflict', message, { httpStatus: 409 });
	}
}

export class InvalidInputException extends AwsError {
	constructor(message: string) {
		super('InvalidInput', message);
	}
}
