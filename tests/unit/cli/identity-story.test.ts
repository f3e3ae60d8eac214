// Issue 9's story typed into the terminal: a read-only developer and a push-capable CI role,
// switched between with profiles; a push denied for one with ECR's message and accepted for the
// other; then a second account pulls through a repository policy and a role it assumes.
import { describe, expect, it } from 'vitest';
import { World } from '../../../src/lib/engines/world';
import { createSession, runLine } from '../../../src/lib/cli/shell';
import { PROGRAMS } from '../../../src/lib/cli/programs';
import type { ShellSession } from '../../../src/lib/cli/types';

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const TRUST_LEARNER_ACCOUNT = `'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}'`;

function terminal() {
	const session = createSession(World.create({ now: '2026-11-23T10:00:00.000Z' }));
	const sh = (line: string) => runLine(line, session, PROGRAMS);
	return { session, sh };
}

/** Creates an IAM user with an access key and stores it as a named profile, as a learner would. */
async function userWithProfile(sh: (l: string) => ReturnType<typeof runLine>, user: string, policy?: string) {
	expect((await sh(`aws iam create-user --user-name ${user}`)).exitCode).toBe(0);
	if (policy) expect((await sh(`aws iam attach-user-policy --user-name ${user} --policy-arn arn:aws:iam::aws:policy/${policy}`)).exitCode).toBe(0);
	const key = await sh(`aws iam create-access-key --user-name ${user} --query "AccessKey.[AccessKeyId,SecretAccessKey]" --output text`);
	const [id, secret] = key.stdout.trim().split('\t');
	expect((await sh(`aws configure set aws_access_key_id ${id} --profile ${user} && aws configure set aws_secret_access_key ${secret} --profile ${user}`)).exitCode).toBe(0);
}

const prompt = async (session: ShellSession) => (await import('../../../src/lib/cli/prompt')).promptText(session);

describe('who you are in the terminal decides what a push may do', () => {
	it('a read-only developer is denied the push with ECR message; the CI role it may not assume, a CI user may', async () => {
		const { session, sh } = terminal();
		await sh('aws ecr create-repository --repository-name web');
		await userWithProfile(sh, 'dev', 'AmazonEC2ContainerRegistryReadOnly');
		await userWithProfile(sh, 'ci-bot');
		await sh(`aws iam create-role --role-name ci --assume-role-policy-document ${TRUST_LEARNER_ACCOUNT}`);
		await sh('aws iam attach-role-policy --role-name ci --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser');
		await sh(`aws iam put-user-policy --user-name ci-bot --policy-name assume-ci --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::123456789012:role/ci"}]}'`);
		await sh('aws configure set role_arn arn:aws:iam::123456789012:role/ci --profile ci && aws configure set source_profile ci-bot --profile ci');
		await sh(`docker pull alpine:3.14 && docker tag alpine:3.14 ${HOST}/web:v1`);

		await sh('export AWS_PROFILE=dev');
		expect(await prompt(session)).toMatch(/^dev@123456789012 us-east-1 \(dev\) \$ $/);
		expect((await sh(`aws ecr get-login-password | docker login --username AWS --password-stdin ${HOST}`)).stdout).toContain('Login Succeeded');
		const denied = await sh(`docker push ${HOST}/web:v1`);
		expect(denied.stderr).toContain(
			'denied: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:123456789012:repository/web because no identity-based policy allows the ecr:InitiateLayerUpload action'
		);
		expect(denied.exitCode).toBe(1);
		// The simulator's --explain names the deciding side (docker itself has no such flag).
		const explained = await sh(`docker push --explain ${HOST}/web:v1`);
		expect(explained.stderr).toContain('[simulator] why this was denied:\n  action:    ecr:InitiateLayerUpload\n  principal: arn:aws:iam::123456789012:user/dev\n');
		expect(explained.stderr).toContain('  identity policies: do not allow it\n  repository policy: none\n');

		// The developer may not become the CI role: its trust policy trusts the account, but dev's own policies grant no sts:AssumeRole.
		const assume = await sh('aws sts assume-role --role-arn arn:aws:iam::123456789012:role/ci --role-session-name dev');
		expect(assume.stderr).toContain('An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/ci');
		expect(assume.exitCode).toBe(254);

		await sh('export AWS_PROFILE=ci');
		const who = await sh('aws sts get-caller-identity --query Arn --output text');
		expect(who.stdout).toMatch(/^arn:aws:sts::123456789012:assumed-role\/ci\/botocore-session-\d+\n$/);
		expect(await prompt(session)).toMatch(/^ci\/botocore-session-\d+@123456789012 us-east-1 \(ci\) \$ $/);
		expect((await sh(`aws ecr get-login-password | docker login --username AWS --password-stdin ${HOST}`)).stdout).toContain('Login Succeeded');
		const pushed = await sh(`docker push ${HOST}/web:v1`);
		expect(pushed.stdout).toMatch(/v1: digest: sha256:[0-9a-f]{64} size: \d+/);
		expect(pushed.exitCode).toBe(0);
	});

	it('a second account pulls only once the repository policy and its own role allow it', async () => {
		const { sh } = terminal();
		await sh('aws ecr create-repository --repository-name web');
		await sh(`docker pull alpine:3.14 && docker tag alpine:3.14 ${HOST}/web:v1`);
		await sh(`aws ecr get-login-password | docker login --username AWS --password-stdin ${HOST} && docker push ${HOST}/web:v1 && docker rmi ${HOST}/web:v1`);

		// In the second account: a role its root may assume, allowed to pull.
		const second = 'AWS_ACCESS_KEY_ID=AKIAROOT210987654321 AWS_SECRET_ACCESS_KEY=x';
		await sh(`${second} aws iam create-role --role-name puller --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"sts:AssumeRole"}]}'`);
		await sh(`${second} aws iam attach-role-policy --role-name puller --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly`);
		await sh(`${second} aws iam create-user --user-name ops`);
		await sh(`${second} aws iam put-user-policy --user-name ops --policy-name assume --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}'`);
		const key = await sh(`${second} aws iam create-access-key --user-name ops --query "AccessKey.[AccessKeyId,SecretAccessKey]" --output text`);
		const [id, secret] = key.stdout.trim().split('\t');
		await sh(`aws configure set aws_access_key_id ${id} --profile ops && aws configure set aws_secret_access_key ${secret} --profile ops`);
		await sh('aws configure set role_arn arn:aws:iam::210987654321:role/puller --profile puller && aws configure set source_profile ops --profile puller');

		const login = `aws ecr get-login-password --profile puller | docker login --username AWS --password-stdin ${HOST}`;
		expect((await sh(login)).stdout).toContain('Login Succeeded');
		const refused = await sh(`docker pull ${HOST}/web:v1`);
		expect(refused.exitCode).toBe(1);
		expect(refused.stderr).toMatch(/denied: User: arn:aws:sts::210987654321:assumed-role\/puller\/botocore-session-\d+ is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:123456789012:repository\/web because no resource-based policy allows the ecr:BatchGetImage action/);
		const why = await sh(`docker pull --explain ${HOST}/web:v1`);
		expect(why.stderr).toContain('  resource:  arn:aws:ecr:us-east-1:123456789012:repository/web (another account)\n  identity policies: allow it\n  repository policy: none\n');

		// Back in the learner account: the repository lets the second account's role pull.
		const policy = `'{"Version":"2012-10-17","Statement":[{"Sid":"PullFromSecond","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:role/puller"},"Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"]}]}'`;
		expect((await sh(`aws ecr set-repository-policy --repository-name web --policy-text ${policy}`)).exitCode).toBe(0);
		const pulled = await sh(`docker pull ${HOST}/web:v1`);
		expect(pulled.stderr).toBe('');
		expect(pulled.stdout).toContain(`Status: Downloaded newer image for ${HOST}/web:v1`);
	});
});
