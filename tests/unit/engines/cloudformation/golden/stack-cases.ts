// Golden cases for stacks/reasons.ts (REASON, MESSAGES, FAILURE_REASON, FAILURE_MESSAGES): each
// sentence a stack operation answers with or writes into an event, through the public API.
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { events, fakeProvider, fakeRegistry, NOW, OTHER, REGION, THING, type Cfn } from '../stacks/helpers';
import { created, eventReason, fake, json, maskToken, real, settle, stackReason, thrown, yaml, type GoldenCase, type Observed } from './harness';

const V = 'ValidationError';
const REPO = 'AWS::ECR::Repository';
/** Stack ARNs hold a time-based UUID: the cases compare everything else. */
const ID = '<stack-id>';
const maskId = (o: Observed, cfn: Cfn, stack = 'golden'): Observed => {
	const id = cfn.call('DescribeStacks', { StackName: stack }).Stacks?.[0]?.StackId ?? '';
	return { ...o, text: o.text.split(id).join(ID) };
};

/** The reason of the `status` event of `logicalId` that has one (a resource's second CREATE_IN_PROGRESS, say). */
function reasonWith(cfn: Cfn, stack: string, logicalId: string, status: string): Observed {
	const e = events(cfn, stack).find((x) => x.LogicalResourceId === logicalId && x.ResourceStatus === status && x.ResourceStatusReason);
	if (!e) throw new Error(`no ${status} event with a reason for ${logicalId}`);
	return { text: e.ResourceStatusReason ?? '' };
}

/** Bad fails while Sibling is still being made (stacks/create-failure.test.ts's template, smaller). */
const FAILING = json({
	Resources: {
		Base: { Type: OTHER, Properties: { V: 1 } },
		Sibling: { Type: THING, Properties: { On: { Ref: 'Base' } } },
		Bad: { Type: OTHER, Properties: { On: { Ref: 'Base' }, FailCreate: 'Simulated handler failure' } }
	}
});
const one = (props: Record<string, unknown> = {}) => json({ Resources: { A: { Type: THING, Properties: props } } });
const producer = json({ Resources: { Vpc: { Type: THING, Properties: {} } }, Outputs: { VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: 'shared' } } } });
const consumer = json({ Resources: { Subnet: { Type: THING, Properties: { VpcId: { 'Fn::ImportValue': 'shared' } } } } });
const repo = (props: Record<string, unknown>) => json({ Resources: { Repo: { Type: REPO, Properties: props } } });

function failedCreate(options: Record<string, unknown>) {
	const w = fake();
	w.cfn.call('CreateStack', { StackName: 'golden', TemplateBody: FAILING, ...options });
	settle(w.world);
	return w;
}

function updating(body: string, next: string, options: Record<string, unknown> = {}, world = fake()) {
	const w = created(body, world);
	w.cfn.call('UpdateStack', { StackName: 'golden', TemplateBody: next, ...options });
	return w;
}

/** Resources that take two virtual minutes to make (TimeoutInMinutes: 1 runs out). */
function slow() {
	const world = World.create({ now: NOW, providers: fakeRegistry(fakeProvider(THING, { create: 120_000, update: 1_000, delete: 1_000 })) });
	return { world, cfn: world.cloudformation(rootCaller(), REGION) };
}

const policy = (...statements: unknown[]) => JSON.stringify({ Statement: statements });

export const STACK_CASES: GoldenCase[] = [
	// --- REASON: event and stack reasons
	{ key: 'REASON.userInitiated', args: [], expected: 'User Initiated', run: () => eventReason(created(one()).cfn, 'golden', 'golden', 'CREATE_IN_PROGRESS') },
	{ key: 'REASON.creationInitiated', args: [], expected: 'Resource creation Initiated', run: () => reasonWith(created(one()).cfn, 'golden', 'A', 'CREATE_IN_PROGRESS') },
	{ key: 'REASON.creationCancelled', args: [], expected: 'Resource creation cancelled', run: () => eventReason(failedCreate({}).cfn, 'golden', 'Sibling', 'CREATE_FAILED') },
	{
		key: 'REASON.updateCancelled',
		args: [],
		expected: 'Resource update cancelled',
		run: () => {
			const { world, cfn } = updating(one({ V: 1 }), one({ V: 2 }));
			world.advanceBy(2_500); // A's update is running
			cfn.call('CancelUpdateStack', { StackName: 'golden' });
			settle(world);
			return eventReason(cfn, 'golden', 'A', 'UPDATE_FAILED');
		}
	},
	{
		key: 'REASON.stackUpdateCancelled',
		args: [],
		expected: 'Stack update cancelled',
		run: () => {
			const { world, cfn } = updating(one({ V: 1 }), one({ V: 2 }));
			world.advanceBy(2_500); // A's update is running
			cfn.call('CancelUpdateStack', { StackName: 'golden' });
			settle(world);
			return eventReason(cfn, 'golden', 'golden', 'UPDATE_ROLLBACK_IN_PROGRESS');
		}
	},
	{
		key: 'REASON.transformationSucceeded',
		args: [],
		expected: 'Transformation succeeded',
		run: () => {
			// The stack's second CREATE_IN_PROGRESS, once its transforms ran (the first is User Initiated).
			const { cfn } = created(yaml('Transform: AWS::LanguageExtensions', 'Resources:', `  A: {Type: ${THING}}`), fake(), { Capabilities: ['CAPABILITY_AUTO_EXPAND'] });
			const [, second] = events(cfn, 'golden').filter((e) => e.LogicalResourceId === 'golden' && e.ResourceStatus === 'CREATE_IN_PROGRESS');
			return { text: second?.ResourceStatusReason ?? '' };
		}
	},
	{
		key: 'REASON.replacementInitiated',
		args: [],
		expected: 'Requested update requires the creation of a new physical resource; hence creating one.',
		run: () => {
			const { world, cfn } = updating(repo({}), repo({ EncryptionConfiguration: { EncryptionType: 'KMS' } }), {}, real());
			settle(world);
			return reasonWith(cfn, 'golden', 'Repo', 'UPDATE_IN_PROGRESS');
		}
	},
	{ key: 'REASON.failedToCreate', args: [['Bad']], expected: 'The following resource(s) failed to create: [Bad]. ', run: () => stackReason(failedCreate({ OnFailure: 'DO_NOTHING' }).cfn, 'golden') },
	{
		key: 'REASON.failedToUpdate',
		args: [['A']],
		expected: 'The following resource(s) failed to update: [A].',
		run: () => {
			const { world, cfn } = updating(one({ V: 1 }), one({ V: 2, FailUpdate: 'Quota exceeded' }));
			settle(world);
			return stackReason(cfn, 'golden');
		}
	},
	{
		key: 'REASON.failedToDelete',
		args: [['A']],
		expected: 'The following resource(s) failed to delete: [A]. ',
		run: () => {
			const { world, cfn } = created(one({ FailDelete: 'in use' }));
			cfn.call('DeleteStack', { StackName: 'golden' });
			settle(world);
			return stackReason(cfn, 'golden');
		}
	},
	{ key: 'REASON.rollbackRequested', args: ['The following resource(s) failed to create: [Sibling, Bad]. '], expected: 'The following resource(s) failed to create: [Sibling, Bad]. Rollback requested by user.', run: () => stackReason(failedCreate({}).cfn, 'golden') },
	{
		key: 'REASON.deleteRequested',
		args: ['The following resource(s) failed to create: [Sibling, Bad]. '],
		expected: 'The following resource(s) failed to create: [Sibling, Bad]. . Delete requested by user.',
		run: () => {
			const { cfn } = failedCreate({ OnFailure: 'DELETE' });
			const id = cfn.call('ListStacks', {}).StackSummaries?.[0]?.StackId ?? '';
			return eventReason(cfn, id, 'golden', 'DELETE_IN_PROGRESS');
		}
	},
	{
		key: 'REASON.handlerMessage',
		args: ['Simulated handler failure', '<token>', 'InvalidRequest'],
		expected: 'Resource handler returned message: "Simulated handler failure" (RequestToken: <token>, HandlerErrorCode: InvalidRequest)',
		run: () => maskToken(eventReason(failedCreate({}).cfn, 'golden', 'Bad', 'CREATE_FAILED'))
	},
	{
		key: 'REASON.customNameReplacement',
		args: ['team/web'],
		expected: 'CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename team/web and update the stack again.',
		run: () => {
			const { world, cfn } = updating(repo({ RepositoryName: 'team/web' }), repo({ RepositoryName: 'team/web', EncryptionConfiguration: { EncryptionType: 'KMS' } }), {}, real());
			settle(world);
			return eventReason(cfn, 'golden', 'Repo', 'UPDATE_FAILED');
		}
	},
	{
		key: 'REASON.notSimulated',
		args: ['AWS::SSM::Parameter', 'A'],
		expected: 'Resource type AWS::SSM::Parameter is not simulated: this course\'s CloudFormation cannot create A. CloudFormation knows the type, but the simulated world has no service behind it.',
		run: () => eventReason(created(one({ Type: 'String', Value: 'v' }), real()).cfn, 'golden', 'A', 'CREATE_FAILED')
	},
	{
		key: 'REASON.exportAlreadyExported',
		args: ['shared', 'first'],
		expected: 'Export with name shared is already exported by stack first',
		// A failed create's stack reason ends with a period.
		seen: 'Export with name shared is already exported by stack first.',
		run: () => {
			const w = fake();
			w.cfn.call('CreateStack', { StackName: 'first', TemplateBody: producer });
			settle(w.world);
			w.cfn.call('CreateStack', { StackName: 'golden', TemplateBody: producer, OnFailure: 'DO_NOTHING' });
			settle(w.world);
			return stackReason(w.cfn, 'golden');
		}
	},
	{
		key: 'REASON.exportInUse',
		args: ['shared', 'deleted', ['app']],
		expected: 'Export shared cannot be deleted as it is in use by app',
		run: () => {
			const w = created(producer);
			w.cfn.call('CreateStack', { StackName: 'app', TemplateBody: consumer });
			settle(w.world);
			w.cfn.call('DeleteStack', { StackName: 'golden' });
			return stackReason(w.cfn, 'golden');
		}
	},

	// --- MESSAGES: refusals
	{ key: 'MESSAGES.alreadyExists', args: ['golden'], name: 'AlreadyExistsException', expected: 'Stack [golden] already exists', run: () => thrown(() => created(one()).cfn.call('CreateStack', { StackName: 'golden', TemplateBody: one() })) },
	{ key: 'MESSAGES.doesNotExist', args: ['nope'], name: V, expected: 'Stack with id nope does not exist', run: () => thrown(() => fake().cfn.call('DescribeStacks', { StackName: 'nope' })) },
	{ key: 'MESSAGES.noUpdates', args: [], name: V, expected: 'No updates are to be performed.', run: () => thrown(() => created(one()).cfn.call('UpdateStack', { StackName: 'golden', TemplateBody: one() })) },
	{
		key: 'MESSAGES.cannotUpdate',
		args: [ID, 'CREATE_IN_PROGRESS'],
		name: V,
		expected: 'Stack:<stack-id> is in CREATE_IN_PROGRESS state and can not be updated.',
		run: () => {
			const { cfn } = fake();
			cfn.call('CreateStack', { StackName: 'golden', TemplateBody: one() });
			return maskId(thrown(() => cfn.call('UpdateStack', { StackName: 'golden', TemplateBody: one({ V: 2 }) })), cfn);
		}
	},
	{
		key: 'MESSAGES.terminationProtected',
		args: ['golden'],
		name: V,
		expected: 'Stack [golden] cannot be deleted while TerminationProtection is enabled',
		run: () => thrown(() => created(one(), fake(), { EnableTerminationProtection: true }).cfn.call('DeleteStack', { StackName: 'golden' }))
	},
	{
		key: 'MESSAGES.typeChange',
		args: [['A']],
		name: V,
		expected: 'Update of resource type is not permitted. The new template modifies resource type of the following resources: [A]',
		run: () => thrown(() => created(one()).cfn.call('UpdateStack', { StackName: 'golden', TemplateBody: json({ Resources: { A: { Type: OTHER, Properties: {} } } }) }))
	},
	{
		key: 'MESSAGES.badStackName',
		args: ['1bad'],
		name: V,
		expected: "1 validation error detected: Value '1bad' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*",
		run: () => thrown(() => fake().cfn.call('CreateStack', { StackName: '1bad', TemplateBody: one() }))
	},
	{ key: 'MESSAGES.onFailureAndDisableRollback', args: [], name: V, expected: 'Either DisableRollback or OnFailure can be specified, not both.', run: () => thrown(() => fake().cfn.call('CreateStack', { StackName: 'golden', TemplateBody: one(), OnFailure: 'DELETE', DisableRollback: true })) },
	{
		key: 'MESSAGES.retainOnlyWhenDeleteFailed',
		args: ['golden'],
		name: V,
		expected: 'Invalid operation on stack [golden]. RetainResources can only be used on stacks in DELETE_FAILED state.',
		run: () => thrown(() => created(one()).cfn.call('DeleteStack', { StackName: 'golden', RetainResources: ['A'] }))
	},
	{ key: 'MESSAGES.templateBodyOrUrl', args: [], name: V, expected: 'Either Template URL or Template Body must be specified.', run: () => thrown(() => fake().cfn.call('CreateStack', { StackName: 'golden' })) },
	{
		key: 'MESSAGES.templateUrlNotSupported',
		args: [],
		name: V,
		expected: 'TemplateURL is not supported by this simulator: it has no Amazon S3. Pass the template text as TemplateBody.',
		run: () => thrown(() => fake().cfn.call('ValidateTemplate', { TemplateURL: 'https://s3.amazonaws.com/b/t.yaml' }))
	},
	{ key: 'MESSAGES.nextTokenInvalid', args: [], name: V, expected: 'Invalid NextToken.', run: () => thrown(() => created(one()).cfn.call('DescribeStackEvents', { StackName: 'golden', NextToken: 'not-a-token' })) },

	// --- FAILURE_REASON
	{
		key: 'FAILURE_REASON.policyDenied',
		args: [1, ['Update:*'], ['*']],
		expected: 'Action denied by stack policy: Statement [#1] does not allow [Update:*] for resource [*];',
		run: () => {
			const { world, cfn } = updating(one({ V: 1 }), one({ V: 2 }), { StackPolicyDuringUpdateBody: policy({ Effect: 'Deny', Action: 'Update:*', Principal: '*', Resource: '*' }) });
			settle(world);
			return eventReason(cfn, 'golden', 'A', 'UPDATE_FAILED');
		}
	},
	{
		key: 'FAILURE_REASON.policyNotAllowed',
		args: ['Update:Modify', 'A'],
		expected: 'Action not allowed by stack policy: No statement allows [Update:Modify] for resource [LogicalResourceId/A];',
		run: () => {
			const { world, cfn } = updating(one({ V: 1 }), one({ V: 2 }), { StackPolicyDuringUpdateBody: policy({ Effect: 'Allow', Action: 'Update:Delete', Principal: '*', Resource: '*' }) });
			settle(world);
			return eventReason(cfn, 'golden', 'A', 'UPDATE_FAILED');
		}
	},
	{
		key: 'FAILURE_REASON.createTimedOut',
		args: [],
		expected: 'Stack creation time exceeded the specified timeout.',
		run: () => stackReason(created(one(), slow(), { TimeoutInMinutes: 1, OnFailure: 'DO_NOTHING' }).cfn, 'golden')
	},

	// --- FAILURE_MESSAGES
	{
		key: 'FAILURE_MESSAGES.nonTerminal',
		args: ['CREATE_FAILED'],
		name: V,
		expected: 'This stack is currently in a non-terminal [CREATE_FAILED] state. To update the stack from this state, please use the disable-rollback parameter with update-stack API. To rollback to the last known good state, use the rollback-stack API',
		run: () => thrown(() => failedCreate({ DisableRollback: true }).cfn.call('UpdateStack', { StackName: 'golden', TemplateBody: one() }))
	},
	{
		key: 'FAILURE_MESSAGES.onFailureDoNothing',
		args: ['CREATE_FAILED'],
		name: V,
		expected: 'This stack cannot be updated from [CREATE_FAILED] state because it contains [on-failure: DO_NOTHING]. Please use disable-rollback option instead during stack creation.',
		run: () => thrown(() => failedCreate({ OnFailure: 'DO_NOTHING' }).cfn.call('UpdateStack', { StackName: 'golden', TemplateBody: one(), DisableRollback: true }))
	},
	{
		key: 'FAILURE_MESSAGES.cannotRollback',
		args: [ID, 'CREATE_COMPLETE'],
		name: V,
		expected: 'Stack:<stack-id> is in CREATE_COMPLETE state and can not be rolled back.',
		run: () => {
			const { cfn } = created(one());
			return maskId(thrown(() => cfn.call('RollbackStack', { StackName: 'golden' })), cfn);
		}
	},
	{
		key: 'FAILURE_MESSAGES.forceDeleteOnlyWhenDeleteFailed',
		args: [ID],
		name: V,
		expected: 'Invalid operation on stack [<stack-id>]. You can activate DeletionMode FORCE_DELETE_STACK in a delete stack operation only when the stack is in the DELETE_FAILED state.',
		run: () => {
			const { cfn } = created(one());
			return maskId(thrown(() => cfn.call('DeleteStack', { StackName: 'golden', DeletionMode: 'FORCE_DELETE_STACK' })), cfn);
		}
	},
	{
		key: 'FAILURE_MESSAGES.retainDeleted',
		args: [],
		name: V,
		expected: 'The specified resources to retain must be in a valid state. Do not specify resources that are in the DELETE_COMPLETE state.',
		run: () => {
			const w = created(json({ Resources: { Full: { Type: OTHER, Properties: { FailDelete: 'not empty' } }, Free: { Type: OTHER, Properties: {} } } }));
			w.cfn.call('DeleteStack', { StackName: 'golden' });
			settle(w.world);
			return thrown(() => w.cfn.call('DeleteStack', { StackName: 'golden', RetainResources: ['Full', 'Free'] }));
		}
	},
	{
		key: 'FAILURE_MESSAGES.cannotDeleteWhile',
		args: ['golden', 'CREATE_IN_PROGRESS'],
		name: V,
		expected: 'Stack [golden] cannot be deleted while in status CREATE_IN_PROGRESS',
		run: () => {
			const { cfn } = fake();
			cfn.call('CreateStack', { StackName: 'golden', TemplateBody: one() });
			return thrown(() => cfn.call('DeleteStack', { StackName: 'golden' }));
		}
	},
	{ key: 'FAILURE_MESSAGES.cannotCancel', args: [], name: V, expected: 'CancelUpdateStack cannot be called from current stack status', run: () => thrown(() => created(one()).cfn.call('CancelUpdateStack', { StackName: 'golden' })) },
	{ key: 'FAILURE_MESSAGES.cannotContinueRollback', args: [], name: V, expected: 'ContinueUpdateRollback cannot be called from current stack status', run: () => thrown(() => created(one()).cfn.call('ContinueUpdateRollback', { StackName: 'golden' })) },
	{
		key: 'FAILURE_MESSAGES.badDeletionMode',
		args: ['FORCEFULLY'],
		name: V,
		expected: "1 validation error detected: Value 'FORCEFULLY' at 'deletionMode' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, FORCE_DELETE_STACK]",
		run: () => thrown(() => created(one()).cfn.call('DeleteStack', { StackName: 'golden', DeletionMode: 'FORCEFULLY' }))
	},
	{
		key: 'FAILURE_MESSAGES.badTimeout',
		args: ['0'],
		name: V,
		expected: "1 validation error detected: Value '0' at 'timeoutInMinutes' failed to satisfy constraint: Member must have value greater than or equal to 1",
		run: () => thrown(() => fake().cfn.call('CreateStack', { StackName: 'golden', TemplateBody: one(), TimeoutInMinutes: 0 }))
	},
	{ key: 'FAILURE_MESSAGES.stackPolicyInvalid', args: [], name: V, expected: 'Error validating stack policy: Invalid stack policy', run: () => thrown(() => created(one()).cfn.call('SetStackPolicy', { StackName: 'golden', StackPolicyBody: 'nope' })) },
	{
		key: 'FAILURE_MESSAGES.stackPolicyBodyAndUrl',
		args: [],
		name: V,
		expected: 'You cannot specify both StackPolicyURL and StackPolicyBody',
		run: () => thrown(() => created(one()).cfn.call('SetStackPolicy', { StackName: 'golden', StackPolicyBody: '{}', StackPolicyURL: 'https://s3.amazonaws.com/b/p.json' }))
	},
	{
		key: 'FAILURE_MESSAGES.stackPolicyDuringUpdateBodyAndUrl',
		args: [],
		name: V,
		expected: 'You cannot specify both StackPolicyDuringUpdateURL and StackPolicyDuringUpdateBody',
		run: () => thrown(() => created(one()).cfn.call('UpdateStack', { StackName: 'golden', TemplateBody: one({ V: 2 }), StackPolicyDuringUpdateBody: '{}', StackPolicyDuringUpdateURL: 'https://s3.amazonaws.com/b/p.json' }))
	},
	{ key: 'FAILURE_MESSAGES.stackPolicyBodyOrUrl', args: [], name: V, expected: 'Either StackPolicyBody or StackPolicyURL must be specified.', run: () => thrown(() => created(one()).cfn.call('SetStackPolicy', { StackName: 'golden' })) },
	{
		key: 'FAILURE_MESSAGES.stackPolicyTooLong',
		args: [],
		name: V,
		expected: "1 validation error detected: Value at 'stackPolicyBody' failed to satisfy constraint: Member must have length less than or equal to 16384",
		run: () => thrown(() => created(one()).cfn.call('SetStackPolicy', { StackName: 'golden', StackPolicyBody: policy(...Array.from({ length: 300 }, (_, i) => ({ Effect: 'Allow', Action: 'Update:*', Principal: '*', Resource: `LogicalResourceId/Resource${i}` }))) }))
	},
	{
		key: 'FAILURE_MESSAGES.stackPolicyUrlNotSupported',
		args: ['StackPolicyURL'],
		name: V,
		expected: 'StackPolicyURL is not supported by this simulator: it has no Amazon S3. Pass the policy text as StackPolicyBody.',
		run: () => thrown(() => created(one()).cfn.call('SetStackPolicy', { StackName: 'golden', StackPolicyURL: 'https://s3.amazonaws.com/b/p.json' }))
	}
];
