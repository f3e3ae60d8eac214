// How a resource handler reports a failure. The sentences for the standard cases are the
// cloudformation-cli-java-plugin's ExceptionMessages (the library every registry handler uses);
// a service error the handler does not catch reaches the stack as the SDK's message, which ends
// with `(Service: Ecr, Status Code: 400, Request ID: ...)`, as in this real event reason:
//   Resource handler returned message: "The repository with name 'helloworld' in registry with
//   id '309135946640' cannot be deleted because it still contains images (Service: Ecr, Status
//   Code: 400, Request ID: 9bfb6818-...)" (RequestToken: ..., HandlerErrorCode: GeneralServiceException)
import { AwsError } from '../../errors';
import { requestId } from './ids';
import { ProviderError, type HandlerErrorCode, type ProviderContext } from './provider';

export const alreadyExists = (type: string, id: string, physicalId?: string) =>
	new ProviderError(`Resource of type '${type}' with identifier '${id}' already exists.`, 'AlreadyExists', physicalId);

export const notFound = (type: string, id: string) => new ProviderError(`Resource of type '${type}' with identifier '${id}' was not found.`, 'NotFound');

export const notUpdatable = (type: string, id: string) =>
	new ProviderError(`Resource of type '${type}' with identifier '${id}' is not updatable with parameters provided.`, 'NotUpdatable');

/** What the handler wrapper says when the properties do not match the type's schema. */
export const modelValidationFailed = (detail: string) => new ProviderError(`Model validation failed (${detail})`, 'InvalidRequest');

export const invalidRequest = (message: string) => new ProviderError(message, 'InvalidRequest');

/** The SDK's service names and the HTTP status each error code comes with. */
export interface ServiceStyle {
	/** `Ecr`, `Iam`, `EcrPublic`, `Ec2`, `S3` ... as the Java SDK v2 prints it. */
	service: string;
	/** Handler error code per AWS error code; anything unlisted is `fallback`. */
	codes?: Partial<Record<string, HandlerErrorCode>>;
	fallback?: HandlerErrorCode;
	/** The HTTP status the real service sends for a code, where the engine's differs (IAM denies with 403). */
	status?: Partial<Record<string, number>>;
}

/** The SDK's rendering of a service error: the message, then service, status and request id. */
export function sdkMessage(ctx: ProviderContext, style: ServiceStyle, error: AwsError): string {
	const status = style.status?.[error.code] ?? error.httpStatus;
	return `${error.message} (Service: ${style.service}, Status Code: ${status}, Request ID: ${requestId(ctx, `${error.code}|${error.message}`)})`;
}

/**
 * Turns whatever an engine threw into the handler's failure. ProviderErrors pass through; an
 * AwsError becomes the code the handler maps it to (GeneralServiceException when it maps none,
 * as the plugin's wrapper does); anything else is a simulator bug and is rethrown.
 */
export function toProviderError(ctx: ProviderContext, error: unknown, style: ServiceStyle, physicalId?: string): ProviderError {
	if (error instanceof ProviderError) return physicalId && !error.physicalId ? new ProviderError(error.message, error.handlerErrorCode, physicalId) : error;
	if (error instanceof AwsError) {
		const code = style.codes?.[error.code] ?? style.fallback ?? 'GeneralServiceException';
		return new ProviderError(sdkMessage(ctx, style, error), code, physicalId);
	}
	throw error;
}

/** Runs an engine call, reporting its failure the way `style` says. */
export function attempt<T>(ctx: ProviderContext, style: ServiceStyle, call: () => T, physicalId?: string): T {
	try {
		return call();
	} catch (e) {
		throw toProviderError(ctx, e, style, physicalId);
	}
}

/** Runs an engine call, answering `fallback` when it fails with one of `codes` (not found ...). */
export function unless<T>(codes: readonly string[], call: () => T, fallback: T): T {
	try {
		return call();
	} catch (e) {
		if (e instanceof AwsError && codes.includes(e.code)) return fallback;
		throw e;
	}
}
