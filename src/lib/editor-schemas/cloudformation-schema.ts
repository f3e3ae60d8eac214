// JSON schema of a CloudFormation template, for completion, hover and warnings in JSON and YAML.
// The resource types and their Properties are generated from the engine's own registry schemas
// (src/lib/engines/cloudformation/resources/schemas), so the editor knows exactly the types
// the simulator models, with the same property names, enums and required lists.
//
// Every property value may also be an intrinsic function. In JSON that is a one-key object
// ({"Ref": ...}); YAML's short tags (!Ref, !Sub, !If ...) reach the schema as plain strings and
// lists (the YAML service validates the node, not its tag), so for YAML a property also accepts
// any string or list. That keeps `!Ref Name` from being flagged, at the price of not flagging a
// wrong enum value written in YAML; the engine's checks still run on deploy.
import { MODELLED_RESOURCE_TYPES, loadSchema, type ResourceSchema, type Shape } from '$lib/engines/cloudformation/resources';
import { PARAMETER_TYPES, SUPPORTED_FUNCTIONS } from '$lib/engines/cloudformation/template';
import type { JsonSchema } from './types';

export type TemplateSyntax = 'json' | 'yaml';

const FUNCTION_DOCS: Readonly<Record<string, string>> = {
	Ref: 'The value of a parameter, or the physical ID of a resource (for ECR repositories, the name).',
	'Fn::GetAtt': 'An attribute of a resource: [LogicalId, Attribute] or "LogicalId.Attribute".',
	'Fn::Sub': 'A string with ${Name} and ${Resource.Attribute} placeholders filled in.',
	'Fn::Join': '[delimiter, [values...]]: the values joined into one string.',
	'Fn::Select': '[index, list]: one item of a list.',
	'Fn::Split': '[delimiter, string]: a list of the pieces.',
	'Fn::If': '[condition name, value if true, value if false].',
	'Fn::FindInMap': '[map name, top-level key, second-level key].',
	'Fn::ImportValue': 'An output exported by another stack in the same account and Region.',
	'Fn::GetAZs': 'The Availability Zones of a Region ("" for the stack’s Region).',
	'Fn::Base64': 'The string, Base64-encoded.',
	'Fn::Cidr': '[ipBlock, count, cidrBits]: a list of CIDR blocks.',
	'Fn::Equals': '[value1, value2]: true when they are equal (in Conditions).',
	'Fn::And': 'True when every condition in the list is true.',
	'Fn::Or': 'True when any condition in the list is true.',
	'Fn::Not': '[condition]: the opposite.',
	Condition: 'The value of a named condition.'
};

const INTRINSIC_REF = '#/definitions/Intrinsic';

const intrinsic: JsonSchema = {
	type: 'object',
	description: 'An intrinsic function, worked out by CloudFormation when the stack is deployed.',
	minProperties: 1,
	maxProperties: 1,
	additionalProperties: false,
	properties: Object.fromEntries(SUPPORTED_FUNCTIONS.map((name) => [name, { description: FUNCTION_DOCS[name] ?? `The ${name} function.` }]))
};

/** The schema keywords Monaco's and monaco-yaml's validators read; everything else in a registry schema is dropped. */
const COPIED = ['type', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'required', 'minProperties', 'maxProperties', 'dependentRequired'] as const;

class Converter {
	constructor(
		private readonly prefix: string,
		private readonly syntax: TemplateSyntax
	) {}

	/** A shape where a value is written: it may be an intrinsic function instead. */
	value(shape: Shape, description?: string): JsonSchema {
		const alternatives: JsonSchema[] = [this.shape(shape), { $ref: INTRINSIC_REF }];
		if (this.syntax === 'yaml') alternatives.push({ type: ['string', 'array'] });
		return { ...(description ? { description } : {}), anyOf: alternatives };
	}

	shape(shape: Shape): JsonSchema {
		const out: JsonSchema = {};
		for (const key of COPIED) if (shape[key] !== undefined) out[key] = structuredClone(shape[key]);
		if (shape.$ref) out.$ref = shape.$ref.replace('#/definitions/', `#/definitions/${this.prefix}`);
		if (shape.properties) out.properties = this.members(shape.properties);
		if (shape.patternProperties) out.patternProperties = this.members(shape.patternProperties);
		if (shape.items) out.items = this.value(shape.items);
		if (shape.additionalProperties !== undefined) {
			out.additionalProperties = typeof shape.additionalProperties === 'boolean' ? shape.additionalProperties : this.value(shape.additionalProperties);
		}
		for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
			const list = shape[key];
			if (list) out[key] = list.map((s) => this.shape(s));
		}
		if (shape.not) out.not = this.shape(shape.not);
		if (shape.dependencies) {
			out.dependencies = Object.fromEntries(Object.entries(shape.dependencies).map(([k, d]) => [k, Array.isArray(d) ? [...d] : this.shape(d)]));
		}
		return out;
	}

	private members(members: Record<string, Shape>): Record<string, JsonSchema> {
		return Object.fromEntries(Object.entries(members).map(([name, s]) => [name, this.value(s)]));
	}
}

/** "Update requires" wording of the AWS resource reference pages, from the registry lists. */
function propertyDescription(schema: ResourceSchema, name: string): string {
	const path = `${name}`;
	const parts = [`${schema.typeName} property.`];
	if (schema.readOnly.includes(path)) parts.push('Read-only: set by AWS, readable with Fn::GetAtt; you do not write it.');
	else if (schema.createOnly.includes(path)) parts.push('Update requires: Replacement.');
	else if (schema.conditionalCreateOnly?.includes(path)) parts.push('Update requires: Some interruptions.');
	else parts.push('Update requires: No interruption.');
	if (schema.required?.includes(name)) parts.push('Required.');
	return parts.join(' ');
}

const definitionPrefix = (typeName: string) => typeName.replace(/::/g, '.') + '.';

function resourceProperties(schema: ResourceSchema, syntax: TemplateSyntax, definitions: Record<string, JsonSchema>): JsonSchema {
	const prefix = definitionPrefix(schema.typeName);
	const convert = new Converter(prefix, syntax);
	for (const [name, def] of Object.entries(schema.definitions ?? {})) definitions[prefix + name] = convert.shape(def);
	const properties: Record<string, JsonSchema> = {};
	for (const [name, shape] of Object.entries(schema.properties ?? {})) {
		// Read-only properties are outputs; offering them as inputs would mislead.
		if (schema.readOnly.includes(name)) continue;
		properties[name] = convert.value(shape, propertyDescription(schema, name));
	}
	const root = convert.shape({ ...schema, properties: undefined, definitions: undefined } as Shape);
	return { ...root, type: 'object', description: `Properties of ${schema.typeName}.`, properties };
}

/** The template schema for the given registry schemas (pure: tests pass them in). */
export function cloudFormationSchemaFrom(resourceSchemas: readonly ResourceSchema[], syntax: TemplateSyntax): JsonSchema {
	const definitions: Record<string, JsonSchema> = { Intrinsic: intrinsic };
	const typeNames = resourceSchemas.map((s) => s.typeName).sort();
	const byType = resourceSchemas.map((schema) => {
		const key = `${definitionPrefix(schema.typeName)}Properties`;
		definitions[key] = resourceProperties(schema, syntax, definitions);
		return {
			if: { properties: { Type: { const: schema.typeName } }, required: ['Type'] },
			then: { properties: { Properties: { $ref: `#/definitions/${key}` } } }
		};
	});
	const resource: JsonSchema = {
		type: 'object',
		required: ['Type'],
		additionalProperties: false,
		properties: {
			Type: {
				description: 'The resource type, such as AWS::ECR::Repository. The suggestions are the types this simulator deploys.',
				anyOf: [{ enum: typeNames }, { type: 'string', pattern: '^(Custom::[A-Za-z0-9_@-]+|AWS::CloudFormation::CustomResource|[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)$' }]
			},
			Properties: { type: 'object', description: 'The settings of the resource; which ones depend on its Type.' },
			DependsOn: { description: 'Logical IDs of resources to create first.', anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
			Condition: { type: 'string', description: 'Create the resource only when this condition is true.' },
			DeletionPolicy: { enum: ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'], description: 'What happens to the resource when it leaves the stack. Retain keeps it (an ECR repository with images cannot be deleted otherwise unless EmptyOnDelete is true).' },
			UpdateReplacePolicy: { enum: ['Delete', 'Retain', 'Snapshot'], description: 'What happens to the old resource when an update replaces it.' },
			Metadata: { type: 'object' },
			CreationPolicy: { type: 'object' },
			UpdatePolicy: { type: 'object' }
		},
		allOf: byType
	};
	const parameter: JsonSchema = {
		type: 'object',
		required: ['Type'],
		additionalProperties: false,
		properties: {
			Type: { description: 'The kind of value.', anyOf: [{ enum: [...PARAMETER_TYPES].sort() }, { type: 'string' }] },
			Default: { description: 'The value used when none is given.' },
			Description: { type: 'string' },
			AllowedValues: { type: 'array', description: 'The only values accepted.' },
			AllowedPattern: { type: 'string', description: 'A regular expression a String value must match.' },
			ConstraintDescription: { type: 'string', description: 'Shown when a value breaks AllowedValues or AllowedPattern.' },
			MinLength: { type: ['integer', 'string'] },
			MaxLength: { type: ['integer', 'string'] },
			MinValue: { type: ['number', 'string'] },
			MaxValue: { type: ['number', 'string'] },
			NoEcho: { type: ['boolean', 'string'], description: 'Hide the value in DescribeStacks output (shown as *****).' }
		}
	};
	const output: JsonSchema = {
		type: 'object',
		required: ['Value'],
		additionalProperties: false,
		properties: {
			Value: { description: 'What the output shows; often a Ref or Fn::GetAtt.' },
			Description: { type: 'string' },
			Condition: { type: 'string' },
			Export: { type: 'object', required: ['Name'], additionalProperties: false, properties: { Name: { description: 'A name unique in the account and Region; other stacks read it with Fn::ImportValue.' } } }
		}
	};
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		title: 'AWS CloudFormation template',
		type: 'object',
		additionalProperties: false,
		required: ['Resources'],
		definitions,
		properties: {
			AWSTemplateFormatVersion: { enum: ['2010-09-09'], description: 'The template format version; 2010-09-09 is the only one.' },
			Description: { type: 'string', description: 'What the template is for (up to 1,024 bytes).' },
			Metadata: { type: 'object' },
			Parameters: { type: 'object', description: 'Values given when a stack is created or updated.', additionalProperties: parameter },
			Rules: { type: 'object' },
			Mappings: { type: 'object', description: 'Lookup tables read with Fn::FindInMap.' },
			Conditions: { type: 'object', description: 'Named true/false values built from Fn::Equals, Fn::And, Fn::Or, Fn::Not.' },
			Transform: { description: 'Macros to run first, such as AWS::LanguageExtensions.', anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
			Resources: { type: 'object', minProperties: 1, description: 'The resources of the stack, by logical ID. The only required section.', additionalProperties: resource },
			Outputs: { type: 'object', description: 'Values the stack reports (and may export).', additionalProperties: output }
		}
	};
}

/** Loads the engine's registry schemas and builds the template schema (browser: one small chunk a type). */
export async function loadCloudFormationSchema(syntax: TemplateSyntax): Promise<JsonSchema> {
	const schemas = await Promise.all(MODELLED_RESOURCE_TYPES.map((type) => loadSchema(type)));
	return cloudFormationSchemaFrom(schemas, syntax);
}
