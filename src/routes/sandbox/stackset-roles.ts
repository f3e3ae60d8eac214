// The two IAM roles that self-managed StackSets need (User Guide, "Grant self-managed
// permissions"): AWSCloudFormationStackSetAdministrationRole in the administrator account, which
// CloudFormation assumes, and AWSCloudFormationStackSetExecutionRole in every target account,
// which trusts the administrator account and does the work. The sandbox makes them through IAM as
// each account's root user, with the User Guide's trust and permissions policies, so a learner can
// watch an operation fail without them and succeed once they exist.
import type { World } from '$lib/engines/world';
import { AwsError } from '$lib/engines/errors';
import { ACCOUNTS, LEARNER_ACCOUNT, rootCaller } from '$lib/engines/world-constants';

export const ADMINISTRATION_ROLE = 'AWSCloudFormationStackSetAdministrationRole';
export const EXECUTION_ROLE = 'AWSCloudFormationStackSetExecutionRole';

export type RoleKind = 'administration' | 'execution';

export interface RoleSpec {
	kind: RoleKind;
	account: string;
	roleName: string;
	/** Who may assume it, in words. */
	trusts: string;
}

/** The administration role in the learner's account, then an execution role in every account. */
export const STACK_SET_ROLES: readonly RoleSpec[] = [
	{ kind: 'administration', account: LEARNER_ACCOUNT, roleName: ADMINISTRATION_ROLE, trusts: 'the CloudFormation service (cloudformation.amazonaws.com)' },
	...ACCOUNTS.map((account): RoleSpec => ({ kind: 'execution', account, roleName: EXECUTION_ROLE, trusts: `the administrator account ${LEARNER_ACCOUNT}` }))
];

export interface RoleStatusView extends RoleSpec {
	exists: boolean;
	arn?: string;
}

const doc = (statement: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

/** GetRole for each role, as the root user of its account. */
export function roleStatuses(world: World): RoleStatusView[] {
	return STACK_SET_ROLES.map((spec) => {
		try {
			const role = world.iam(rootCaller(spec.account)).call('GetRole', { RoleName: spec.roleName }).Role;
			return { ...spec, exists: true, ...(role?.Arn ? { arn: role.Arn } : {}) };
		} catch (e) {
			if (e instanceof AwsError && e.code === 'NoSuchEntity') return { ...spec, exists: false };
			throw e;
		}
	});
}

/** CreateRole and PutRolePolicy for one role; returns the calls made, for the message. */
export function createStackSetRole(world: World, spec: RoleSpec): string[] {
	const iam = world.iam(rootCaller(spec.account));
	if (spec.kind === 'administration') {
		iam.call('CreateRole', {
			RoleName: spec.roleName,
			AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: 'sts:AssumeRole' })
		});
		iam.call('PutRolePolicy', {
			RoleName: spec.roleName,
			PolicyName: `AssumeRole-${EXECUTION_ROLE}`,
			PolicyDocument: doc({ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [`arn:aws:iam::*:role/${EXECUTION_ROLE}`] })
		});
		return ['CreateRole', `PutRolePolicy AssumeRole-${EXECUTION_ROLE}`];
	}
	iam.call('CreateRole', {
		RoleName: spec.roleName,
		AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${LEARNER_ACCOUNT}:root` }, Action: 'sts:AssumeRole' })
	});
	// The User Guide attaches the AWS managed policy AdministratorAccess; this simulator's IAM does
	// not ship that policy, so the same permissions are given as an inline policy of that name.
	iam.call('PutRolePolicy', { RoleName: spec.roleName, PolicyName: 'AdministratorAccess', PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) });
	return ['CreateRole', 'PutRolePolicy AdministratorAccess'];
}
