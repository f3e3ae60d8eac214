// The IAM API a lab needs to set up who the learner is and what they may do: users and their
// access keys, roles, groups, inline and managed policies with their versions, and tags. Each
// operation lives with its kind of entity; this file only names them. Shapes follow
// @aws-sdk/client-iam.
import { createAccessKey, deleteAccessKey, getAccessKeyLastUsed, listAccessKeys, updateAccessKey } from './access-keys';
import { attachGroupPolicy, attachRolePolicy, attachUserPolicy, detachGroupPolicy, detachRolePolicy, detachUserPolicy, listAttachedGroupPolicies, listAttachedRolePolicies, listAttachedUserPolicies } from './attached-policies';
import type { IdentityContext } from './context';
import { addUserToGroup, createGroup, deleteGroup, getGroup, listGroups, listGroupsForUser, removeUserFromGroup } from './groups';
import {
	deleteGroupPolicy,
	deleteRolePolicy,
	deleteUserPolicy,
	getGroupPolicy,
	getRolePolicy,
	getUserPolicy,
	listGroupPolicies,
	listRolePolicies,
	listUserPolicies,
	putGroupPolicy,
	putRolePolicy,
	putUserPolicy
} from './inline-policies';
import { createPolicy, deletePolicy, getPolicy, listEntitiesForPolicy, listPolicies } from './policies';
import { createRole, deleteRole, getRole, listRoles, updateAssumeRolePolicy, updateRole } from './roles';
import { listRoleTags, listUserTags, tagRole, tagUser, untagRole, untagUser } from './tags';
import { createUser, deleteUser, getUser, listUsers } from './users';
import { createPolicyVersion, deletePolicyVersion, getPolicyVersion, listPolicyVersions, setDefaultPolicyVersion } from './versions';

export type { IdentityContext } from './context';
export { managedPolicyDocument } from './entities';
export { awsManagedPolicyArn } from './managed-policies';

export const identityOperations = {
	CreateUser: createUser,
	GetUser: getUser,
	ListUsers: listUsers,
	DeleteUser: deleteUser,
	TagUser: tagUser,
	UntagUser: untagUser,
	ListUserTags: listUserTags,
	CreateAccessKey: createAccessKey,
	ListAccessKeys: listAccessKeys,
	UpdateAccessKey: updateAccessKey,
	DeleteAccessKey: deleteAccessKey,
	GetAccessKeyLastUsed: getAccessKeyLastUsed,
	CreateRole: createRole,
	GetRole: getRole,
	ListRoles: listRoles,
	DeleteRole: deleteRole,
	UpdateRole: updateRole,
	UpdateAssumeRolePolicy: updateAssumeRolePolicy,
	TagRole: tagRole,
	UntagRole: untagRole,
	ListRoleTags: listRoleTags,
	CreateGroup: createGroup,
	GetGroup: getGroup,
	ListGroups: listGroups,
	DeleteGroup: deleteGroup,
	AddUserToGroup: addUserToGroup,
	RemoveUserFromGroup: removeUserFromGroup,
	ListGroupsForUser: listGroupsForUser,
	PutUserPolicy: putUserPolicy,
	PutRolePolicy: putRolePolicy,
	PutGroupPolicy: putGroupPolicy,
	GetUserPolicy: getUserPolicy,
	GetRolePolicy: getRolePolicy,
	GetGroupPolicy: getGroupPolicy,
	DeleteUserPolicy: deleteUserPolicy,
	DeleteRolePolicy: deleteRolePolicy,
	DeleteGroupPolicy: deleteGroupPolicy,
	ListUserPolicies: listUserPolicies,
	ListRolePolicies: listRolePolicies,
	ListGroupPolicies: listGroupPolicies,
	AttachUserPolicy: attachUserPolicy,
	AttachRolePolicy: attachRolePolicy,
	AttachGroupPolicy: attachGroupPolicy,
	DetachUserPolicy: detachUserPolicy,
	DetachRolePolicy: detachRolePolicy,
	DetachGroupPolicy: detachGroupPolicy,
	ListAttachedUserPolicies: listAttachedUserPolicies,
	ListAttachedRolePolicies: listAttachedRolePolicies,
	ListAttachedGroupPolicies: listAttachedGroupPolicies,
	CreatePolicy: createPolicy,
	GetPolicy: getPolicy,
	DeletePolicy: deletePolicy,
	ListPolicies: listPolicies,
	ListEntitiesForPolicy: listEntitiesForPolicy,
	CreatePolicyVersion: createPolicyVersion,
	GetPolicyVersion: getPolicyVersion,
	ListPolicyVersions: listPolicyVersions,
	DeletePolicyVersion: deletePolicyVersion,
	SetDefaultPolicyVersion: setDefaultPolicyVersion
} satisfies Record<string, (ctx: IdentityContext, input: unknown) => unknown>;

export type IdentityOperationName = keyof typeof identityOperations;
export const isIdentityOperation = (n: string): n is IdentityOperationName => Object.prototype.hasOwnProperty.call(identityOperations, n);
