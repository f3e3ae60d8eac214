// The error every service returns when IAM says no, carrying the decision's explanation so the
// UI can say which statement decided. The explanation is computed only when asked for.
import { AwsError } from './errors';
import type { Explanation } from './iam';

export class AccessDeniedException extends AwsError {
	readonly #explain: () => Explanation;
	#explanation?: Explanation;

	constructor(message: string, explain: () => Explanation, code = 'AccessDeniedException') {
		super(code, message);
		this.#explain = explain;
	}

	get explanation(): Explanation {
		this.#explanation ??= this.#explain();
		return this.#explanation;
	}
}
