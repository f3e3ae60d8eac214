// @aws-sdk/client-sts against the local endpoint over real HTTP (awsQuery through the SDK's default
// Node HTTP handler): signed with a fixed access key the world does not know, GetCallerIdentity
// names the learner account's root user, as the engine does on the endpoint's world restored from
// /_sandbox/snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { EndpointSession } from './endpoint-clients';

describe('STS over HTTP: @aws-sdk/client-sts against the local endpoint', () => {
	let s: EndpointSession;
	beforeAll(async () => {
		s = await EndpointSession.start('2026-11-23T10:00:00.000Z');
	});
	afterAll(async () => {
		await s?.close();
	});

	it('GetCallerIdentity names the root user of account 123456789012, as the engine does', async () => {
		const out = await s.sts.send(new GetCallerIdentityCommand({}));
		expect(out.$metadata.httpStatusCode).toBe(200);
		expect({ UserId: out.UserId, Account: out.Account, Arn: out.Arn }).toEqual({ UserId: '123456789012', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:root' });
		await s.sameAsEngine('sts', 'GetCallerIdentity', {});
	});
});
