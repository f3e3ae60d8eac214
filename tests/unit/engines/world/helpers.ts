import { AwsError } from '../../../../src/lib/engines/errors';

/** The AwsError a call throws; fails the test if it returns or throws anything else. */
export function caught(fn: () => unknown): AwsError {
	try {
		fn();
	} catch (e) {
		if (e instanceof AwsError) return e;
		throw e;
	}
	throw new Error('expected an AwsError');
}
