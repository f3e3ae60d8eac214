// Whatever access key a request claims, the protocol answers as AWS would (a result, or a
// credential error in the request's protocol), never with a crash or an InternalFailure.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { handleAwsRequest } from '../../src/lib/protocol/dispatch';
import type { WireRequest } from '../../src/lib/protocol/types';
import { rootCaller } from '../../src/lib/engines/world-constants';
import { freshWorld } from './harness';

const encoder = new TextEncoder();
const text = (body: string | Uint8Array) => (typeof body === 'string' ? body : new TextDecoder().decode(body));

function signed(key: string, service: 'sts' | 'ecr', extra: Record<string, string> = {}): WireRequest {
	const authorization = `AWS4-HMAC-SHA256 Credential=${key}/20261123/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;
	return service === 'sts'
		? { method: 'POST', path: '/', query: '', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', ...extra }, body: encoder.encode('Action=GetCallerIdentity&Version=2011-06-15') }
		: { method: 'POST', path: '/', query: '', headers: { authorization, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerRegistry_V20150921.DescribeRepositories', ...extra }, body: encoder.encode('{}') };
}

describe('caller resolution on the wire', () => {
	it('never crashes, whatever the key and the context headers', () => {
		const world = freshWorld();
		const iam = world.iam(rootCaller());
		iam.call('CreateUser', { UserName: 'dev' });
		const live = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!.AccessKeyId!;
		const dead = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!.AccessKeyId!;
		iam.call('DeleteAccessKey', { UserName: 'dev', AccessKeyId: dead });
		const key = fc.oneof(fc.string(), fc.stringMatching(/^A[KS]IA[A-Z2-7]{16}$/), fc.constantFrom(live, dead, 'AKIAROOT210987654321', '__proto__', '%00', '/'));
		const headers = fc.record({ 'x-forwarded-for': fc.string(), 'x-sandbox-source-vpc': fc.string(), 'x-sandbox-secure-transport': fc.constantFrom('true', 'false', 'maybe', '') }, { requiredKeys: [] });
		fc.assert(
			fc.property(key, fc.constantFrom('sts' as const, 'ecr' as const), headers, fc.option(fc.string(), { nil: undefined }), (k, service, extra, peer) => {
				const res = handleAwsRequest(world, { ...signed(k, service, extra), ...(peer === undefined ? {} : { peerAddress: peer }) });
				expect(res.status, text(res.body)).not.toBe(500);
				if (res.status !== 200) expect(text(res.body)).toMatch(/InvalidClientTokenId|UnrecognizedClientException|AccessDenied/);
			}),
			{ numRuns: 300 }
		);
	});

	it('answers a deleted key in each protocol: InvalidClientTokenId 403 (Query), UnrecognizedClientException 400 (JSON)', () => {
		const world = freshWorld();
		const iam = world.iam(rootCaller());
		iam.call('CreateUser', { UserName: 'dev' });
		const dead = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey!.AccessKeyId!;
		iam.call('DeleteAccessKey', { UserName: 'dev', AccessKeyId: dead });
		const query = handleAwsRequest(world, signed(dead, 'sts'));
		expect(query.status).toBe(403);
		expect(text(query.body)).toContain('<Code>InvalidClientTokenId</Code>');
		const json = handleAwsRequest(world, signed(dead, 'ecr'));
		expect([json.status, JSON.parse(text(json.body))]).toEqual([400, { __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }]);
	});
});
