// What drift detection compares as sets and as documents: Tags (insertionOrder: false in the
// registry schema) in any order are in sync, a policy in another spelling is in sync, JSON in a
// string compares as JSON; ordered arrays still compare by position.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { propertyDifferences } from '../../../../../src/lib/engines/cloudformation/stacks/drift-compare';
import { unorderedArrays } from '../../../../../src/lib/engines/cloudformation/stacks/drift-order';
import { samePolicy } from '../../../../../src/lib/engines/cloudformation/stacks/drift-policy';
import { cachedSchema } from '../../../../../src/lib/engines/cloudformation/stacks/schemas';
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { NOW, REGION } from './helpers';

beforeAll(async () => {
	await loadResourceSchemas();
});

const ordered = () => false;

describe('the schema says which arrays are sets', () => {
	it('Tags of an ECR repository, IAM role and S3 bucket; not a repository\'s exclusion filters', () => {
		const repo = unorderedArrays(cachedSchema('AWS::ECR::Repository'));
		expect(repo(['Tags'])).toBe(true);
		expect(repo(['ImageTagMutabilityExclusionFilters'])).toBe(false);
		expect(unorderedArrays(cachedSchema('AWS::IAM::Role'))(['ManagedPolicyArns'])).toBe(true);
		expect(unorderedArrays(cachedSchema('AWS::S3::Bucket'))(['Tags'])).toBe(true);
		// Nested through $ref and items: a service's subnets.
		expect(unorderedArrays(cachedSchema('AWS::ECS::Service'))(['NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets'])).toBe(true);
		expect(unorderedArrays(undefined)(['Tags'])).toBe(false);
	});
});

describe('propertyDifferences', () => {
	const tags = (...kv: [string, string][]) => kv.map(([Key, Value]) => ({ Key, Value }));
	const sets = (path: readonly string[]) => path.join('/') === 'Tags';

	it('a reordered set is in sync; a reordered list is not', () => {
		expect(propertyDifferences({ Tags: tags(['a', '1'], ['b', '2']) }, { Tags: tags(['b', '2'], ['a', '1']) }, sets)).toEqual([]);
		expect(propertyDifferences({ Tags: tags(['a', '1'], ['b', '2']) }, { Tags: tags(['b', '2'], ['a', '1']) }, ordered).map((d) => d.PropertyPath)).toEqual(['/Tags/0/Key', '/Tags/0/Value', '/Tags/1/Key', '/Tags/1/Value']);
	});

	it('in a set: a missing item is REMOVE at its template index, an extra one ADD at its live index, a changed value NOT_EQUAL', () => {
		expect(propertyDifferences({ Tags: tags(['a', '1'], ['b', '2']) }, { Tags: tags(['b', '2']) }, sets)).toEqual([{ PropertyPath: '/Tags/0', ExpectedValue: '{"Key":"a","Value":"1"}', ActualValue: 'null', DifferenceType: 'REMOVE' }]);
		expect(propertyDifferences({ Tags: tags(['a', '1']) }, { Tags: tags(['z', '9'], ['a', '1']) }, sets)).toEqual([{ PropertyPath: '/Tags/0', ExpectedValue: 'null', ActualValue: '{"Key":"z","Value":"9"}', DifferenceType: 'ADD' }]);
		expect(propertyDifferences({ Tags: tags(['a', '1'], ['b', '2']) }, { Tags: tags(['b', '3'], ['a', '1']) }, sets)).toEqual([{ PropertyPath: '/Tags/1/Value', ExpectedValue: '2', ActualValue: '3', DifferenceType: 'NOT_EQUAL' }]);
	});

	it('JSON in strings compares as JSON; a policy compares by meaning', () => {
		expect(propertyDifferences({ P: '{"a": 1, "b": [1, 2]}' }, { P: '{"b":[1,2],"a":1}' }, ordered)).toEqual([]);
		const written = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::1:root', 'arn:aws:iam::2:root'] }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }, { Effect: 'Deny', Principal: '*', Action: 'ecr:DeleteRepository' }] };
		const returned = { Statement: [{ Action: ['ecr:DeleteRepository'], Principal: '*', Effect: 'Deny' }, { Action: ['ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::2:root', 'arn:aws:iam::1:root'] } }], Version: '2012-10-17' };
		expect(samePolicy(written, returned)).toBe(true);
		expect(propertyDifferences({ RepositoryPolicyText: written }, { RepositoryPolicyText: JSON.stringify(returned) }, ordered)).toEqual([]);
		expect(propertyDifferences({ RepositoryPolicyText: written }, { RepositoryPolicyText: returned }, ordered)).toEqual([]);
		const widened = { ...returned, Statement: [...returned.Statement.slice(0, 1), { ...returned.Statement[1], Action: ['ecr:*'] }] };
		expect(samePolicy(written, widened)).toBe(false);
		expect(propertyDifferences({ RepositoryPolicyText: written }, { RepositoryPolicyText: widened }, ordered).length).toBeGreaterThan(0);
	});
});

describe('through ECR: a repository whose tags come back in another order is in sync', () => {
	it('untag and re-tag (ECR then lists the tag last): IN_SYNC; a new value: MODIFIED', () => {
		const world = World.create({ now: NOW });
		const cfn = world.cloudformation(rootCaller(), REGION);
		const ecr = world.ecr(rootCaller(), REGION);
		const template = { Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'web', Tags: [{ Key: 'team', Value: 'web' }, { Key: 'env', Value: 'prod' }] } } } };
		cfn.call('CreateStack', { StackName: 's', TemplateBody: JSON.stringify(template) });
		world.advanceBy(60_000);
		const arn = 'arn:aws:ecr:us-east-1:123456789012:repository/web';
		ecr.call('UntagResource', { resourceArn: arn, tagKeys: ['team'] });
		ecr.call('TagResource', { resourceArn: arn, tags: [{ Key: 'team', Value: 'web' }] });
		expect(ecr.call('ListTagsForResource', { resourceArn: arn }).tags?.map((t) => t.Key)).toEqual(['env', 'team']);
		const check = () => cfn.call('DetectStackResourceDrift', { StackName: 's', LogicalResourceId: 'Repo' }).StackResourceDrift;
		expect(check()?.StackResourceDriftStatus).toBe('IN_SYNC');
		ecr.call('TagResource', { resourceArn: arn, tags: [{ Key: 'team', Value: 'platform' }] });
		expect(check()?.PropertyDifferences).toEqual([{ PropertyPath: '/Tags/0/Value', ExpectedValue: 'web', ActualValue: 'platform', DifferenceType: 'NOT_EQUAL' }]);
	});

	it('a repository policy put back through ECR in another spelling is in sync', () => {
		const world = World.create({ now: NOW });
		const cfn = world.cloudformation(rootCaller(), REGION);
		const ecr = world.ecr(rootCaller(), REGION);
		const policy = { Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'] }] };
		cfn.call('CreateStack', { StackName: 's', TemplateBody: JSON.stringify({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'web', RepositoryPolicyText: policy } } } }) });
		world.advanceBy(60_000);
		const respelled = { Statement: [{ Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Principal: { AWS: ['arn:aws:iam::210987654321:root'] }, Effect: 'Allow', Sid: 'pull' }], Version: '2012-10-17' };
		ecr.call('SetRepositoryPolicy', { repositoryName: 'web', policyText: JSON.stringify(respelled, null, 2) });
		const check = () => cfn.call('DetectStackResourceDrift', { StackName: 's', LogicalResourceId: 'Repo' }).StackResourceDrift?.StackResourceDriftStatus;
		expect(check()).toBe('IN_SYNC');
		ecr.call('SetRepositoryPolicy', { repositoryName: 'web', policyText: JSON.stringify({ ...respelled, Statement: [{ ...respelled.Statement[0], Action: 'ecr:*' }] }) });
		expect(check()).toBe('MODIFIED');
	});
});
