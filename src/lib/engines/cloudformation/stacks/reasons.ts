// The sentences stack operations write, as AWS writes them. Sources:
// [EV23] a real DescribeStackEvents answer, failed S3 bucket create with rollback (2023, eu-west-1);
// [EV24] a real console event list, failed create with cancellations and rollback (2024);
// [EV20] real DescribeStackEvents answers: OnFailure=DELETE, and a failed update that added a
//        resource (2020, us-east-1);
// [EV18] a real DescribeStackEvents answer, EC2 instance replaced during an update (2018);
// [EV17] awscfncli output of real updates and their rollbacks (2017);
// [FACTS] shared/cfn-facts.md §4–5 and the threads it cites.
// Sentences marked (unverified) follow the pattern of their neighbours without a sample.

export const REASON = {
	userInitiated: 'User Initiated',
	/** [EV20][EV24] */
	creationInitiated: 'Resource creation Initiated',
	/** [EV24] */
	creationCancelled: 'Resource creation cancelled',
	/** (unverified) the update twin of creationCancelled. */
	updateCancelled: 'Resource update cancelled',
	/** (unverified) the stack reason after CancelUpdateStack. */
	stackUpdateCancelled: 'Stack update cancelled',
	/** [EV24]: the stack's own *_IN_PROGRESS event once its transforms ran. */
	transformationSucceeded: 'Transformation succeeded',
	/** [EV18] */
	replacementInitiated: 'Requested update requires the creation of a new physical resource; hence creating one.',

	/** [EV23][EV24]: the list, then what happens next. */
	failedToCreate: (ids: readonly string[]) => `The following resource(s) failed to create: [${ids.join(', ')}]. `,
	/** [EV17] "The following resource(s) failed to update: [CFNUser]." */
	failedToUpdate: (ids: readonly string[]) => `The following resource(s) failed to update: [${ids.join(', ')}].`,
	/** [FACTS] §4 and the DELETE_FAILED reasons quoted in aws-samples threads: "...[apiCors, staticRewrite]. " */
	failedToDelete: (ids: readonly string[]) => `The following resource(s) failed to delete: [${ids.join(', ')}]. `,
	/** [EV23][EV24] "…[Bucket]. Rollback requested by user."; a stack-level sentence gets a space first. */
	rollbackRequested: (base: string) => `${base}${base.endsWith(' ') ? '' : ' '}Rollback requested by user.`,
	/**
	 * [EV20] "The following resource(s) failed to create: [AuthGrant]. . Delete requested by user."
	 * and "No export named missing-export found. Delete requested by user." (serverless tests).
	 */
	deleteRequested: (base: string) => (base.endsWith(' ') ? `${base}. Delete requested by user.` : `${base} Delete requested by user.`),

	/** Handler failures of registry types, [EV24]. */
	handlerMessage: (message: string, requestToken: string, code: string) =>
		`Resource handler returned message: "${message}" (RequestToken: ${requestToken}, HandlerErrorCode: ${code})`,
	/** Named resources cannot be replaced (quoted in many threads, e.g. the aws-cdk and serverless ones). */
	customNameReplacement: (name: string) => `CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename ${name} and update the stack again.`,
	/** The simulator's own sentence: a real type it has no provider for is never a silent pass. */
	notSimulated: (type: string, logicalId: string) =>
		`Resource type ${type} is not simulated: this course's CloudFormation cannot create ${logicalId}. CloudFormation knows the type, but the simulated world has no service behind it.`,

	/** [FACTS] §5 (unverified wording) and real deployment logs quoting it. */
	exportAlreadyExported: (name: string, stackName: string) => `Export with name ${name} is already exported by stack ${stackName}`,
	/** [FACTS] §4 (aws/aws-cdk#604, #7602). */
	exportInUse: (name: string, action: 'deleted' | 'updated', importers: readonly string[]) =>
		`Export ${name} cannot be ${action} as it is in use by ${importers.join(' and ')}`
};

export const MESSAGES = {
	/** [FACTS] §5. */
	alreadyExists: (name: string) => `Stack [${name}] already exists`,
	/** [FACTS] §5. */
	doesNotExist: (name: string) => `Stack with id ${name} does not exist`,
	/** [FACTS] §4. */
	noUpdates: 'No updates are to be performed.',
	/** [FACTS] §4: `Stack:<arn> is in ROLLBACK_COMPLETE state and can not be updated.` */
	cannotUpdate: (stackId: string, status: string) => `Stack:${stackId} is in ${status} state and can not be updated.`,
	/** AWS's DeleteStack refusal for a protected stack (quoted in AWS's termination-protection docs and many threads). */
	terminationProtected: (name: string) => `Stack [${name}] cannot be deleted while TerminationProtection is enabled`,
	/** AWS's message for a type change in an update (quoted in aws-cdk threads). */
	typeChange: (ids: readonly string[]) => `Update of resource type is not permitted. The new template modifies resource type of the following resources: [${ids.join(', ')}]`,
	/** The API's constraint message for StackName (both parameters of the 1 validation error). */
	badStackName: (name: string) =>
		`1 validation error detected: Value '${name}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*`,
	onFailureAndDisableRollback: 'Either DisableRollback or OnFailure can be specified, not both.',
	/** (unverified) RetainResources outside DELETE_FAILED. */
	retainOnlyWhenDeleteFailed: (name: string) =>
		`Invalid operation on stack [${name}]. RetainResources can only be used on stacks in DELETE_FAILED state.`,
	templateBodyOrUrl: 'Either Template URL or Template Body must be specified.',
	templateUrlNotSupported: 'TemplateURL is not supported by this simulator: it has no Amazon S3. Pass the template text as TemplateBody.',
	nextTokenInvalid: 'Invalid NextToken.'
};

// ---------------------------------------------------------------------------------------------
// The stack-failure lifecycle: DisableRollback, RollbackStack, DeleteStack's retries, stack
// policies, TimeoutInMinutes and the status checks. Sources, in addition to the ones above:
// [SFO]    User Guide "Choose how to handle failures when provisioning resources" (stack-failure-options);
// [SPOL]   User Guide "Prevent updates to stack resources" (protect-stack-resources);
// [DEL]    User Guide "Deleting a stack" (using-cfn-cli-deleting-stack) and the DeleteStack API reference;
// [LSSNAP] AWS answers recorded by localstack's test_stack_policies.snapshot.json (real AWS, 2022);
// [CLI]    real ValidationErrors quoted in aws/aws-cli#6368, ansible-collections/amazon.aws#1655,
//          code-dot-org/code-dot-org#68524, awslabs/eks-perf-tests#517, rebuy-de/aws-nuke#270,
//          aws-amplify/amplify-backend#2366, docker-archive/ecs-plugin#177;
// [EV17]   as above: a 2017 stack-policy denial in a real event log.
// ---------------------------------------------------------------------------------------------

export const FAILURE_REASON = {
	/**
	 * [EV17] "Action denied by stack policy: Statement [#1] does not allow [Update:*] for resource [*];"
	 * (the statement's 1-based number, its actions and resources as written; a list is written
	 * "[Update:Replace, Update:Delete]" in a real-AWS test of stas).
	 */
	policyDenied: (statement: number, actions: readonly string[], resources: readonly string[]) =>
		`Action denied by stack policy: Statement [#${statement}] does not allow [${actions.join(', ')}] for resource [${resources.join(', ')}];`,
	/**
	 * No statement allows the action (the default denial once a policy is set). The opening words
	 * are AWS's ([LSSNAP]'s AWS-validated tests look for them); the rest is (unverified) and follows policyDenied.
	 */
	policyNotAllowed: (action: string, logicalId: string) => `Action not allowed by stack policy: No statement allows [${action}] for resource [LogicalResourceId/${logicalId}];`,
	/** [CLI] docker-archive/ecs-plugin#177: "Stack creation time exceeded the specified timeout. Delete requested by user." */
	createTimedOut: 'Stack creation time exceeded the specified timeout.'
};

export const FAILURE_MESSAGES = {
	/** [CLI] aws/aws-cli#6368 (CREATE_FAILED), SAM and aws-cdk logs (UPDATE_FAILED, also from ExecuteChangeSet). */
	nonTerminal: (status: string) =>
		`This stack is currently in a non-terminal [${status}] state. To update the stack from this state, please use the disable-rollback parameter with update-stack API. To rollback to the last known good state, use the rollback-stack API`,
	/** [CLI] code-dot-org#68524: a CREATE_FAILED stack made with OnFailure=DO_NOTHING cannot be updated. */
	onFailureDoNothing: (status: string) =>
		`This stack cannot be updated from [${status}] state because it contains [on-failure: DO_NOTHING]. Please use disable-rollback option instead during stack creation.`,
	/** (unverified) RollbackStack outside CREATE_FAILED and UPDATE_FAILED; follows MESSAGES.cannotUpdate. */
	cannotRollback: (stackId: string, status: string) => `Stack:${stackId} is in ${status} state and can not be rolled back.`,
	/** [CLI] awslabs/eks-perf-tests#517 and a second real log: the stack's ARN in the brackets. */
	forceDeleteOnlyWhenDeleteFailed: (stackId: string) =>
		`Invalid operation on stack [${stackId}]. You can activate DeletionMode FORCE_DELETE_STACK in a delete stack operation only when the stack is in the DELETE_FAILED state.`,
	/** [CLI] rebuy-de/aws-nuke#270. */
	retainDeleted: 'The specified resources to retain must be in a valid state. Do not specify resources that are in the DELETE_COMPLETE state.',
	/** [CLI] aws-amplify/amplify-backend#2366 ("Stack [id] cannot be deleted while in status UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"); the name as in terminationProtected. */
	cannotDeleteWhile: (name: string, status: string) => `Stack [${name}] cannot be deleted while in status ${status}`,
	/** Clients match this sentence to its end (`/ cannot be called from current stack status$/`, endswith): nothing follows it. */
	cannotCancel: 'CancelUpdateStack cannot be called from current stack status',
	/** (unverified) follows cannotCancel. */
	cannotContinueRollback: 'ContinueUpdateRollback cannot be called from current stack status',
	/** The API's enum constraint, in the form of the other "1 validation error detected" messages. */
	badDeletionMode: (value: string) =>
		`1 validation error detected: Value '${value}' at 'deletionMode' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, FORCE_DELETE_STACK]`,
	/** The API's range constraint (TimeoutInMinutes: minimum 1), same form. */
	badTimeout: (value: string) => `1 validation error detected: Value '${value}' at 'timeoutInMinutes' failed to satisfy constraint: Member must have value greater than or equal to 1`,
	/** [LSSNAP] AWS's one sentence for any malformed policy (not JSON, a Principal other than "*", an unknown action). */
	stackPolicyInvalid: 'Error validating stack policy: Invalid stack policy',
	/** [LSSNAP] */
	stackPolicyBodyAndUrl: 'You cannot specify both StackPolicyURL and StackPolicyBody',
	/** (unverified) follows stackPolicyBodyAndUrl. */
	stackPolicyDuringUpdateBodyAndUrl: 'You cannot specify both StackPolicyDuringUpdateURL and StackPolicyDuringUpdateBody',
	/** (unverified) SetStackPolicy with neither; follows MESSAGES.templateBodyOrUrl. */
	stackPolicyBodyOrUrl: 'Either StackPolicyBody or StackPolicyURL must be specified.',
	/** (unverified) the API's length constraint (16384), in the form of the tags message. */
	stackPolicyTooLong: "1 validation error detected: Value at 'stackPolicyBody' failed to satisfy constraint: Member must have length less than or equal to 16384",
	/** The simulator's own sentence, as templateUrlNotSupported. */
	stackPolicyUrlNotSupported: (parameter: 'StackPolicyURL' | 'StackPolicyDuringUpdateURL') =>
		`${parameter} is not supported by this simulator: it has no Amazon S3. Pass the policy text as ${parameter.replace('URL', 'Body')}.`
};
