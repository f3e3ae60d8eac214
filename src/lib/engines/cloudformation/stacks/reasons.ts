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
	/** (unverified) CancelUpdateStack outside UPDATE_IN_PROGRESS. */
	cannotCancel: (status: string) => `CancelUpdateStack cannot be called from current stack status. Stack status: ${status}`,
	/** (unverified) ContinueUpdateRollback outside UPDATE_ROLLBACK_FAILED. */
	cannotContinueRollback: (status: string) => `Stack is in ${status} state and can not continue update rollback.`,
	/** (unverified) wording of AWS's refusal to delete while an operation runs. */
	cannotDelete: (stackId: string, status: string) => `Stack:${stackId} is in ${status} state and can not be deleted.`,
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
