// A user's long-term access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey,
// DeleteAccessKey and GetAccessKeyLastUsed. The key id is what a client puts in its SigV4
// credential; the world maps it back to the user (world.callerForAccessKey), so an inactive or
// deleted key stops working at once, as on AWS.
import type { AccessKey, AccessKeyMetadata, CreateAccessKeyResponse, GetAccessKeyLastUsedResponse, ListAccessKeysResponse } from '@aws-sdk/client-iam';
import { InvalidInputException, LimitExceededException, NoSuchEntityException, ValidationError } from './errors';
import { findUser } from './entities';
import { accessKeyIdOf, asInput, oneOf, optionalName, type Input } from './input';
import { accessKeyId, secretAccessKey } from './key-material';
import type { IdentityContext } from './context';
import type { AccessKeyState, IdentityState, UserState } from './state';

/** IAM's quota on access keys per user ("AccessKeysPerUserQuota": 2 in GetAccountSummary). */
export const MAX_ACCESS_KEYS = 2;

/** ValidationError AWS answers when the caller is not a user and names none (moto and SDK test fixtures quote it). */
const notAUser = () => new ValidationError('Must specify userName when calling with non-User credentials');

/** NoSuchEntity for a key the user does not hold (quoted from AWS by the paws SDK docs and test fixtures). */
export const noSuchKey = (id: string) => new NoSuchEntityException(`The Access Key with id ${id} cannot be found.`);

/** The user the request names, or (without UserName) the calling user itself, as IAM does. */
function targetUser(ctx: IdentityContext, input: Input): UserState {
	const named = optionalName(input, 'UserName', 128);
	if (named !== undefined) return findUser(ctx.identities, named);
	const m = /^arn:aws:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/.exec(ctx.callerArn);
	if (!m || m[1] !== ctx.identities.accountId) throw notAUser();
	return findUser(ctx.identities, m[2] as string);
}

const metadata = (user: UserState, key: AccessKeyState): AccessKeyMetadata => ({
	UserName: user.name,
	AccessKeyId: key.id,
	Status: key.status,
	CreateDate: new Date(key.createdAt)
});

function findKey(user: UserState, id: string): AccessKeyState {
	const key = user.accessKeys?.find((k) => k.id === id);
	if (!key) throw noSuchKey(id);
	return key;
}

/** The only answer that ever shows the secret. */
export function createAccessKey(ctx: IdentityContext, raw: unknown): CreateAccessKeyResponse {
	const input = asInput(raw);
	const user = targetUser(ctx, input);
	const s = ctx.identities;
	const keys = user.accessKeys ?? [];
	// The quota sentence is IAM's "Cannot exceed quota for <Name>: <n>" form (Crossplane's report of a real answer).
	if (keys.length >= MAX_ACCESS_KEYS) throw new LimitExceededException(`Cannot exceed quota for AccessKeysPerUser: ${MAX_ACCESS_KEYS}`);
	s.sequence += 1;
	const key: AccessKeyState = { id: accessKeyId('AKIA', `${s.accountId}/${s.sequence}`), status: 'Active', createdAt: ctx.clock.now().toISOString() };
	user.accessKeys = [...keys, key];
	const shown: AccessKey = { UserName: user.name, AccessKeyId: key.id, Status: key.status, SecretAccessKey: secretAccessKey(key.id), CreateDate: new Date(key.createdAt) };
	return { AccessKey: shown };
}

export function listAccessKeys(ctx: IdentityContext, raw: unknown): ListAccessKeysResponse {
	const user = targetUser(ctx, asInput(raw));
	return { AccessKeyMetadata: (user.accessKeys ?? []).map((k) => metadata(user, k)), IsTruncated: false };
}

export function updateAccessKey(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const user = targetUser(ctx, input);
	const id = accessKeyIdOf(input);
	const status = oneOf(input, 'Status', ['Active', 'Inactive', 'Expired'] as const);
	if (status === undefined) throw ValidationError.member('status', 'null', 'Member must not be null');
	// (unverified) the model lists Expired, which only IAM itself sets; the wording is this simulator's.
	if (status === 'Expired') throw new InvalidInputException('An access key can only be set to Active or Inactive.');
	findKey(user, id).status = status;
	return {};
}

/** A deleted key is remembered so a request signed with it is refused rather than treated as unknown. */
export function deleteAccessKey(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const user = targetUser(ctx, input);
	const key = findKey(user, accessKeyIdOf(input));
	const rest = (user.accessKeys ?? []).filter((k) => k !== key);
	if (rest.length) user.accessKeys = rest;
	else delete user.accessKeys;
	ctx.identities.retiredAccessKeyIds = [...(ctx.identities.retiredAccessKeyIds ?? []), key.id];
	return {};
}

/** The user of this account holding a key, if any. */
export function keyHolder(state: IdentityState, id: string): { user: UserState; key: AccessKeyState } | undefined {
	for (const user of state.users) {
		const key = user.accessKeys?.find((k) => k.id === id);
		if (key) return { user, key };
	}
	return undefined;
}

/** "N/A" for a key never used is the API reference's (AccessKeyLastUsed); the not-found answer is unverified. */
export function getAccessKeyLastUsed(ctx: IdentityContext, raw: unknown): GetAccessKeyLastUsedResponse {
	const id = accessKeyIdOf(asInput(raw));
	const held = keyHolder(ctx.identities, id);
	if (!held) throw noSuchKey(id);
	const used = held.key.lastUsed;
	return {
		UserName: held.user.name,
		AccessKeyLastUsed: used ? { LastUsedDate: new Date(used.at), ServiceName: used.service, Region: used.region } : { ServiceName: 'N/A', Region: 'N/A' }
	};
}
