// The real AWS CLI v2 against the local endpoint: who am I, push an image by hand through the
// layer-upload API, lifecycle policy and its preview, then a CloudFormation stack created, driven
// to completion by the sandbox clock, and deleted. Skipped (with the reason as the test's name)
// where no AWS CLI v2 is installed; Debian's `awscli` package is v2 (scripts/test-all.sh installs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
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
const run = (file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> =>
	new Promise((resolve) => {
		execFile(file, args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
			resolve({ code, stdout, stderr });
		});
	});

// AWS_CLI names another binary; otherwise Debian's /usr/bin/aws first, because a v1 found earlier
// on PATH (pyenv shims) speaks differently.
const AWS = process.env.AWS_CLI ?? (existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws');
const version = await run(AWS, ['--version']);
const versionText = `${version.stdout}${version.stderr}`.trim();
const skipReason = version.code !== 0 ? `no AWS CLI found (${AWS}); install AWS CLI v2, e.g. apt-get install awscli` : /^aws-cli\/2\./.test(versionText) ? undefined : `${AWS} is not AWS CLI v2 (${versionText.split(' ')[0]}); install v2, e.g. apt-get install awscli`;

const sha256 = (data: Uint8Array | string): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;
type Json = Record<string, unknown>;

describe.skipIf(skipReason !== undefined)('the AWS CLI v2 against the endpoint', () => {
	let endpoint: Endpoint;
	let dir: string;
	let env: NodeJS.ProcessEnv;

	/** `aws --endpoint-url <url> --output json ...`, expecting success and JSON (or nothing) on stdout. */
	async function aws(...args: string[]): Promise<Json> {
		const r = await run(AWS, ['--endpoint-url', endpoint.url, '--output', 'json', ...args], env);
		expect(r.code, `aws ${args.join(' ')}\n${r.stderr}`).toBe(0);
		return r.stdout.trim() === '' ? {} : (JSON.parse(r.stdout) as Json);
	}

	async function file(name: string, content: Uint8Array | string): Promise<string> {
		const path = join(dir, name);
		await writeFile(path, content);
		return path;
	}

	beforeAll(async () => {
		endpoint = await startEndpoint({ port: 0, clock: 'frozen', now: T0 });
		dir = await mkdtemp(join(tmpdir(), 'cli-scenario-'));
		// Only what the scenario sets: no profile, config file or endpoint from the machine leaks in.
		const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
		env = {
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

	it('knows who is calling: sts get-caller-identity', async () => {
		expect(await aws('sts', 'get-caller-identity')).toEqual({ UserId: expect.any(String), Account: '123456789012', Arn: expect.stringMatching(/^arn:aws:iam::123456789012:/) });
	});

	it('pushes an image through the layer-upload API and describes it', async () => {
		const created = await aws('ecr', 'create-repository', '--repository-name', 'demo/app', '--image-scanning-configuration', 'scanOnPush=false');
		expect(created.repository).toMatchObject({ repositoryName: 'demo/app', registryId: '123456789012', repositoryUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/app' });

		const layer = new Uint8Array(4096).map((_, i) => (i * 31) % 251);
		const config = JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [sha256(layer)] }, config: {} });
		for (const blob of [layer, new TextEncoder().encode(config)]) {
			const started = await aws('ecr', 'initiate-layer-upload', '--repository-name', 'demo/app');
			expect(started).toEqual({ uploadId: expect.any(String), partSize: expect.any(Number) });
			const part = await aws('ecr', 'upload-layer-part', '--repository-name', 'demo/app', '--upload-id', String(started.uploadId),
				'--part-first-byte', '0', '--part-last-byte', String(blob.length - 1), '--layer-part-blob', `fileb://${await file('blob', blob)}`);
			expect(part).toMatchObject({ uploadId: started.uploadId, lastByteReceived: blob.length - 1, registryId: '123456789012' });
			const done = await aws('ecr', 'complete-layer-upload', '--repository-name', 'demo/app', '--upload-id', String(started.uploadId), '--layer-digests', sha256(blob));
			expect(done).toMatchObject({ layerDigest: sha256(blob), repositoryName: 'demo/app' });
		}
		const manifest = JSON.stringify({
			schemaVersion: 2,
			mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
			config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: sha256(config) },
			layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: sha256(layer) }]
		});
		const put = await aws('ecr', 'put-image', '--repository-name', 'demo/app', '--image-tag', 'v1', '--image-manifest', `file://${await file('manifest.json', manifest)}`);
		expect(put.image).toMatchObject({ imageId: { imageDigest: sha256(manifest), imageTag: 'v1' }, repositoryName: 'demo/app' });

		const described = await aws('ecr', 'describe-images', '--repository-name', 'demo/app');
		expect(described.imageDetails).toEqual([
			expect.objectContaining({ imageDigest: sha256(manifest), imageTags: ['v1'], imageSizeInBytes: layer.length, imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json' })
		]);
		// The CLI prints timestamps as ISO 8601 with the zone: the world's frozen clock.
		expect(Date.parse(String((described.imageDetails as Json[])[0]?.imagePushedAt))).toBe(Date.parse(T0));
	});

	it('sets a lifecycle policy and previews it', async () => {
		const policy = JSON.stringify({ rules: [{ rulePriority: 1, description: 'keep one', selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] });
		const path = `file://${await file('policy.json', policy)}`;
		const put = await aws('ecr', 'put-lifecycle-policy', '--repository-name', 'demo/app', '--lifecycle-policy-text', path);
		expect(put).toMatchObject({ repositoryName: 'demo/app', registryId: '123456789012' });
		expect(JSON.parse(String(put.lifecyclePolicyText))).toEqual(JSON.parse(policy));
		const preview = await aws('ecr', 'start-lifecycle-policy-preview', '--repository-name', 'demo/app');
		expect(preview).toMatchObject({ repositoryName: 'demo/app', status: 'IN_PROGRESS' });
		await callJson(`${endpoint.url}/_sandbox/clock`, 'POST', { advanceSeconds: 60 });
		expect(await aws('ecr', 'get-lifecycle-policy-preview', '--repository-name', 'demo/app')).toMatchObject({ status: 'COMPLETE', previewResults: [] });
	});

	it('validates a template, creates a stack, watches it finish on the sandbox clock, and deletes it', async () => {
		const template = [
			'AWSTemplateFormatVersion: "2010-09-09"',
			'Description: A repository from the CLI scenario',
			'Parameters:',
			'  Name:',
			'    Type: String',
			'    Default: from-stack',
			'Resources:',
			'  Repo:',
			'    Type: AWS::ECR::Repository',
			'    Properties:',
			'      RepositoryName: !Ref Name',
			'Outputs:',
			'  Arn:',
			'    Value: !GetAtt Repo.Arn'
		].join('\n');
		const body = `file://${await file('template.yaml', template)}`;
		const valid = await aws('cloudformation', 'validate-template', '--template-body', body);
		expect(valid).toMatchObject({ Description: 'A repository from the CLI scenario', Parameters: [expect.objectContaining({ ParameterKey: 'Name', DefaultValue: 'from-stack' })] });

		const created = await aws('cloudformation', 'create-stack', '--stack-name', 'demo', '--template-body', body);
		expect(created.StackId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/demo\//);
		const moved = await callJson(`${endpoint.url}/_sandbox/clock`, 'POST', { advanceSeconds: 600 });
		expect(moved.json.events).toContainEqual(expect.objectContaining({ kind: 'stack-operation-complete', stackName: 'demo', status: 'CREATE_COMPLETE' }));

		const events = ((await aws('cloudformation', 'describe-stack-events', '--stack-name', 'demo')).StackEvents ?? []) as Json[];
		expect(events[0]).toMatchObject({ LogicalResourceId: 'demo', ResourceType: 'AWS::CloudFormation::Stack', ResourceStatus: 'CREATE_COMPLETE', StackId: created.StackId });
		expect(events).toContainEqual(expect.objectContaining({ LogicalResourceId: 'Repo', ResourceStatus: 'CREATE_COMPLETE', PhysicalResourceId: 'from-stack' }));
		expect(((await aws('ecr', 'describe-repositories', '--repository-names', 'from-stack')).repositories as Json[])[0]).toMatchObject({ repositoryName: 'from-stack' });

		expect(await aws('cloudformation', 'delete-stack', '--stack-name', 'demo')).toEqual({});
		const deleted = await callJson(`${endpoint.url}/_sandbox/clock`, 'POST', { advanceSeconds: 600 });
		expect(deleted.json.events).toContainEqual(expect.objectContaining({ kind: 'stack-operation-complete', stackName: 'demo', status: 'DELETE_COMPLETE' }));
		const gone = await run(AWS, ['--endpoint-url', endpoint.url, 'cloudformation', 'describe-stacks', '--stack-name', 'demo'], env);
		expect(gone.code).not.toBe(0);
		expect(gone.stderr).toContain('Stack with id demo does not exist');
	});
});

if (skipReason !== undefined) {
	// Said twice: the skipped test's name for reports, and a line the default reporter prints.
	console.warn(`AWS CLI scenario skipped: ${skipReason}`);
	it.skip(`AWS CLI scenario skipped: ${skipReason}`, () => {});
}
