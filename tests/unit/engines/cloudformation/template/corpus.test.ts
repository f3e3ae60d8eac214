// The template corpus (tests/fixtures/cfn-corpus, copied from ../shared/corpus/cfn): real
// templates cfn-lint 1.51.0 accepts must pass ValidateTemplate; each template-level fault must
// be refused with the sentence chosen for it. Resource types and GetAtt attributes come from the
// real catalog (src/lib/engines/cloudformation/resources).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RESOURCE_CATALOG } from '../../../../../src/lib/engines/cloudformation/resources';
import { LIMITS, validateTemplate } from '../../../../../src/lib/engines/cloudformation/template';
import { errorOf } from './helpers';

const ROOT = fileURLToPath(new URL('../../../../fixtures/cfn-corpus/', import.meta.url));

interface Entry {
	file: string;
	expect: 'valid' | 'invalid';
	class?: string;
	cfnLintErrorCodes?: string[];
	source: string;
	transform: string | null;
	parameterCount?: number;
	resourceCount?: number;
	outputCount?: number;
}

const manifest = JSON.parse(readFileSync(ROOT + 'manifest.json', 'utf8')) as { files: Entry[] };
const read = (file: string) => readFileSync(ROOT + file, 'utf8');
const validate = (file: string, maxBodyBytes?: number, duplicateKeys?: 'error') =>
	validateTemplate(read(file), RESOURCE_CATALOG, { ...(maxBodyBytes ? { maxBodyBytes } : {}), ...(duplicateKeys ? { duplicateKeys } : {}) });
const short = (file: string) => file.replace(/^.*\/templates\//, '').replace(/^good\/aws-cloudformation-templates\//, '');

const UNSUPPORTED = (fn: string) =>
	`Template Error: Encountered unsupported function: ${fn} Supported functions are: [Fn::Base64, Fn::GetAtt, Fn::GetAZs, Fn::ImportValue, Fn::Join, Fn::Split, Fn::FindInMap, Fn::Select, Ref, Fn::Equals, Fn::If, Fn::Not, Condition, Fn::And, Fn::Or, Fn::Contains, Fn::EachMemberEquals, Fn::EachMemberIn, Fn::ValueOf, Fn::ValueOfAll, Fn::RefAll, Fn::Sub, Fn::Cidr]`;
const SUB_ARGS =
	"Template error: One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string";

/** Valid templates that real CloudFormation refuses as they are, and why. */
const VALID_EXCEPTIONS: Record<string, { message: string; why: string }> = {
	'APIGateway/apigateway_lambda_integration.yaml': {
		message: 'Template format error: YAML not well-formed. (line 108, column 18)',
		why: '`!Rain::Embed handler.py` is a directive of the rain CLI, which replaces it before deploying; CloudFormation has no such tag.'
	}
};

/** Templates over TemplateBody's 51,200 bytes: valid, but only through TemplateURL (an S3 object, up to 1 MB). */
const TEMPLATE_URL_SIZE = 1_048_576;

/** Duplicate keys: refused by the editor's strict check; the API path keeps the last value, as AWS does. */
const STRICT_ONLY = new Set(['bad/duplicate.yaml', 'bad/duplicate.json']);

/** Template-level faults: the sentence (and line) ValidateTemplate answers with. */
const REFUSED: Record<string, { message: string; line?: number }> = {
	'bad/refs.yaml': { message: 'Template format error: Unresolved resource dependencies [pIops, Package, httpdPackage] in the Resources block of the template', line: 15 },
	'bad/issues.yaml': { message: 'Template format error: Unresolved resource dependencies [PrivateSecurityGroup] in the Resources block of the template', line: 12 },
	'bad/functions_ref.yaml': { message: 'Template format error: Unresolved resource dependencies [pIops, Package, httpdPackage] in the Resources block of the template', line: 40 },
	// Its Conditions block refers to a resource; conditions are checked before resources.
	'bad/functions/ref.yaml': { message: 'Template format error: Unresolved dependencies [mySecurityGroupVpc1]. Cannot reference resources in the Conditions block of the template', line: 8 },
	// An object in DependsOn is refused before the dangling name is collected (as Eucalyptus, after AWS, does).
	'bad/resources_dependson.yaml': { message: 'Template format error: Every DependsOn value must be a string.', line: 25 },
	// Besides its cycles, it passes a map to Fn::Sub, found first.
	'bad/resources_circular_dependency.yaml': { message: SUB_ARGS, line: 218 },
	'bad/resources_circular_dependency_2.yaml': { message: 'Circular dependency between resources: [Resource, Resource2, Resource3, Resource4, Resource5, Resource6, Resource7, Resource8, Resource9]', line: 2 },
	'bad/resources_circular_dependency_dependson.yaml': { message: 'Circular dependency between resources: [Resource, Resource2]', line: 4 },
	'bad/functions/getatt.yaml': { message: 'Template error: every Fn::GetAtt object requires two non-empty parameters, the resource name and the resource attribute', line: 47 },
	'bad/resources_lambda.yaml': { message: 'Template error: instance of Fn::GetAtt references undefined resource LambdaExecutionRole', line: 46 },
	'bad/transform_serverless_missing.yaml': { message: 'Template format error: Unrecognized resource types: [AWS::Serverless::Function]', line: 5 },
	'bad/generic.yaml': { message: 'Template format error: Unrecognized resource types: [AWS::EC2::Instance1]', line: 24 },
	'bad/core/conditions_missing.yaml': { message: 'Template format error: Unresolved condition dependencies [isPrimary] in the Conditions block of the template' },
	'bad/functions/if.yaml': { message: 'Template error: Fn::If requires a list argument with the first element being a condition', line: 17 },
	// Its first fault in document order: a condition with no value.
	'bad/conditions.yaml': { message: "Template format error: [/Conditions/NullCondition] 'null' values are not allowed in templates", line: 51 },
	// `Fn::Sub: !Ref myInstance2`: Fn::Sub takes a literal string.
	'bad/functions/sub.yaml': { message: SUB_ARGS, line: 29 },
	'bad/functions_sub.yaml': { message: SUB_ARGS, line: 26 },
	// Refused only by the editor's strict check (duplicateKeys: 'error'); AWS accepts them, last wins (below).
	'bad/duplicate.yaml': { message: "Template format error: Duplicate key 'mySnsTopic' (line 9, column 3); it was already declared at line 3, column 3", line: 9 },
	'bad/duplicate.json': { message: "Template format error: Duplicate key 'MySNSTopic' (line 17, column 3); it was already declared at line 5, column 3", line: 17 },
	'bad/core/config_invalid_yaml.yaml': { message: 'Template format error: YAML not well-formed. (line 8, column 7)', line: 8 },
	'bad/template.yaml': { message: 'Template format error: YAML not well-formed. (line 12, column 9)', line: 12 },
	'bad/json_parse.json': { message: 'Template format error: JSON not well-formed. (line 5, column 11)', line: 5 },
	'bad/string.yaml': { message: 'Template format error: unsupported structure.', line: 1 },
	// An empty file is an empty TemplateBody, refused by the API's length constraint before parsing.
	'bad/empty_file.yaml': { message: "1 validation error detected: Value '' at 'templateBody' failed to satisfy constraint: Member must have length greater than or equal to 1" },
	'bad/not_cloudformation.yaml': { message: 'Template format error: At least one Resources member must be defined.' },
	'bad/functions_findinmap.yaml': { message: 'Template error: every Fn::FindInMap object requires three parameters, the map name, map key and the attribute for return value', line: 13 },
	'bad/mappings/key_name.yaml': { message: "Template format error: Mappings attribute name 'us-east-1b' must contain only alphanumeric characters.", line: 9 },
	'bad/outputs.yaml': { message: 'Template format error: Every Outputs member must contain a Value object', line: 20 },
	'base.yaml': { message: 'Template format error: unsupported value for AWSTemplateFormatVersion.', line: 1 },
	'description.yaml': { message: 'Template format error: Every Description member must be a string.', line: 3 },
	'bad/resources/uniqueNames.yaml': { message: 'Template error: all resources and parameters must have unique names. Common name(s):[Name]', line: 5 },
	'bad/resources/name.yaml': { message: 'Template format error: Resource name my.Instance is non alphanumeric.', line: 3 },
	'bad/functions_select.yaml': { message: 'Template error: Fn::Select requires a list argument with a valid index value as its first element', line: 10 },
	'bad/functions_join.yaml': {
		message:
			'Template error: every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.',
		line: 12
	},
	'bad/functions/lengthWithoutTransform.yaml': { message: UNSUPPORTED('Fn::Length') },
	'bad/functions/toJsonStringWithoutTransform.yaml': { message: UNSUPPORTED('Fn::ToJsonString') },
	'bad/functions/foreach_no_transform.yaml': { message: 'Template format error: [/Resources/Fn::ForEach::Buckets] resource definition is malformed', line: 11 }
};

/**
 * Classes whose fault a resource provider finds at creation (CREATE_FAILED), not ValidateTemplate.
 * Such a template passes ValidateTemplate, as on AWS, unless it also holds a template-level
 * fault (the cfn-lint code of which is in the manifest): those are listed with their sentence.
 */
const CREATION_TIME_CLASSES = new Set(['missing-required-property', 'wrong-type', 'bad-parameter', 'bad-policy-attribute']);
const ALSO_TEMPLATE_LEVEL: Record<string, { message: string; cfnLint: string; why: string }> = {
	'bad/resources/properties/value_non_strict.yaml': {
		message: 'Template format error: Unresolved resource dependencies [WebServerGroup] in the Resources block of the template',
		cfnLint: 'E1020',
		why: 'a Ref to a resource the template does not declare'
	},
	'bad/object_should_be_list.yaml': { message: 'Template error: unresolved condition dependency HasTableName in Fn::If', cfnLint: 'E1028', why: 'Fn::If names an undeclared condition' },
	'bad/properties_required.yaml': { message: 'Template error: unresolved condition dependency AddCustomComain in Fn::If', cfnLint: 'E1028', why: 'Fn::If names an undeclared condition' },
	'bad/parameters.yaml': { message: 'Template format error: Unrecognized parameter type: NotString', cfnLint: 'E2002', why: 'parameter declarations are template structure (knowledge-center article)' },
	'bad/parameters/default.yaml': { message: 'Template format error: Every Default member must be a string.', cfnLint: 'E2001', why: 'a Default given as a function (!Ref AWS::NoValue)' },
	// DeletionPolicy values are checked with the template (Eucalyptus's reading of AWS); a list is not a policy.
	'bad/resources_deletionpolicy.yaml': {
		message: 'Template format error: DeletionPolicy for resource PolicyList must be a string. Intrinsic functions need the AWS::LanguageExtensions transform.',
		cfnLint: 'E3035',
		why: 'a list where the policy name goes'
	},
	'bad/resources_updatereplacepolicy.yaml': {
		message: 'Template format error: UpdateReplacePolicy for resource PolicyList must be a string. Intrinsic functions need the AWS::LanguageExtensions transform.',
		cfnLint: 'E3036',
		why: 'a list where the policy name goes'
	}
};

const valid = manifest.files.filter((f) => f.expect === 'valid');
const invalid = manifest.files.filter((f) => f.expect === 'invalid');

describe('corpus: valid templates pass ValidateTemplate', () => {
	it('has the templates the manifest lists', () => {
		expect(valid.length).toBe(63);
		expect(invalid.length).toBe(47);
	});

	it.each(valid.map((f) => [short(f.file), f] as const))('%s', (name, f) => {
		const exception = VALID_EXCEPTIONS[name];
		if (exception) {
			expect(errorOf(() => validate(f.file)).message).toBe(exception.message);
			return;
		}
		if (Buffer.byteLength(read(f.file)) > LIMITS.templateBodyBytes) {
			expect(errorOf(() => validate(f.file)).message).toMatch(/failed to satisfy constraint: Member must have length less than or equal to 51200$/);
			expect(() => validate(f.file, TEMPLATE_URL_SIZE)).not.toThrow();
			return;
		}
		const result = validate(f.file);
		expect(result.output.Parameters).toHaveLength(f.parameterCount ?? 0);
		if (!f.transform) {
			expect(result.model.resources).toHaveLength(f.resourceCount ?? -1);
			expect(result.model.outputs).toHaveLength(f.outputCount ?? 0);
		}
	});
});

describe('corpus: template-level faults are refused with the right sentence', () => {
	const templateLevel = invalid.filter((f) => !CREATION_TIME_CLASSES.has(f.class ?? ''));
	it('every template-level file has an expectation', () => {
		expect(templateLevel.map((f) => short(f.file)).sort()).toEqual(Object.keys(REFUSED).sort());
	});
	it.each(templateLevel.map((f) => [`${f.class}: ${short(f.file)}`, f] as const))('%s', (_name, f) => {
		const expected = REFUSED[short(f.file)];
		expect(expected).toBeDefined();
		const strict = STRICT_ONLY.has(short(f.file));
		const e = errorOf(() => validate(f.file, undefined, strict ? 'error' : undefined));
		expect(e.message).toBe(expected?.message);
		if (expected?.line !== undefined) expect(e.location?.line).toBe(expected.line);
	});
	it('the duplicates are accepted as AWS accepts them: the last value wins, each duplicate is listed', () => {
		const json = validate('bad/cfn-lint/test/fixtures/templates/bad/duplicate.json');
		expect(json.parsed.duplicates.map((d) => [d.path, d.line, d.replacedLine])).toEqual([
			['/Resources/MySNSTopic', 17, 5],
			['/Resources/MySNSTopic', 23, 17]
		]);
		expect(json.model.resources.map((r) => r.logicalId)).toEqual(['MySNSTopic', 'MyEipNat']);
		// The YAML one misuses `Parameters` inside a resource (cfn-lint#35's example): refused for that, not for the duplicates.
		expect(errorOf(() => validate('bad/cfn-lint/test/fixtures/templates/bad/duplicate.yaml')).message).toBe("Invalid template resource property 'Parameters'");
	});
});

describe('corpus: faults a resource provider finds at creation pass ValidateTemplate, as on AWS', () => {
	const creationTime = invalid.filter((f) => CREATION_TIME_CLASSES.has(f.class ?? ''));
	it('lists them', () => {
		expect(creationTime.map((f) => `${f.class}: ${short(f.file)}`).sort()).toEqual([
			'bad-parameter: bad/parameters.yaml',
			'bad-parameter: bad/parameters/default.yaml',
			'bad-policy-attribute: bad/resources_deletionpolicy.yaml',
			'bad-policy-attribute: bad/resources_updatereplacepolicy.yaml',
			'missing-required-property: bad/override/complete.yaml',
			'missing-required-property: bad/properties_atleastone.yaml',
			'missing-required-property: bad/properties_required.yaml',
			'wrong-type: bad/object_should_be_list.yaml',
			'wrong-type: bad/resources/properties/value_non_strict.yaml',
			'wrong-type: bad/resources_cognito_userpool_tag_is_list.yaml'
		]);
	});
	it.each(creationTime.map((f) => [`${f.class}: ${short(f.file)}`, f] as const))('%s', (_name, f) => {
		const also = ALSO_TEMPLATE_LEVEL[short(f.file)];
		if (!also) {
			expect(() => validate(f.file)).not.toThrow();
			return;
		}
		// Refused for a second, template-level fault that cfn-lint also reports.
		expect(f.cfnLintErrorCodes).toContain(also.cfnLint);
		expect(errorOf(() => validate(f.file)).message).toBe(also.message);
	});
});
