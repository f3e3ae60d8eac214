// IAM groups: CreateGroup, GetGroup, ListGroups, DeleteGroup and membership (AddUserToGroup,
// RemoveUserFromGroup, ListGroupsForUser). A group is not a principal: its policies apply to
// its members (principals.ts).
import type { CreateGroupResponse, GetGroupResponse, ListGroupsForUserResponse, ListGroupsResponse } from '@aws-sdk/client-iam';
import { DeleteConflictException, EntityAlreadyExistsException, LimitExceededException } from './errors';
import { findGroup, findUser, uniqueId } from './entities';
import { asInput, name, path } from './input';
import type { IdentityContext } from './context';
import { groupShape, userShape } from './shapes';
import { groupsOf, type GroupState } from './state';

/** IAM's limit on the groups one user belongs to. */
const MAX_GROUPS_PER_USER = 10;

export function createGroup(ctx: IdentityContext, raw: unknown): CreateGroupResponse {
	const input = asInput(raw);
	const groupName = name(input, 'GroupName', 128);
	const p = path(input);
	const s = ctx.identities;
	// Real EntityAlreadyExists answer, as quoted in a public write-up of a failed script run.
	if (groupsOf(s).some((g) => g.name.toLowerCase() === groupName.toLowerCase())) throw new EntityAlreadyExistsException(`Group with name ${groupName} already exists.`);
	const group: GroupState = { name: groupName, id: uniqueId(s, 'AGPA'), path: p, createdAt: ctx.clock.now().toISOString(), inlinePolicies: [], attachedPolicyArns: [], userNames: [] };
	(s.groups ??= []).push(group);
	return { Group: groupShape(s, group) };
}

export function getGroup(ctx: IdentityContext, raw: unknown): GetGroupResponse {
	const input = asInput(raw);
	const s = ctx.identities;
	const group = findGroup(s, name(input, 'GroupName', 128));
	const members = group.userNames.flatMap((n) => s.users.filter((u) => u.name === n));
	return { Group: groupShape(s, group), Users: members.map((u) => userShape(s, u)), IsTruncated: false };
}

export const listGroups = (ctx: IdentityContext, raw: unknown): ListGroupsResponse => {
	asInput(raw);
	return { Groups: groupsOf(ctx.identities).map((g) => groupShape(ctx.identities, g)), IsTruncated: false };
};

/** AWS's sentences (real DeleteConflict responses); the order of the checks is unverified. */
export function deleteGroup(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const s = ctx.identities;
	const group = findGroup(s, name(input, 'GroupName', 128));
	if (group.userNames.length > 0) throw new DeleteConflictException('Cannot delete entity, must remove users from group first.');
	if (group.attachedPolicyArns.length > 0) throw new DeleteConflictException('Cannot delete entity, must detach all policies first.');
	if (group.inlinePolicies.length > 0) throw new DeleteConflictException('Cannot delete entity, must delete policies first.');
	s.groups = groupsOf(s).filter((g) => g !== group);
	return {};
}

/** Adding a member twice changes nothing and is no error (observed on AWS, cloud-custodian #4730). */
export function addUserToGroup(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const s = ctx.identities;
	const groupName = name(input, 'GroupName', 128);
	const user = findUser(s, name(input, 'UserName', 64));
	const group = findGroup(s, groupName);
	if (group.userNames.includes(user.name)) return {};
	// (unverified) the exact sentence; the "Cannot exceed quota for <Name>: <n>" form is IAM's.
	if (groupsOf(s).filter((g) => g.userNames.includes(user.name)).length >= MAX_GROUPS_PER_USER) {
		throw new LimitExceededException(`Cannot exceed quota for GroupsPerUser: ${MAX_GROUPS_PER_USER}`);
	}
	group.userNames.push(user.name);
	return {};
}

/** Removing a user who is not a member is no error either (observed on AWS, cloud-custodian #4730). */
export function removeUserFromGroup(ctx: IdentityContext, raw: unknown): Record<string, never> {
	const input = asInput(raw);
	const s = ctx.identities;
	const groupName = name(input, 'GroupName', 128);
	const user = findUser(s, name(input, 'UserName', 64));
	const group = findGroup(s, groupName);
	group.userNames = group.userNames.filter((n) => n !== user.name);
	return {};
}

export function listGroupsForUser(ctx: IdentityContext, raw: unknown): ListGroupsForUserResponse {
	const input = asInput(raw);
	const s = ctx.identities;
	const user = findUser(s, name(input, 'UserName', 64));
	return { Groups: groupsOf(s).filter((g) => g.userNames.includes(user.name)).map((g) => groupShape(s, g)), IsTruncated: false };
}
