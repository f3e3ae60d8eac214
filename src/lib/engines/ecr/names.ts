// Repository names, URIs and ARNs (ecr-facts.md §2).
import { InvalidParameterException } from './errors';

/** The API model's pattern (botocore). It admits `__` and runs of `-`, which older servers refused. */
const REPOSITORY_NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
/** The pattern AWS quotes in its error message (observed 2018–2024), kept verbatim for fidelity. */
const QUOTED_PATTERN = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';

export function assertRepositoryName(name: unknown, param = 'repositoryName'): asserts name is string {
	if (typeof name !== 'string') throw InvalidParameterException.at(param, 'must be a string');
	if (name.length < 2) throw InvalidParameterException.at(param, 'must have length greater than or equal to 2');
	if (name.length > 256) throw InvalidParameterException.at(param, 'must have length less than or equal to 256');
	if (!REPOSITORY_NAME.test(name)) throw InvalidParameterException.at(param, `must satisfy regular expression '${QUOTED_PATTERN}'`);
}

export const registryHost = (accountId: string, region: string) => `${accountId}.dkr.ecr.${region}.amazonaws.com`;
export const repositoryUri = (accountId: string, region: string, name: string) => `${registryHost(accountId, region)}/${name}`;
export const repositoryArn = (accountId: string, region: string, name: string) => `arn:aws:ecr:${region}:${accountId}:repository/${name}`;

/** Parses `arn:aws:ecr:<region>:<account>:repository/<name>`; null for anything else. */
export function parseRepositoryArn(arn: string): { region: string; accountId: string; repositoryName: string } | null {
	const m = /^arn:aws:ecr:([a-z0-9-]+):(\d{12}):repository\/(.+)$/.exec(arn);
	return m ? { region: m[1] ?? '', accountId: m[2] ?? '', repositoryName: m[3] ?? '' } : null;
}
