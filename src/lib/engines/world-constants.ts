// The simulated estate a learner works in (design.md, "The world").
export const LEARNER_ACCOUNT = '123456789012';
export const SECOND_ACCOUNT = '210987654321';
export const ACCOUNTS = [LEARNER_ACCOUNT, SECOND_ACCOUNT] as const;
export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'] as const;

export type AccountId = (typeof ACCOUNTS)[number];
export type Region = (typeof REGIONS)[number];

/** Both accounts belong to one AWS Organizations organization, so aws:PrincipalOrgID works in labs. */
export const ORGANIZATION_ID = 'o-a1b2c3d4e5';

/** Who makes a request: an IAM principal of one of the world's accounts. */
export interface Caller {
	arn: string;
	accountId: string;
	/**
	 * Condition keys describing where the request comes from (aws:SourceIp, aws:SourceVpc,
	 * aws:SourceVpce, aws:SecureTransport ...), as a lab sets them.
	 */
	context?: Record<string, string | string[]>;
	/**
	 * Set when the request is signed with temporary credentials from STS: which call issued them
	 * (they carry different limits) and the session policy passed to AssumeRole, if any, which
	 * narrows what the role's policies allow.
	 */
	session?: CallerSession;
}

export interface CallerSession {
	issuedBy: 'AssumeRole' | 'GetSessionToken';
	policy?: string;
}

export const rootCaller = (accountId: string = LEARNER_ACCOUNT): Caller => ({ arn: `arn:aws:iam::${accountId}:root`, accountId });
