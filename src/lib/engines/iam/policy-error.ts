// AWS's policy errors are terse ("Syntax errors in policy.", or for ECR one sentence for every
// fault). The code and message stay exactly AWS's; `detail` says what is actually wrong, for the
// policy explainer and for tests. It is not part of what AWS returns.
import { AwsError } from '../errors';

export class PolicyError extends AwsError {
	readonly detail: string;

	constructor(code: string, message: string, detail: string) {
		super(code, message);
		this.detail = detail;
	}
}

export const isPolicyError = (e: unknown): e is PolicyError => e instanceof PolicyError;
