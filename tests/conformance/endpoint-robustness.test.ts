// The endpoint never crashes: malformed JSON, wrong content types, unknown targets, random bytes,
// huge and oversize bodies, broken HTTP and clients that hang up all get an answer (or a closed
// connection), and the server keeps serving. A few thousand generated bad requests go over real
// HTTP, then a good one must succeed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { MAX_BODY_BYTES, startEndpoint, type Endpoint } from '../../scripts/endpoint/server';
import { T0, callJson } from './endpoint-support';

interface Sent {
	method: string;
	path: string;
	headers: Record<string, string>;
	body: Uint8Array;
}

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

function send(url: string, r: Sent): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = request(`${url}${r.path}`, { method: r.method, headers: { ...r.headers, 'content-length': String(r.body.length) }, agent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(r.body);
	});
}

/** An error as AWS writes one: awsJson's `__type` and message, or awsQuery's ErrorResponse XML. */
function errorCode(a: Answer): string | undefined {
	try {
		const json = JSON.parse(a.text) as { __type?: unknown };
		if (typeof json.__type === 'string') return json.__type;
	} catch {
		// not JSON: awsQuery XML
	}
	return /<ErrorResponse[^>]*>\s*<Error>[\s\S]*<Code>([^<]+)<\/Code>/.exec(a.text)?.[1];
}

const ECR = 'AmazonEC2ContainerRegistry_V20150921.';
const ECR_OPERATIONS = ['CreateRepository', 'PutImage', 'UploadLayerPart', 'DescribeImages', 'PutLifecyclePolicy', 'SetRepositoryPolicy', 'BatchDeleteImage'];
const QUERY_ACTIONS = ['CreateStack', 'ValidateTemplate', 'DescribeStackEvents', 'GetCallerIdentity', 'DeleteStack', 'UpdateStack'];
const printable = (max: number) => fc.string({ maxLength: max }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Bodies that are wrong in every way a client can be wrong. */
const badBody = fc.oneof(
	fc.uint8Array({ maxLength: 3000 }),
	fc.jsonValue().map((v) => text(JSON.stringify(v))),
	fc.record({ repositoryName: fc.jsonValue(), imageManifest: fc.jsonValue(), layerPartBlob: fc.jsonValue(), lifecyclePolicyText: fc.jsonValue() }, { requiredKeys: [] }).map((v) => text(JSON.stringify(v))),
	fc.tuple(fc.constantFrom(...QUERY_ACTIONS), fc.array(fc.tuple(printable(20), printable(40)), { maxLength: 6 })).map(([action, pairs]) =>
		text([`Action=${action}`, 'Version=2010-05-15', ...pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)].join('&'))
	),
	printable(200).map((s) => text(`{"repositoryName": ${s}`))
);

const badRequest: fc.Arbitrary<Sent> = fc.record({
	method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
	path: fc.oneof(fc.constant('/'), fc.constantFrom('/_sandbox/clock', '/_sandbox/restore', '/_sandbox/reset', '/_sandbox/x', '/_sandbox/'), fc.webPath().map((p) => p || '/')),
	target: fc.option(fc.oneof(fc.constantFrom(...ECR_OPERATIONS).map((o) => ECR + o), printable(60)), { nil: undefined }),
	contentType: fc.option(fc.constantFrom('application/x-amz-json-1.1', 'application/x-www-form-urlencoded; charset=utf-8', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/octet-stream'), { nil: undefined }),
	authorization: fc.option(fc.oneof(fc.constant('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260310/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=00'), printable(80)), { nil: undefined }),
	body: badBody
}).map(({ method, path, target, contentType, authorization, body }) => ({
	method,
	path,
	body,
	headers: {
		...(target !== undefined ? { 'x-amz-target': target } : {}),
		...(contentType !== undefined ? { 'content-type': contentType } : {}),
		...(authorization !== undefined ? { authorization } : {})
	}
}));

let endpoint: Endpoint;
const failures: string[] = [];

beforeAll(async () => {
	endpoint = await startEndpoint({ port: 0, clock: 'frozen', now: T0, log: (line, kind) => {
			if (kind === 'failure') failures.push(line);
		}
	});
});
afterAll(async () => {
	agent.destroy();
	await endpoint.close();
});

describe('bad requests', () => {
	it('answers 3000 generated bad requests with AWS errors, then serves a good one', async () => {
		await fc.assert(
			fc.asyncProperty(badRequest, async (r) => {
				const a = await send(endpoint.url, r);
				expect(a.status).toBeGreaterThanOrEqual(200);
				expect(a.status).toBeLessThan(600);
				if (a.status >= 400) expect(errorCode(a), `${r.method} ${r.path} ${JSON.stringify(r.headers)} -> ${a.status} ${a.text.slice(0, 300)}`).toEqual(expect.any(String));
				// A 500 means a handler threw: a simulator bug, not a bad request.
				expect(a.status, a.text.slice(0, 300)).not.toBe(500);
			}),
			{ numRuns: 3000 }
		);
		expect(failures).toEqual([]);
		const ecr = new ECRClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
		const created = await ecr.send(new CreateRepositoryCommand({ repositoryName: 'after-the-storm' }));
		expect(created.repository?.repositoryName).toBe('after-the-storm');
		ecr.destroy();
	});

	it('answers a 10 MB body of random bytes with an AWS error', async () => {
		const body = randomBytes(10 * 1024 * 1024);
		const protocols: Record<string, string>[] = [{ 'x-amz-target': `${ECR}UploadLayerPart`, 'content-type': 'application/x-amz-json-1.1' }, { 'content-type': 'application/x-www-form-urlencoded' }];
		for (const headers of protocols) {
			const a = await send(endpoint.url, { method: 'POST', path: '/', headers, body });
			expect(a.status).toBeGreaterThanOrEqual(400);
			expect(a.status).toBeLessThan(500);
			expect(errorCode(a)).toEqual(expect.any(String));
		}
	});

	it('answers a body over the cap with 413 RequestEntityTooLargeException in the request protocol, without keeping it', async () => {
		const body = new Uint8Array(MAX_BODY_BYTES + 1);
		const json = await send(endpoint.url, { method: 'POST', path: '/', headers: { 'x-amz-target': `${ECR}UploadLayerPart`, 'content-type': 'application/x-amz-json-1.1' }, body });
		expect(json.status).toBe(413);
		expect(JSON.parse(json.text)).toEqual({ __type: 'RequestEntityTooLargeException', message: `Request must be smaller than ${MAX_BODY_BYTES} bytes.` });
		const small = await startEndpoint({ port: 0, clock: 'frozen', now: T0, maxBodyBytes: 1024 });
		try {
			const xml = await send(small.url, {
				method: 'POST',
				path: '/',
				headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260310/us-east-1/sts/aws4_request' },
				body: text(`Action=GetCallerIdentity&Pad=${'x'.repeat(2000)}`)
			});
			expect(xml.status).toBe(413);
			expect(xml.text).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>RequestEntityTooLargeException</Code>');
		} finally {
			await small.close();
		}
	});

	it('survives bytes that are not HTTP and clients that hang up mid-body', async () => {
		const { port } = endpoint;
		const garbage = await new Promise<string>((resolve) => {
			const socket = connect(port, '127.0.0.1', () => socket.end(Buffer.concat([randomBytes(500), Buffer.from('\r\n\r\n')])));
			let got = '';
			socket.on('data', (d: Buffer) => (got += d.toString('latin1')));
			socket.on('close', () => resolve(got));
			socket.on('error', () => resolve(got));
		});
		expect(garbage === '' || garbage.startsWith('HTTP/1.1 400')).toBe(true);
		await new Promise<void>((resolve) => {
			const socket = connect(port, '127.0.0.1', () => {
				socket.write(`POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: ${ECR}CreateRepository\r\nContent-Length: 100000\r\n\r\n{"repositoryName":`);
				setTimeout(() => socket.destroy(), 20);
			});
			socket.on('close', () => resolve());
			socket.on('error', () => resolve());
		});
		expect((await callJson(`${endpoint.url}/_sandbox/clock`, 'GET')).status).toBe(200);
		// A client hanging up is not a simulator failure.
		expect(failures).toEqual([]);
	});
});
