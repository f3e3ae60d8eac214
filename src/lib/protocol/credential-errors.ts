// The world refuses bad credentials with the Query services' codes (InvalidClientTokenId and
// ExpiredToken, HTTP 403). AWS's awsJson services say the same things under other codes, quoted
// from real ECR and Lambda answers: UnrecognizedClientException (HTTP 400) for a key it does not
// accept, ExpiredTokenException (HTTP 403) for expired temporary credentials. Each protocol gets
// its own form, whichever form the engine used.
import { AwsError } from '../engines/errors';

const JSON_FORM: Record<string, { code: string; status: number }> = {
	InvalidClientTokenId: { code: 'UnrecognizedClientException', status: 400 },
	ExpiredToken: { code: 'ExpiredTokenException', status: 403 }
};
const QUERY_FORM: Record<string, { code: string; status: number }> = {
	UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
	ExpiredTokenException: { code: 'ExpiredToken', status: 403 }
};

/** `e` as the protocol writes it: other errors pass through unchanged. */
export function credentialError(e: unknown, protocol: 'json' | 'query'): unknown {
	if (!(e instanceof AwsError)) return e;
	const table = protocol === 'json' ? JSON_FORM : QUERY_FORM;
	const form = Object.hasOwn(table, e.code) ? table[e.code] : undefined;
	return form ? new AwsError(form.code, e.message, { httpStatus: form.status }) : e;
}
