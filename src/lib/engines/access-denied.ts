// The error every service returns when IAM says no, carrying the decision's explanation so the
// UI can say which statement decided. The explanation is computed only when asked for.
import { AwsError } from './errors';
import type { Explanation } from './iam';

export class AccessDeniedException extends AwsError {
	readonly #explain: () => Explanation;
	#explanation?: Explanation;

	/** `code` and `httpStatus` are the service's: ECR's AccessDeniedException is a 400, IAM's AccessDenied a 403. */
	constructor(message: string, explain: () => Explanation, code = 'AccessDeniedException', httpStatus?: number) {
		super(code, message, httpStatus === undefined ? {} : { httpStatus });
		this.#explain = explain;
	}

	get explanation(): Explanation {
		this.#explanation ??= this.#explain();
		return this.#explanation;
	}
}
