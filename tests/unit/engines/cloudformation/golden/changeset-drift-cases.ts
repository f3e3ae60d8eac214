// Golden cases for the change set and drift detection sentences (CHANGE_SET_MESSAGES in
// stacks/changesets.ts, DRIFT_MESSAGES in stacks/drift.ts), through the public API.
import { THING, type Cfn } from '../stacks/helpers';
import { created, fake, json, thrown, type GoldenCase, type Observed } from './harness';

const V = 'ValidationError';
const one = (props: Record<string, unknown> = {}) => json({ Resources: { A: { Type: THING, Properties: props } } });
const ID = '<change-set-id>';
const STACK = '<stack-id>';

/** A settled stack "golden" and a change set "cs" to `next`, ready to execute. */
function withChangeSet(next = one({ V: 2 })) {
	const w = created(one({ V: 1 }));
	w.cfn.call('CreateChangeSet', { StackName: 'golden', ChangeSetName: 'cs', TemplateBody: next });
	w.world.advanceBy(10_000);
	return w;
}

const maskIds = (o: Observed, cfn: Cfn): Observed => {
	const cs = cfn.call('ListChangeSets', { StackName: 'golden' }).Summaries?.[0]?.ChangeSetId ?? '<none>';
	const stack = cfn.call('DescribeStacks', { StackName: 'golden' }).Stacks?.[0]?.StackId ?? '<none>';
	return { ...o, text: o.text.split(cs).join(ID).split(stack).join(STACK) };
};

export const CHANGESET_DRIFT_CASES: GoldenCase[] = [
	// --- CHANGE_SET_MESSAGES
	{
		key: 'CHANGE_SET_MESSAGES.noChanges',
		args: [],
		expected: "The submitted information didn't contain changes. Submit different information to create a change set.",
		run: () => {
			const { cfn } = withChangeSet(one({ V: 1 }));
			return { text: cfn.call('DescribeChangeSet', { StackName: 'golden', ChangeSetName: 'cs' }).StatusReason ?? '' };
		}
	},
	{ key: 'CHANGE_SET_MESSAGES.notFound', args: ['nope'], name: 'ChangeSetNotFoundException', expected: 'ChangeSet [nope] does not exist', run: () => thrown(() => created(one()).cfn.call('DescribeChangeSet', { StackName: 'golden', ChangeSetName: 'nope' })) },
	{
		key: 'CHANGE_SET_MESSAGES.cannotExecute',
		args: [ID, 'CREATE_COMPLETE', 'EXECUTE_IN_PROGRESS'],
		name: 'InvalidChangeSetStatusException',
		expected: 'ChangeSet [<change-set-id>] cannot be executed in its current status of [CREATE_COMPLETE] and execution status of [EXECUTE_IN_PROGRESS]',
		run: () => {
			const { cfn } = withChangeSet();
			cfn.call('ExecuteChangeSet', { StackName: 'golden', ChangeSetName: 'cs' });
			return maskIds(thrown(() => cfn.call('ExecuteChangeSet', { StackName: 'golden', ChangeSetName: 'cs' })), cfn);
		}
	},
	{
		key: 'CHANGE_SET_MESSAGES.badName',
		args: ['1cs'],
		name: V,
		expected: "1 validation error detected: Value '1cs' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*",
		run: () => thrown(() => created(one()).cfn.call('CreateChangeSet', { StackName: 'golden', ChangeSetName: '1cs', TemplateBody: one({ V: 2 }) }))
	},
	{ key: 'CHANGE_SET_MESSAGES.alreadyExists', args: ['cs'], name: 'AlreadyExistsException', expected: 'ChangeSet cs already exists', run: () => thrown(() => withChangeSet().cfn.call('CreateChangeSet', { StackName: 'golden', ChangeSetName: 'cs', TemplateBody: one({ V: 3 }) })) },
	{
		key: 'CHANGE_SET_MESSAGES.importNotSimulated',
		args: [],
		name: V,
		expected: "ChangeSetType IMPORT is not simulated: this course's CloudFormation cannot import existing resources (ResourcesToImport) into a stack. Create the resource with the stack instead, or practise imports on AWS.",
		run: () => thrown(() => fake().cfn.call('CreateChangeSet', { StackName: 'golden', ChangeSetName: 'cs', ChangeSetType: 'IMPORT', TemplateBody: one() }))
	},
	{
		key: 'CHANGE_SET_MESSAGES.badType',
		args: ['MERGE'],
		name: V,
		expected: "1 validation error detected: Value 'MERGE' at 'changeSetType' failed to satisfy constraint: Member must satisfy enum value set: [IMPORT, UPDATE, CREATE]",
		run: () => thrown(() => fake().cfn.call('CreateChangeSet', { StackName: 'golden', ChangeSetName: 'cs', ChangeSetType: 'MERGE', TemplateBody: one() }))
	},
	{ key: 'CHANGE_SET_MESSAGES.stackMissing', args: ['nope'], name: V, expected: 'Stack [nope] does not exist', run: () => thrown(() => fake().cfn.call('CreateChangeSet', { StackName: 'nope', ChangeSetName: 'cs', TemplateBody: one() })) },
	{
		key: 'CHANGE_SET_MESSAGES.stackExists',
		args: ['golden', 'cs'],
		name: 'AlreadyExistsException',
		expected: 'Stack [golden] already exists and cannot be created again with the changeSet [cs].',
		run: () => thrown(() => created(one()).cfn.call('CreateChangeSet', { StackName: 'golden', ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody: one() }))
	},
	{
		key: 'CHANGE_SET_MESSAGES.usePreviousWithCreate',
		args: [],
		name: V,
		expected: 'UsePreviousTemplate cannot be used with a ChangeSetType of CREATE.',
		run: () => thrown(() => fake().cfn.call('CreateChangeSet', { StackName: 'golden', ChangeSetName: 'cs', ChangeSetType: 'CREATE', UsePreviousTemplate: true }))
	},
	{
		key: 'CHANGE_SET_MESSAGES.deleteWhileExecuting',
		args: ['EXECUTE_IN_PROGRESS'],
		name: 'InvalidChangeSetStatusException',
		expected: 'Cannot delete ChangeSet in status EXECUTE_IN_PROGRESS',
		run: () => {
			const { cfn } = withChangeSet();
			cfn.call('ExecuteChangeSet', { StackName: 'golden', ChangeSetName: 'cs' });
			return thrown(() => cfn.call('DeleteChangeSet', { StackName: 'golden', ChangeSetName: 'cs' }));
		}
	},
	{ key: 'CHANGE_SET_MESSAGES.stackNameRequired', args: [], name: V, expected: 'StackName must be specified if ChangeSetName is not specified as an ARN.', run: () => thrown(() => withChangeSet().cfn.call('DescribeChangeSet', { ChangeSetName: 'cs' })) },

	// --- DRIFT_MESSAGES
	{
		key: 'DRIFT_MESSAGES.notDriftable',
		args: [STACK, 'CREATE_IN_PROGRESS'],
		name: V,
		expected: 'Stack [<stack-id>] is in CREATE_IN_PROGRESS state and can not be checked for drift.',
		run: () => {
			const { cfn } = fake();
			cfn.call('CreateStack', { StackName: 'golden', TemplateBody: one() });
			return maskIds(thrown(() => cfn.call('DetectStackDrift', { StackName: 'golden' })), cfn);
		}
	},
	{ key: 'DRIFT_MESSAGES.noSuchResource', args: ['Nope', 'golden'], name: V, expected: 'Resource Nope does not exist for stack golden', run: () => thrown(() => created(one()).cfn.call('DetectStackResourceDrift', { StackName: 'golden', LogicalResourceId: 'Nope' })) },
	{ key: 'DRIFT_MESSAGES.noSuchDetection', args: ['nope'], name: V, expected: 'Drift detection with id nope does not exist', run: () => thrown(() => fake().cfn.call('DescribeStackDriftDetectionStatus', { StackDriftDetectionId: 'nope' })) },
	{
		key: 'DRIFT_MESSAGES.alreadyInProgress',
		args: [],
		name: V,
		expected: 'Drift detection is already in progress for stack',
		run: () => {
			const { cfn } = created(one());
			cfn.call('DetectStackDrift', { StackName: 'golden' });
			return thrown(() => cfn.call('DetectStackDrift', { StackName: 'golden' }));
		}
	},
	{
		key: 'DRIFT_MESSAGES.detectionIdNull',
		args: [],
		name: V,
		expected: "1 validation error detected: Value null at 'stackDriftDetectionId' failed to satisfy constraint: Member must not be null",
		run: () => thrown(() => fake().cfn.call('DescribeStackDriftDetectionStatus', {}))
	}
];
