// handleAwsRequest at the byte level: routing, the error shapes AWS uses when a request is not
// understood, the Region and caller from the SigV4 scope, request ids, and the awsQuery details
// an SDK does not show (envelopes, namespaces, empty lists, escaping).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../src/lib/engines/world';
import { LEARNER_ACCOUNT, rootCaller } from '../../src/lib/engines/world-constants';
import { handleAwsRequest } from '../../src/lib/protocol/dispatch';
import { fromBase64, toBase64 } from '../../src/lib/protocol/base64';
import { credentialScope } from '../../src/lib/protocol/sigv4-scope';
import { escapeXml } from '../../src/lib/protocol/query/xml';
import type { WireRequest, WireResponse } from '../../src/lib/protocol/types';
import type { ServiceModel } from '../../src/lib/protocol/models/shapes';
import { paramTree, readQuery } from '../../src/lib/protocol/query/deserialize';
import { parseForm } from '../../src/lib/protocol/query/parse-form';
import { writeXml } from '../../src/lib/protocol/query/serialize';
import { readJson } from '../../src/lib/protocol/json/parse';
import { writeJson } from '../../src/lib/protocol/json/serialize';
import { NOW } from './harness';

const ECR_TARGET = 'AmazonEC2ContainerRegistry_V20150921';
const CFN_NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const enc = new TextEncoder();

const auth = (region: string, service: string, key = 'AKIAIOSFODNN7EXAMPLE') =>
	`AWS4-HMAC-SHA256 Credential=${key}/20261123/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000`;

const json = (operation: string, body: unknown, region = 'us-east-1', target = `${ECR_TARGET}.${operation}`): WireRequest => ({
	method: 'POST',
	path: '/',
	query: '',
	headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, authorization: auth(region, 'ecr') },
	body: enc.encode(typeof body === 'string' ? body : JSON.stringify(body))
});

const form = (params: string, service = 'cloudformation', region = 'us-east-1'): WireRequest => ({
	method: 'POST',
	path: '/',
	query: '',
	headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: auth(region, service) },
	body: enc.encode(params)
});

const text = (r: WireResponse) => (typeof r.body === 'string' ? r.body : new TextDecoder().decode(r.body));
const body = (r: WireResponse) => JSON.parse(text(r)) as Record<string, unknown>;
const world = () => World.create({ now: NOW });

describe('awsJson 1.1 (ECR)', () => {
	it('answers with the JSON content type, the request id header, and epoch-second timestamps', () => {
		const w = world();
		const r = handleAwsRequest(w, json('CreateRepository', { repositoryName: 'web' }));
		expect(r.status).toBe(200);
		expect(r.headers['Content-Type']).toBe('application/x-amz-json-1.1');
		expect(r.headers['x-amzn-RequestId']).toMatch(/^[0-9a-f-]{36}$/);
		const repo = body(r).repository as Record<string, unknown>;
		expect(repo.createdAt).toBe(Date.parse(NOW) / 1000);
		// Members in model order.
		expect(Object.keys(repo)).toEqual(['repositoryArn', 'registryId', 'repositoryName', 'repositoryUri', 'createdAt', 'imageTagMutability', 'imageScanningConfiguration', 'encryptionConfiguration']);
	});

	it('an unknown operation or target is AWS\'s bare UnknownOperationException, HTTP 400', () => {
		for (const req of [json('CreateBucket', {}), json('X', {}, 'us-east-1', 'DynamoDB_20120810.ListTables'), json('X', {}, 'us-east-1', 'nodot')]) {
			const r = handleAwsRequest(world(), req);
			expect(r.status).toBe(400);
			expect(body(r)).toEqual({ __type: 'UnknownOperationException' });
			expect(r.headers['x-amzn-ErrorType']).toBe('UnknownOperationException');
			expect(r.headers['x-amzn-RequestId']).toBeDefined();
		}
		const noTarget = { ...json('X', {}), headers: { 'content-type': 'application/x-amz-json-1.1' } };
		expect(body(handleAwsRequest(world(), noTarget))).toEqual({ __type: 'UnknownOperationException' });
	});

	it('a body that is not JSON, or a value of the wrong type, is SerializationException', () => {
		for (const payload of ['{', '[]', '"x"', '{"repositoryName": 5}', '{"repositoryName": "web", "tags": {}}']) {
			const r = handleAwsRequest(world(), json('CreateRepository', payload));
			expect(r.status).toBe(400);
			expect(body(r).__type).toBe('SerializationException');
			expect(typeof body(r).message).toBe('string');
		}
		const w = world();
		handleAwsRequest(w, json('CreateRepository', { repositoryName: 'web' }));
		const { uploadId } = body(handleAwsRequest(w, json('InitiateLayerUpload', { repositoryName: 'web' })));
		const badBlob = handleAwsRequest(w, json('UploadLayerPart', { repositoryName: 'web', uploadId, partFirstByte: 0, partLastByte: 0, layerPartBlob: 'not base64!' }));
		expect(body(badBlob).__type).toBe('SerializationException');
	});

	it('engine errors carry __type, message and x-amzn-ErrorType', () => {
		const r = handleAwsRequest(world(), json('DescribeRepositories', { repositoryNames: ['nope'] }));
		expect(r.status).toBe(400);
		expect(body(r)).toEqual({ __type: 'RepositoryNotFoundException', message: `The repository with name 'nope' does not exist in the registry with id '${LEARNER_ACCOUNT}'` });
		expect(r.headers['x-amzn-ErrorType']).toBe('RepositoryNotFoundException');
	});

	it('works in the Region of the credential scope, and refuses a Region the world does not have', () => {
		const w = world();
		expect(handleAwsRequest(w, json('CreateRepository', { repositoryName: 'eu' }, 'eu-west-1')).status).toBe(200);
		expect(w.ecr(rootCaller(), 'eu-west-1').call('DescribeRepositories', {}).repositories?.map((r) => r.repositoryName)).toEqual(['eu']);
		expect(w.ecr(rootCaller(), 'us-east-1').call('DescribeRepositories', {}).repositories).toEqual([]);
		const far = handleAwsRequest(w, json('DescribeRepositories', {}, 'ap-south-9'));
		expect(far.status).toBe(403);
		expect(body(far).__type).toBe('InvalidClientTokenId');
		// No Authorization header: us-east-1.
		const unsigned = { ...json('DescribeRepositories', {}), headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${ECR_TARGET}.DescribeRepositories` } };
		expect(body(handleAwsRequest(w, unsigned)).repositories).toEqual([]);
	});

	it('hands the access key id to the caller resolver', () => {
		const keys: (string | undefined)[] = [];
		handleAwsRequest(world(), json('DescribeRepositories', {}), { resolveCaller: (_req, key) => (keys.push(key), rootCaller()) });
		expect(keys).toEqual(['AKIAIOSFODNN7EXAMPLE']);
	});
});

describe('awsQuery (CloudFormation, STS, IAM)', () => {
	it('wraps results in <Op>Response/<Op>Result with ResponseMetadata, in the service namespace', () => {
		const r = handleAwsRequest(world(), form('Action=DescribeStacks&Version=2010-05-15'), { requestId: () => 'req-1' });
		expect(r.status).toBe(200);
		expect(r.headers['Content-Type']).toBe('text/xml');
		expect(text(r)).toBe(`<DescribeStacksResponse xmlns="${CFN_NS}"><DescribeStacksResult><Stacks></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DescribeStacksResponse>`);
		const sts = handleAwsRequest(world(), form('Action=GetCallerIdentity&Version=2011-06-15', 'sts'), { requestId: () => 'req-2' });
		expect(text(sts)).toBe(
			'<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><UserId>123456789012</UserId><Account>123456789012</Account><Arn>arn:aws:iam::123456789012:root</Arn></GetCallerIdentityResult><ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata></GetCallerIdentityResponse>'
		);
		const iam = handleAwsRequest(world(), form('Action=ListUsers&Version=2010-05-08', 'iam'));
		expect(text(iam)).toMatch(/^<ListUsersResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><ListUsersResult><Users><\/Users><IsTruncated>false<\/IsTruncated><\/ListUsersResult>/);
	});

	it('an operation without output answers ResponseMetadata only', async () => {
		const w = world();
		await w.cloudformationReady();
		const template = encodeURIComponent(JSON.stringify({ Resources: { Repo: { Type: 'AWS::ECR::Repository' } } }));
		expect(handleAwsRequest(w, form(`Action=CreateStack&Version=2010-05-15&StackName=s&TemplateBody=${template}`)).status).toBe(200);
		w.advanceBy(3600_000);
		const r = handleAwsRequest(w, form('Action=DeleteStack&Version=2010-05-15&StackName=s'), { requestId: () => 'req-3' });
		expect(text(r)).toBe(`<DeleteStackResponse xmlns="${CFN_NS}"><ResponseMetadata><RequestId>req-3</RequestId></ResponseMetadata></DeleteStackResponse>`);
	});

	it('errors are <ErrorResponse> with Type, Code, Message and RequestId, with the model\'s code and status', () => {
		const r = handleAwsRequest(world(), form('Action=DescribeStacks&Version=2010-05-15&StackName=nope'), { requestId: () => 'req-4' });
		expect(r.status).toBe(400);
		expect(text(r)).toBe(
			`<ErrorResponse xmlns="${CFN_NS}"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id nope does not exist</Message></Error><RequestId>req-4</RequestId></ErrorResponse>`
		);
		// ChangeSetNotFoundException travels as ChangeSetNotFound, HTTP 404 (botocore's awsQueryError trait).
		const cs = handleAwsRequest(world(), form('Action=DescribeChangeSet&Version=2010-05-15&ChangeSetName=arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3AchangeSet%2Fx%2F00000000-0000-0000-0000-000000000000'));
		expect(cs.status).toBe(404);
		expect(text(cs)).toContain('<Code>ChangeSetNotFound</Code>');
		const iam = handleAwsRequest(world(), form('Action=GetUser&Version=2010-05-08&UserName=nobody', 'iam'));
		expect(iam.status).toBe(404);
		expect(text(iam)).toMatch(/^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>NoSuchEntity<\/Code>/);
	});

	it('refuses requests it cannot route: MissingAction, MissingParameter (Version), InvalidAction', () => {
		const code = (r: WireResponse) => /<Code>([^<]*)<\/Code>/.exec(text(r))?.[1];
		const missingAction = handleAwsRequest(world(), form('Version=2010-05-15'));
		expect([missingAction.status, code(missingAction)]).toEqual([400, 'MissingAction']);
		const missingVersion = handleAwsRequest(world(), form('Action=DescribeStacks'));
		expect([missingVersion.status, code(missingVersion)]).toEqual([400, 'MissingParameter']);
		const unknown = handleAwsRequest(world(), form('Action=DescribeBuckets&Version=2010-05-15'));
		expect([unknown.status, code(unknown)]).toEqual([400, 'InvalidAction']);
		expect(text(unknown)).toContain('<Message>Could not find operation DescribeBuckets for version 2010-05-15</Message>');
		const badVersion = handleAwsRequest(world(), form('Action=DescribeStacks&Version=1999-01-01'));
		expect(code(badVersion)).toBe('InvalidAction');
		// Unsigned and without Version: the error is still in CloudFormation's namespace; signed for STS: STS's.
		expect(text(handleAwsRequest(world(), form('Version=2011-06-15', 'sts')))).toContain('xmlns="https://sts.amazonaws.com/doc/2011-06-15/"');
		expect(text(handleAwsRequest(world(), { ...form(''), headers: {} }))).toContain(`xmlns="${CFN_NS}"`);
		const broken = handleAwsRequest(world(), form('Action=DescribeStacks&Version=2010-05-15&StackName=%ZZ'));
		expect([broken.status, code(broken)]).toEqual([404, 'MalformedQueryString']);
	});

	it('reads lists, empty lists, nested structures and typed scalars as the model says', async () => {
		const w = world();
		await w.cloudformationReady();
		const template = encodeURIComponent(JSON.stringify({ Parameters: { Env: { Type: 'String' } }, Resources: { Repo: { Type: 'AWS::ECR::Repository' } } }));
		const create = handleAwsRequest(
			w,
			form(`Action=CreateStack&Version=2010-05-15&StackName=s&TemplateBody=${template}&Parameters.member.1.ParameterKey=Env&Parameters.member.1.ParameterValue=prod&Tags.member.1.Key=team&Tags.member.1.Value=blue&Capabilities=&DisableRollback=true&TimeoutInMinutes=5`)
		);
		expect(create.status).toBe(200);
		const [stack] = w.cloudformation(rootCaller(), 'us-east-1').call('DescribeStacks', { StackName: 's' }).Stacks ?? [];
		expect(stack).toMatchObject({ Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }], Tags: [{ Key: 'team', Value: 'blue' }], DisableRollback: true, TimeoutInMinutes: 5 });
		// Parameters the model does not name are ignored.
		const extra = handleAwsRequest(w, form('Action=ListStacks&Version=2010-05-15&StackStatusFilter.member.1=CREATE_IN_PROGRESS&Foo.member.x=1'));
		expect(extra.status).toBe(200);
		expect(text(extra)).toContain('<StackName>s</StackName>');
		const notBoolean = handleAwsRequest(w, form('Action=UpdateTerminationProtection&Version=2010-05-15&StackName=s&EnableTerminationProtection=yes'));
		expect(notBoolean.status).toBe(400);
		expect(text(notBoolean)).toContain('<Code>ValidationError</Code>');
	});

	it('takes the parameters of a GET request from the query string', () => {
		const r = handleAwsRequest(world(), { method: 'GET', path: '/', query: 'Action=GetCallerIdentity&Version=2011-06-15', headers: {}, body: new Uint8Array() });
		expect(text(r)).toContain('<Arn>arn:aws:iam::123456789012:root</Arn>');
	});

	it('escapes what XML cannot carry as text, and keeps CR', () => {
		expect(escapeXml('a<b>&c\r\nd')).toBe('a&lt;b&gt;&amp;c&#xD;\nd');
		expect(escapeXml('bell\u0007 ok')).toBe('bell\uFFFD ok');
	});
});

describe('request ids', () => {
	it('are the same for the same sequence of requests on a fresh world, and can be injected', () => {
		const ids = () => {
			const w = world();
			return [1, 2, 3].map(() => handleAwsRequest(w, json('DescribeRepositories', {})).headers['x-amzn-RequestId']);
		};
		const first = ids();
		expect(new Set(first).size).toBe(3);
		expect(ids()).toEqual(first);
		expect(handleAwsRequest(world(), json('DescribeRepositories', {}), { requestId: () => 'mine' }).headers['x-amzn-RequestId']).toBe('mine');
	});
});

// The traits the generator keeps but today's five models do not use (locationName, flattened,
// timestampFormat), on a small model of their own.
const traitModel: ServiceModel = {
	metadata: { apiVersion: '2000-01-01', protocol: 'query', serviceId: 'Traits', signingName: 'traits' },
	operations: {},
	errors: {},
	shapes: {
		Input: {
			type: 'structure',
			members: [
				['Names', 'NameList', { locationName: 'Name', flattened: true }],
				['Labels', 'LabelMap'],
				['When', ':timestamp', { timestampFormat: 'unixTimestamp' }],
				['Items', 'ItemList']
			]
		},
		NameList: { type: 'list', member: ':string' },
		LabelMap: { type: 'map', key: ':string', value: ':integer', keyName: 'K', valueName: 'V' },
		ItemList: { type: 'list', member: ':blob', memberName: 'Item' }
	}
};

describe('model traits', () => {
	it('reads and writes flattened lists, renamed members, list items and map entries, and timestamp formats', () => {
		const params = parseForm('Name.1=a&Name.2=b&Labels.entry.1.K=x&Labels.entry.1.V=1&Labels.entry.2.K=__proto__&Labels.entry.2.V=2&When=1700000000&Items.Item.1=AAE%3D');
		const input = readQuery(traitModel, 'Input', paramTree(params), '') as Record<string, unknown>;
		expect(input.Names).toEqual(['a', 'b']);
		expect(Object.getPrototypeOf(input.Labels)).toBe(Object.prototype);
		expect(Object.entries(input.Labels as object)).toEqual([['x', 1], ['__proto__', 2]]);
		expect(input.When).toEqual(new Date(1700000000 * 1000));
		expect(input.Items).toEqual([new Uint8Array([0, 1])]);
		expect(writeXml(traitModel, 'Input', input, '')).toBe(
			'<Name>a</Name><Name>b</Name><Labels><entry><K>x</K><V>1</V></entry><entry><K>__proto__</K><V>2</V></entry></Labels><When>1700000000</When><Items><Item>AAE=</Item></Items>'
		);
		const json = writeJson(traitModel, 'Input', input);
		expect(json).toEqual({ Names: ['a', 'b'], Labels: JSON.parse('{"x":1,"__proto__":2}'), When: 1700000000, Items: ['AAE='] });
		expect(readJson(traitModel, 'Input', JSON.parse(JSON.stringify(json)), '')).toEqual(input);
	});
});

describe('helpers', () => {
	it('base64 round-trips any bytes and refuses malformed text', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
				const b64 = toBase64(bytes);
				expect(b64).toBe(Buffer.from(bytes).toString('base64'));
				expect(fromBase64(b64)).toEqual(bytes);
			})
		);
		for (const bad of ['abc', 'ab=c', '====', 'a b=', 'YQ=x']) expect(fromBase64(bad)).toBeUndefined();
	});

	it('reads the SigV4 credential scope from the Authorization header or a presigned query', () => {
		expect(credentialScope({ authorization: auth('eu-west-1', 'cloudformation', 'AKIDEXAMPLE') })).toEqual({ accessKeyId: 'AKIDEXAMPLE', date: '20261123', region: 'eu-west-1', service: 'cloudformation' });
		expect(credentialScope({}, 'Action=X&X-Amz-Credential=AKID%2F20261123%2Fus-west-2%2Fsts%2Faws4_request')).toMatchObject({ region: 'us-west-2', service: 'sts' });
		expect(credentialScope({ authorization: 'Bearer nothing' })).toEqual({});
	});
});
