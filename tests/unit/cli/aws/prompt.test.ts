// The prompt names the principal, account, Region and selected profile from the same resolution
// the `aws` command uses, without changing anything, and never throws.
import { describe, expect, it } from 'vitest';
import type { ShellSession } from '../../../../src/lib/cli/types';
import { aws } from '../../../../src/lib/cli/aws';
import { promptParts, promptText } from '../../../../src/lib/cli/prompt';
import { session, CAPTURE_NOW } from './helpers';

const run = (s: ShellSession, ...args: string[]) => aws(args, { stdin: '', session: s });

async function devKeys(s: ShellSession) {
	await run(s, 'iam', 'create-user', '--user-name', 'dev');
	const key = await run(s, 'iam', 'create-access-key', '--user-name', 'dev', '--query', 'AccessKey.[AccessKeyId,SecretAccessKey]', '--output', 'text');
	const [id = '', secret = ''] = key.stdout.trim().split('\t');
	return { id, secret };
}

describe('the prompt', () => {
	it('shows the root user of the learner account in us-east-1 by default', () => {
		const s = session();
		expect(promptParts(s)).toEqual({ principal: 'root', account: '123456789012', region: 'us-east-1' });
		expect(promptText(s)).toBe('root@123456789012 us-east-1 $ ');
		expect(s.programs.size).toBe(0);
	});

	it('follows AWS_PROFILE, its keys and its Region, and the environment over both', async () => {
		const s = session();
		const { id, secret } = await devKeys(s);
		await run(s, 'configure', 'set', 'aws_access_key_id', id, '--profile', 'dev');
		await run(s, 'configure', 'set', 'aws_secret_access_key', secret, '--profile', 'dev');
		await run(s, 'configure', 'set', 'region', 'eu-west-1', '--profile', 'dev');
		s.env.set('AWS_PROFILE', 'dev');
		expect(promptText(s)).toBe('dev@123456789012 eu-west-1 (dev) $ ');
		s.env.set('AWS_REGION', 'us-west-2');
		expect(promptText(s)).toBe('dev@123456789012 us-west-2 (dev) $ ');
		s.env.set('AWS_ACCESS_KEY_ID', 'AKIAROOT210987654321');
		expect(promptText(s)).toBe('root@210987654321 us-west-2 (dev) $ ');
	});

	it('marks a deleted key and a missing profile instead of throwing', async () => {
		const s = session();
		const { id } = await devKeys(s);
		await run(s, 'iam', 'delete-access-key', '--user-name', 'dev', '--access-key-id', id);
		s.env.set('AWS_ACCESS_KEY_ID', id);
		expect(promptParts(s)).toEqual({ principal: id, account: '', region: 'us-east-1', problem: 'invalid key' });
		expect(promptText(s)).toBe(`${id}(invalid key) us-east-1 $ `);
		s.env.delete('AWS_ACCESS_KEY_ID');
		s.env.set('AWS_PROFILE', 'nope');
		expect(promptText(s)).toBe('?(bad profile) us-east-1 (nope) $ ');
	});

	it('shows an assumed role as role/session without assuming it itself', async () => {
		const s = session();
		const { id, secret } = await devKeys(s);
		const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:user/dev' }, Action: 'sts:AssumeRole' }] });
		await run(s, 'iam', 'create-role', '--role-name', 'deployer', '--assume-role-policy-document', trust);
		await run(s, 'configure', 'set', 'aws_access_key_id', id, '--profile', 'dev');
		await run(s, 'configure', 'set', 'aws_secret_access_key', secret, '--profile', 'dev');
		await run(s, 'configure', 'set', 'role_arn', 'arn:aws:iam::123456789012:role/deployer', '--profile', 'deploy');
		await run(s, 'configure', 'set', 'source_profile', 'dev', '--profile', 'deploy');
		s.env.set('AWS_PROFILE', 'deploy');
		const before = JSON.stringify(s.world.snapshot());
		expect(promptText(s)).toBe('deployer@123456789012 us-east-1 (deploy) $ ');
		expect(JSON.stringify(s.world.snapshot())).toBe(before);
		await run(s, 'sts', 'get-caller-identity');
		expect(promptText(s)).toBe(`deployer/botocore-session-${Math.floor(Date.parse(CAPTURE_NOW) / 1000)}@123456789012 us-east-1 (deploy) $ `);
	});
});
