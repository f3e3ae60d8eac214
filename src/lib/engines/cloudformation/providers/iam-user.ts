// AWS::IAM::User: CreateUser (Path, Tags), the shared inline/managed policy steps
// (iam-principal.ts), then AddUserToGroup for each of its Groups. Ref = the user name; GetAtt
// Arn = arn:aws:iam::<account>:user<path><name>. Groups change in place (RemoveUserFromGroup /
// AddUserToGroup) and the user leaves the template's groups before DeleteUser.
// IAM in this world has no login profiles (CreateLoginProfile): LoginProfile is kept in the
// shadow record without its write-only Password.
import { AwsError } from '../../errors';
import { principalProvider, type PrincipalKind } from './iam-principal';
import { bool, obj, strings, type Bag } from './props';
import type { ProviderContext } from './provider';

const KIND: PrincipalKind = { type: 'AWS::IAM::User', noun: 'User', nameProperty: 'UserName' };

const groupsOf = (extra: Bag) => strings(extra, 'Groups');

/** Leaving a group that is already gone, or was never joined, is nothing to do. */
function leave(ctx: ProviderContext, userName: string, groupName: string): void {
	try {
		ctx.iam.call('RemoveUserFromGroup', { GroupName: groupName, UserName: userName });
	} catch (e) {
		if (!(e instanceof AwsError && e.code === 'NoSuchEntity')) throw e;
	}
}

export const iamUserProvider = principalProvider(KIND, {
	durations: { create: 10000, update: 5000, delete: 5000 },
	createInput: () => ({}),
	afterCreate(ctx, name, s) {
		for (const group of groupsOf(s.extra)) ctx.iam.call('AddUserToGroup', { GroupName: group, UserName: name });
	},
	update(ctx, name, before, after) {
		const was = groupsOf(before.extra);
		const now = groupsOf(after.extra);
		for (const group of was) if (!now.includes(group)) leave(ctx, name, group);
		for (const group of now) if (!was.includes(group)) ctx.iam.call('AddUserToGroup', { GroupName: group, UserName: name });
	},
	beforeDelete(ctx, name, s) {
		for (const group of groupsOf(s.extra)) leave(ctx, name, group);
	},
	leftovers(s) {
		const login = obj(s.extra, 'LoginProfile');
		const reset = login && bool(login, 'PasswordResetRequired', 'LoginProfile/PasswordResetRequired');
		return login ? { LoginProfile: { ...(reset !== undefined ? { PasswordResetRequired: reset } : {}) } } : {};
	},
	attributes(entity, ctx, name, path) {
		return { Arn: typeof entity.Arn === 'string' ? entity.Arn : `arn:aws:iam::${ctx.accountId}:user${path}${name}` };
	},
	readExtra(ctx, name, _entity, leftovers) {
		const groups = (ctx.iam.call('ListGroupsForUser', { UserName: name }).Groups ?? []).map((g) => g.GroupName ?? '');
		return {
			...(groups.length ? { Groups: groups } : {}),
			...(leftovers.LoginProfile !== undefined ? { LoginProfile: leftovers.LoginProfile } : {})
		};
	}
});
