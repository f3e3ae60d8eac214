// AWS::IAM::User: CreateUser with Path, then the shared inline/managed policy steps
// (iam-principal.ts). Ref = the user name (generated within 64 characters when UserName is
// absent); GetAtt Arn = arn:aws:iam::<account>:user<path><name>.
// The world has no IAM groups, so a user placed in any group fails as IAM does for a missing
// group; LoginProfile is kept in the shadow without its write-only Password.
import { principalProvider, type PrincipalKind } from './iam-principal';
import { bool, obj, strings } from './props';

const KIND: PrincipalKind = { type: 'AWS::IAM::User', noun: 'User', nameProperty: 'UserName' };

export const iamUserProvider = principalProvider(KIND, {
	durations: { create: 10000, update: 5000, delete: 5000 },
	createInput: () => ({}),
	shadowValues(s) {
		const login = obj(s.extra, 'LoginProfile');
		const reset = login && bool(login, 'PasswordResetRequired', 'LoginProfile/PasswordResetRequired');
		return login ? { LoginProfile: { ...(reset !== undefined ? { PasswordResetRequired: reset } : {}) } } : {};
	},
	groups: (s) => strings(s.extra, 'Groups'),
	attributes(entity, ctx, name, path) {
		return { Arn: typeof entity.Arn === 'string' ? entity.Arn : `arn:aws:iam::${ctx.accountId}:user${path}${name}` };
	},
	readExtra(_live, _entity, shadow) {
		return shadow.LoginProfile !== undefined ? { LoginProfile: shadow.LoginProfile } : {};
	}
});
