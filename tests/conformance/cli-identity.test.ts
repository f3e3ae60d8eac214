// The real AWS CLI v2 against the local endpoint, signing with keys the world issued: a user and
// its access key created with `aws iam`, refused by ECR until a policy allows it; a role assumed
// with `aws sts assume-role` and used through AWS_SESSION_TOKEN until the sandbox clock passes
// its expiration. Skipped (with the reason as the test's name) where no AWS CLI v2 is installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEndpoint, type Endpoint } from '../../scripts/endpoint/server';
import { T0, callJson } from './endpoint-support';

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a program without blocking the event loop: the endpoint answering it lives in this process. */
const run = (file: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> =>
	new Promise((resolve) => {
		execFile(file, args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
			resolve({ code: error ? (typeof error.code === 'number' ? error.code : 127) : 0, stdout, stderr });
		});
	});

const AWS = process.env.AWS_CLI ?? (existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws');
const version = await run(AWS, ['--version'], process.env);
const versionText = `${version.stdout}${version.stderr}`.trim();
const skipReason = version.code !== 0 ? `no AWS CLI found (${AWS}); install AWS CLI v2, e.g. apt-get install awscli` : /^aws-cli\/2\./.test(versionText) ? undefined : `${AWS} is not AWS CLI v2 (${versionText.split(' ')[0]})`;

const ACCOUNT = '123456789012';
type Json = Record<string, unknown>;
interface Keys {
	id: string;
	secret: string;
	token?: string;
}

describe.skipIf(skipReason !== undefined)('the AWS CLI v2 signing with keys the world issued', () => {
	let endpoint: Endpoint;
	let dir: string;
	let base: NodeJS.ProcessEnv;
	let devKeys: Keys;
	let sessionKeys: Keys;

	const envFor = (keys?: Keys): NodeJS.ProcessEnv => ({
		...base,
		...(keys ? { AWS_ACCESS_KEY_ID: keys.id, AWS_SECRET_ACCESS_KEY: keys.secret, ...(keys.token ? { AWS_SESSION_TOKEN: keys.token } : {}) } : {})
	});
	const cli = (keys: Keys | undefined, ...args: string[]) => run(AWS, ['--endpoint-url', endpoint.url, '--output', 'json', ...args], envFor(keys));

	/** Expects success and JSON (or nothing) on stdout. */
	async function ok(keys: Keys | undefined, ...args: string[]): Promise<Json> {
		const r = await cli(keys, ...args);
		expect(r.code, `aws ${args.join(' ')}\n${r.stderr}`).toBe(0);
		return r.stdout.trim() === '' ? {} : (JSON.parse(r.stdout) as Json);
	}

	/** Expects failure; returns what the CLI printed on stderr. */
	async function fails(keys: Keys | undefined, ...args: string[]): Promise<string> {
		const r = await cli(keys, ...args);
		expect(r.code, `aws ${args.join(' ')} should fail\n${r.stdout}`).not.toBe(0);
		return r.stderr.trim();
	}

	beforeAll(async () => {
		endpoint = await startEndpoint({ port: 0, clock: 'frozen', now: T0 });
		dir = await mkdtemp(join(tmpdir(), 'cli-identity-'));
		const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
		// The default keys are ones the world never issued: the learner account's root user.
		base = {
			...inherited,
			HOME: dir,
			AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
			AWS_SECRET_ACCESS_KEY: 'x',
			AWS_DEFAULT_REGION: 'us-east-1',
			AWS_PAGER: '',
			AWS_CONFIG_FILE: join(dir, 'config'),
			AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
			AWS_EC2_METADATA_DISABLED: 'true'
		};
	});
	afterAll(async () => {
		await endpoint?.close();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it('creates a user and an access key; the key signs as the user, who may not use ECR yet', async () => {
		expect((await ok(undefined, 'iam', 'create-user', '--user-name', 'dev')).User).toMatchObject({ UserName: 'dev', Arn: `arn:aws:iam::${ACCOUNT}:user/dev` });
		const key = (await ok(undefined, 'iam', 'create-access-key', '--user-name', 'dev')).AccessKey as Json;
		expect(key).toMatchObject({ UserName: 'dev', Status: 'Active', AccessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/), SecretAccessKey: expect.any(String) });
		devKeys = { id: String(key.AccessKeyId), secret: String(key.SecretAccessKey) };

		expect(await ok(devKeys, 'sts', 'get-caller-identity')).toMatchObject({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/dev`, UserId: expect.stringMatching(/^AIDA/) });
		expect(await fails(devKeys, 'ecr', 'describe-repositories')).toContain(
			`An error occurred (AccessDeniedException) when calling the DescribeRepositories operation: User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: ecr:DescribeRepositories on resource: arn:aws:ecr:us-east-1:${ACCOUNT}:repository/* because no identity-based policy allows the ecr:DescribeRepositories action`
		);
	});

	it('assumes a role that trusts the user, and acts as the role session with its credentials', async () => {
		const trust = join(dir, 'trust.json');
		await writeFile(trust, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/dev` }, Action: 'sts:AssumeRole' }] }));
		await ok(undefined, 'iam', 'create-role', '--role-name', 'reader', '--assume-role-policy-document', `file://${trust}`);
		const permissions = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:DescribeRepositories', Resource: '*' }] });
		await ok(undefined, 'iam', 'put-role-policy', '--role-name', 'reader', '--policy-name', 'describe', '--policy-document', permissions);

		const assumed = await ok(devKeys, 'sts', 'assume-role', '--role-arn', `arn:aws:iam::${ACCOUNT}:role/reader`, '--role-session-name', 'cli', '--duration-seconds', '900');
		expect(assumed.AssumedRoleUser).toMatchObject({ Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/reader/cli`, AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]+:cli$/) });
		const creds = assumed.Credentials as Json;
		expect(Date.parse(String(creds.Expiration))).toBe(Date.parse(T0) + 900_000);
		sessionKeys = { id: String(creds.AccessKeyId), secret: String(creds.SecretAccessKey), token: String(creds.SessionToken) };

		expect(await ok(sessionKeys, 'sts', 'get-caller-identity')).toMatchObject({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/reader/cli` });
		expect(await ok(sessionKeys, 'ecr', 'describe-repositories')).toEqual({ repositories: [] });
	});

	it('refuses the session once the sandbox clock passes its expiration, and a deleted key at once', async () => {
		await callJson(`${endpoint.url}/_sandbox/clock`, 'POST', { advanceSeconds: 900 });
		expect(await fails(sessionKeys, 'sts', 'get-caller-identity')).toContain('An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired');

		await ok(undefined, 'iam', 'delete-access-key', '--user-name', 'dev', '--access-key-id', devKeys.id);
		expect(await fails(devKeys, 'sts', 'get-caller-identity')).toContain(
			'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.'
		);
		expect(await fails(undefined, 'iam', 'delete-user', '--user-name', 'ghost')).toContain('The user with name ghost cannot be found.');
	});
});

if (skipReason !== undefined) {
	console.warn(`AWS CLI identity scenario skipped: ${skipReason}`);
	it.skip(`AWS CLI identity scenario skipped: ${skipReason}`, () => {});
}
