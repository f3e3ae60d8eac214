// The seed notes' push flow typed as a learner types it, through the shell with `aws` and
// `docker` together: the login pipe, tag, push, and the image listed by the CLI afterwards.
import { describe, expect, it } from 'vitest';
import { World } from '../../../src/lib/engines/world';
import { createSession, runLine } from '../../../src/lib/cli/shell';
import { PROGRAMS } from '../../../src/lib/cli/programs';

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

describe('the seed notes push flow in the shell', () => {
	it('logs in through a pipe, pushes, and the CLI lists the pushed image', async () => {
		const session = createSession(World.create({ now: '2026-11-23T10:00:00.000Z' }));
		const line = (text: string) => runLine(text, session, PROGRAMS);
		expect((await line('export AWS_DEFAULT_REGION=us-east-1')).exitCode).toBe(0);
		expect((await line('aws ecr create-repository --repository-name web --query repository.repositoryUri --output text')).stdout).toBe(`${HOST}/web\n`);
		const login = await line(`aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${HOST}`);
		expect(login.stdout).toContain('Login Succeeded');
		expect(login.exitCode).toBe(0);
		expect((await line('docker pull alpine:3.14')).exitCode).toBe(0);
		expect((await line(`docker tag alpine:3.14 ${HOST}/web:v1 && docker push ${HOST}/web:v1`)).stdout).toMatch(/v1: digest: sha256:[0-9a-f]{64} size: \d+/);
		const listed = await line("aws ecr describe-images --repository-name web --query 'imageDetails[0].imageTags' --output text");
		expect(listed.stdout).toBe('v1\n');
		expect((await line('echo $?')).stdout).toBe('0\n');
	});

	it('a push without logging in fails as docker reports it, and $? says so', async () => {
		const session = createSession(World.create({ now: '2026-11-23T10:00:00.000Z' }));
		const line = (text: string) => runLine(text, session, PROGRAMS);
		await line('aws ecr create-repository --repository-name web');
		await line('docker pull alpine:3.14');
		const pushed = await line(`docker tag alpine:3.14 ${HOST}/web:v1 && docker push ${HOST}/web:v1`);
		expect(pushed.stderr).toContain('no basic auth credentials');
		expect(pushed.exitCode).toBe(1);
	});
});
