import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../../../src/lib/engines/world';
import { AwsError } from '../../../../src/lib/engines/errors';
import { rootCaller, SECOND_ACCOUNT } from '../../../../src/lib/engines/world-constants';

const NOW = '2026-11-23T10:00:00.000Z';
const setup = () => {
	const world = World.create({ now: NOW });
	return { world, ecr: world.ecr(rootCaller(), 'us-east-1') };
};
const errorOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		if (e instanceof AwsError) return { code: e.code, message: e.message };
		throw e;
	}
	throw new Error('expected an AwsError');
};

describe('CreateRepository', () => {
	it('returns the repository in AWS shape with the defaults', () => {
		const { ecr } = setup();
		expect(ecr.call('CreateRepository', { repositoryName: 'team-a/web' })).toEqual({
			repository: {
				repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/team-a/web',
				registryId: '123456789012',
				repositoryName: 'team-a/web',
				repositoryUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team-a/web',
				createdAt: new Date(NOW),
				imageTagMutability: 'MUTABLE',
				imageScanningConfiguration: { scanOnPush: false },
				encryptionConfiguration: { encryptionType: 'AES256' }
			}
		});
	});

	it('uses the AWS managed key when KMS is chosen without a key', () => {
		const { ecr } = setup();
		const { repository } = ecr.call('CreateRepository', { repositoryName: 'secure', encryptionConfiguration: { encryptionType: 'KMS' } });
		expect(repository?.encryptionConfiguration).toEqual({ encryptionType: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:123456789012:alias/aws/ecr' });
	});

	it('rejects names AWS rejects, with AWS messages', () => {
		const { ecr } = setup();
		expect(errorOf(() => ecr.call('CreateRepository', { repositoryName: 'a' }))).toEqual({
			code: 'InvalidParameterException',
			message: "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length greater than or equal to 2'"
		});
		for (const bad of ['MyRepo', 'team/', '/team', 'a//b', '-web', 'web-', 'we b']) {
			expect(errorOf(() => ecr.call('CreateRepository', { repositoryName: bad })).message, bad).toBe(
				"Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''"
			);
		}
		for (const good of ['web', 'team-a/web.app', 'a__b', 'a--b', '0web']) {
			expect(() => ecr.call('CreateRepository', { repositoryName: good })).not.toThrow();
		}
	});

	it('refuses a second repository of the same name', () => {
		const { ecr } = setup();
		ecr.call('CreateRepository', { repositoryName: 'web' });
		expect(errorOf(() => ecr.call('CreateRepository', { repositoryName: 'web' }))).toEqual({
			code: 'RepositoryAlreadyExistsException',
			message: "The repository with name 'web' already exists in the registry with id '123456789012'"
		});
	});

	it('requires exclusion filters exactly when the mutability has exclusions', () => {
		const { ecr } = setup();
		expect(errorOf(() => ecr.call('CreateRepository', { repositoryName: 'x1', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION' })).code).toBe('InvalidParameterException');
		expect(errorOf(() => ecr.call('CreateRepository', { repositoryName: 'x2', imageTagMutability: 'IMMUTABLE', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'dev-*' }] })).code).toBe('InvalidParameterException');
		const { repository } = ecr.call('CreateRepository', { repositoryName: 'x3', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'dev-*' }] });
		expect(repository?.imageTagMutabilityExclusionFilters).toEqual([{ filterType: 'WILDCARD', filter: 'dev-*' }]);
	});
});

describe('DescribeRepositories and DeleteRepository', () => {
	it('pages through repositories with an opaque token', () => {
		const { ecr } = setup();
		for (let i = 0; i < 5; i++) ecr.call('CreateRepository', { repositoryName: `repo-${i}` });
		const first = ecr.call('DescribeRepositories', { maxResults: 2 });
		expect(first.repositories?.map((r) => r.repositoryName)).toEqual(['repo-0', 'repo-1']);
		const second = ecr.call('DescribeRepositories', { maxResults: 2, nextToken: first.nextToken });
		const third = ecr.call('DescribeRepositories', { maxResults: 2, nextToken: second.nextToken });
		expect(third.repositories?.map((r) => r.repositoryName)).toEqual(['repo-4']);
		expect(third.nextToken).toBeUndefined();
	});

	it('names the missing repository', () => {
		const { ecr } = setup();
		ecr.call('CreateRepository', { repositoryName: 'web' });
		expect(errorOf(() => ecr.call('DescribeRepositories', { repositoryNames: ['web', 'api'] }))).toEqual({
			code: 'RepositoryNotFoundException',
			message: "The repository with name 'api' does not exist in the registry with id '123456789012'"
		});
	});

	it('keeps registries apart by account and Region', () => {
		const { world, ecr } = setup();
		ecr.call('CreateRepository', { repositoryName: 'web' });
		expect(world.ecr(rootCaller(), 'eu-west-1').call('DescribeRepositories', {}).repositories).toEqual([]);
		expect(world.ecr(rootCaller(SECOND_ACCOUNT), 'us-east-1').call('DescribeRepositories', {}).repositories).toEqual([]);
	});

	it('deletes an empty repository and returns it', () => {
		const { ecr } = setup();
		ecr.call('CreateRepository', { repositoryName: 'web' });
		expect(ecr.call('DeleteRepository', { repositoryName: 'web' }).repository?.repositoryName).toBe('web');
		expect(errorOf(() => ecr.call('DeleteRepository', { repositoryName: 'web' })).code).toBe('RepositoryNotFoundException');
	});
});

describe('tags', () => {
	it('tags, lists and untags a repository by ARN', () => {
		const { ecr } = setup();
		const arn = ecr.call('CreateRepository', { repositoryName: 'web', tags: [{ Key: 'team', Value: 'a' }] }).repository?.repositoryArn;
		ecr.call('TagResource', { resourceArn: arn, tags: [{ Key: 'team', Value: 'b' }, { Key: 'env', Value: 'prod' }] });
		expect(ecr.call('ListTagsForResource', { resourceArn: arn }).tags).toEqual([{ Key: 'team', Value: 'b' }, { Key: 'env', Value: 'prod' }]);
		ecr.call('UntagResource', { resourceArn: arn, tagKeys: ['team'] });
		expect(ecr.call('ListTagsForResource', { resourceArn: arn }).tags).toEqual([{ Key: 'env', Value: 'prod' }]);
	});

	it('refuses more than 50 tags', () => {
		const { ecr } = setup();
		const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
		expect(errorOf(() => ecr.call('CreateRepository', { repositoryName: 'web', tags })).code).toBe('TooManyTagsException');
	});
});

describe('the world', () => {
	it('restores from a snapshot to a world that answers reads the same way', () => {
		const { world, ecr } = setup();
		ecr.call('CreateRepository', { repositoryName: 'web', imageTagMutability: 'IMMUTABLE', tags: [{ Key: 'a', Value: 'b' }] });
		ecr.call('CreateRepository', { repositoryName: 'api', encryptionConfiguration: { encryptionType: 'KMS' } });
		const json = JSON.parse(JSON.stringify(world.snapshot()));
		const restored = World.restore(json).ecr(rootCaller(), 'us-east-1');
		expect(restored.call('DescribeRepositories', {})).toEqual(ecr.call('DescribeRepositories', {}));
		expect(World.restore(json).snapshot()).toEqual(world.snapshot());
	});

	it('restoring a hostile snapshot cannot set prototypes', () => {
		const { world } = setup();
		const json = JSON.stringify(world.snapshot()).replace('"ecr":[{', '"ecr":[{"__proto__":{"polluted":true},');
		const restored = World.restore(JSON.parse(json));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getPrototypeOf(restored.snapshot().ecr[0])).toBe(Object.prototype);
	});

	it('refuses what is not a saved world', () => {
		expect(errorOf(() => World.restore({ format: 'other' })).message).toBe('This is not a saved world.');
	});

	it('reports an unknown operation by name', () => {
		const { ecr } = setup();
		expect(errorOf(() => ecr.callByName('DescribeEverything', {})).code).toBe('UnknownOperationException');
	});

	it('never throws anything but an AWS error, and a failed call changes nothing', () => {
		const { world, ecr } = setup();
		ecr.call('CreateRepository', { repositoryName: 'web' });
		const ops = ['CreateRepository', 'DescribeRepositories', 'DeleteRepository', 'PutImageTagMutability', 'TagResource', 'UntagResource', 'ListTagsForResource', 'PutRegistryScanningConfiguration', 'PutImageScanningConfiguration', 'PutReplicationConfiguration', 'PutLifecyclePolicy', 'StartLifecyclePolicyPreview', 'GetLifecyclePolicyPreview'];
		fc.assert(
			fc.property(fc.constantFrom(...ops), fc.anything({ withNullPrototype: true, withObjectString: true }), (op, input) => {
				const snapshot = JSON.stringify(world.snapshot());
				try {
					ecr.callByName(op, input);
				} catch (e) {
					expect(e).toBeInstanceOf(AwsError);
					expect(JSON.stringify(world.snapshot())).toBe(snapshot);
				}
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('registry settings', () => {
	it('starts with basic scanning and no rules, and stores a configuration', () => {
		const { ecr } = setup();
		expect(ecr.call('GetRegistryScanningConfiguration', {})).toEqual({ registryId: '123456789012', scanningConfiguration: { scanType: 'BASIC', rules: [] } });
		const rules = [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: 'prod*', filterType: 'WILDCARD' }] }];
		ecr.call('PutRegistryScanningConfiguration', { scanType: 'ENHANCED', rules });
		expect(ecr.call('GetRegistryScanningConfiguration', {}).scanningConfiguration).toEqual({ scanType: 'ENHANCED', rules });
		expect(errorOf(() => ecr.call('PutRegistryScanningConfiguration', { scanType: 'BASIC', rules })).code).toBe('ValidationException');
		expect(errorOf(() => ecr.call('PutRegistryScanningConfiguration', { rules: [rules[0], rules[0], rules[0]] })).code).toBe('InvalidParameterException');
	});

	it('stores replication rules and reads them back with DescribeRegistry', () => {
		const { ecr } = setup();
		const replicationConfiguration = {
			rules: [{ destinations: [{ region: 'us-west-2', registryId: '123456789012' }, { region: 'us-east-1', registryId: SECOND_ACCOUNT }], repositoryFilters: [{ filter: 'prod', filterType: 'PREFIX_MATCH' }] }]
		};
		expect(ecr.call('PutReplicationConfiguration', { replicationConfiguration })).toEqual({ replicationConfiguration });
		expect(ecr.call('DescribeRegistry', {})).toEqual({ registryId: '123456789012', replicationConfiguration });
		const toItself = { rules: [{ destinations: [{ region: 'us-east-1', registryId: '123456789012' }] }] };
		expect(errorOf(() => ecr.call('PutReplicationConfiguration', { replicationConfiguration: toItself })).code).toBe('InvalidParameterException');
		expect(ecr.call('DescribeRegistry', {})).toEqual({ registryId: '123456789012', replicationConfiguration });
	});

	it('keeps the deprecated repository-level scan-on-push setting', () => {
		const { ecr } = setup();
		ecr.call('CreateRepository', { repositoryName: 'web' });
		ecr.call('PutImageScanningConfiguration', { repositoryName: 'web', imageScanningConfiguration: { scanOnPush: true } });
		expect(ecr.call('DescribeRepositories', {}).repositories?.[0]?.imageScanningConfiguration).toEqual({ scanOnPush: true });
	});
});
