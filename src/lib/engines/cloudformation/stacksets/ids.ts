// StackSets' identifiers, deterministic like the stacks' (stacks/ids.ts). Real shapes: a stack set
// ID is `<name>:<uuid>` and its ARN `arn:aws:cloudformation:<region>:<account>:stackset/<name>:<uuid>`
// (describe-stack-set and OperationInProgressException answers); an operation ID is a UUID; an
// instance's stack is `StackSet-<name>-<uuid>` (real stack ARNs such as
// `stack/StackSet-enable-config-e6cac20f-…/…` in the CLI reference's list-stack-instances example).
import { hashUuid, nextSequence } from '../stacks/ids';
import type { CloudFormationState } from '../stacks/state';

/** AWS's stack names are at most 128 characters; (unverified) how AWS shortens a long stack set name. */
const STACK_NAME_MAX = 128;

export function newStackSetId(state: CloudFormationState, name: string): { stackSetId: string; arn: string } {
	const uuid = hashUuid(`${state.accountId}/${state.region}/stackset/${name}/${nextSequence(state)}`);
	return { stackSetId: `${name}:${uuid}`, arn: `arn:aws:cloudformation:${state.region}:${state.accountId}:stackset/${name}:${uuid}` };
}

export function newOperationId(state: CloudFormationState, stackSetId: string): string {
	return hashUuid(`${state.accountId}/${state.region}/stackset-operation/${stackSetId}/${nextSequence(state)}`);
}

/** The name of the stack an instance creates in its account and Region. */
export function instanceStackName(admin: CloudFormationState, stackSetName: string, account: string, region: string): string {
	const uuid = hashUuid(`${admin.accountId}/${admin.region}/stackset-stack/${stackSetName}/${account}/${region}/${nextSequence(admin)}`);
	const room = STACK_NAME_MAX - 'StackSet-'.length - 1 - uuid.length;
	return `StackSet-${stackSetName.slice(0, room)}-${uuid}`;
}

/** The stack set's own ARN pattern for a name that has none yet (IAM resource of CreateStackSet). */
export const stackSetArnPattern = (region: string, account: string, name: string) => `arn:aws:cloudformation:${region}:${account}:stackset/${name}:*`;
