// A stack holding a real AWS::ECR::Repository (the simulator's own provider): the repository is
// one `DescribeRepositories` lists, the stack's outputs read its real ARN and URI, an update
// changes it through ECR, a save taken mid-create resumes, and deleting the stack deletes it.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../../src/lib/engines/cloudformation/api';
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { events, lines, NOW, REGION } from './helpers';

beforeAll(async () => {
	await loadResourceSchemas();
});

const TEMPLATE = (mutability: string) => `
AWSTemplateFormatVersion: '2010-09-09'
Description: A repository for the web app
Parameters:
  Mutability:
    Type: String
    Default: ${mutability}
Resources:
  WebRepo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: team/web-app
      ImageTagMutability: !Ref Mutability
      ImageScanningConfiguration:
        ScanOnPush: true
      Tags:
        - Key: team
          Value: web
Outputs:
  Uri:
    Value: !GetAtt WebRepo.RepositoryUri
    Export:
      Name: !Sub '\${AWS::StackName}-uri'
  Arn:
    Value: !GetAtt WebRepo.Arn
`;

describe('a stack with an AWS::ECR::Repository', () => {
	it('creates a real repository, updates it through ECR, and deletes it with the stack', () => {
		const world = World.create({ now: NOW });
		const cfn = world.cloudformation(rootCaller(), REGION);
		const ecr = world.ecr(rootCaller(), REGION);
		const { StackId } = cfn.call('CreateStack', { StackName: 'web', TemplateBody: TEMPLATE('MUTABLE') });
		world.advanceBy(60_000);
		expect(lines(events(cfn, 'web'))).toEqual([
			'web CREATE_IN_PROGRESS User Initiated',
			'WebRepo CREATE_IN_PROGRESS',
			'WebRepo CREATE_IN_PROGRESS Resource creation Initiated',
			'WebRepo CREATE_COMPLETE',
			'web CREATE_COMPLETE'
		]);
		const [repo] = ecr.call('DescribeRepositories', {}).repositories ?? [];
		expect(repo).toMatchObject({ repositoryName: 'team/web-app', imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: true } });
		expect(cfn.call('DescribeStacks', { StackName: 'web' }).Stacks?.[0]?.Outputs).toEqual([
			{ OutputKey: 'Uri', OutputValue: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web-app', ExportName: 'web-uri' },
			{ OutputKey: 'Arn', OutputValue: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web-app' }
		]);
		expect(cfn.call('DescribeStackResource', { StackName: 'web', LogicalResourceId: 'WebRepo' }).StackResourceDetail?.PhysicalResourceId).toBe('team/web-app');

		cfn.call('UpdateStack', { StackName: 'web', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'Mutability', ParameterValue: 'IMMUTABLE' }] });
		world.advanceBy(60_000);
		expect(cfn.call('DescribeStacks', { StackName: 'web' }).Stacks?.[0]?.StackStatus).toBe('UPDATE_COMPLETE');
		expect(ecr.call('DescribeRepositories', {}).repositories?.[0]?.imageTagMutability).toBe('IMMUTABLE');

		cfn.call('DeleteStack', { StackName: 'web' });
		world.advanceBy(60_000);
		expect(cfn.call('DescribeStacks', { StackName: StackId }).Stacks?.[0]?.StackStatus).toBe('DELETE_COMPLETE');
		expect(ecr.call('DescribeRepositories', {}).repositories).toEqual([]);
	});

	it('fails the create with the handler message when the repository already exists', () => {
		const world = World.create({ now: NOW });
		world.ecr(rootCaller(), REGION).call('CreateRepository', { repositoryName: 'team/web-app' });
		const cfn = world.cloudformation(rootCaller(), REGION);
		cfn.call('CreateStack', { StackName: 'web', TemplateBody: TEMPLATE('MUTABLE') });
		world.advanceBy(60_000);
		const failed = events(cfn, 'web').find((e) => e.ResourceStatus === 'CREATE_FAILED');
		expect(failed?.ResourceStatusReason).toMatch(/^Resource handler returned message: "Resource of type 'AWS::ECR::Repository' with identifier 'team\/web-app' already exists." \(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: AlreadyExists\)$/);
		// The repository that was there before is left alone by the rollback.
		expect(world.ecr(rootCaller(), REGION).call('DescribeRepositories', {}).repositories?.map((r) => r.repositoryName)).toEqual(['team/web-app']);
	});

	it('resumes a create from a save taken between "Resource creation Initiated" and CREATE_COMPLETE', () => {
		const world = World.create({ now: NOW });
		world.cloudformation(rootCaller(), REGION).call('CreateStack', { StackName: 'web', TemplateBody: TEMPLATE('MUTABLE') });
		world.advanceBy(3_500);
		const cfn = world.cloudformation(rootCaller(), REGION);
		expect(lines(events(cfn, 'web')).at(-1)).toBe('WebRepo CREATE_IN_PROGRESS Resource creation Initiated');
		const restored = World.restore(JSON.parse(JSON.stringify(world.snapshot())));
		restored.advanceBy(60_000);
		world.advanceBy(60_000);
		expect(restored.snapshot()).toEqual(world.snapshot());
		expect(restored.cloudformation(rootCaller(), REGION).call('DescribeStacks', { StackName: 'web' }).Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
	});
});
