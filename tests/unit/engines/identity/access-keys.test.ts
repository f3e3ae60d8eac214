// IAM access keys: created with a secret shown once, listed without it, switched off and on,
// deleted, two per user at most, and counted by DeleteUser. Every answer and error in AWS's form.
import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/lib/engines/world';
import { iamResource } from '../../../../src/lib/engines/identity/access';
import { emptyIdentities } from '../../../../src/lib/engines/identity/state';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { ACCOUNT, NOW, caught, doc, setup, userCaller } from './helpers';

const KEY_ID = /^AKIA[A-Z2-7]{16}$/;

function withUser(name = 'dev') {
	const { world, iam } = setup();
	iam.call('CreateUser', { UserName: name });
	return { world, iam };
}

describe('CreateAccessKey', () => {
	it('creates an active key with a 40-character secret, at the world clock', () => {
		const { iam } = withUser();
		const out = iam.call('CreateAccessKey', { UserName: 'dev' });
		expect(out.AccessKey).toEqual({ UserName: 'dev', AccessKeyId: expect.stringMatching(KEY_ID), Status: 'Active', SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/), CreateDate: new Date(NOW) });
	});

	it('gives the same keys for the same operations (no randomness) and different keys for each call', () => {
		const a = withUser().iam;
		const b = withUser().iam;
		const first = a.call('CreateAccessKey', { UserName: 'dev' }).AccessKey;
		expect(b.call('CreateAccessKey', { UserName: 'dev' }).AccessKey).toEqual(first);
		expect(a.call('CreateAccessKey', { UserName: 'dev' }).AccessKey?.AccessKeyId).not.toBe(first?.AccessKeyId);
	});

	it('refuses a third key with LimitExceeded (HTTP 409)', () => {
		const { iam } = withUser();
		iam.call('CreateAccessKey', { UserName: 'dev' });
		iam.call('CreateAccessKey', { UserName: 'dev' });
		const e = caught(() => iam.call('CreateAccessKey', { UserName: 'dev' }));
		expect([e.code, e.message, e.httpStatus]).toEqual(['LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 409]);
	});

	it('answers NoSuchEntity for a user that does not exist', () => {
		const { iam } = setup();
		const e = caught(() => iam.call('CreateAccessKey', { UserName: 'ghost' }));
		expect([e.code, e.message, e.httpStatus]).toEqual(['NoSuchEntity', 'The user with name ghost cannot be found.', 404]);
	});

	it('acts on the calling user when the request names none, and refuses a caller that is not a user', () => {
		const { world, iam } = withUser();
		iam.call('PutUserPolicy', {
			UserName: 'dev',
			PolicyName: 'own-keys',
			PolicyDocument: doc(['iam:CreateAccessKey', 'iam:ListAccessKeys', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey'], `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`)
		});
		const devIam = world.iam(userCaller('dev'));
		expect(devIam.call('CreateAccessKey', {}).AccessKey?.UserName).toBe('dev');
		expect(devIam.call('ListAccessKeys', {}).AccessKeyMetadata).toHaveLength(1);
		const e = caught(() => iam.call('CreateAccessKey', {}));
		expect([e.code, e.message, e.httpStatus]).toEqual(['ValidationError', 'Must specify userName when calling with non-User credentials', 400]);
	});

	it("is authorized on the named user's ARN", () => {
		const { world, iam } = withUser();
		iam.call('CreateUser', { UserName: 'ops' });
		iam.call('PutUserPolicy', { UserName: 'dev', PolicyName: 'own-keys', PolicyDocument: doc('iam:CreateAccessKey', `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`) });
		const e = caught(() => world.iam(userCaller('dev')).call('CreateAccessKey', { UserName: 'ops' }));
		expect([e.code, e.httpStatus]).toEqual(['AccessDenied', 403]);
		expect(e.message).toBe(
			`User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: iam:CreateAccessKey on resource: arn:aws:iam::${ACCOUNT}:user/ops because no identity-based policy allows the iam:CreateAccessKey action`
		);
	});
});

describe('ListAccessKeys, UpdateAccessKey, DeleteAccessKey', () => {
	it('lists metadata without the secret', () => {
		const { iam } = withUser();
		const key = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!;
		expect(iam.call('ListAccessKeys', { UserName: 'dev' })).toEqual({
			AccessKeyMetadata: [{ UserName: 'dev', AccessKeyId: key.AccessKeyId, Status: 'Active', CreateDate: new Date(NOW) }],
			IsTruncated: false
		});
	});

	it('switches a key off and on', () => {
		const { iam } = withUser();
		const id = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!.AccessKeyId!;
		expect(iam.call('UpdateAccessKey', { UserName: 'dev', AccessKeyId: id, Status: 'Inactive' })).toEqual({});
		expect(iam.call('ListAccessKeys', { UserName: 'dev' }).AccessKeyMetadata?.[0]?.Status).toBe('Inactive');
		iam.call('UpdateAccessKey', { UserName: 'dev', AccessKeyId: id, Status: 'Active' });
		expect(iam.call('ListAccessKeys', { UserName: 'dev' }).AccessKeyMetadata?.[0]?.Status).toBe('Active');
	});

	it('refuses a status outside the model, a malformed id, and a key the user does not hold', () => {
		const { iam } = withUser();
		const id = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!.AccessKeyId!;
		expect(caught(() => iam.call('UpdateAccessKey', { UserName: 'dev', AccessKeyId: id, Status: 'Off' })).message).toBe(
			"1 validation error detected: Value 'Off' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive, Expired]"
		);
		expect(caught(() => iam.call('UpdateAccessKey', { UserName: 'dev', AccessKeyId: id })).message).toBe(
			"1 validation error detected: Value 'null' at 'status' failed to satisfy constraint: Member must not be null"
		);
		expect(caught(() => iam.call('UpdateAccessKey', { UserName: 'dev', AccessKeyId: id, Status: 'Expired' })).code).toBe('InvalidInput');
		expect(caught(() => iam.call('DeleteAccessKey', { UserName: 'dev', AccessKeyId: 'short' })).message).toBe(
			"1 validation error detected: Value 'short' at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16"
		);
		expect(caught(() => iam.call('DeleteAccessKey', { UserName: 'dev', AccessKeyId: 'AKIA-NOT-A-WORD-KEY' })).message).toBe(
			"1 validation error detected: Value 'AKIA-NOT-A-WORD-KEY' at 'accessKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+"
		);
		for (const op of ['UpdateAccessKey', 'DeleteAccessKey'] as const) {
			const e = caught(() => iam.call(op, { UserName: 'dev', AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA', Status: 'Active' }));
			expect([e.code, e.message, e.httpStatus]).toEqual(['NoSuchEntity', 'The Access Key with id AKIAAAAAAAAAAAAAAAAA cannot be found.', 404]);
		}
	});

	it("finds a key only under its own user", () => {
		const { iam } = withUser();
		iam.call('CreateUser', { UserName: 'ops' });
		const id = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!.AccessKeyId!;
		expect(caught(() => iam.call('DeleteAccessKey', { UserName: 'ops', AccessKeyId: id })).message).toBe(`The Access Key with id ${id} cannot be found.`);
	});

	it('deletes a key, after which DeleteUser no longer conflicts', () => {
		const { iam } = withUser();
		const id = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!.AccessKeyId!;
		const e = caught(() => iam.call('DeleteUser', { UserName: 'dev' }));
		expect([e.code, e.message, e.httpStatus]).toEqual(['DeleteConflict', 'Cannot delete entity, must delete access keys first.', 409]);
		expect(iam.call('DeleteAccessKey', { UserName: 'dev', AccessKeyId: id })).toEqual({});
		expect(iam.call('ListAccessKeys', { UserName: 'dev' }).AccessKeyMetadata).toEqual([]);
		expect(iam.call('DeleteUser', { UserName: 'dev' })).toEqual({});
	});
});

describe('GetAccessKeyLastUsed', () => {
	it('says N/A until the key signs a request, then where and when', () => {
		const { world, iam } = withUser();
		const id = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!.AccessKeyId!;
		expect(iam.call('GetAccessKeyLastUsed', { AccessKeyId: id })).toEqual({ UserName: 'dev', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
		world.advanceBy(60_000);
		world.callerForAccessKey(id, {}, { service: 'ecr', region: 'eu-west-1' });
		expect(iam.call('GetAccessKeyLastUsed', { AccessKeyId: id })).toEqual({
			UserName: 'dev',
			AccessKeyLastUsed: { LastUsedDate: new Date(Date.parse(NOW) + 60_000), ServiceName: 'ecr', Region: 'eu-west-1' }
		});
	});

	it("is authorized on the key holder's ARN", () => {
		const s = emptyIdentities(ACCOUNT);
		s.users.push({ name: 'dev', id: 'AIDA', path: '/team/', createdAt: NOW, inlinePolicies: [], attachedPolicyArns: [], accessKeys: [{ id: 'AKIABBBBBBBBBBBBBBBB', status: 'Active', createdAt: NOW }] });
		expect(iamResource(s, 'GetAccessKeyLastUsed', { AccessKeyId: 'AKIABBBBBBBBBBBBBBBB' })).toBe(`arn:aws:iam::${ACCOUNT}:user/team/dev`);
		expect(iamResource(s, 'GetAccessKeyLastUsed', { AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA' })).toBe('*');
		// Without UserName the key operations act on (and are authorized on) the calling user.
		expect(iamResource(s, 'ListAccessKeys', {}, `arn:aws:iam::${ACCOUNT}:user/team/dev`)).toBe(`arn:aws:iam::${ACCOUNT}:user/team/dev`);
		expect(iamResource(s, 'ListAccessKeys', {}, `arn:aws:iam::${ACCOUNT}:root`)).toBe('*');
	});
});

describe('saving keys', () => {
	it('keeps keys, their status and retired ids across snapshot and restore, and never saves a secret', () => {
		const { world, iam } = withUser();
		const kept = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!;
		const gone = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!;
		iam.call('UpdateAccessKey', { UserName: 'dev', AccessKeyId: kept.AccessKeyId, Status: 'Inactive' });
		iam.call('DeleteAccessKey', { UserName: 'dev', AccessKeyId: gone.AccessKeyId });
		const saved = JSON.stringify(world.snapshot());
		expect(saved).not.toContain(kept.SecretAccessKey);
		const restored = World.restore(JSON.parse(saved));
		expect(restored.snapshot()).toEqual(world.snapshot());
		expect(caught(() => restored.callerForAccessKey(gone.AccessKeyId!)).code).toBe('InvalidClientTokenId');
		expect(caught(() => restored.callerForAccessKey(kept.AccessKeyId!)).code).toBe('InvalidClientTokenId');
	});

	it('restores a save made before access keys existed', () => {
		const { world } = withUser();
		const old = JSON.parse(JSON.stringify(world.snapshot())) as { iam: { retiredAccessKeyIds?: unknown }[]; sts?: unknown };
		for (const s of old.iam) delete s.retiredAccessKeyIds;
		delete old.sts;
		const restored = World.restore(old);
		expect(restored.iam(rootCaller()).call('ListAccessKeys', { UserName: 'dev' })).toEqual({ AccessKeyMetadata: [], IsTruncated: false });
		expect(restored.callerForAccessKey('AKIAAAAAAAAAAAAAAAAA').arn).toBe(`arn:aws:iam::${ACCOUNT}:root`);
	});

	it('refuses a save whose key has a status IAM does not have', () => {
		const { world, iam } = withUser();
		iam.call('CreateAccessKey', { UserName: 'dev' });
		const bad = JSON.parse(JSON.stringify(world.snapshot())) as { iam: { users: { accessKeys: { status: string }[] }[] }[] };
		bad.iam[0]!.users[0]!.accessKeys[0]!.status = 'Expired';
		expect(caught(() => World.restore(bad)).message).toBe('The saved world is damaged: iam[0].users[0].accessKeys[0].status must be one of Active, Inactive.');
	});
});
