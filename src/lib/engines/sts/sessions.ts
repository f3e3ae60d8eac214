// Issuing temporary credentials: an ASIA key id from the world's STS counter, a secret and a
// session token shown once, and an Expiration on the world's clock. The session is recorded so
// world.callerForAccessKey can turn the key back into its principal until it expires.
import type { Credentials } from '@aws-sdk/client-sts';
import { accessKeyId, secretAccessKey, sessionToken } from '../identity/key-material';
import type { StsContext } from './context';
import type { SessionState } from './state';

export type SessionFacts = Omit<SessionState, 'accessKeyId' | 'issuedAt' | 'expiresAt'>;

/** Records a session lasting `durationSeconds` from now and returns its credentials. */
export function issueSession(ctx: StsContext, facts: SessionFacts, durationSeconds: number): Credentials {
	ctx.sts.sequence += 1;
	const id = accessKeyId('ASIA', `sts/${ctx.sts.sequence}`);
	const issuedAt = ctx.clock.now();
	const expiresAt = new Date(issuedAt.getTime() + durationSeconds * 1000);
	ctx.sts.sessions.push({ ...facts, accessKeyId: id, issuedAt: issuedAt.toISOString(), expiresAt: expiresAt.toISOString() });
	return { AccessKeyId: id, SecretAccessKey: secretAccessKey(id), SessionToken: sessionToken(id), Expiration: expiresAt };
}

export const findSession = (sessions: readonly SessionState[], id: string): SessionState | undefined => sessions.find((s) => s.accessKeyId === id);
