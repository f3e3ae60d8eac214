// Tags on users and roles: TagUser / UntagUser / ListUserTags and TagRole / UntagRole /
// ListRoleTags. IAM tag keys are case-insensitive: a tag replaces the one whose key differs only
// in case, and a request naming one key twice is refused.
import type { ListRoleTagsResponse, ListUserTagsResponse } from '@aws-sdk/client-iam';
import { InvalidInputException, LimitExceededException } from './errors';
import { findRole, findUser } from './entities';
import { asInput, name, tagKeys, tags } from './input';
import type { IdentityContext } from './context';
import type { PrincipalState, TagState } from './state';

/** IAM's limit on tags per user or role. */
const MAX_TAGS = 50;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The request's tags, refusing a key given twice (moto's wording of IAM's InvalidInput, which it copies from AWS). */
export function distinctTags(list: TagState[]): TagState[] {
	list.forEach((t, i) => {
		if (list.findIndex((u) => same(u.Key, t.Key)) !== i) throw new InvalidInputException('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
	});
	return list;
}

function tag(principal: PrincipalState, added: TagState[], quota: string): Record<string, never> {
	const merged = (principal.tags ?? []).filter((t) => !added.some((a) => same(a.Key, t.Key))).concat(added);
	// (unverified) the quota's name in the message; the "Cannot exceed quota for <Name>: <n>" form is IAM's.
	if (merged.length > MAX_TAGS) throw new LimitExceededException(`Cannot exceed quota for ${quota}: ${MAX_TAGS}`);
	principal.tags = merged;
	return {};
}

function untag(principal: PrincipalState, keys: string[]): Record<string, never> {
	const kept = (principal.tags ?? []).filter((t) => !keys.some((k) => same(k, t.Key)));
	if (kept.length) principal.tags = kept;
	else delete principal.tags;
	return {};
}

const list = (principal: PrincipalState) => ({ Tags: (principal.tags ?? []).map((t) => ({ ...t })), IsTruncated: false });

export const tagUser = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	const user = findUser(ctx.identities, name(input, 'UserName', 64));
	return tag(user, distinctTags(tags(input, true)), 'TagsPerUser');
};
export const untagUser = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	const user = findUser(ctx.identities, name(input, 'UserName', 64));
	return untag(user, tagKeys(input));
};
export const listUserTags = (ctx: IdentityContext, raw: unknown): ListUserTagsResponse => {
	const input = asInput(raw);
	return list(findUser(ctx.identities, name(input, 'UserName', 64)));
};

export const tagRole = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	const role = findRole(ctx.identities, name(input, 'RoleName', 64));
	return tag(role, distinctTags(tags(input, true)), 'TagsPerRole');
};
export const untagRole = (ctx: IdentityContext, raw: unknown) => {
	const input = asInput(raw);
	const role = findRole(ctx.identities, name(input, 'RoleName', 64));
	return untag(role, tagKeys(input));
};
export const listRoleTags = (ctx: IdentityContext, raw: unknown): ListRoleTagsResponse => {
	const input = asInput(raw);
	return list(findRole(ctx.identities, name(input, 'RoleName', 64)));
};
