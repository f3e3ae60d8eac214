import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../../src/lib/engines/cloudformation/template';
import { errorOf, messageOf, yaml } from './helpers';

const props = (value: string) => parseTemplate(yaml('Resources:', '  R:', '    Type: AWS::S3::Bucket', '    Properties:', `      P: ${value}`)).template;
const prop = (value: string) => JSON.parse(JSON.stringify(props(value))).Resources.R.Properties.P;

describe('YAML short forms map to the long form', () => {
	it.each([
		['!Ref Env', { Ref: 'Env' }],
		['!Ref "AWS::Region"', { Ref: 'AWS::Region' }],
		['!Condition IsProd', { Condition: 'IsProd' }],
		['!GetAtt Bucket.Arn', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
		['!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
		['!GetAtt [Bucket, Arn]', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
		['!Sub "${AWS::StackName}-x"', { 'Fn::Sub': '${AWS::StackName}-x' }],
		['!Sub ["${A}-y", {A: !Ref B}]', { 'Fn::Sub': ['${A}-y', { A: { Ref: 'B' } }] }],
		['!Join ["-", [a, !Ref B]]', { 'Fn::Join': ['-', ['a', { Ref: 'B' }]] }],
		['!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
		['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
		['!FindInMap [Map, !Ref "AWS::Region", Ami]', { 'Fn::FindInMap': ['Map', { Ref: 'AWS::Region' }, 'Ami'] }],
		['!GetAZs us-east-1', { 'Fn::GetAZs': 'us-east-1' }],
		['!GetAZs', { 'Fn::GetAZs': '' }],
		['!ImportValue shared-vpc', { 'Fn::ImportValue': 'shared-vpc' }],
		['!Base64 hello', { 'Fn::Base64': 'hello' }],
		['!Cidr [!GetAtt Vpc.CidrBlock, 6, 5]', { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 6, 5] }],
		['!If [IsProd, !Ref A, !Ref "AWS::NoValue"]', { 'Fn::If': ['IsProd', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] }],
		['!Equals [!Ref Env, prod]', { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }],
		['!And [!Not [!Condition A], !Or [!Condition B, !Equals [x, y]]]', { 'Fn::And': [{ 'Fn::Not': [{ Condition: 'A' }] }, { 'Fn::Or': [{ Condition: 'B' }, { 'Fn::Equals': ['x', 'y'] }] }] }],
		['!Transform {Name: "AWS::Include", Parameters: {Location: s3://b/k}}', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } }],
		['!Length [a, b]', { 'Fn::Length': ['a', 'b'] }],
		['!ToJsonString {a: b}', { 'Fn::ToJsonString': { a: 'b' } }]
	])('%s', (short, long) => {
		expect(prop(short)).toEqual(long);
	});

	it('block sequences under a tag', () => {
		const t = parseTemplate(
			yaml(
				'Resources:',
				'  R:',
				'    Type: AWS::S3::Bucket',
				'    Properties:',
				'      P: !Join',
				'        - ""',
				'        - - !Ref Prefix',
				'          - !GetAtt Other.Arn',
				'          - !Sub',
				'            - "${X}"',
				'            - X: !Select [1, !Split [",", !ImportValue list]]'
			)
		).template;
		expect(JSON.parse(JSON.stringify(t)).Resources.R.Properties.P).toEqual({
			'Fn::Join': ['', [{ Ref: 'Prefix' }, { 'Fn::GetAtt': ['Other', 'Arn'] }, { 'Fn::Sub': ['${X}', { X: { 'Fn::Select': [1, { 'Fn::Split': [',', { 'Fn::ImportValue': 'list' }] }] } }] }]]
		});
	});

	it('a JSON template and its YAML twin give the same tree', () => {
		const json = `{"Parameters":{"Env":{"Type":"String","Default":"dev"}},"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":{"Fn::Sub":"\${Env}-b"},"Tags":[{"Key":"n","Value":3}]}}}}`;
		const y = yaml('Parameters:', '  Env: {Type: String, Default: dev}', 'Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: !Sub "${Env}-b"', '      Tags:', '        - Key: n', '          Value: 3');
		const a = parseTemplate(json);
		const b = parseTemplate(y);
		expect(a.format).toBe('json');
		expect(b.format).toBe('yaml');
		expect(JSON.stringify(a.template)).toBe(JSON.stringify(b.template));
	});
});

describe('YAML scalars as CloudFormation reads them (YAML 1.1, SnakeYAML)', () => {
	it.each([
		['2010-09-09', '2010-09-09'], // no timestamps
		['yes', true],
		['Off', false],
		['~', null],
		['0x1F', 31],
		['010', 8], // octal
		['012345678901', 12345678901], // SnakeYAML reads this as a float: quote account IDs
		['1_000', 1000],
		['1.5', 1.5],
		['"010"', '010'],
		["'yes'", 'yes'],
		['ami-123', 'ami-123'],
		['!!str 123', '123'],
		['!!int "7"', 7]
	])('%s', (text, value) => {
		expect(prop(text)).toEqual(value);
	});
});

describe('objects are built without a prototype', () => {
	it('a __proto__ key is an own property and pollutes nothing', () => {
		const t = parseTemplate('{"Resources": {"__proto__": {"polluted": true}, "constructor": 1}}').template;
		expect(Object.getPrototypeOf(t)).toBeNull();
		const resources = t['Resources'] as Record<string, unknown>;
		expect(Object.keys(resources)).toEqual(['__proto__', 'constructor']);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		const y = parseTemplate(yaml('Resources:', '  __proto__:', '    polluted: true')).template;
		expect(Object.keys(y['Resources'] as object)).toEqual(['__proto__']);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
	});
});

describe('malformed text: AWS sentence with line and column', () => {
	it('YAML', () => {
		const e = errorOf(() => parseTemplate(yaml('Resources:', '  B:', '    Type: X', '   Properties: {}')));
		expect(e.message).toBe('Template format error: YAML not well-formed. (line 4, column 4)');
		expect(e.location).toMatchObject({ line: 4, column: 4 });
	});
	it('JSON', () => {
		expect(messageOf(() => parseTemplate('{\n  "Resources": {,\n}'))).toBe('Template format error: JSON not well-formed. (line 2, column 17)');
		expect(messageOf(() => parseTemplate('{bad'))).toBe('Template format error: JSON not well-formed. (line 1, column 2)');
		expect(messageOf(() => parseTemplate('{"Resources":{"B":{"Type":"X"}}} {}'))).toBe('Template format error: JSON not well-formed. (line 1, column 34)');
	});
	it('a YAML flow mapping that is not JSON is still read as YAML', () => {
		const p = parseTemplate('{Resources: {B: {Type: AWS::S3::Bucket}}}');
		expect(p.format).toBe('yaml');
	});
	it('unknown tags, aliases, unsupported YAML types and second documents', () => {
		expect(messageOf(() => parseTemplate(yaml('Resources:', '  B:', '    Type: X', '    Properties:', '      Arn: !GetAttr B.Arn')))).toBe('Template format error: YAML not well-formed. (line 5, column 12)');
		expect(messageOf(() => parseTemplate(yaml('Resources:', '  A: &a {Type: X}', '  B: *a')))).toBe('Template format error: YAML not well-formed. (line 3, column 6)');
		expect(messageOf(() => parseTemplate(yaml('Resources:', '  B: !!binary aGk=')))).toBe('Template format error: YAML not well-formed. (line 2, column 6)');
		expect(messageOf(() => parseTemplate(yaml('Resources: {}', '---', 'Resources: {}')))).toBe('Template format error: YAML not well-formed. (line 2, column 1)');
	});
	it('a template that is not a mapping', () => {
		expect(messageOf(() => parseTemplate('BadTemplate\n'))).toBe('Template format error: unsupported structure.');
		expect(messageOf(() => parseTemplate('- a\n- b\n'))).toBe('Template format error: unsupported structure.');
		expect(messageOf(() => parseTemplate('  \n# only a comment\n'))).toBe('Template format error: unsupported structure.');
	});
	it('map keys must be text', () => {
		expect(messageOf(() => parseTemplate(yaml('Resources:', '  R:', '    Properties:', '      !Sub "${A}": 1')))).toBe(
			'Template format error: [/Resources/R/Properties] map keys must be strings; received a map instead'
		);
	});
});

describe('duplicate keys', () => {
	it('are refused with both places, YAML and JSON, by the strict editor check', () => {
		const e = errorOf(() => parseTemplate(yaml('Resources:', '  A: {Type: X}', '  A: {Type: Y}'), { duplicateKeys: 'error' }));
		expect(e.message).toBe("Template format error: Duplicate key 'A' (line 3, column 3); it was already declared at line 2, column 3");
		expect(e.location).toEqual({ path: '/Resources/A', line: 3, column: 3 });
		expect(messageOf(() => parseTemplate('{"a": 1, "a": 2}', { duplicateKeys: 'error' }))).toBe("Template format error: Duplicate key 'a' (line 1, column 10); it was already declared at line 1, column 2");
	});
	it('are kept last-wins by default, as AWS does, and listed for the editor to warn about', () => {
		const json = parseTemplate('{"Resources": {"A": {"Type": "X"}, "A": {"Type": "Y"}}}');
		expect(JSON.parse(JSON.stringify(json.template))).toEqual({ Resources: { A: { Type: 'Y' } } });
		expect(json.duplicates).toEqual([
			{ path: '/Resources/A', line: 1, column: 36, replacedLine: 1, replacedColumn: 16, message: "Duplicate key 'A' (line 1, column 36): CloudFormation keeps this value and ignores the one at line 1, column 16" }
		]);
		const y = parseTemplate(yaml('Resources:', '  A:', '    Type: X', '    Properties: {Name: a, Name: b}'));
		expect(JSON.parse(JSON.stringify(y.template))).toEqual({ Resources: { A: { Type: 'X', Properties: { Name: 'b' } } } });
		expect(y.duplicates.map((d) => [d.path, d.line, d.column])).toEqual([['/Resources/A/Properties/Name', 4, 27]]);
		expect(parseTemplate(yaml('Resources:', '  A: {Type: X}')).duplicates).toEqual([]);
	});
});

describe('size quota', () => {
	it('51,200 bytes of TemplateBody, with the body in the message as AWS writes it', () => {
		const body = '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Metadata": {"pad": "' + 'x'.repeat(51_200) + '"}}}}';
		const m = messageOf(() => parseTemplate(body));
		expect(m.startsWith("1 validation error detected: Value '{\"Resources\"")).toBe(true);
		expect(m.endsWith("' at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to 51200")).toBe(true);
	});
	it('counts bytes, not characters', () => {
		const fits = yaml('Resources:', '  B: {Type: AWS::S3::Bucket}', '# ' + 'é'.repeat(25_000));
		expect(() => parseTemplate(fits)).not.toThrow();
		const over = yaml('Resources:', '  B: {Type: AWS::S3::Bucket}', '# ' + 'é'.repeat(25_600));
		expect(() => parseTemplate(over)).toThrow(/51200/);
	});
	it('an empty body', () => {
		expect(messageOf(() => parseTemplate(''))).toBe("1 validation error detected: Value '' at 'templateBody' failed to satisfy constraint: Member must have length greater than or equal to 1");
	});
});

describe('source map', () => {
	const text = yaml('AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  Web:', '    Type: AWS::ECS::Service', '    Properties:', '      Image: !Ref Missing', '      Ports: [80, 443]');
	const { sourceMap } = parseTemplate(text);
	it('places keys and values', () => {
		expect(sourceMap.locate(['Resources', 'Web'])).toEqual({ path: '/Resources/Web', line: 3, column: 3 });
		expect(sourceMap.locate(['Resources', 'Web', 'Properties', 'Image'], 'value')).toEqual({ path: '/Resources/Web/Properties/Image', line: 6, column: 14 });
		expect(sourceMap.locate('/Resources/Web/Properties/Ports/1', 'value')).toMatchObject({ line: 7, column: 19 });
	});
	it('falls back to the nearest ancestor', () => {
		expect(sourceMap.locate('/Resources/Web/Properties/Nope/0')).toEqual({ path: '/Resources/Web/Properties/Nope/0', line: 5, column: 5 });
	});
	it('JSON too, with CRLF line ends', () => {
		const map = parseTemplate('{\r\n  "Resources": {\r\n    "B": {"Type": "X"}\r\n  }\r\n}').sourceMap;
		expect(map.locate('/Resources/B/Type', 'value')).toEqual({ path: '/Resources/B/Type', line: 3, column: 19 });
	});
	it('a byte order mark is skipped', () => {
		expect(parseTemplate('\ufeff{"Resources": {"B": {"Type": "X"}}}').format).toBe('json');
		expect(parseTemplate('\ufeffResources:\n  B: {Type: X}\n').format).toBe('yaml');
	});
});

describe('the source map is filled only when asked', () => {
	it('validating and planning a good template never parses twice', async () => {
		const { validateTemplate, planStack } = await import('../../../../../src/lib/engines/cloudformation/template');
		const { STUB_CATALOG } = await import('./helpers');
		const text = yaml(
			'Parameters:',
			'  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}',
			'Conditions:',
			'  IsProd: !Equals [!Ref Env, prod]',
			'Resources:',
			'  Bucket: {Type: AWS::S3::Bucket, DeletionPolicy: Retain, UpdateReplacePolicy: Retain, Condition: IsProd}',
			'  Topic:',
			'    Type: AWS::SNS::Topic',
			'    DependsOn: [Queue]',
			'    Properties: {TopicName: !Sub "${AWS::StackName}-${Queue.QueueName}"}',
			'  Queue: {Type: AWS::SQS::Queue}',
			'Outputs:',
			'  Arn: {Value: !GetAtt Topic.TopicArn, Export: {Name: !Sub "${AWS::StackName}-arn"}}'
		);
		const v = validateTemplate(text, STUB_CATALOG);
		planStack(v, { accountId: '123456789012', region: 'us-east-1', stackName: 's', stackId: 'id' });
		// A filled map has entries; the lazy one has none until located.
		expect((v.sourceMap as unknown as { valueOffsets: Map<string, number> }).valueOffsets.size).toBe(0);
		expect(v.sourceMap.size).toBeGreaterThan(20);
	});
});
