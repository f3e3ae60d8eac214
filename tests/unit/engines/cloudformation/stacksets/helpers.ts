// A world set up for StackSets with self-managed permissions: the administration role in the
// learner's account and the execution role in the accounts a test chooses, made through IAM with
// the User Guide's own policies (stacksets-prereqs-self-managed.md), and a template holding a real
// AWS::ECR::Repository.
import { World } from '../../../../../src/lib/engines/world';
import { LEARNER_ACCOUNT, SECOND_ACCOUNT, rootCaller } from '../../../../../src/lib/engines/world-constants';

export const NOW = '2026-11-23T10:00:00.000Z';
export const ADMIN = LEARNER_ACCOUNT;
export const TARGET = SECOND_ACCOUNT;
export const HOME = 'us-east-1';
export const HOUR = 60 * 60 * 1000;

export const ADMIN_ROLE = 'AWSCloudFormationStackSetAdministrationRole';
export const EXEC_ROLE = 'AWSCloudFormationStackSetExecutionRole';

export const TEMPLATE = JSON.stringify({
	Parameters: { Env: { Type: 'String', Default: 'dev' } },
	Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: { 'Fn::Sub': 'app-${Env}' } } } },
	Outputs: { RepoArn: { Value: { 'Fn::GetAtt': ['Repo', 'Arn'] } } }
});

const doc = (statement: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

export function createAdministrationRole(world: World, name = ADMIN_ROLE): void {
	const iam = world.iam(rootCaller(ADMIN));
	iam.call('CreateRole', { RoleName: name, AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: 'sts:AssumeRole' }) });
	iam.call('PutRolePolicy', {
		RoleName: name,
		PolicyName: 'AssumeRole-AWSCloudFormationStackSetExecutionRole',
		PolicyDocument: doc({ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [`arn:aws:iam::*:role/${EXEC_ROLE}`] })
	});
}

export function createExecutionRole(world: World, account: string, trusted = `arn:aws:iam::${ADMIN}:root`): void {
	const iam = world.iam(rootCaller(account));
	iam.call('CreateRole', { RoleName: EXEC_ROLE, AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: trusted }, Action: 'sts:AssumeRole' }) });
	iam.call('PutRolePolicy', { RoleName: EXEC_ROLE, PolicyName: 'AdministratorAccess', PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) });
}

/** A world with both roles in place: execution roles in `targets` (default both accounts). */
export async function stackSetWorld(targets: readonly string[] = [ADMIN, TARGET], admin = true): Promise<World> {
	const world = World.create({ now: NOW });
	await world.cloudformationReady();
	if (admin) createAdministrationRole(world);
	for (const account of targets) createExecutionRole(world, account);
	return world;
}

export const cfn = (world: World, account = ADMIN, region = HOME) => world.cloudformation(rootCaller(account), region);

export type Cfn = ReturnType<typeof cfn>;

export function operation(world: World, stackSetName: string, operationId: string) {
	const op = cfn(world).call('DescribeStackSetOperation', { StackSetName: stackSetName, OperationId: operationId }).StackSetOperation;
	if (!op) throw new Error('no operation');
	return op;
}

export const instances = (world: World, stackSetName: string) => cfn(world).call('ListStackInstances', { StackSetName: stackSetName }).Summaries ?? [];

export function caught(f: () => unknown): { code: string; message: string } {
	try {
		f();
	} catch (e) {
		const err = e as { code?: string; message: string };
		return { code: err.code ?? 'none', message: err.message };
	}
	throw new Error('expected a failure');
}
