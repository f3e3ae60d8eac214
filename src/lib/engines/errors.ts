// Every failure an engine reports is an AwsError: the exception name AWS uses (the `__type` of
// awsJson, the `Code` of awsQuery), AWS's message, and whether AWS blames the caller or itself.
// Anything else escaping an engine is a bug in the simulator.

export type ErrorFault = 'client' | 'server';

export class AwsError extends Error {
	readonly code: string;
	readonly fault: ErrorFault;
	readonly httpStatus: number;

	constructor(code: string, message: string, options: { fault?: ErrorFault; httpStatus?: number } = {}) {
		super(message);
		this.name = code;
		this.code = code;
		this.fault = options.fault ?? 'client';
		this.httpStatus = options.httpStatus ?? (this.fault === 'client' ? 400 : 500);
	}

	toJSON() {
		return { code: this.code, message: this.message, fault: this.fault, httpStatus: this.httpStatus };
	}
}

export const isAwsError = (e: unknown): e is AwsError => e instanceof AwsError;
