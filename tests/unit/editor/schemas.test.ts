import { describe, expect, it } from 'vitest';
import { schemaFor } from '$lib/editor-schemas';
import { ECR_ACTIONS } from '$lib/editor-schemas/iam-policy-schema';
import { cloudFormationSchemaFrom } from '$lib/editor-schemas/cloudformation-schema';
import { ecrOperations } from '$lib/engines/ecr/operations';
import { MODELLED_RESOURCE_TYPES } from '$lib/engines/cloudformation/resources';
import { validate } from './mini-validator';

const keep = (selection: object, action: object = { type: 'expire' }) => ({ rules: [{ rulePriority: 1, selection, action }] });

describe('lifecycle policy schema', async () => {
	const schema = await schemaFor('ecr-lifecycle-policy', 'json');
	it.each([
		['keep ten untagged', keep({ tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 10 })],
		['expire old prod images', keep({ tagStatus: 'tagged', tagPatternList: ['prod*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 })],
		['archive unpulled', keep({ tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 30 }, { type: 'transition', targetStorageClass: 'archive' })],
		['expire archived', keep({ tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90 })]
	])('accepts %s', (_name, document) => {
		expect(validate(schema, document)).toEqual([]);
	});
	it.each([
		['an unknown tagStatus', keep({ tagStatus: 'old', countType: 'imageCountMoreThan', countNumber: 1 })],
		['tagged without a list', keep({ tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 1 })],
		['a list without tagged', keep({ tagStatus: 'untagged', tagPrefixList: ['a'], countType: 'imageCountMoreThan', countNumber: 1 })],
		['countUnit with imageCountMoreThan', keep({ tagStatus: 'any', countType: 'imageCountMoreThan', countUnit: 'days', countNumber: 1 })],
		['sinceImagePushed without countUnit', keep({ tagStatus: 'any', countType: 'sinceImagePushed', countNumber: 1 })],
		['countNumber 0', keep({ tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 0 })],
		['five wildcards', keep({ tagStatus: 'tagged', tagPatternList: ['a*b*c*d*e*f'], countType: 'imageCountMoreThan', countNumber: 1 })],
		['transition without a target', keep({ tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 1 }, { type: 'transition' })],
		['an unknown key', { rules: [], extra: true }]
	])('rejects %s', (_name, document) => {
		expect(validate(schema, document)).not.toEqual([]);
	});
	it('suggests the three tagStatus values with a description each', () => {
		const tagStatus = (schema as any).properties.rules.items.properties.selection.properties.tagStatus;
		expect(tagStatus.enum).toEqual(['tagged', 'untagged', 'any']);
		expect(tagStatus.markdownEnumDescriptions).toHaveLength(3);
	});
});

describe('policy schemas', async () => {
	const repository = await schemaFor('ecr-repository-policy', 'json');
	const identity = await schemaFor('iam-policy', 'json');
	const pull = { Version: '2012-10-17', Statement: [{ Sid: 'Pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }] };
	const push = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'ecr:PutImage', Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/web', Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['team*'] } } } };
	it('accepts a repository policy and an identity policy', () => {
		expect(validate(repository, pull)).toEqual([]);
		expect(validate(identity, push)).toEqual([]);
	});
	it('refuses Resource in a repository policy and Principal in an identity policy', () => {
		expect(validate(repository, { Statement: [{ ...pull.Statement[0], Resource: '*' }] })).not.toEqual([]);
		expect(validate(identity, { Statement: [{ ...pull.Statement[0], Resource: '*' }] })).not.toEqual([]);
	});
	it('refuses an unknown condition operator and a lower-case Effect', () => {
		expect(validate(identity, { Statement: { ...push.Statement, Condition: { StringSimilar: { 'aws:username': 'a' } } } })).not.toEqual([]);
		expect(validate(identity, { Statement: { ...push.Statement, Effect: 'allow' } })).not.toEqual([]);
	});
	it('suggests every ECR operation the engine implements as an action', () => {
		for (const operation of Object.keys(ecrOperations)) expect(ECR_ACTIONS).toContain(`ecr:${operation}`);
	});
});

describe('CloudFormation template schema', async () => {
	const json = await schemaFor('cloudformation-template', 'json');
	const yaml = await schemaFor('cloudformation-template', 'yaml');
	const template = (properties: object) => ({ AWSTemplateFormatVersion: '2010-09-09', Parameters: { Name: { Type: 'String' } }, Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: properties } }, Outputs: { Uri: { Value: { 'Fn::GetAtt': ['Repo', 'RepositoryUri'] } } } });

	it('is generated from every resource type the engine models', () => {
		const types = (json as any).properties.Resources.additionalProperties.properties.Type.anyOf[0].enum;
		expect(types).toEqual([...MODELLED_RESOURCE_TYPES].sort());
		expect(types).toContain('AWS::ECR::Repository');
	});
	it('accepts a repository with intrinsic functions in its properties', () => {
		expect(validate(json, template({ RepositoryName: { Ref: 'Name' }, ImageTagMutability: 'IMMUTABLE', ImageScanningConfiguration: { ScanOnPush: true } }))).toEqual([]);
	});
	it('flags a wrong enum value and an unknown property in JSON', () => {
		expect(validate(json, template({ ImageTagMutability: 'SOMETIMES' }))).not.toEqual([]);
		expect(validate(json, template({ Colour: 'red' }))).not.toEqual([]);
		expect(validate(json, { Resources: { Repo: { Type: 'AWS::ECR::Repository', Propertys: {} } } })).not.toEqual([]);
	});
	it('takes YAML short tags (plain strings and lists to the schema) without a warning', () => {
		expect(validate(yaml, template({ RepositoryName: 'Name', EmptyOnDelete: 'true', Tags: ['x', 'y'] }))).toEqual([]);
		expect(validate(yaml, template({ Colour: 'red' }))).not.toEqual([]);
	});
	it('converts a schema given directly (the pure generator)', () => {
		const schema = cloudFormationSchemaFrom([], 'json');
		expect((schema as any).required).toEqual(['Resources']);
	});
});
