// Golden tests: one template for each fault ValidateTemplate reports, and the exact sentence.
import { describe, expect, it } from 'vitest';
import { errorOf, messageOf, validate, yaml } from './helpers';

const bucket = '  Bucket: {Type: AWS::S3::Bucket}';

const cases: [string, string, string][] = [
	// --- structure ---
	['format version', yaml('AWSTemplateFormatVersion: "2010-09-10"', 'Resources:', bucket), 'Template format error: unsupported value for AWSTemplateFormatVersion.'],
	['Description with a function', yaml('Description: !Sub "${AWS::Region}"', 'Resources:', bucket), 'Template format error: Every Description member must be a string.'],
	['Description over 1,024 bytes', yaml(`Description: ${'d'.repeat(1025)}`, 'Resources:', bucket), 'Template format error: Description must be no longer than 1024 bytes'],
	['no Resources', yaml('Description: x'), 'Template format error: At least one Resources member must be defined.'],
	['empty Resources', yaml('Resources: {}'), 'Template format error: At least one Resources member must be defined.'],
	['unknown section', yaml('Resources:', bucket, 'Bogus: 1', 'Other: 2'), 'Template format error: Invalid template property or properties [Bogus, Other]'],
	['resource not an object', yaml('Resources:', '  Bucket: AWS::S3::Bucket'), 'Template format error: [/Resources/Bucket] resource definition is malformed'],
	['resource without Type', yaml('Resources:', '  Bucket:', '    Properties: {}'), 'Template format error: [/Resources/Bucket] Every Resources object must contain a Type member.'],
	['unknown resource attribute', yaml('Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    BucketName: x'), "Invalid template resource property 'BucketName'"],
	['logical ID with a dot', yaml('Resources:', '  my.Bucket: {Type: AWS::S3::Bucket}'), 'Template format error: Resource name my.Bucket is non alphanumeric.'],
	['unknown types, all listed', yaml('Resources:', '  A: {Type: AWS::S3::Bukket}', '  B: {Type: AWS::Serverless::Function}', '  C: {Type: AWS::S3::Bukket}'), 'Template format error: Unrecognized resource types: [AWS::S3::Bukket, AWS::Serverless::Function]'],
	['a parameter and a resource share a name', yaml('Parameters:', '  Name: {Type: String}', 'Resources:', '  Name: {Type: AWS::SNS::Topic}'), 'Template error: all resources and parameters must have unique names. Common name(s):[Name]'],
	['null value', yaml('Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName:'), "Template format error: [/Resources/Bucket/Properties/BucketName] 'null' values are not allowed in templates"],
	['DependsOn object', yaml('Resources:', bucket, '  T:', '    Type: AWS::SNS::Topic', '    DependsOn: [{Ref: Bucket}]'), 'Template format error: Every DependsOn value must be a string.'],
	['DeletionPolicy unknown', yaml('Resources:', '  Bucket: {Type: AWS::S3::Bucket, DeletionPolicy: Keep}'), 'Template format error: Unrecognized DeletionPolicy Keep for resource Bucket'],
	['UpdateReplacePolicy RetainExceptOnCreate', yaml('Resources:', '  Bucket: {Type: AWS::S3::Bucket, UpdateReplacePolicy: RetainExceptOnCreate}'), 'Template format error: Unrecognized UpdateReplacePolicy RetainExceptOnCreate for resource Bucket'],
	['Snapshot on a type without snapshots', yaml('Resources:', '  Bucket: {Type: AWS::S3::Bucket, DeletionPolicy: Snapshot}'), 'Template error: resource type AWS::S3::Bucket does not support deletion policy Snapshot'],
	['too many resources', yaml('Resources:', ...Array.from({ length: 501 }, (_, i) => `  B${i}: {Type: AWS::SNS::Topic}`)), 'Template format error: Number of resources, 501, is greater than maximum allowed, 500'],
	// --- transforms ---
	['SAM transform', yaml('Transform: AWS::Serverless-2016-10-31', 'Resources:', bucket), 'Template format error: Transform [AWS::Serverless-2016-10-31] is not supported by this simulator. It runs AWS::LanguageExtensions only; expand other transforms (sam build, aws cloudformation package) and submit the processed template.'],
	['Fn::Length without the transform', yaml('Resources:', '  T:', '    Type: AWS::SNS::Topic', '    Properties:', '      DisplayName: {"Fn::Length": [a]}'), 'Template Error: Encountered unsupported function: Fn::Length Supported functions are: [Fn::Base64, Fn::GetAtt, Fn::GetAZs, Fn::ImportValue, Fn::Join, Fn::Split, Fn::FindInMap, Fn::Select, Ref, Fn::Equals, Fn::If, Fn::Not, Condition, Fn::And, Fn::Or, Fn::Contains, Fn::EachMemberEquals, Fn::EachMemberIn, Fn::ValueOf, Fn::ValueOfAll, Fn::RefAll, Fn::Sub, Fn::Cidr]'],
	['a function in the wrong case', yaml('Resources:', '  T:', '    Type: AWS::SNS::Topic', '    Properties:', '      DisplayName: {"fn::GetAtt": [Bucket, Arn]}', bucket), 'Template Error: Encountered unsupported function: fn::GetAtt Supported functions are: [Fn::Base64, Fn::GetAtt, Fn::GetAZs, Fn::ImportValue, Fn::Join, Fn::Split, Fn::FindInMap, Fn::Select, Ref, Fn::Equals, Fn::If, Fn::Not, Condition, Fn::And, Fn::Or, Fn::Contains, Fn::EachMemberEquals, Fn::EachMemberIn, Fn::ValueOf, Fn::ValueOfAll, Fn::RefAll, Fn::Sub, Fn::Cidr]'],
	// --- parameters ---
	['parameter type', yaml('Parameters:', '  P: {Type: Strin}', 'Resources:', bucket), 'Template format error: Unrecognized parameter type: Strin'],
	['parameter without Type', yaml('Parameters:', '  P: {Default: x}', 'Resources:', bucket), 'Template format error: [/Parameters/P] Every Parameters object must contain a Type member.'],
	['parameter property', yaml('Parameters:', '  P: {Type: String, Defaults: x}', 'Resources:', bucket), "Invalid template parameter property 'Defaults'"],
	['parameter Default list', yaml('Parameters:', '  P: {Type: CommaDelimitedList, Default: [a, b]}', 'Resources:', bucket), 'Template format error: Every Default member must be a string.'],
	['AllowedValues not a list', yaml('Parameters:', '  P: {Type: String, AllowedValues: a}', 'Resources:', bucket), 'Template format error: Every AllowedValues member must be a list.'],
	['MinLength above MaxLength', yaml('Parameters:', '  P: {Type: String, MinLength: 5, MaxLength: 2}', 'Resources:', bucket), "Template error: Parameter 'P' MinLength must be less than MaxLength."],
	// --- mappings ---
	['mapping attribute with a dash', yaml('Mappings:', '  M:', '    us-east-1:', '      us-east-1a: ami-1', 'Resources:', bucket), "Template format error: Mappings attribute name 'us-east-1a' must contain only alphanumeric characters."],
	['mapping value an object', yaml('Mappings:', '  M:', '    k:', '      a: {b: c}', 'Resources:', bucket), 'Template format error: Every Mappings attribute must be a String or a List.'],
	// --- conditions ---
	['condition on a resource', yaml('Conditions:', '  C: !Equals [!Ref Bucket, x]', 'Resources:', bucket), 'Template format error: Unresolved dependencies [Bucket]. Cannot reference resources in the Conditions block of the template'],
	['condition naming a missing condition', yaml('Conditions:', '  A: !Equals [a, a]', '  B: !And [!Condition A, !Condition Missing]', 'Resources:', bucket), 'Template format error: Unresolved condition dependencies [Missing] in the Conditions block of the template'],
	['conditions in a loop', yaml('Conditions:', '  A: !Not [!Condition B]', '  B: !Not [!Condition A]', 'Resources:', bucket), 'Template format error: Circular dependency between conditions: [A, B]'],
	['a resource Condition that is not declared', yaml('Resources:', '  Bucket: {Type: AWS::S3::Bucket, Condition: IsProd}'), 'Template format error: Condition IsProd is not defined.'],
	['a resource Condition that is not a string', yaml('Conditions:', '  A: !Equals [a, a]', 'Resources:', '  Bucket: {Type: AWS::S3::Bucket, Condition: [A]}'), 'Template format error: Every Condition member must be a string.'],
	['Fn::If on an undeclared condition', yaml('Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: !If [IsProd, a, b]'), 'Template error: unresolved condition dependency IsProd in Fn::If'],
	['Fn::If with a list first', yaml('Conditions:', '  A: !Equals [a, a]', 'Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: !If [[A], a, b]'), 'Template error: Fn::If requires a list argument with the first element being a condition'],
	['Fn::If with two elements', yaml('Conditions:', '  A: !Equals [a, a]', 'Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: !If [A, a]'), 'Template error: Fn::If requires a list argument with three elements'],
	['Fn::And with one condition', yaml('Conditions:', '  A: !Equals [a, a]', '  B: !And [!Condition A]', 'Resources:', bucket), 'Template error: every Fn::And object requires a list of at least 2 and at most 10 boolean parameters.'],
	// --- references ---
	['Ref to nothing', yaml('Resources:', '  T:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: !Ref Nope', '      DisplayName: !Ref Nope2'), 'Template format error: Unresolved resource dependencies [Nope, Nope2] in the Resources block of the template'],
	['DependsOn to nothing', yaml('Resources:', '  T: {Type: AWS::SNS::Topic, DependsOn: Ghost}'), 'Template format error: Unresolved resource dependencies [Ghost] in the Resources block of the template'],
	['Sub variable to nothing', yaml('Resources:', '  T:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: !Sub "${AWS::BadRegion}-${Env}"'), 'Template format error: Unresolved resource dependencies [AWS::BadRegion, Env] in the Resources block of the template'],
	['Ref to nothing in Outputs', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: !Ref Ghost}'), 'Template format error: Unresolved resource dependencies [Ghost] in the Outputs block of the template'],
	['GetAtt on nothing', yaml('Resources:', '  T:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: !GetAtt Ghost.Arn'), 'Template error: instance of Fn::GetAtt references undefined resource Ghost'],
	['GetAtt of an attribute the type lacks', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: !GetAtt Bucket.Nope}'), 'Template error: resource Bucket does not support attribute type Nope in Fn::GetAtt'],
	['${Res.Attr} of an attribute the type lacks', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: !Sub "${Bucket.Nope}"}'), 'Template error: resource Bucket does not support attribute type Nope in Fn::GetAtt'],
	['GetAtt with one part', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: !GetAtt Bucket}'), 'Template error: every Fn::GetAtt object requires two non-empty parameters, the resource name and the resource attribute'],
	['Ref with a list', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: {Ref: [Bucket]}}'), 'Template error: All References must be of type string'],
	['circular references', yaml('Resources:', '  A:', '    Type: AWS::SNS::Topic', '    Properties: {TopicName: !GetAtt B.TopicName}', '  B:', '    Type: AWS::SNS::Topic', '    Properties: {TopicName: !Ref A}', '  C:', '    Type: AWS::SNS::Topic', '    DependsOn: A'), 'Circular dependency between resources: [A, B, C]'],
	['a resource that refers to itself', yaml('Resources:', '  A:', '    Type: AWS::SNS::Topic', '    Properties: {TopicName: !Sub "${A}-x"}'), 'Circular dependency between resources: [A]'],
	['ImportValue of a resource', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: !ImportValue {"Fn::Sub": "${Bucket}-x"}}'), 'Template error: Fn::ImportValue cannot depend on resources: [Bucket]'],
	// --- functions ---
	['Sub with a map', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: {"Fn::Sub": {a: b}}}'), "Template error: One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string"],
	['Sub variable name with a space', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: !Sub "${AWS Region}"}'), 'Template error: variable names in Fn::Sub syntax must contain only alphanumeric characters, underscores, periods, and colons'],
	['Join with three elements', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: !Join [",", [a], [b]]}'), 'Template error: every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.'],
	['Select with a word index', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: !Select [first, [a]]}'), 'Template error: Fn::Select requires a list argument with a valid index value as its first element'],
	['Select past the end', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: !Select [2, [a, b]]}'), 'Template error: Fn::Select cannot select nonexistent value at index 2'],
	['FindInMap with two elements', yaml('Mappings:', '  M: {k: {a: b}}', 'Resources:', bucket, 'Outputs:', '  O: {Value: !FindInMap [M, k]}'), 'Template error: every Fn::FindInMap object requires three parameters, the map name, map key and the attribute for return value'],
	['FindInMap of a missing map', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: !FindInMap [Nope, k, a]}'), "Template error: Mapping named 'Nope' is not present in the 'Mappings' section of template"],
	// --- outputs ---
	['output without Value', yaml('Resources:', bucket, 'Outputs:', '  O: {Description: d}'), 'Template format error: Every Outputs member must contain a Value object'],
	['output with an unknown key', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: v, Exports: {Name: n}}'), 'Template format error: Invalid output property or properties [Exports]'],
	['export without Name', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: v, Export: {BadName: n}}'), 'Template format error: Output O is malformed. The Name field of every Export member must be specified and consist only of alphanumeric characters, colons, or hyphens.'],
	['export name with a slash', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: v, Export: {Name: a/b}}'), 'Template format error: Output O is malformed. The Name field of every Export member must be specified and consist only of alphanumeric characters, colons, or hyphens.'],
	['output Value a literal list', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: [a, b]}'), 'Template format error: The Value field of every Outputs member must evaluate to a String and not a List.'],
	['output Condition not declared', yaml('Resources:', bucket, 'Outputs:', '  O: {Value: v, Condition: Nope}'), 'Template format error: Condition Nope is not defined.']
];

describe('ValidateTemplate refuses each fault with AWS’s sentence', () => {
	it.each(cases)('%s', (_name, text, message) => {
		expect(messageOf(() => validate(text))).toBe(message);
	});

	it('every error is a ValidationError placed in the text', () => {
		const e = errorOf(() => validate(yaml('Resources:', '  T:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: !Ref Nope')));
		expect(e.code).toBe('ValidationError');
		expect(e.httpStatus).toBe(400);
		expect(e.location).toEqual({ path: '/Resources/T/Properties/TopicName', line: 5, column: 18 });
	});

	it('GetAtt faults come before unresolved names (AWS reports the GetAtt first)', () => {
		const text = yaml('Resources:', '  A:', '    Type: AWS::SNS::Topic', '    Properties: {TopicName: !Ref Ghost}', '  B:', '    Type: AWS::SNS::Topic', '    Properties: {TopicName: !GetAtt Other.Arn}');
		expect(messageOf(() => validate(text))).toBe('Template error: instance of Fn::GetAtt references undefined resource Other');
	});

	it('references inside an untaken Fn::If branch must still exist', () => {
		const text = yaml('Conditions:', '  Never: !Equals [a, b]', 'Resources:', '  A:', '    Type: AWS::SNS::Topic', '    Properties: {TopicName: !If [Never, !Ref Ghost, x]}');
		expect(messageOf(() => validate(text))).toBe('Template format error: Unresolved resource dependencies [Ghost] in the Resources block of the template');
	});

	it('YAML 1.1 reads an unquoted No as false: a condition named No must be quoted, as key and in Fn::If', () => {
		const text = yaml('Conditions:', '  No: !Equals [a, b]', 'Resources:', '  A:', '    Type: AWS::SNS::Topic', '    Properties: {TopicName: !If [No, y, x]}');
		expect(messageOf(() => validate(text))).toBe('Template error: Fn::If requires a list argument with the first element being a condition');
		// The key alone quoted: the condition is "No", but the unquoted Fn::If argument is still false.
		expect(messageOf(() => validate(text.replace('  No:', '  "No":')))).toBe('Template error: Fn::If requires a list argument with the first element being a condition');
		expect(() => validate(text.replace('  No:', '  "No":').replace('[No,', '["No",'))).not.toThrow();
	});

	it('a cycle only through Fn::If branches is not reported by ValidateTemplate', () => {
		const text = yaml(
			'Conditions:',
			'  C: !Equals [a, b]',
			'Resources:',
			'  A:',
			'    Type: AWS::SNS::Topic',
			'    Properties: {TopicName: !If [C, !Ref B, x]}',
			'  B:',
			'    Type: AWS::SNS::Topic',
			'    Properties: {TopicName: !If [C, x, !Ref A]}'
		);
		expect(() => validate(text)).not.toThrow();
	});
});
