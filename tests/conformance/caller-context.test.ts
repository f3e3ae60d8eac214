// Where a request comes from, as policies see it: aws:SourceIp (X-Forwarded-For, else the peer
// address the endpoint saw), aws:SourceVpc / aws:SourceVpce and aws:SecureTransport from the
// sandbox's headers. In process through the SDK (headers added by a middleware), and over real
// HTTP against the local endpoint, whose peer is 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateRepositoryCommand, DescribeRepositoriesCommand, ECRClient, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { requestContext } from '../../src/lib/protocol/request-context';
import { startEndpoint, type Endpoint } from '../../scripts/endpoint/server';
import { LEARNER_ACCOUNT as A } from '../../src/lib/engines/world-constants';
import { REGION, clients, freshWorld, rejection } from './harness';
import { T0 } from './endpoint-support';

/** Adds request headers to every call of an SDK client, as a proxy or a lab would. */
function withHeaders<C extends { middlewareStack: { add: (...args: never[]) => void } }>(client: C, headers: Record<string, string>): C {
	type Next = (args: { request: { headers: Record<string, string> } }) => Promise<unknown>;
	const add = client.middlewareStack.add as unknown as (m: (next: Next) => Next, o: { step: string; name: string }) => void;
	add(
		(next) => async (args) => {
			Object.assign(args.request.headers, headers);
			return next(args);
		},
		{ step: 'build', name: 'sandboxHeaders' }
	);
	return client;
}

describe('the request context from the wire', () => {
	it('reads aws:SourceIp from X-Forwarded-For first, else the peer (IPv4-mapped made plain)', () => {
		expect(requestContext({ peerAddress: '::ffff:127.0.0.1' }, {})).toEqual({ 'aws:SourceIp': '127.0.0.1', 'aws:SecureTransport': 'true' });
		expect(requestContext({ peerAddress: '127.0.0.1' }, { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' })['aws:SourceIp']).toBe('203.0.113.7');
		expect(requestContext({ peerAddress: '::1' }, {})['aws:SourceIp']).toBe('::1');
		expect(requestContext({ peerAddress: '127.0.0.1' }, { 'x-forwarded-for': 'not an address' })['aws:SourceIp']).toBe('127.0.0.1');
		expect(requestContext({}, {})).toEqual({ 'aws:SecureTransport': 'true' });
	});

	it('reads the VPC, the VPC endpoint and plain HTTP from the sandbox headers', () => {
		expect(requestContext({}, { 'x-sandbox-source-vpc': 'vpc-0a1b2c3d', 'x-sandbox-source-vpce': 'vpce-1234', 'x-sandbox-secure-transport': 'FALSE' })).toEqual({
			'aws:SourceVpc': 'vpc-0a1b2c3d',
			'aws:SourceVpce': 'vpce-1234',
			'aws:SecureTransport': 'false'
		});
	});
});

describe('policies on where requests come from, through the SDK in process', () => {
	it('a repository policy denying requests from outside a network, over plain HTTP, or outside a VPC', async () => {
		const world = freshWorld();
		const { ecr } = clients(world);
		await ecr.send(new CreateRepositoryCommand({ repositoryName: 'app' }));
		const policy = {
			Version: '2012-10-17',
			Statement: [
				{ Sid: 'OfficeOnly', Effect: 'Deny', Principal: '*', Action: 'ecr:DescribeRepositories', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
				{ Sid: 'HttpsOnly', Effect: 'Deny', Principal: '*', Action: 'ecr:DescribeRepositories', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
				{ Sid: 'VpcOnly', Effect: 'Deny', Principal: '*', Action: 'ecr:DescribeRepositories', Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } } }
			]
		};
		await ecr.send(new SetRepositoryPolicyCommand({ repositoryName: 'app', policyText: JSON.stringify(policy) }));
		const describe = (headers: Record<string, string>) => withHeaders(clients(world).ecr, headers).send(new DescribeRepositoriesCommand({ repositoryNames: ['app'] }));
		const good = { 'x-forwarded-for': '203.0.113.9', 'x-sandbox-source-vpc': 'vpc-0a1b2c3d' };
		expect((await describe(good)).repositories).toHaveLength(1);
		const denied = `User: arn:aws:iam::${A}:root is not authorized to perform: ecr:DescribeRepositories on resource: arn:aws:ecr:${REGION}:${A}:repository/app with an explicit deny in a resource-based policy`;
		for (const bad of [{ ...good, 'x-forwarded-for': '198.51.100.1' }, { ...good, 'x-sandbox-secure-transport': 'false' }, { 'x-forwarded-for': '203.0.113.9' }]) {
			expect((await rejection(describe(bad))).message).toBe(denied);
		}
	});
});

describe('the local endpoint passes the peer address', () => {
	let endpoint: Endpoint;
	beforeAll(async () => {
		endpoint = await startEndpoint({ port: 0, clock: 'frozen', now: T0 });
	});
	afterAll(async () => {
		await endpoint?.close();
	});

	it('aws:SourceIp is 127.0.0.1 for a local client, and X-Forwarded-For overrides it', async () => {
		const config = { endpoint: endpoint.url, region: REGION, maxAttempts: 1 };
		const rootCreds = { accessKeyId: 'AKIAROOT123456789012', secretAccessKey: 'x' };
		const iam = new IAMClient({ ...config, credentials: rootCreds });
		await iam.send(new CreateUserCommand({ UserName: 'dev' }));
		const statement = { Effect: 'Allow', Action: 'ecr:DescribeRepositories', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '127.0.0.1/32' } } };
		await iam.send(new PutUserPolicyCommand({ UserName: 'dev', PolicyName: 'local-only', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) }));
		const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'dev' }))).AccessKey!;
		const credentials = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
		expect((await new ECRClient({ ...config, credentials }).send(new DescribeRepositoriesCommand({}))).repositories).toEqual([]);
		const proxied = withHeaders(new ECRClient({ ...config, credentials }), { 'x-forwarded-for': '10.1.2.3' });
		const e = await rejection(proxied.send(new DescribeRepositoriesCommand({})));
		expect(e.message).toBe(`User: arn:aws:iam::${A}:user/dev is not authorized to perform: ecr:DescribeRepositories on resource: arn:aws:ecr:${REGION}:${A}:repository/* because no identity-based policy allows the ecr:DescribeRepositories action`);
	});
});
