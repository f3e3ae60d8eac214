// Failures as the wire carries them: a code, a message, an HTTP status and whose fault it is.
// The engines throw AwsError with the exception's shape name; awsQuery services write some of them
// under a shorter code (CloudFormation's ChangeSetNotFoundException is `ChangeSetNotFound`, HTTP
// 404), which the model's error table supplies. Anything that is not an AwsError is a simulator
// bug and becomes AWS's InternalFailure, so a client never sees a stack trace.
import { AwsError } from '../engines/errors';
import type { ServiceModel } from './models/shapes';

export type Fault = 'Sender' | 'Receiver';

export interface WireError {
	code: string;
	/** Absent when AWS sends none (UnknownOperationException over awsJson). */
	message?: string;
	status: number;
	fault: Fault;
}

/** A failure found by the protocol layer itself (bad JSON, an unknown action ...). */
export class ProtocolError extends Error {
	readonly code: string;
	readonly status: number;
	readonly fault: Fault;
	readonly hasMessage: boolean;

	constructor(code: string, message: string | undefined, status = 400, fault: Fault = 'Sender') {
		super(message ?? '');
		this.name = code;
		this.code = code;
		this.status = status;
		this.fault = fault;
		this.hasMessage = message !== undefined;
	}
}

// Common Errors (e.g. docs.aws.amazon.com/AmazonRDS/latest/APIReference/CommonErrors.html):
// InternalFailure, HTTP 500, "The request processing has failed because of an unknown error,
// exception or failure."
export const internalFailure = (): WireError => ({
	code: 'InternalFailure',
	message: 'The request processing has failed because of an unknown error, exception or failure.',
	status: 500,
	fault: 'Receiver'
});

/** How a service model writes an engine's error code: its awsQuery code, status and fault. */
function modelled(model: ServiceModel | undefined, code: string): { code: string; status?: number; fault: Fault } | undefined {
	if (!model) return undefined;
	const byShape = Object.prototype.hasOwnProperty.call(model.errors, code) ? model.errors[code] : undefined;
	const found = byShape ?? Object.values(model.errors).find((e) => e.code === code);
	if (!found) return undefined;
	return { code: found.code, fault: found.fault, ...(found.httpStatus ? { status: found.httpStatus } : {}) };
}

/**
 * The wire form of whatever an operation threw. `useQueryCodes`: write the model's awsQuery code
 * (awsJson services answer with the shape name, which is what the engines throw).
 */
export function toWireError(e: unknown, model: ServiceModel | undefined, useQueryCodes: boolean): WireError {
	if (e instanceof ProtocolError) {
		return { code: e.code, status: e.status, fault: e.fault, ...(e.hasMessage ? { message: e.message } : {}) };
	}
	if (e instanceof AwsError) {
		const m = modelled(model, e.code);
		return {
			code: useQueryCodes && m ? m.code : e.code,
			message: e.message,
			status: m?.status ?? e.httpStatus,
			fault: m?.fault ?? (e.fault === 'server' ? 'Receiver' : 'Sender')
		};
	}
	return internalFailure();
}
