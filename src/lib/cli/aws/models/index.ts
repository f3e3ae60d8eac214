// The services `aws` knows, by the name the CLI uses for them.
import type { CliModel } from './types';
import { ecrCliModel } from './ecr.generated';
import { stsCliModel } from './sts.generated';
import { iamCliModel } from './iam.generated';
import { cloudFormationCliModel } from './cloudformation.generated';

export const cliModels: Record<string, CliModel> = {
	cloudformation: cloudFormationCliModel,
	ecr: ecrCliModel,
	iam: iamCliModel,
	sts: stsCliModel
};
