// A key given twice in a template: AWS accepts it and keeps the last value (template/parse.ts has
// the sources), so ValidateTemplate and CreateStack do too; the parse still lists the duplicate
// for the editor to warn about, and the strict check refuses it.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { RESOURCE_CATALOG } from '../../../../../src/lib/engines/cloudformation/resources';
import { validateTemplate } from '../../../../../src/lib/engines/cloudformation/template';
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { NOW, REGION } from './helpers';

beforeAll(async () => {
	await loadResourceSchemas(['AWS::ECR::Repository']);
});

const TEMPLATE = [
	'Resources:',
	'  Repo:',
	'    Type: AWS::ECR::Repository',
	'    Properties:',
	'      RepositoryName: first-name',
	'      ImageTagMutability: MUTABLE',
	'      RepositoryName: second-name',
	''
].join('\n');

describe('duplicate keys through the API', () => {
	it('ValidateTemplate accepts the template', () => {
		const cfn = World.create({ now: NOW }).cloudformation(rootCaller(), REGION);
		expect(cfn.call('ValidateTemplate', { TemplateBody: TEMPLATE })).toEqual({ Parameters: [] });
	});

	it('CreateStack makes the resource with the last value', () => {
		const world = World.create({ now: NOW });
		const cfn = world.cloudformation(rootCaller(), REGION);
		cfn.call('CreateStack', { StackName: 'dup', TemplateBody: TEMPLATE });
		world.advanceBy(60_000);
		expect(cfn.call('DescribeStacks', { StackName: 'dup' }).Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
		expect(world.ecr(rootCaller(), REGION).call('DescribeRepositories', {}).repositories?.map((r) => r.repositoryName)).toEqual(['second-name']);
	});

	it('the editor sees a warning; its strict check refuses', () => {
		const validated = validateTemplate(TEMPLATE, RESOURCE_CATALOG);
		expect(validated.parsed.duplicates.map((d) => d.message)).toEqual(["Duplicate key 'RepositoryName' (line 7, column 7): CloudFormation keeps this value and ignores the one at line 5, column 7"]);
		expect(() => validateTemplate(TEMPLATE, RESOURCE_CATALOG, { duplicateKeys: 'error' })).toThrow("Template format error: Duplicate key 'RepositoryName' (line 7, column 7); it was already declared at line 5, column 7");
	});
});
