// Profiles end to end through the shell: root makes a user with keys, `aws configure --profile`
// stores them, and the profile decides who calls (and who may log docker in to ECR).
import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/lib/engines/world';
import { createSession, runLine } from '../../../../src/lib/cli/shell';
import { PROGRAMS } from '../../../../src/lib/cli/programs';
import type { ShellSession } from '../../../../src/lib/cli/types';
import { CAPTURE_NOW, session } from './helpers';
import { promptText } from '../../../../src/lib/cli/prompt';
import { aws } from '../../../../src/lib/cli/aws';

const fresh = () => createSession(World.create({ now: CAPTURE_NOW }));
const sh = async (s: ShellSession, line: string) => {
	const r = await runLine(line, s, PROGRAMS);
	return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
};

async function devUser(s: ShellSession): Promise<{ id: string; secret: string }> {
	expect((await sh(s, 'aws iam create-user --user-name dev')).exitCode).toBe(0);
	const key = await sh(s, 'aws iam create-access-key --user-name dev --query "AccessKey.[AccessKeyId,SecretAccessKey]" --output text');
	const [id = '', secret = ''] = key.stdout.trim().split('\t');
	return { id, secret };
}

describe('profiles through the shell', () => {
	it('configures a user profile, is denied ECR login, then allowed once a policy is attached', async () => {
		const s = fresh();
		const { id, secret } = await devUser(s);
		const configured = await sh(s, `echo -e '${id}\\n${secret}\\nus-east-1\\njson' | aws configure --profile dev`);
		expect(configured).toEqual({ stdout: 'AWS Access Key ID [None]: AWS Secret Access Key [None]: Default region name [None]: Default output format [None]: ', stderr: '', exitCode: 0 });
		expect((await sh(s, 'aws sts get-caller-identity --profile dev --query Arn --output text')).stdout).toBe('arn:aws:iam::123456789012:user/dev\n');
		// Without a profile the sandbox still acts as the account's root.
		expect((await sh(s, 'aws sts get-caller-identity --query Arn --output text')).stdout).toBe('arn:aws:iam::123456789012:root\n');

		const denied = await sh(s, 'AWS_PROFILE=dev aws ecr get-login-password');
		expect(denied.exitCode).toBe(254);
		expect(denied.stdout).toBe('');
		expect(denied.stderr).toMatch(/^\nAn error occurred \(AccessDeniedException\) when calling the GetAuthorizationToken operation: User: arn:aws:iam::123456789012:user\/dev is not authorized to perform: ecr:GetAuthorizationToken on resource: \* because no identity-based policy allows the ecr:GetAuthorizationToken action\n$/);
		// docker gets an empty password and fails with exit 1, as the real one does.
		const login = await sh(s, 'AWS_PROFILE=dev aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com');
		expect(login.exitCode).toBe(1);
		expect(login.stdout).toBe('');

		expect((await sh(s, 'aws iam attach-user-policy --user-name dev --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly')).exitCode).toBe(0);
		const allowed = await sh(s, 'AWS_PROFILE=dev aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com');
		expect(allowed).toEqual({ stdout: 'Login Succeeded\n', stderr: '', exitCode: 0 });
	});
});

const run = (s: ShellSession, ...args: string[]) => aws(args, { stdin: '', session: s });
const arnOf = async (s: ShellSession, ...args: string[]) => (await run(s, 'sts', 'get-caller-identity', '--query', 'Arn', '--output', 'text', ...args)).stdout;

describe('credential and Region resolution', () => {
	it('reports a profile that does not exist, from --profile or AWS_PROFILE, with exit 255', async () => {
		const s = fresh();
		expect(await run(s, 'sts', 'get-caller-identity', '--profile', 'nope')).toEqual({ stdout: '', stderr: '\nThe config profile (nope) could not be found\n', exitCode: 255 });
		s.env.set('AWS_PROFILE', 'nope');
		expect(await run(s, 'ecr', 'describe-repositories')).toEqual({ stdout: '', stderr: '\nThe config profile (nope) could not be found\n', exitCode: 255 });
	});

	it('takes --profile over the environment keys, and the environment keys over AWS_PROFILE', async () => {
		const s = fresh();
		await run(s, 'configure', 'set', 'aws_access_key_id', 'AKIAROOT210987654321', '--profile', 'other');
		await run(s, 'configure', 'set', 'aws_secret_access_key', 'x', '--profile', 'other');
		s.env.set('AWS_ACCESS_KEY_ID', 'AKIAROOT123456789012');
		s.env.set('AWS_SECRET_ACCESS_KEY', 'x');
		expect(await arnOf(s, '--profile', 'other')).toBe('arn:aws:iam::210987654321:root\n');
		s.env.set('AWS_PROFILE', 'other');
		expect(await arnOf(s)).toBe('arn:aws:iam::123456789012:root\n');
		s.env.delete('AWS_ACCESS_KEY_ID');
		s.env.delete('AWS_SECRET_ACCESS_KEY');
		expect(await arnOf(s)).toBe('arn:aws:iam::210987654321:root\n');
	});

	it('uses the default profile, and reports partial credentials in the credentials file', async () => {
		const s = fresh();
		await run(s, 'configure', 'set', 'aws_access_key_id', 'AKIAROOT210987654321');
		expect(await run(s, 'sts', 'get-caller-identity')).toEqual({ stdout: '', stderr: '\nPartial credentials found in shared-credentials-file, missing: aws_secret_access_key\n', exitCode: 255 });
		await run(s, 'configure', 'set', 'aws_secret_access_key', 'x');
		expect(await arnOf(s)).toBe('arn:aws:iam::210987654321:root\n');
	});

	it('takes the Region and the output format from the profile, below --region and the environment', async () => {
		const s = fresh();
		await run(s, 'configure', 'set', 'region', 'eu-west-1', '--profile', 'eu');
		await run(s, 'configure', 'set', 'output', 'text', '--profile', 'eu');
		expect((await run(s, 'ecr', 'create-repository', '--repository-name', 'web', '--profile', 'eu', '--query', 'repository.repositoryArn')).stdout).toBe('arn:aws:ecr:eu-west-1:123456789012:repository/web\n');
		expect((await run(s, 'ecr', 'describe-repositories', '--profile', 'eu', '--region', 'us-east-1', '--query', 'length(repositories)')).stdout).toBe('0\n');
		s.env.set('AWS_DEFAULT_REGION', 'us-west-2');
		expect((await run(s, 'ecr', 'describe-repositories', '--profile', 'eu', '--query', 'length(repositories)', '--output', 'json')).stdout).toBe('0\n');
		// No Region anywhere: the sandbox's us-east-1 (the real CLI would refuse).
		expect((await run(s, 'sts', 'get-caller-identity', '--query', 'Account')).stdout).toBe('"123456789012"\n');
	});

	it('refuses a user key signed with the wrong secret and a deleted key, as AWS does', async () => {
		const s = fresh();
		const { id, secret } = await devUser(s);
		s.env.set('AWS_ACCESS_KEY_ID', id);
		s.env.set('AWS_SECRET_ACCESS_KEY', 'not-the-secret');
		expect(await run(s, 'sts', 'get-caller-identity')).toEqual({
			stdout: '',
			stderr: '\nAn error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n',
			exitCode: 254
		});
		expect((await run(s, 'ecr', 'describe-repositories')).stderr).toMatch(/^\nAn error occurred \(InvalidSignatureException\) when calling the DescribeRepositories operation: /);
		s.env.set('AWS_SECRET_ACCESS_KEY', secret);
		expect(await arnOf(s)).toBe('arn:aws:iam::123456789012:user/dev\n');
		s.env.delete('AWS_ACCESS_KEY_ID');
		s.env.delete('AWS_SECRET_ACCESS_KEY');
		expect((await run(s, 'iam', 'delete-access-key', '--user-name', 'dev', '--access-key-id', id)).exitCode).toBe(0);
		s.env.set('AWS_ACCESS_KEY_ID', id);
		s.env.set('AWS_SECRET_ACCESS_KEY', secret);
		expect(await run(s, 'sts', 'get-caller-identity')).toEqual({ stdout: '', stderr: '\nAn error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.\n', exitCode: 254 });
		expect((await run(s, 'ecr', 'describe-repositories')).stderr).toBe('\nAn error occurred (UnrecognizedClientException) when calling the DescribeRepositories operation: The security token included in the request is invalid.\n');
	});

	it('wants the session token with temporary keys', async () => {
		const s = fresh();
		const { id, secret } = await devUser(s);
		s.env.set('AWS_ACCESS_KEY_ID', id);
		s.env.set('AWS_SECRET_ACCESS_KEY', secret);
		const temp = await run(s, 'sts', 'get-session-token', '--query', 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]', '--output', 'text');
		const [tid = '', tsecret = '', token = ''] = temp.stdout.trim().split('\t');
		expect(tid).toMatch(/^ASIA/);
		s.env.set('AWS_ACCESS_KEY_ID', tid);
		s.env.set('AWS_SECRET_ACCESS_KEY', tsecret);
		expect(await run(s, 'sts', 'get-caller-identity')).toEqual({ stdout: '', stderr: '\nAn error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.\n', exitCode: 254 });
		s.env.set('AWS_SESSION_TOKEN', token);
		expect(await arnOf(s)).toBe('arn:aws:iam::123456789012:user/dev\n');
	});

	it('assumes a profile role through STS once, and again when the credentials expire', async () => {
		const s = fresh();
		const { id, secret } = await devUser(s);
		const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:user/dev' }, Action: 'sts:AssumeRole' }] });
		expect((await run(s, 'iam', 'create-role', '--role-name', 'deployer', '--assume-role-policy-document', trust)).exitCode).toBe(0);
		await run(s, 'configure', 'set', 'aws_access_key_id', id, '--profile', 'dev');
		await run(s, 'configure', 'set', 'aws_secret_access_key', secret, '--profile', 'dev');
		await run(s, 'configure', 'set', 'role_arn', 'arn:aws:iam::123456789012:role/deployer', '--profile', 'deploy');
		await run(s, 'configure', 'set', 'source_profile', 'dev', '--profile', 'deploy');
		const seconds = Math.floor(Date.parse(CAPTURE_NOW) / 1000);
		expect(await arnOf(s, '--profile', 'deploy')).toBe(`arn:aws:sts::123456789012:assumed-role/deployer/botocore-session-${seconds}\n`);
		s.world.advanceTo(Date.parse(CAPTURE_NOW) + 30 * 60_000);
		expect(await arnOf(s, '--profile', 'deploy')).toBe(`arn:aws:sts::123456789012:assumed-role/deployer/botocore-session-${seconds}\n`);
		s.world.advanceTo(Date.parse(CAPTURE_NOW) + 61 * 60_000);
		expect(await arnOf(s, '--profile', 'deploy')).toBe(`arn:aws:sts::123456789012:assumed-role/deployer/botocore-session-${seconds + 61 * 60}\n`);
		await run(s, 'configure', 'set', 'source_profile', 'ghost', '--profile', 'deploy');
		s.world.advanceTo(Date.parse(CAPTURE_NOW) + 130 * 60_000);
		expect((await run(s, 'sts', 'get-caller-identity', '--profile', 'deploy')).stderr).toBe('\nThe source_profile "ghost" referenced in the profile "deploy" does not exist.\n');
	});

	it('reports an AssumeRole the trust policy refuses as the service error', async () => {
		const s = fresh();
		await run(s, 'configure', 'set', 'role_arn', 'arn:aws:iam::123456789012:role/missing', '--profile', 'deploy');
		await run(s, 'configure', 'set', 'source_profile', 'default', '--profile', 'deploy');
		await run(s, 'configure', 'set', 'region', 'us-east-1');
		const r = await run(s, 'sts', 'get-caller-identity', '--profile', 'deploy');
		expect(r.exitCode).toBe(254);
		expect(r.stderr).toMatch(/^\nAn error occurred \(AccessDenied\) when calling the AssumeRole operation: /);
	});
});

describe('a key AWS never issued', () => {
	it('is refused as AWS refuses it, and the prompt says the key is invalid', async () => {
		const s = session({ AWS_ACCESS_KEY_ID: 'AKIAMADEUPKEY1234567', AWS_SECRET_ACCESS_KEY: 'whatever' });
		const sts = await aws(['sts', 'get-caller-identity'], { stdin: '', session: s });
		expect(sts).toEqual({ stdout: '', stderr: '\nAn error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.\n', exitCode: 254 });
		const ecr = await aws(['ecr', 'describe-repositories'], { stdin: '', session: s });
		expect(ecr.stderr).toBe('\nAn error occurred (UnrecognizedClientException) when calling the DescribeRepositories operation: The security token included in the request is invalid.\n');
		expect(promptText(s)).toBe('AKIAMADEUPKEY1234567(invalid key) us-east-1 $ ');
	});
});
