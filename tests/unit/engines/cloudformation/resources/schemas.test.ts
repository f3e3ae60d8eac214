import { describe, expect, it } from 'vitest';
import {
	MODELLED_RESOURCE_TYPES,
	RETURN_VALUES,
	RESOURCE_CATALOG,
	getAttNames,
	getReturnValues,
	hasSchema,
	isValidAttribute,
	loadSchema,
	requiresRecreation,
	updateBehaviour,
	updateBehaviourForChange
} from '$lib/engines/cloudformation/resources';

const BRIEF_TYPES = [
	'AWS::ECR::Repository',
	'AWS::ECR::ReplicationConfiguration',
	'AWS::ECR::RegistryPolicy',
	'AWS::ECR::PublicRepository',
	'AWS::ECR::RegistryScanningConfiguration',
	'AWS::ECR::PullThroughCacheRule',
	'AWS::IAM::Role',
	'AWS::IAM::Policy',
	'AWS::IAM::ManagedPolicy',
	'AWS::IAM::User',
	'AWS::S3::Bucket',
	'AWS::KMS::Key',
	'AWS::Logs::LogGroup',
	'AWS::ECS::Cluster',
	'AWS::ECS::TaskDefinition',
	'AWS::ECS::Service',
	'AWS::EC2::VPC',
	'AWS::EC2::Subnet',
	'AWS::EC2::SecurityGroup',
	'AWS::SNS::Topic',
	'AWS::SQS::Queue',
	'AWS::Lambda::Function',
	'AWS::EKS::Cluster',
	'AWS::CloudFormation::WaitConditionHandle',
	'AWS::CloudFormation::WaitCondition'
];

describe('modelled schemas', () => {
	it('ships a schema and return values for every type the simulator models', async () => {
		expect([...MODELLED_RESOURCE_TYPES].sort()).toEqual([...BRIEF_TYPES].sort());
		expect(Object.keys(RETURN_VALUES).sort()).toEqual([...BRIEF_TYPES].sort());
		for (const t of BRIEF_TYPES) {
			expect(hasSchema(t)).toBe(true);
			const s = await loadSchema(t);
			expect(s.typeName).toBe(t);
			expect(s.source).toMatch(/^cfn-lint@1\.51\.0:cfnlint\/data\/schemas\/resources\/[0-9a-f]{16}\.json/);
			expect(s.additionalProperties).toBe(false);
			expect(s.primaryIdentifier.length).toBeGreaterThan(0);
			// every listed path names a declared top-level property
			for (const p of [...s.createOnly, ...(s.conditionalCreateOnly ?? []), ...s.readOnly, ...s.primaryIdentifier]) {
				expect(Object.keys(s.properties ?? {}), `${t} ${p}`).toContain(p.split('/')[0]);
			}
			// every $ref resolves
			const refs = JSON.stringify(s).match(/"\$ref":"#\/definitions\/[^"]+"/g) ?? [];
			for (const r of refs) expect(s.definitions?.[r.slice(22, -1)], `${t} ${r}`).toBeDefined();
			// no documentation text shipped; insertionOrder only where it is false (drift compares those arrays as sets)
			expect(JSON.stringify(s)).not.toMatch(/"description"|"examples"|"insertionOrder":true|"handlers"/);
		}
	});

	it('rejects types it does not model', async () => {
		expect(hasSchema('AWS::EC2::Instance')).toBe(false);
		expect(hasSchema('constructor')).toBe(false);
		await expect(loadSchema('AWS::EC2::Instance')).rejects.toThrow(/no schema/);
	});

	it('returns the same frozen object on every load', async () => {
		const a = await loadSchema('AWS::ECR::Repository');
		const b = await loadSchema('AWS::ECR::Repository');
		expect(a).toBe(b);
		expect(Object.isFrozen(a)).toBe(true);
		expect(Object.isFrozen(a.properties)).toBe(true);
	});

	it('names GetAtt attributes that the schema lists', async () => {
		for (const t of BRIEF_TYPES) {
			const s = await loadSchema(t);
			const rv = getReturnValues(t)!;
			for (const a of Object.keys(rv.attributes)) expect(s.getAtt, `${t}.${a}`).toContain(a);
			// every read-only attribute is described (the "all properties" types add more names)
			for (const ro of s.readOnly) {
				const name = ro.replace(/\//g, '.');
				const described = Object.keys(rv.attributes).some((a) => a === name || a.startsWith(name + '.'));
				expect(described, `${t} ${ro}`).toBe(true);
			}
		}
		expect(getReturnValues('AWS::EC2::Instance')).toBeUndefined();
		expect(getReturnValues('toString')).toBeUndefined();
	});

	it('answers GetAtt questions synchronously, as the template layer needs', async () => {
		for (const t of BRIEF_TYPES) expect(getAttNames(t)).toEqual((await loadSchema(t)).getAtt);
		expect(isValidAttribute('AWS::ECR::Repository', 'Arn')).toBe(true);
		expect(isValidAttribute('AWS::ECR::Repository', 'RepositoryUri')).toBe(true);
		expect(isValidAttribute('AWS::ECR::Repository', 'RepositoryName')).toBe(false);
		expect(isValidAttribute('AWS::ECR::Repository', 'arn')).toBe(false);
		expect(isValidAttribute('AWS::Lambda::Function', 'SnapStartResponse.ApplyOn')).toBe(true);
		expect(isValidAttribute('AWS::EKS::Cluster', 'KubernetesNetworkConfig.ServiceIpv6Cidr')).toBe(true);
		// cfn-lint lets GetAtt read any property of these types
		expect(isValidAttribute('AWS::SQS::Queue', 'QueueName')).toBe(true);
		expect(isValidAttribute('AWS::SQS::Queue', 'RedrivePolicy.maxReceiveCount')).toBe(true);
		expect(isValidAttribute('AWS::EC2::VPC', 'EnableDnsSupport')).toBe(true);
		expect(isValidAttribute('AWS::ECR::PullThroughCacheRule', 'EcrRepositoryPrefix')).toBe(false);
		// custom resources take anything; unmodelled real types are not checked; unknown types never
		expect(isValidAttribute('Custom::Thing', 'Whatever')).toBe(true);
		expect(isValidAttribute('AWS::EC2::Instance', 'PublicIp')).toBe(true);
		expect(isValidAttribute('AWS::ECR::Repo', 'Arn')).toBe(false);
		expect(RESOURCE_CATALOG.isKnownResourceType('AWS::ECR::Repository')).toBe(true);
		expect(RESOURCE_CATALOG.isValidAttribute('AWS::IAM::Role', 'RoleId')).toBe(true);
	});
});

describe('AWS::ECR::Repository facts AWS documents', () => {
	it('has no required property', async () => {
		const s = await loadSchema('AWS::ECR::Repository');
		expect(s.required ?? []).toEqual([]);
	});

	it('replaces the repository when RepositoryName or EncryptionConfiguration changes', async () => {
		const s = await loadSchema('AWS::ECR::Repository');
		expect(updateBehaviour(s, 'RepositoryName')).toBe('Immutable');
		expect(updateBehaviour(s, 'EncryptionConfiguration')).toBe('Immutable');
		expect(updateBehaviour(s, 'EncryptionConfiguration/KmsKey')).toBe('Immutable');
		expect(updateBehaviour(s, ['EncryptionConfiguration', 'EncryptionType'])).toBe('Immutable');
		expect(requiresRecreation(updateBehaviour(s, 'RepositoryName'))).toBe('Always');
	});

	it('updates everything else in place (no interruption)', async () => {
		const s = await loadSchema('AWS::ECR::Repository');
		for (const p of [
			'ImageTagMutability',
			'ImageTagMutabilityExclusionFilters',
			'ImageScanningConfiguration',
			'ImageScanningConfiguration/ScanOnPush',
			'LifecyclePolicy',
			'LifecyclePolicy/LifecyclePolicyText',
			'RepositoryPolicyText',
			'EmptyOnDelete',
			'Tags'
		]) {
			expect(updateBehaviour(s, p), p).toBe('Mutable');
			expect(requiresRecreation(updateBehaviour(s, p))).toBe('Never');
		}
	});

	it('declares the documented constraints', async () => {
		const s = await loadSchema('AWS::ECR::Repository');
		const p = s.properties!;
		expect(p.ImageTagMutability!.enum).toEqual(['MUTABLE', 'IMMUTABLE', 'MUTABLE_WITH_EXCLUSION', 'IMMUTABLE_WITH_EXCLUSION']);
		expect(p.RepositoryName).toMatchObject({ type: 'string', minLength: 2, maxLength: 256 });
		expect(p.Tags).toMatchObject({ type: 'array', maxItems: 50, uniqueItems: true });
		expect(p.ImageTagMutabilityExclusionFilters).toMatchObject({ minItems: 1, maxItems: 5 });
		expect(p.RepositoryPolicyText!.type).toEqual(['object', 'string']);
		expect(s.definitions!.EncryptionConfiguration!.required).toEqual(['EncryptionType']);
		expect(s.definitions!.EncryptionType!.enum).toEqual(['AES256', 'KMS', 'KMS_DSSE']);
		expect(s.definitions!.LifecyclePolicyText).toMatchObject({ minLength: 100, maxLength: 30720 });
		expect(s.definitions!.RegistryId).toMatchObject({ pattern: '^[0-9]{12}$' });
		expect(s.definitions!.Tag).toMatchObject({ required: ['Value', 'Key'] });
		expect(s.writeOnly).toEqual(['EmptyOnDelete']);
		expect(s.definitions!.EmptyOnDelete!.type).toBe('boolean');
	});

	it('Ref returns the repository name; GetAtt gives Arn and RepositoryUri', async () => {
		const s = await loadSchema('AWS::ECR::Repository');
		expect(s.primaryIdentifier).toEqual(['RepositoryName']);
		expect([...s.readOnly].sort()).toEqual(['Arn', 'RepositoryUri']);
		expect([...s.getAtt].sort()).toEqual(['Arn', 'RepositoryUri']);
		const rv = getReturnValues('AWS::ECR::Repository')!;
		expect(rv.ref).toBe('repository name');
		expect(rv.nameProperty).toBe('RepositoryName');
		expect(rv.attributes.Arn).toBe('arn:{partition}:ecr:{region}:{account}:repository/{name}');
		expect(rv.attributes.RepositoryUri).toBe('{account}.dkr.ecr.{region}.{urlSuffix}/{name}');
	});
});

describe('other documented facts', () => {
	it('Ref returns an ARN or URL for SNS, SQS, ECS task definitions and services', async () => {
		expect((await loadSchema('AWS::SNS::Topic')).primaryIdentifier).toEqual(['TopicArn']);
		expect((await loadSchema('AWS::SQS::Queue')).primaryIdentifier).toEqual(['QueueUrl']);
		expect((await loadSchema('AWS::ECS::TaskDefinition')).primaryIdentifier).toEqual(['TaskDefinitionArn']);
		expect((await loadSchema('AWS::ECS::Service')).primaryIdentifier[0]).toBe('ServiceArn');
		expect(getReturnValues('AWS::Logs::LogGroup')!.attributes.Arn).toMatch(/:\*/);
	});

	it('knows conditional replacement from conditionalCreateOnlyProperties', async () => {
		const vpc = await loadSchema('AWS::EC2::VPC');
		expect(updateBehaviour(vpc, 'InstanceTenancy')).toBe('Conditional');
		expect(requiresRecreation('Conditional')).toBe('Conditionally');
		expect(updateBehaviour(vpc, 'CidrBlock')).toBe('Immutable');
		expect(updateBehaviour(vpc, 'EnableDnsHostnames')).toBe('Mutable');
		const svc = await loadSchema('AWS::ECS::Service');
		expect(updateBehaviour(svc, 'LaunchType')).toBe('Conditional');
		expect(updateBehaviour(svc, 'ServiceName')).toBe('Immutable');
		expect(updateBehaviour(svc, 'DesiredCount')).toBe('Mutable');
	});

	it('judges a nested change by what changed', async () => {
		const eks = await loadSchema('AWS::EKS::Cluster');
		// KubernetesNetworkConfig holds create-only IpFamily and ServiceIpv4Cidr next to updatable parts
		expect(updateBehaviour(eks, 'KubernetesNetworkConfig')).toBe('Conditional');
		expect(updateBehaviour(eks, 'KubernetesNetworkConfig/IpFamily')).toBe('Immutable');
		expect(
			updateBehaviourForChange(
				eks,
				'KubernetesNetworkConfig',
				{ IpFamily: 'ipv4', ElasticLoadBalancing: { Enabled: false } },
				{ IpFamily: 'ipv4', ElasticLoadBalancing: { Enabled: true } }
			)
		).toBe('Mutable');
		expect(
			updateBehaviourForChange(eks, 'KubernetesNetworkConfig', { IpFamily: 'ipv4' }, { IpFamily: 'ipv6' })
		).toBe('Immutable');
		expect(updateBehaviourForChange(eks, 'KubernetesNetworkConfig', undefined, { IpFamily: 'ipv4' })).toBe('Immutable');

		const repo = await loadSchema('AWS::ECR::Repository');
		expect(updateBehaviourForChange(repo, 'RepositoryName', undefined, 'web')).toBe('Immutable');
		expect(updateBehaviourForChange(repo, 'RepositoryName', 'web', undefined)).toBe('Immutable');
		expect(updateBehaviourForChange(repo, 'RepositoryName', 'web', 'web')).toBe('Mutable');
		expect(updateBehaviourForChange(repo, 'ImageScanningConfiguration', { ScanOnPush: 'true' }, { ScanOnPush: true })).toBe(
			'Mutable'
		);
		expect(updateBehaviourForChange(repo, 'Tags', [{ Key: 'a', Value: '1' }], [{ Key: 'a', Value: '2' }])).toBe('Mutable');

		const sg = await loadSchema('AWS::EC2::SecurityGroup');
		expect(updateBehaviour(sg, 'GroupDescription')).toBe('Immutable');
		expect(updateBehaviour(sg, 'SecurityGroupIngress/0/CidrIp')).toBe('Mutable');
	});

	it('matches "*" in listed paths to array indexes', async () => {
		const fake = {
			...(await loadSchema('AWS::ECR::Repository')),
			createOnly: ['Rules/*/Name']
		};
		expect(updateBehaviour(fake, 'Rules/3/Name')).toBe('Immutable');
		expect(updateBehaviour(fake, 'Rules/3/Other')).toBe('Mutable');
		expect(updateBehaviour(fake, 'Rules')).toBe('Conditional');
		expect(updateBehaviourForChange(fake, 'Rules', [{ Name: 'a' }], [{ Name: 'b' }])).toBe('Immutable');
		expect(updateBehaviourForChange(fake, 'Rules', [{ Name: 'a', Other: 1 }], [{ Name: 'a', Other: 2 }])).toBe('Mutable');
	});
});
