// The local endpoint over real HTTP, started in process on a free port: the sandbox control API,
// the real @aws-sdk/client-ecr pointed at it, and the clock following the wall clock when real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRepositoryCommand, DescribeRepositoriesCommand, ECRClient, RepositoryNotFoundException } from '@aws-sdk/client-ecr';
import { startEndpoint, type Endpoint } from '../../scripts/endpoint/server';
import { T0, callJson } from './endpoint-support';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' };

describe('a frozen endpoint', () => {
	let endpoint: Endpoint;
	beforeAll(async () => {
		endpoint = await startEndpoint({ port: 0, clock: 'frozen', now: T0 });
	});
	afterAll(() => endpoint.close());

	it('listens on 127.0.0.1 only', () => {
		expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('answers the ECR SDK: CreateRepository, then DescribeRepositories lists it in account 123456789012', async () => {
		const ecr = new ECRClient({ endpoint: endpoint.url, region: 'us-east-1', credentials });
		const created = await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/app', imageTagMutability: 'IMMUTABLE' }));
		expect(created.repository).toMatchObject({
			repositoryName: 'team/app',
			registryId: '123456789012',
			repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/app',
			imageTagMutability: 'IMMUTABLE'
		});
		expect(created.repository?.createdAt).toEqual(new Date(T0));
		const described = await ecr.send(new DescribeRepositoriesCommand({}));
		expect(described.repositories?.map((r) => r.repositoryName)).toEqual(['team/app']);
		await expect(ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['missing'] }))).rejects.toBeInstanceOf(RepositoryNotFoundException);
		ecr.destroy();
	});

	it('keeps its clock still until told, then moves it and refuses to go back', async () => {
		await new Promise((r) => setTimeout(r, 30));
		expect(await callJson(`${endpoint.url}/_sandbox/clock`, 'GET')).toEqual({ status: 200, json: { now: T0 } });
		expect(await callJson(`${endpoint.url}/_sandbox/clock`, 'POST', { advanceSeconds: 3600 })).toEqual({ status: 200, json: { now: '2026-03-10T10:00:00.000Z', events: [] } });
		const back = await callJson(`${endpoint.url}/_sandbox/clock`, 'POST', { now: T0 });
		expect(back.status).toBe(400);
		expect(back.json.message).toMatch(/cannot move backwards/);
	});

	it('resets, saves and restores over HTTP; a damaged save changes nothing', async () => {
		const saved = await callJson(`${endpoint.url}/_sandbox/snapshot`, 'GET');
		expect(saved.json).toMatchObject({ format: 'ecr-cfn-course/world', now: '2026-03-10T10:00:00.000Z' });
		expect((await callJson(`${endpoint.url}/_sandbox/reset`, 'POST', { now: '2030-01-01T00:00:00Z' })).json).toEqual({ now: '2030-01-01T00:00:00.000Z' });
		const damaged = await callJson(`${endpoint.url}/_sandbox/restore`, 'POST', { ...saved.json, jobs: 'broken' });
		expect(damaged.status).toBe(400);
		expect(damaged.json.message).toEqual(expect.any(String));
		expect((await callJson(`${endpoint.url}/_sandbox/clock`, 'GET')).json).toEqual({ now: '2030-01-01T00:00:00.000Z' });
		expect((await callJson(`${endpoint.url}/_sandbox/restore`, 'POST', saved.json)).json).toEqual({ now: '2026-03-10T10:00:00.000Z' });
		const ecr = new ECRClient({ endpoint: endpoint.url, region: 'us-east-1', credentials });
		expect((await ecr.send(new DescribeRepositoriesCommand({}))).repositories?.map((r) => r.repositoryName)).toEqual(['team/app']);
		ecr.destroy();
	});
});

describe('a real-time endpoint', () => {
	it('moves the clock with the wall clock from when it was last set', async () => {
		let wall = Date.parse('2040-01-01T00:00:00Z');
		const endpoint = await startEndpoint({ port: 0, clock: 'real', now: T0, wall: () => wall });
		try {
			wall += 5_000;
			expect((await callJson(`${endpoint.url}/_sandbox/clock`, 'GET')).json).toEqual({ now: '2026-03-10T09:00:05.000Z' });
			// Setting the clock re-anchors it: wall time before the set does not count twice.
			expect((await callJson(`${endpoint.url}/_sandbox/clock`, 'POST', { now: '2026-04-01T00:00:00Z' })).json).toMatchObject({ now: '2026-04-01T00:00:00.000Z' });
			wall += 60_000;
			expect((await callJson(`${endpoint.url}/_sandbox/clock`, 'GET')).json).toEqual({ now: '2026-04-01T00:01:00.000Z' });
			await callJson(`${endpoint.url}/_sandbox/reset`, 'POST', { now: T0 });
			wall += 1_000;
			expect((await callJson(`${endpoint.url}/_sandbox/clock`, 'GET')).json).toEqual({ now: '2026-03-10T09:00:01.000Z' });
		} finally {
			await endpoint.close();
		}
	});

	it('catches up on a timer between requests, so timed work finishes on its own', async () => {
		let wall = 0;
		const endpoint = await startEndpoint({ port: 0, clock: 'real', now: T0, wall: () => wall, tickMs: 5 });
		try {
			wall = 86_400_000;
			await expect.poll(() => endpoint.holder.world.clock.now().toISOString()).toBe('2026-03-11T09:00:00.000Z');
		} finally {
			await endpoint.close();
		}
	});
});
