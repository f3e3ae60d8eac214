// `docker`: subcommands, flags, local images, registry hosts and repository URIs.
import { describe, expect, it } from 'vitest';
import { given, session, words } from './helpers';

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

describe('docker', () => {
	it('completes subcommands and the image management commands', async () => {
		const s = session();
		expect(await words(s, 'docker ')).toEqual(['build', 'image', 'images', 'inspect', 'login', 'logout', 'pull', 'push', 'rmi', 'tag']);
		expect(await words(s, 'docker im')).toEqual(['image', 'images']);
		expect(await words(s, 'docker image ')).toEqual(['build', 'inspect', 'list', 'ls', 'pull', 'push', 'rm', 'tag']);
		expect(await words(s, 'docker nope ')).toEqual([]);
	});

	it('completes the flags a command takes, leaving out those given', async () => {
		const s = session();
		expect(await words(s, 'docker login --')).toEqual(['--password', '--password-stdin', '--username']);
		expect(await words(s, 'docker login --username AWS --pass')).toEqual(['--password', '--password-stdin']);
		expect(await words(s, 'docker login --username ')).toEqual(['AWS']);
		expect(await words(s, 'docker rmi -')).toEqual(['--force', '-f']);
		expect(await words(s, 'docker build --pl')).toEqual(['--platform']);
	});

	it('offers the ECR registries of the caller for login, and logged-in hosts for logout', async () => {
		const s = session();
		expect(await words(s, 'docker login ')).toEqual([
			'123456789012.dkr.ecr.eu-west-1.amazonaws.com',
			HOST,
			'123456789012.dkr.ecr.us-west-2.amazonaws.com'
		]);
		expect(await words(s, 'docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-e')).toEqual([HOST]);
		expect(await words(s, 'docker logout ')).toEqual([]);
		await given(s, `aws ecr get-login-password | docker login --username AWS --password-stdin ${HOST}`);
		expect(await words(s, 'docker logout ')).toEqual([HOST]);
	});

	it('completes local images for tag, push, rmi and inspect, and repository URIs as a tag target', async () => {
		const s = session();
		expect(await words(s, 'docker push ')).toEqual([]);
		await given(s, 'aws ecr create-repository --repository-name web', 'docker pull alpine:3.14', `docker tag alpine:3.14 ${HOST}/web:v1`);
		expect(await words(s, 'docker tag a')).toEqual(['alpine:3.14']);
		expect(await words(s, 'docker tag alpine:3.14 ')).toEqual([`${HOST}/web`]);
		expect(await words(s, 'docker push 1')).toEqual([`${HOST}/web:v1`]);
		expect(await words(s, 'docker image push 1')).toEqual([`${HOST}/web:v1`]);
		expect(await words(s, 'docker rmi alpine:3.14 ')).toEqual([`${HOST}/web:v1`, 'alpine:3.14']);
		expect(await words(s, 'docker inspect al')).toEqual(['alpine:3.14']);
		expect(await words(s, 'docker images al')).toEqual(['alpine']);
		expect(await words(s, 'docker pull ')).toEqual(expect.arrayContaining(['alpine:3.14', `${HOST}/web`]));
		// Image IDs (12 hex digits, as `docker images` shows them) once hex is typed.
		const id = (s.programs.get('docker') as { images: { id: string }[] }).images[0]?.id.slice(7, 19) ?? '';
		expect(id).toMatch(/^[0-9a-f]{12}$/);
		expect(await words(s, 'docker rmi ')).not.toContain(id);
		expect(await words(s, `docker rmi ${id.slice(0, 3)}`)).toContain(id);
	});

	it('completes files for build -f and directories for the build context', async () => {
		const s = session({ 'app/Dockerfile': 'FROM alpine', 'Dockerfile': 'FROM alpine' });
		expect(await words(s, 'docker build -f ')).toEqual(['Dockerfile', 'app/']);
		expect(await words(s, 'docker build -f app/')).toEqual(['app/Dockerfile']);
		expect(await words(s, 'docker build -t web:v1 ')).toEqual(['.', 'app/']);
	});

	it('does not create the docker state by completing', async () => {
		const s = session();
		await words(s, 'docker push ');
		await words(s, 'docker logout ');
		expect(s.programs.has('docker')).toBe(false);
	});
});
