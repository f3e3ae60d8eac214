// The sessions STS has issued, as plain JSON in the world: each temporary access key (ASIA...)
// and the principal it acts as. Expired sessions are kept, so a request signed with one is
// refused with ExpiredToken instead of being mistaken for a key the world never issued (which
// the sandbox would treat as the account's root user).

export interface SessionState {
	accessKeyId: string;
	/** Which call issued it: AssumeRole (a role session) or GetSessionToken (the user itself). */
	issuedBy: 'AssumeRole' | 'GetSessionToken';
	/** The caller the key acts as: `arn:aws:sts::<acct>:assumed-role/<role>/<session>` or the user's ARN. */
	arn: string;
	accountId: string;
	/** GetCallerIdentity's UserId, fixed at issue: `<RoleId>:<session name>`, or the user's id. */
	userId: string;
	/** For a role session, the role's ARN with its path (aws:PrincipalArn). */
	roleArn?: string;
	issuedAt: string;
	expiresAt: string;
	/** The inline session policy given to AssumeRole. */
	policy?: string;
}

export interface StsState {
	sessions: SessionState[];
	/** Counts issued sessions; seeds their key ids. */
	sequence: number;
}

export const emptySts = (): StsState => ({ sessions: [], sequence: 0 });
