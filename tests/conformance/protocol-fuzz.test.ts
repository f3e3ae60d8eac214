// handleAwsRequest under arbitrary input: it never throws, every failure is an AWS-shaped error
// in the protocol the request spoke (awsJson: {"__type": ...} with x-amzn-ErrorType; awsQuery:
// <ErrorResponse>), every response has a request id, and a request that fails, or only reads,
// leaves the world exactly as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../src/lib/engines/world';
import { rootCaller } from '../../src/lib/engines/world-constants';
import { fakeImage, pushSteps, runSteps } from '../../src/lib/engines/ecr/docker';
import { handleAwsRequest } from '../../src/lib/protocol/dispatch';
import { ecrModel } from '../../src/lib/protocol/models/ecr.generated';
import { ecrPublicModel } from '../../src/lib/protocol/models/ecr-public.generated';
import { cloudFormationModel } from '../../src/lib/protocol/models/cloudformation.generated';
import { iamModel } from '../../src/lib/protocol/models/iam.generated';
import { stsModel } from '../../src/lib/protocol/models/sts.generated';
import type { WireRequest, WireResponse } from '../../src/lib/protocol/types';
import { NOW } from './harness';

let world: World;

beforeAll(async () => {
	world = World.create({ now: NOW });
	await world.cloudformationReady();
	const ecr = world.ecr(rootCaller(), 'us-east-1');
	ecr.call('CreateRepository', { repositoryName: 'web' });
	runSteps(pushSteps(fakeImage('alpine:3.20'), 'web', 'v1'), (s) => ecr.callByName(s.operation, s.input));
	world.cloudformation(rootCaller(), 'us-east-1').call('CreateStack', { StackName: 'app', TemplateBody: JSON.stringify({ Resources: { Repo: { Type: 'AWS::ECR::Repository' } } }) });
	world.advanceBy(3600_000);
});

// Operations that only read: a request for one of them may succeed and still change nothing.
const READS = /^(Describe|List|Get|BatchGet|BatchCheck|Validate)/;
const reads = (ops: Record<string, unknown>) => Object.keys(ops).filter((o) => READS.test(o));

const text = (r: WireResponse) => (typeof r.body === 'string' ? r.body : new TextDecoder().decode(r.body));
const ERROR_XML = /^<ErrorResponse xmlns="[^"]+"><Error><Type>(Sender|Receiver)<\/Type><Code>[A-Za-z.]+<\/Code>(<Message>[^<]*<\/Message>)?<\/Error><RequestId>[^<]+<\/RequestId><\/ErrorResponse>$/s;

function expectAwsShaped(r: WireResponse): void {
	expect(r.headers['x-amzn-RequestId']).toBeTruthy();
	if (r.status < 400) return;
	expect(r.status).toBeLessThan(600);
	const body = text(r);
	if (r.headers['Content-Type'] === 'application/x-amz-json-1.1') {
		const parsed = JSON.parse(body) as { __type?: unknown; message?: unknown };
		expect(typeof parsed.__type).toBe('string');
		expect(r.headers['x-amzn-ErrorType']).toBe(parsed.__type);
		if (parsed.message !== undefined) expect(typeof parsed.message).toBe('string');
	} else {
		expect(r.headers['Content-Type']).toBe('text/xml');
		expect(body).toMatch(ERROR_XML);
	}
}

const headerName = fc.oneof(fc.constantFrom('x-amz-target', 'content-type', 'authorization', 'X-Amz-Target', 'Content-Type', 'host'), fc.string({ maxLength: 20 }));
const region = fc.constantFrom('us-east-1', 'eu-west-1', 'us-west-2', 'ap-south-9', '', 'us-east-1/x');
const authorization = fc.oneof(
	fc.string(),
	fc.tuple(fc.string({ maxLength: 24 }), region, fc.constantFrom('ecr', 'cloudformation', 'sts', 'iam', 'x')).map(([key, r, s]) => `AWS4-HMAC-SHA256 Credential=${key}/20261123/${r}/${s}/aws4_request, SignedHeaders=host, Signature=00`)
);
const target = fc.oneof(
	fc.string(),
	fc.constantFrom(...reads(ecrModel.operations), 'CreateRepository', 'DeleteRepository', 'PutImage').map((o) => `AmazonEC2ContainerRegistry_V20150921.${o}`),
	fc.constantFrom(...reads(ecrPublicModel.operations), 'CreateRepository').map((o) => `SpencerFrontendService.${o}`)
);

/** Bytes that are JSON-ish, form-ish or anything at all. */
const jsonText = fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ repositoryName: v, registryId: v, maxResults: v })));
const formText = fc.oneof(
	fc.string(),
	fc.tuple(
		fc.oneof(fc.constantFrom(...reads(cloudFormationModel.operations), ...reads(iamModel.operations), ...reads(stsModel.operations), 'CreateStack', 'DeleteStack'), fc.string({ maxLength: 12 })),
		fc.constantFrom('2010-05-15', '2011-06-15', '2010-05-08', '', '2012-01-01'),
		fc.array(fc.tuple(fc.constantFrom('StackName', 'NextToken', 'UserName', 'MaxItems', 'TemplateBody', 'Parameters.member.1.ParameterKey', 'StackStatusFilter.member.1', 'X', 'Marker'), fc.string({ maxLength: 12 })), { maxLength: 4 })
	).map(([action, version, params]) => [`Action=${action}`, `Version=${version}`, ...params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)].join('&'))
);
const body = fc.oneof(fc.uint8Array({ maxLength: 64 }), jsonText.map((t) => new TextEncoder().encode(t)), formText.map((t) => new TextEncoder().encode(t)));

const request: fc.Arbitrary<WireRequest> = fc.record({
	method: fc.oneof(fc.constantFrom('POST', 'GET'), fc.string({ maxLength: 8 })),
	path: fc.oneof(fc.constant('/'), fc.string({ maxLength: 16 })),
	query: fc.oneof(fc.constant(''), fc.string({ maxLength: 32 }), formText),
	headers: fc
		.tuple(
			fc.dictionary(headerName, fc.string({ maxLength: 32 }), { maxKeys: 4 }),
			fc.option(target, { nil: undefined }),
			fc.option(fc.constantFrom('application/x-amz-json-1.1', 'application/x-www-form-urlencoded', 'text/plain', 'application/json'), { nil: undefined }),
			fc.option(authorization, { nil: undefined })
		)
		.map(([extra, t, ct, auth]) => ({
			...extra,
			...(t !== undefined ? { 'x-amz-target': t } : {}),
			...(ct !== undefined ? { 'content-type': ct } : {}),
			...(auth !== undefined ? { authorization: auth } : {})
		})),
	body
});

describe('handleAwsRequest with arbitrary requests', () => {
	it('never throws, answers AWS-shaped errors, and changes nothing by failing or reading', () => {
		fc.assert(
			fc.property(request, (req) => {
				const before = JSON.stringify(world.snapshot());
				const r = handleAwsRequest(world, req);
				expectAwsShaped(r);
				const op = req.headers['x-amz-target']?.split('.').pop() ?? /(?:^|&)Action=([^&]*)/.exec(new TextDecoder().decode(req.body))?.[1] ?? '';
				if (r.status >= 400 || READS.test(op)) expect(JSON.stringify(world.snapshot())).toBe(before);
			}),
			{ numRuns: 400 }
		);
	});

	it('never succeeds on random bytes, with or without headers', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 256 }), fc.dictionary(fc.string({ maxLength: 16 }), fc.string({ maxLength: 32 })), (bytes, headers) => {
				const before = JSON.stringify(world.snapshot());
				const r = handleAwsRequest(world, { method: 'POST', path: '/', query: '', headers, body: bytes });
				expect(r.status).toBeGreaterThanOrEqual(400);
				expectAwsShaped(r);
				expect(JSON.stringify(world.snapshot())).toBe(before);
			}),
			{ numRuns: 300 }
		);
	});
});
