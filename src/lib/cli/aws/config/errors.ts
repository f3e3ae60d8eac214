// Failures the CLI reports before any operation is called (a missing profile, partial
// credentials): its own text on stderr between blank-line markers, exit 255 unless said otherwise.
export class CliConfigError extends Error {
	constructor(message: string, readonly exitCode = 255) {
		super(message);
	}
}

/** Confirmed with /usr/bin/aws 2.9.19 (`--profile nope`, and AWS_PROFILE=nope): exit 255. */
export const profileNotFound = (profile: string) => new CliConfigError(`The config profile (${profile}) could not be found`);

/** Confirmed with /usr/bin/aws 2.9.19 for `env` and `shared-credentials-file`: exit 255. */
export const partialCredentials = (provider: string, missing: string) => new CliConfigError(`Partial credentials found in ${provider}, missing: ${missing}`);
