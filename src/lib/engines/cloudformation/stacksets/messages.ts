// The sentences StackSets writes, as AWS writes them. Sources:
// [UG-TS]   User Guide, "Troubleshooting CloudFormation StackSets" (stacksets-troubleshooting.md):
//           list-stack-set-operation-results / list-stack-instances / describe-stack-instance
//           answers for an account without the execution role (2022).
// [API-LR]  API Reference, ListStackSetOperationResults sample responses.
// [CLI-LSI] AWS CLI reference, list-stack-instances example (an instance whose stack failed).
// [CT109]   aws-solutions/aws-control-tower-customizations#109: a custom administration role
//           (with its path) quoted in the execution-role sentence.
// [ISS]     real errors quoted in issues: ansible-collections/community.aws#103 and
//           terraform-provider-aws#11726 (OperationInProgressException, 409),
//           CrowdStrike/Cloud-AWS#159 (StackSetNotFoundException), terraform-provider-aws#24250
//           (both failure tolerances given), a blog's CLI output (StackSetNotEmptyException).
// Sentences marked (unverified) follow the pattern of their neighbours or the API Reference's
// description of the error; no real answer carrying them was found.

export const DEFAULT_ADMINISTRATION_ROLE = 'AWSCloudFormationStackSetAdministrationRole';
export const DEFAULT_EXECUTION_ROLE = 'AWSCloudFormationStackSetExecutionRole';

/** [API-LR] The account gate result of a target whose account has no gate function. */
export const ACCOUNT_GATE_NOT_FOUND = 'AWSCloudFormationStackSetAccountGate function not found';

export const REASON = {
	/** [UG-TS][CT109] The execution role is missing or does not trust the administration role. */
	executionRole: (account: string, executionRoleName: string, administrationRole: string) =>
		`Account ${account} should have '${executionRoleName}' role with trust relationship to Role '${administrationRole}'.`,
	/** [API-LR] The administration role is missing or does not trust CloudFormation. */
	administrationRole: (account: string, administrationRole: string) =>
		`Account ${account} should have '${administrationRole}' role with trust relationship to CloudFormation service.`,
	/** [API-LR] */
	toleranceExceeded: 'Cancelled since failure tolerance has exceeded',
	/** (unverified) A target left pending when StopStackSetOperation was called. */
	stopped: 'Cancelled since operation was stopped',
	/**
	 * [CLI-LSI] A stack that failed: its first failed resource. The sample's resource reason ends
	 * with ")." and a registry-type sample in aws-solutions/quota-monitor-for-aws#97 ends without a
	 * period, so the resource's reason is quoted as it is.
	 */
	resourceFailed: (logicalId: string, type: string, reason: string) => `ResourceLogicalId:${logicalId}, ResourceType:${type}, ResourceStatusReason:${reason}`
};

export const MESSAGES = {
	/** [ISS] CrowdStrike/Cloud-AWS#159: "StackSet CrowdstrikeDiscover-IAM-ROLES not found". */
	stackSetNotFound: (name: string) => `StackSet ${name} not found`,
	/** [ISS] ansible#103, terraform#11726: the stack set's ARN. */
	operationInProgress: (arn: string) => `Another Operation on StackSet ${arn} is in progress`,
	/** [ISS] "An error occurred (StackSetNotEmptyException) when calling the DeleteStackSet operation: StackSet is not empty". */
	notEmpty: 'StackSet is not empty',
	/**
	 * Scripts match the substring "StackSet already exists" (aws-samples Control Tower enrolment)
	 * and "StackSet already exists." (kaytu); (unverified) whether anything precedes it.
	 */
	nameAlreadyExists: 'StackSet already exists.',
	/** (unverified) The API Reference's description of StackInstanceNotFoundException. */
	instanceNotFound: 'The specified stack instance doesn\'t exist.',
	/** (unverified) The API Reference's description of OperationNotFoundException. */
	operationNotFound: 'The specified ID refers to an operation that doesn\'t exist.',
	/** (unverified) The API Reference's description of OperationIdAlreadyExistsException. */
	operationIdAlreadyExists: 'The specified operation ID already exists.',
	/** (unverified) The API Reference's description of InvalidOperationException. */
	invalidOperation: 'The specified operation isn\'t valid.',
	/** [ISS] terraform-provider-aws#24250. */
	bothFailureTolerances: 'Exactly one of FailureTolerancePercentage and FailureToleranceCount must be specified since both parameters are present',
	/** (unverified) The twin of bothFailureTolerances. */
	bothMaxConcurrent: 'Exactly one of MaxConcurrentPercentage and MaxConcurrentCount must be specified since both parameters are present',
	/** (unverified) AWS's generic constraint sentence, as the stack API words its own. */
	constraint: (value: string, member: string, constraint: string) => `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
	/** (unverified) */
	accountsAndRegionsTogether: 'Accounts and Regions must be specified together.',
	/** (unverified) */
	regionsRequired: 'Regions must be specified.',
	/** (unverified) */
	accountsRequired: 'Accounts must be specified for a StackSet with self-managed permissions.',
	/** (unverified) UpdateStackSet with neither a template nor UsePreviousTemplate. */
	templateOrPrevious: 'Either TemplateBody or TemplateURL must be specified, or UsePreviousTemplate set to true.',
	/** The simulator's own sentence: the world has a fixed set of Regions. */
	unknownRegion: (region: string, regions: readonly string[]) => `The simulated world has no Region '${region}'. Use one of ${regions.join(', ')}.`,
	/** The simulator's own sentence: only self-managed permissions are simulated. */
	serviceManagedNotSimulated: 'SERVICE_MANAGED stack sets need AWS Organizations, which this simulator does not have: use SELF_MANAGED with the AWSCloudFormationStackSetAdministrationRole and AWSCloudFormationStackSetExecutionRole roles.',
	/** (unverified) UpdateStack's sentence for the same mistake. */
	bothTemplates: 'You cannot specify both usePreviousTemplate and Template Body/Template URL.',
	/** The simulator's own sentence. */
	importNotSimulated: 'Importing a stack into a new StackSet (StackId) is not simulated: create the StackSet from a template.',
	/** The simulator's own sentence. */
	templateUrlNotSupported: 'TemplateURL is not supported by this simulator: it has no Amazon S3. Pass the template text as TemplateBody.'
};
