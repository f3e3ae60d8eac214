// CloudFormation's exceptions. Over awsQuery every template fault is the error code
// `ValidationError` (HTTP 400) and the message is AWS's sentence; the catalogue of sentences
// lives in template/messages.ts with its sources.
//
// A template error also says where it is: `path` is the JSON pointer of the offending node
// (the form AWS itself now prints as `[/Resources/Bucket]`), `line`/`column` (1-based) place it
// in the learner's editor. `detail` says in plain words what is wrong when AWS's sentence is
// terse. None of these three is part of what AWS returns; the protocol layer sends only
// code and message.
import { AwsError } from '../errors';

export interface TemplateLocation {
	/** JSON pointer (RFC 6901) of the node, e.g. `/Resources/Bucket/Properties/BucketName`. */
	path: string;
	/** 1-based line in the template text; absent when the node was not found in the text. */
	line?: number;
	/** 1-based column in the template text. */
	column?: number;
}

export class ValidationError extends AwsError {
	readonly location: TemplateLocation | undefined;
	readonly detail: string | undefined;

	constructor(message: string, options: { location?: TemplateLocation | undefined; detail?: string | undefined } = {}) {
		super('ValidationError', message);
		this.location = options.location;
		this.detail = options.detail;
	}

	override toJSON() {
		return { ...super.toJSON(), ...(this.location ? { location: this.location } : {}), ...(this.detail ? { detail: this.detail } : {}) };
	}
}

/** CreateStack/UpdateStack/ExecuteChangeSet without the capability the template needs. */
export class InsufficientCapabilitiesException extends AwsError {
	constructor(capabilities: readonly string[]) {
		super('InsufficientCapabilitiesException', `Requires capabilities : [${capabilities.join(', ')}]`);
	}
}

export const isValidationError = (e: unknown): e is ValidationError => e instanceof ValidationError;
