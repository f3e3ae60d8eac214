// Which resource types the simulated CloudFormation can provision, and the provider of each,
// with the lab fault hook (fault-injection.ts) in front. Types in the template catalogue but not
// here are known to CloudFormation and not simulated.
import { ec2SecurityGroupProvider, ec2SubnetProvider, ec2VpcProvider } from './ec2-network';
import { ecrPublicRepositoryProvider } from './ecr-public-repository';
import { ecrRegistryPolicyProvider, ecrRegistryScanningConfigurationProvider, ecrReplicationConfigurationProvider } from './ecr-registry-settings';
import { ecrRepositoryProvider } from './ecr-repository';
import { ecsClusterProvider } from './ecs-cluster';
import { ecsServiceProvider } from './ecs-service';
import { ecsTaskDefinitionProvider } from './ecs-task-definition';
import { eksClusterProvider } from './eks-cluster';
import { withFaults } from './fault-injection';
import { iamManagedPolicyProvider } from './iam-managed-policy';
import { iamPolicyProvider } from './iam-policy';
import { iamRoleProvider } from './iam-role';
import { iamUserProvider } from './iam-user';
import { kmsKeyProvider } from './kms-key';
import { lambdaFunctionProvider } from './lambda-function';
import { logsLogGroupProvider } from './logs-log-group';
import { s3BucketProvider } from './s3-bucket';
import { snsTopicProvider } from './sns-topic';
import { sqsQueueProvider } from './sqs-queue';
import { waitConditionHandleProvider } from './wait-condition-handle';
import type { ResourceProvider } from './provider';

const PROVIDERS: readonly ResourceProvider[] = [
	ecrRepositoryProvider,
	ecrReplicationConfigurationProvider,
	ecrRegistryPolicyProvider,
	ecrRegistryScanningConfigurationProvider,
	ecrPublicRepositoryProvider,
	iamRoleProvider,
	iamPolicyProvider,
	iamManagedPolicyProvider,
	iamUserProvider,
	s3BucketProvider,
	kmsKeyProvider,
	logsLogGroupProvider,
	ecsClusterProvider,
	ecsTaskDefinitionProvider,
	ecsServiceProvider,
	ec2VpcProvider,
	ec2SubnetProvider,
	ec2SecurityGroupProvider,
	snsTopicProvider,
	sqsQueueProvider,
	lambdaFunctionProvider,
	eksClusterProvider,
	waitConditionHandleProvider
];

const BY_TYPE: ReadonlyMap<string, ResourceProvider> = new Map(PROVIDERS.map((p) => [p.type, withFaults(p)]));

/** The resource types this simulator provisions, sorted. */
export const SIMULATED_RESOURCE_TYPES: readonly string[] = PROVIDERS.map((p) => p.type).sort();

/** The provider of a type, or undefined when the simulator does not provision it. */
export function providerFor(type: string): ResourceProvider | undefined {
	return BY_TYPE.get(type);
}

/** Whether drift detection can check resources of this type (its provider can read them back). */
export const supportsDrift = (type: string): boolean => typeof providerFor(type)?.read === 'function';
