// AWS wire protocols over the engines (design.md, src/lib/protocol/): awsJson 1.1 for ECR and ECR
// Public, awsQuery for CloudFormation, STS and IAM, so real AWS SDKs and the AWS CLI can talk to a
// simulated world.
export { handleAwsRequest, defaultCallerResolver } from './dispatch';
export type { CallerResolver, HandleOptions, WireRequest, WireResponse } from './types';
export { credentialScope, type CredentialScope } from './sigv4-scope';
