// IAM users: CreateUser, GetUser, ListUsers, DeleteUser. A user that still has access keys,
// policies or group memberships cannot be deleted (DeleteConflict): IAM makes the caller remove them first, one API
// call at a time, unlike the console.
import type { CreateUserResponse, GetUserResponse, ListUsersResponse } from '@aws-sdk/client-iam';
import { DeleteConflictException, EntityAlreadyExistsException } from './errors';
import { findUser, uniqueId } from './entities';
import { asInput, name, path, tags } from './input';
import type { IdentityContext } from './context';
import { userShape } from './shapes';
import { groupsOf, type UserState } from './state';
import { distinctTags } from './tags';

export function createUser(ctx: IdentityContext, raw: unknown): CreateUserResponse {
	const input = asInput(raw);
	const userName = name(input, 'UserName', 64);
	const p = path(input);
	const tagList = distinctTags(tags(input, false));
	const s = ctx.identities;
	if (s.users.some((u) => u.name.toLowerCase() === userName.toLowerCase())) throw new EntityAlreadyExistsException(`User with name ${userName} already exists.`);
	const user: UserState = {
		name: userName,
		id: uniqueId(s, 'AIDA'),
		path: p,
		createdAt: ctx.clock.now().toISOString(),
		inlinePolicies: [],
		attachedPolicyArns: [],
		...(tagList.length ? { tags: tagList } : {})
	};
	s.users.push(user);
	return { User: userShape(s, user, { tags: true }) };
}

export const getUser = (ctx: IdentityContext, raw: unknown): GetUserResponse => {
	const input = asInput(raw);
	return { User: userShape(ctx.identities, findUser(ctx.identities, name(input, 'UserName', 64)), { tags: true }) };
};

export const listUsers = (ctx: IdentityContext, raw: unknown): ListUsersResponse => {
	asInput(raw);
	return { Users: ctx.identities.users.map((u) => userShape(ctx.identities, u)), IsTruncated: false };
};

/**
 * The sentences are AWS's (real DeleteConflict responses quoted in public issue threads); which
 * one wins when several things remain is not documented: this order is moto's (unverified).
 */
export function deleteUser(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const s = ctx.identities;
	const user = findUser(s, name(input, 'UserName', 64));
	// Access keys first, as the DeleteUser reference lists what must go (a real answer, aws-controllers-k8s #2229).
	if (user.accessKeys?.length) throw new DeleteConflictException('Cannot delete entity, must delete access keys first.');
	if (user.attachedPolicyArns.length > 0) throw new DeleteConflictException('Cannot delete entity, must detach all policies first.');
	if (user.inlinePolicies.length > 0) throw new DeleteConflictException('Cannot delete entity, must delete policies first.');
	if (groupsOf(s).some((g) => g.userNames.includes(user.name))) throw new DeleteConflictException('Cannot delete entity, must remove users from group first.');
	s.users.splice(s.users.indexOf(user), 1);
	return {};
}
