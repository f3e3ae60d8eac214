// Golden cases for template/messages.ts: each sentence ValidateTemplate or CreateStack answers,
// driven by a real template through world.cloudformation(...).call(...).
import { createWith, eventReason, fake, settle, stackReason, validate, yaml, type GoldenCase } from './harness';

const bucket = '  Bucket: {Type: AWS::S3::Bucket}';
const topic = (props: string) => yaml('Resources:', '  T:', '    Type: AWS::SNS::Topic', `    Properties: {${props}}`);
const output = (value: string, ...before: string[]) => yaml(...before, 'Resources:', bucket, 'Outputs:', `  O: {Value: ${value}}`);
const condition = (...lines: string[]) => yaml('Conditions:', ...lines, 'Resources:', bucket);
const V = 'ValidationError';

const BIG = '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Metadata": {"pad": "' + 'x'.repeat(51_200) + '"}}}}';
const SUPPORTED = ['Fn::Base64', 'Fn::GetAtt', 'Fn::GetAZs', 'Fn::ImportValue', 'Fn::Join', 'Fn::Split', 'Fn::FindInMap', 'Fn::Select', 'Ref', 'Fn::Equals', 'Fn::If', 'Fn::Not', 'Condition', 'Fn::And', 'Fn::Or', 'Fn::Contains', 'Fn::EachMemberEquals', 'Fn::EachMemberIn', 'Fn::ValueOf', 'Fn::ValueOfAll', 'Fn::RefAll', 'Fn::Sub', 'Fn::Cidr'];

/** A stack whose create fails at resolution time: the resource's CREATE_FAILED reason. */
function createFailure(body: string, logicalId = 'T', parameters: Record<string, string> = {}) {
	return () => {
		const { world, cfn } = fake();
		cfn.call('CreateStack', { StackName: 'golden', TemplateBody: body, Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })) });
		settle(world);
		return eventReason(cfn, 'golden', logicalId, 'CREATE_FAILED');
	};
}
const THING = 'AWS::SSM::Parameter';

function importFailure() {
	const { world, cfn } = fake();
	cfn.call('CreateStack', { StackName: 'golden', OnFailure: 'DO_NOTHING', TemplateBody: yaml('Resources:', '  T:', `    Type: ${THING}`, '    Properties: {Value: !ImportValue nowhere}') });
	settle(world);
	return stackReason(cfn, 'golden');
}

export const TEMPLATE_CASES: GoldenCase[] = [
	// --- the request
	{ key: 'MSG.bodyTooLong', args: [BIG, 51_200], name: V, expected: `1 validation error detected: Value '${BIG}' at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to 51200`, run: () => validate(BIG) },
	{ key: 'MSG.bodyEmpty', args: [], name: V, expected: "1 validation error detected: Value '' at 'templateBody' failed to satisfy constraint: Member must have length greater than or equal to 1", run: () => validate('') },
	// --- parsing
	{ key: 'MSG.yamlNotWellFormed', args: [3, 1], name: V, expected: 'Template format error: YAML not well-formed. (line 3, column 1)', run: () => validate(yaml('Resources:', '  B: {Type: X')) },
	{ key: 'MSG.jsonNotWellFormed', args: [1, 9], name: V, expected: 'Template format error: JSON not well-formed. (line 1, column 9)', run: () => validate('{"a": 1,, }') },
	{ key: 'MSG.unsupportedStructure', args: [], name: V, expected: 'Template format error: unsupported structure.', run: () => validate('BadTemplate\n') },
	{ key: 'MSG.mapKeysMustBeStrings', args: ['/Resources/R/Properties', 'a map'], name: V, expected: 'Template format error: [/Resources/R/Properties] map keys must be strings; received a map instead', run: () => validate(yaml('Resources:', '  R:', '    Type: AWS::S3::Bucket', '    Properties:', '      !Sub "${A}": 1')) },
	{ key: 'MSG.nullValue', args: ['/Resources/Bucket/Properties/BucketName'], name: V, expected: "Template format error: [/Resources/Bucket/Properties/BucketName] 'null' values are not allowed in templates", run: () => validate(yaml('Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName:')) },
	// --- top level
	{ key: 'MSG.formatVersion', args: [], name: V, expected: 'Template format error: unsupported value for AWSTemplateFormatVersion.', run: () => validate(yaml('AWSTemplateFormatVersion: "2010-09-10"', 'Resources:', bucket)) },
	{ key: 'MSG.descriptionNotString', args: [], name: V, expected: 'Template format error: Every Description member must be a string.', run: () => validate(yaml('Description: !Sub "${AWS::Region}"', 'Resources:', bucket)) },
	{ key: 'MSG.descriptionTooLong', args: [1024], name: V, expected: 'Template format error: Description must be no longer than 1024 bytes', run: () => validate(yaml(`Description: ${'d'.repeat(1025)}`, 'Resources:', bucket)) },
	{ key: 'MSG.invalidTemplateProperties', args: [['Bogus']], name: V, expected: 'Template format error: Invalid template property or properties [Bogus]', run: () => validate(yaml('Resources:', bucket, 'Bogus: 1')) },
	{ key: 'MSG.noResources', args: [], name: V, expected: 'Template format error: At least one Resources member must be defined.', run: () => validate(yaml('Resources: {}')) },
	{ key: 'MSG.sectionNotObject', args: ['Outputs'], name: V, expected: 'Template format error: Every Outputs member must be an object.', run: () => validate(yaml('Resources:', bucket, 'Outputs: [a]')) },
	// --- Transform
	{ key: 'MSG.transformNotSupported', args: [['AWS::Serverless-2016-10-31']], name: V, expected: 'Template format error: Transform [AWS::Serverless-2016-10-31] is not supported by this simulator. It runs AWS::LanguageExtensions only; expand other transforms (sam build, aws cloudformation package) and submit the processed template.', run: () => validate(yaml('Transform: AWS::Serverless-2016-10-31', 'Resources:', bucket)) },
	{ key: 'MSG.transformNotStringList', args: [], name: V, expected: 'Template format error: Transform must be a string or a list of strings.', run: () => validate(yaml('Transform: [{Foo: bar}]', 'Resources:', bucket)) },
	{ key: 'MSG.languageExtensionsFailed', args: ['Fn::ForEach layout is incorrect'], name: V, expected: 'Transform AWS::LanguageExtensions failed with: Fn::ForEach layout is incorrect', run: () => validate(yaml('Transform: AWS::LanguageExtensions', 'Resources:', '  Fn::ForEach::R: [X]')) },
	// --- Parameters
	{ key: 'MSG.parameterNeedsType', args: ['/Parameters/P'], name: V, expected: 'Template format error: [/Parameters/P] Every Parameters object must contain a Type member.', run: () => validate(yaml('Parameters:', '  P: {Default: x}', 'Resources:', bucket)) },
	{ key: 'MSG.unrecognizedParameterType', args: ['Strin'], name: V, expected: 'Template format error: Unrecognized parameter type: Strin', run: () => validate(yaml('Parameters:', '  P: {Type: Strin}', 'Resources:', bucket)) },
	{ key: 'MSG.invalidParameterProperty', args: ['Defaults'], name: V, expected: "Invalid template parameter property 'Defaults'", run: () => validate(yaml('Parameters:', '  P: {Type: String, Defaults: x}', 'Resources:', bucket)) },
	{ key: 'MSG.parameterNotObject', args: [], name: V, expected: 'Template format error: Any Parameters member must be a JSON object.', run: () => validate(yaml('Parameters:', '  P: x', 'Resources:', bucket)) },
	{ key: 'MSG.parameterMemberMustBeString', args: ['Default'], name: V, expected: 'Template format error: Every Default member must be a string.', run: () => validate(yaml('Parameters:', '  P: {Type: CommaDelimitedList, Default: [a, b]}', 'Resources:', bucket)) },
	{ key: 'MSG.allowedValuesMustBeList', args: [], name: V, expected: 'Template format error: Every AllowedValues member must be a list.', run: () => validate(yaml('Parameters:', '  P: {Type: String, AllowedValues: a}', 'Resources:', bucket)) },
	{ key: 'MSG.parameterNumberMember', args: ['P', 'MinLength'], name: V, expected: "Template error: Parameter 'P' MinLength must be a number", run: () => validate(yaml('Parameters:', '  P: {Type: String, MinLength: many}', 'Resources:', bucket)) },
	{ key: 'MSG.parameterMinMax', args: ['P', 'MinLength', 'MaxLength'], name: V, expected: "Template error: Parameter 'P' MinLength must be less than MaxLength.", run: () => validate(yaml('Parameters:', '  P: {Type: String, MinLength: 5, MaxLength: 2}', 'Resources:', bucket)) },
	{ key: 'MSG.allowedPatternInvalid', args: ['P'], name: V, expected: "Parameter 'P' AllowedPattern must be a valid regular expression.", run: () => validate(yaml('Parameters:', '  P: {Type: String, AllowedPattern: "[a-"}', 'Resources:', bucket)) },
	{ key: 'MSG.tooManyParameters', args: [200], name: V, expected: 'Template format error: Too many parameters in the template.  Max of 200 allowed.', run: () => validate(yaml('Parameters:', ...Array.from({ length: 201 }, (_, i) => `  P${i}: {Type: String}`), 'Resources:', bucket)) },
	// parameter values (CreateStack)
	{ key: 'MSG.parametersMustHaveValues', args: [['A', 'B']], name: V, expected: 'Parameters: [A, B] must have values', run: () => createWith(yaml('Parameters:', '  A: {Type: String}', '  B: {Type: String}', 'Resources:', bucket)) },
	{ key: 'MSG.parametersDoNotExist', args: [['Nope']], name: V, expected: 'Parameters: [Nope] do not exist in the template', run: () => createWith(yaml('Resources:', bucket), { Nope: 'x' }) },
	{ key: 'MSG.parameterNotAllowedValue', args: ['Env'], name: V, expected: "Parameter 'Env' must be one of AllowedValues", run: () => createWith(yaml('Parameters:', '  Env: {Type: String, AllowedValues: [dev, prod]}', 'Resources:', bucket), { Env: 'test' }) },
	{ key: 'MSG.parameterPattern', args: ['Name', '[a-z]+'], name: V, expected: "Parameter 'Name' must match pattern [a-z]+", run: () => createWith(yaml('Parameters:', '  Name: {Type: String, AllowedPattern: "[a-z]+"}', 'Resources:', bucket), { Name: 'ABC' }) },
	{ key: 'MSG.parameterConstraint', args: ['Name', 'lower-case letters only'], name: V, expected: "Parameter 'Name' failed to satisfy constraint: lower-case letters only", run: () => createWith(yaml('Parameters:', '  Name: {Type: String, AllowedPattern: "[a-z]+", ConstraintDescription: lower-case letters only}', 'Resources:', bucket), { Name: 'ABC' }) },
	{ key: 'MSG.parameterMinLength', args: ['P', 3], name: V, expected: "Parameter 'P' must contain at least 3 characters", run: () => createWith(yaml('Parameters:', '  P: {Type: String, MinLength: 3}', 'Resources:', bucket), { P: 'ab' }) },
	{ key: 'MSG.parameterMaxLength', args: ['P', 2], name: V, expected: "Parameter 'P' must contain at most 2 characters", run: () => createWith(yaml('Parameters:', '  P: {Type: String, MaxLength: 2}', 'Resources:', bucket), { P: 'abc' }) },
	{ key: 'MSG.parameterNotNumber', args: ['N'], name: V, expected: "Parameter 'N' must be a number", run: () => createWith(yaml('Parameters:', '  N: {Type: Number}', 'Resources:', bucket), { N: 'ten' }) },
	{ key: 'MSG.parameterMinValue', args: ['N', 5], name: V, expected: "Parameter 'N' must be a number not less than 5", run: () => createWith(yaml('Parameters:', '  N: {Type: Number, MinValue: 5}', 'Resources:', bucket), { N: '4' }) },
	{ key: 'MSG.parameterMaxValue', args: ['N', 5], name: V, expected: "Parameter 'N' must be a number not greater than 5", run: () => createWith(yaml('Parameters:', '  N: {Type: Number, MaxValue: 5}', 'Resources:', bucket), { N: '6' }) },
	{ key: 'MSG.parameterValueTooLong', args: ['P', 4096], name: V, expected: 'Parameter P exceeds the maximum parameter value length of 4096 bytes.', run: () => createWith(yaml('Parameters:', '  P: {Type: String}', 'Resources:', bucket), { P: 'x'.repeat(4097) }) },
	// --- Mappings
	{ key: 'MSG.mappingAttributeName', args: ['us-east-1a'], name: V, expected: "Template format error: Mappings attribute name 'us-east-1a' must contain only alphanumeric characters.", run: () => validate(yaml('Mappings:', '  M:', '    us-east-1:', '      us-east-1a: ami-1', 'Resources:', bucket)) },
	{ key: 'MSG.mappingNotMap', args: ['M'], name: V, expected: 'Template format error: Every Mappings member M must be a map', run: () => validate(yaml('Mappings:', '  M: [a]', 'Resources:', bucket)) },
	{ key: 'MSG.mappingValue', args: [], name: V, expected: 'Template format error: Every Mappings attribute must be a String or a List.', run: () => validate(yaml('Mappings:', '  M:', '    k:', '      a: {b: c}', 'Resources:', bucket)) },
	{ key: 'MSG.tooManyMappings', args: [200], name: V, expected: 'Template format error: Mappings exceed maximum allowed of 200 mappings per template', run: () => validate(yaml('Mappings:', ...Array.from({ length: 201 }, (_, i) => `  M${i}: {k: {a: b}}`), 'Resources:', bucket)) },
	{ key: 'MSG.tooManyMappingAttributes', args: ['M', 200], name: V, expected: 'Template format error: Mapping with key M has more than 200, the max allowed.', run: () => validate(yaml('Mappings:', '  M:', '    M:', ...Array.from({ length: 201 }, (_, i) => `      a${i}: b`), 'Resources:', bucket)) },
	// --- Conditions
	{ key: 'MSG.conditionReferencesResource', args: [['Bucket']], name: V, expected: 'Template format error: Unresolved dependencies [Bucket]. Cannot reference resources in the Conditions block of the template', run: () => validate(condition('  C: !Equals [!Ref Bucket, x]')) },
	{ key: 'MSG.unresolvedConditionDependencies', args: [['Missing']], name: V, expected: 'Template format error: Unresolved condition dependencies [Missing] in the Conditions block of the template', run: () => validate(condition('  A: !Equals [a, a]', '  B: !And [!Condition A, !Condition Missing]')) },
	{ key: 'MSG.circularConditions', args: [['A', 'B']], name: V, expected: 'Template format error: Circular dependency between conditions: [A, B]', run: () => validate(condition('  A: !Not [!Condition B]', '  B: !Not [!Condition A]')) },
	{ key: 'MSG.conditionMemberNotString', args: [], name: V, expected: 'Template format error: Every Condition member must be a string.', run: () => validate(yaml('Conditions:', '  A: !Equals [a, a]', 'Resources:', '  Bucket: {Type: AWS::S3::Bucket, Condition: [A]}')) },
	{ key: 'MSG.conditionNotDefined', args: ['IsProd'], name: V, expected: 'Template format error: Condition IsProd is not defined.', run: () => validate(yaml('Resources:', '  Bucket: {Type: AWS::S3::Bucket, Condition: IsProd}')) },
	{ key: 'MSG.unresolvedConditionInIf', args: ['IsProd'], name: V, expected: 'Template error: unresolved condition dependency IsProd in Fn::If', run: () => validate(yaml('Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: !If [IsProd, a, b]')) },
	{ key: 'MSG.conditionNotBoolean', args: ['A'], name: V, expected: 'Template format error: Condition A must be a condition function (Fn::And, Fn::Equals, Fn::If, Fn::Not, Fn::Or or Condition).', run: () => validate(condition('  A: yes')) },
	// --- Resources
	{ key: 'MSG.resourceNeedsType', args: ['/Resources/Bucket'], name: V, expected: 'Template format error: [/Resources/Bucket] Every Resources object must contain a Type member.', run: () => validate(yaml('Resources:', '  Bucket:', '    Properties: {}')) },
	{ key: 'MSG.resourceMalformed', args: ['/Resources/Bucket'], name: V, expected: 'Template format error: [/Resources/Bucket] resource definition is malformed', run: () => validate(yaml('Resources:', '  Bucket: AWS::S3::Bucket')) },
	{ key: 'MSG.invalidResourceProperty', args: ['BucketName'], name: V, expected: "Invalid template resource property 'BucketName'", run: () => validate(yaml('Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    BucketName: x')) },
	{ key: 'MSG.unrecognizedResourceTypes', args: [['AWS::S3::Bukket']], name: V, expected: 'Template format error: Unrecognized resource types: [AWS::S3::Bukket]', run: () => validate(yaml('Resources:', '  A: {Type: AWS::S3::Bukket}')) },
	{ key: 'MSG.nameNotAlphanumeric', args: ['Resource', 'my.Bucket'], name: V, expected: 'Template format error: Resource name my.Bucket is non alphanumeric.', run: () => validate(yaml('Resources:', '  my.Bucket: {Type: AWS::S3::Bucket}')) },
	{ key: 'MSG.logicalIdTooLong', args: ['Resource', 'B'.repeat(256), 255], name: V, expected: `Template format error: Resource name ${'B'.repeat(256)} exceeds the maximum resource name length of 255 characters.`, run: () => validate(yaml('Resources:', `  ${'B'.repeat(256)}: {Type: AWS::S3::Bucket}`)) },
	{ key: 'MSG.namesNotUnique', args: [['Name']], name: V, expected: 'Template error: all resources and parameters must have unique names. Common name(s):[Name]', run: () => validate(yaml('Parameters:', '  Name: {Type: String}', 'Resources:', '  Name: {Type: AWS::SNS::Topic}')) },
	{ key: 'MSG.tooManyResources', args: [501, 500], name: V, expected: 'Template format error: Number of resources, 501, is greater than maximum allowed, 500', run: () => validate(yaml('Resources:', ...Array.from({ length: 501 }, (_, i) => `  B${i}: {Type: AWS::SNS::Topic}`))) },
	{ key: 'MSG.unresolvedResourceDependencies', args: [['Nope'], 'Resources'], name: V, expected: 'Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template', run: () => validate(topic('TopicName: !Ref Nope')) },
	{ key: 'MSG.dependsOnNotString', args: [], name: V, expected: 'Template format error: Every DependsOn value must be a string.', run: () => validate(yaml('Resources:', bucket, '  T:', '    Type: AWS::SNS::Topic', '    DependsOn: [{Ref: Bucket}]')) },
	{ key: 'MSG.dependsOnShape', args: [], name: V, expected: 'Template format error: DependsOn must be a string or list of strings.', run: () => validate(yaml('Resources:', bucket, '  T:', '    Type: AWS::SNS::Topic', '    DependsOn: {a: b}')) },
	{ key: 'MSG.circularResources', args: [['A', 'B']], name: V, expected: 'Circular dependency between resources: [A, B]', run: () => validate(yaml('Resources:', '  A: {Type: AWS::SNS::Topic, DependsOn: B}', '  B: {Type: AWS::SNS::Topic, DependsOn: A}')) },
	{ key: 'MSG.unrecognizedPolicy', args: ['DeletionPolicy', 'Keep', 'Bucket'], name: V, expected: 'Template format error: Unrecognized DeletionPolicy Keep for resource Bucket', run: () => validate(yaml('Resources:', '  Bucket: {Type: AWS::S3::Bucket, DeletionPolicy: Keep}')) },
	{ key: 'MSG.policyNotString', args: ['DeletionPolicy', 'Bucket'], name: V, expected: 'Template format error: DeletionPolicy for resource Bucket must be a string. Intrinsic functions need the AWS::LanguageExtensions transform.', run: () => validate(yaml('Resources:', '  Bucket: {Type: AWS::S3::Bucket, DeletionPolicy: [Retain]}')) },
	// --- Outputs
	{ key: 'MSG.outputNeedsValue', args: [], name: V, expected: 'Template format error: Every Outputs member must contain a Value object', run: () => validate(yaml('Resources:', bucket, 'Outputs:', '  O: {Description: d}')) },
	{ key: 'MSG.exportNameMalformed', args: ['O'], name: V, expected: 'Template format error: Output O is malformed. The Name field of every Export member must be specified and consist only of alphanumeric characters, colons, or hyphens.', run: () => validate(yaml('Resources:', bucket, 'Outputs:', '  O: {Value: v, Export: {Name: a/b}}')) },
	{ key: 'MSG.invalidOutputProperty', args: [['Exports']], name: V, expected: 'Template format error: Invalid output property or properties [Exports]', run: () => validate(yaml('Resources:', bucket, 'Outputs:', '  O: {Value: v, Exports: {Name: n}}')) },
	{ key: 'MSG.outputValueNotString', args: ['List'], name: V, expected: 'Template format error: The Value field of every Outputs member must evaluate to a String and not a List.', run: () => validate(output('[a, b]')) },
	{ key: 'MSG.tooManyOutputs', args: [200], name: V, expected: 'Template format error: Stack exceeds the maximum allowed number of outputs.(200)', run: () => validate(yaml('Resources:', bucket, 'Outputs:', ...Array.from({ length: 201 }, (_, i) => `  O${i}: {Value: v}`))) },
	// --- Rules
	{ key: 'MSG.ruleMalformed', args: ['R'], name: V, expected: 'Template format error: Rule R must be an object with an Assertions list of {Assert, AssertDescription} objects.', run: () => validate(yaml('Rules:', '  R: {Assertions: x}', 'Resources:', bucket)) },
	{ key: 'MSG.ruleFailed', args: ['R'], name: V, expected: 'Template error: Assertion in rule R failed for the parameter values given', run: () => createWith(yaml('Parameters:', '  Env: {Type: String}', 'Rules:', '  R:', '    Assertions:', '      - Assert: !Equals [!Ref Env, prod]', 'Resources:', bucket), { Env: 'dev' }) },
	// --- intrinsic functions
	{ key: 'MSG.unsupportedFunction', args: ['Fn::Length', SUPPORTED], name: V, expected: `Template Error: Encountered unsupported function: Fn::Length Supported functions are: [${SUPPORTED.join(', ')}]`, run: () => validate(topic('DisplayName: {"Fn::Length": [a]}')) },
	{ key: 'MSG.refNotString', args: [], name: V, expected: 'Template error: All References must be of type string', run: () => validate(output('{Ref: [Bucket]}')) },
	{ key: 'MSG.getAttArgs', args: [], name: V, expected: 'Template error: every Fn::GetAtt object requires two non-empty parameters, the resource name and the resource attribute', run: () => validate(output('!GetAtt Bucket')) },
	{ key: 'MSG.getAttUndefinedResource', args: ['Ghost'], name: V, expected: 'Template error: instance of Fn::GetAtt references undefined resource Ghost', run: () => validate(topic('TopicName: !GetAtt Ghost.Arn')) },
	{ key: 'MSG.getAttUnsupportedAttribute', args: ['Bucket', 'Nope'], name: V, expected: 'Template error: resource Bucket does not support attribute type Nope in Fn::GetAtt', run: () => validate(output('!GetAtt Bucket.Nope')) },
	{ key: 'MSG.subArgs', args: [], name: V, expected: "Template error: One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string", run: () => validate(output('{"Fn::Sub": {a: b}}')) },
	{ key: 'MSG.subVariableName', args: [], name: V, expected: 'Template error: variable names in Fn::Sub syntax must contain only alphanumeric characters, underscores, periods, and colons', run: () => validate(output('!Sub "${AWS Region}"')) },
	// Resolved when the resource is made: the resource's CREATE_FAILED reason.
	{ key: 'MSG.subVariableNotString', args: ['L'], expected: 'Template error: variable L in Fn::Sub expression does not resolve to a string', run: createFailure(yaml('Resources:', '  T:', `    Type: ${THING}`, '    Properties: {Value: !Sub ["${L}", {L: [a, b]}]}')) },
	{ key: 'MSG.joinArgs', args: [], name: V, expected: 'Template error: every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.', run: () => validate(output('!Join [",", [a], [b]]')) },
	{ key: 'MSG.splitArgs', args: [], name: V, expected: 'Template error: every Fn::Split object requires two parameters, (1) a string delimiter and (2) a string to be split or a function that returns a string to be split.', run: () => validate(output('!Join [",", !Split [","]]')) },
	{ key: 'MSG.selectIndex', args: [], name: V, expected: 'Template error: Fn::Select requires a list argument with a valid index value as its first element', run: () => validate(output('!Select [first, [a]]')) },
	{ key: 'MSG.selectArgs', args: [], name: V, expected: 'Template error: Fn::Select requires a list argument with two elements: an integer index and a list', run: () => validate(output('!Select [0]')) },
	{ key: 'MSG.selectOutOfRange', args: [2], name: V, expected: 'Template error: Fn::Select cannot select nonexistent value at index 2', run: () => validate(output('!Select [2, [a, b]]')) },
	{ key: 'MSG.findInMapArgs', args: [], name: V, expected: 'Template error: every Fn::FindInMap object requires three parameters, the map name, map key and the attribute for return value', run: () => validate(output('!FindInMap [M, k]', 'Mappings:', '  M: {k: {a: b}}')) },
	{ key: 'MSG.mappingNotPresent', args: ['Nope'], name: V, expected: "Template error: Mapping named 'Nope' is not present in the 'Mappings' section of template", run: () => validate(output('!FindInMap [Nope, k, a]')) },
	{ key: 'MSG.mappingKeyMissing', args: ['M', 'k', 'zz'], expected: 'Template error: Unable to get mapping for M::k::zz', run: createFailure(yaml('Mappings:', '  M: {k: {a: b}}', 'Resources:', '  T:', `    Type: ${THING}`, '    Properties: {Value: !FindInMap [M, k, zz]}')) },
	{ key: 'MSG.base64Arg', args: [], expected: 'Template error: every Fn::Base64 object must have a String-typed value.', run: createFailure(yaml('Resources:', '  T:', `    Type: ${THING}`, '    Properties: {Value: !Base64 [a]}')) },
	{ key: 'MSG.getAzsArg', args: [], name: V, expected: 'Template error: every Fn::GetAZs object must have a String-typed value.', run: () => validate(output('!Select [0, !GetAZs [a]]')) },
	// The stack fails before any resource: its reason (OnFailure DO_NOTHING, so nothing is appended).
	{ key: 'MSG.importValueMissing', args: ['nowhere'], expected: 'No export named nowhere found.', run: importFailure },
	{ key: 'MSG.importValueArg', args: [], name: V, expected: 'Template error: every Fn::ImportValue object must have a String-typed value.', run: () => validate(output('!ImportValue [a]')) },
	{ key: 'MSG.importValueDependsOnResource', args: [['Bucket']], name: V, expected: 'Template error: Fn::ImportValue cannot depend on resources: [Bucket]', run: () => validate(output('!ImportValue {"Fn::Sub": "${Bucket}-x"}')) },
	{ key: 'MSG.cidrArgs', args: [], name: V, expected: 'Template error: Fn::Cidr requires a list of three parameters: an IP address block in CIDR notation, a count (1-256) and the number of subnet bits', run: () => validate(output('!Select [0, !Cidr ["10.0.0.0/16", 4]]')) },
	{ key: 'MSG.cidrTooMany', args: [256, '10.0.0.0/24', 8], expected: 'Template error: Fn::Cidr cannot make 256 subnets with 8 host bits from 10.0.0.0/24', run: createFailure(yaml('Resources:', '  T:', `    Type: ${THING}`, '    Properties: {Value: !Select [0, !Cidr ["10.0.0.0/24", 256, 8]]}')) },
	{ key: 'MSG.ifFirstElement', args: [], name: V, expected: 'Template error: Fn::If requires a list argument with the first element being a condition', run: () => validate(yaml('Conditions:', '  A: !Equals [a, a]', 'Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: !If [[A], a, b]')) },
	{ key: 'MSG.ifThreeElements', args: [], name: V, expected: 'Template error: Fn::If requires a list argument with three elements', run: () => validate(yaml('Conditions:', '  A: !Equals [a, a]', 'Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: !If [A, a]')) },
	{ key: 'MSG.equalsArgs', args: [], name: V, expected: 'Template error: Fn::Equals requires a list argument with two elements', run: () => validate(condition('  A: !Equals [a]')) },
	{ key: 'MSG.andOrArgs', args: ['Fn::And'], name: V, expected: 'Template error: every Fn::And object requires a list of at least 2 and at most 10 boolean parameters.', run: () => validate(condition('  A: !Equals [a, a]', '  B: !And [!Condition A]')) },
	{ key: 'MSG.notArgs', args: [], name: V, expected: 'Template error: Fn::Not requires a list argument with one element', run: () => validate(condition('  A: !Equals [a, a]', '  B: !Not [!Condition A, !Condition A]')) },
	{ key: 'MSG.conditionArg', args: [], name: V, expected: 'Template error: All Conditions must be of type string', run: () => validate(condition('  A: !Equals [a, a]', '  B: !Not [{Condition: [A]}]')) },
	{ key: 'MSG.lengthArg', args: [], name: V, expected: 'Template error: Fn::Length requires a list or a function that returns a list', run: () => validate(yaml('Transform: AWS::LanguageExtensions', 'Resources:', bucket, 'Outputs:', '  O: {Value: {"Fn::Length": abc}}')) },
];
