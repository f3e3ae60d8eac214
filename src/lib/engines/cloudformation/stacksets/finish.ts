// The world's side of a stack set operation's job: the event it reports when the job ends, and
// the check a restored save must pass (each job names an operation that is still running, and
// each running operation has its job, or the stack set would refuse every call forever with
// OperationInProgressException).
import { AwsError } from '../../errors';
import type { JobsState } from '../../jobs/scheduler';
import type { WorldEvent } from '../../world-events';
import type { CloudFormationState } from '../stacks/state';
import type { StackSetJobContext, StackSetJobOutput } from './job';
import { isOperationOver, stackSetsIn } from './state';

export function stackSetOperationEvents(output: StackSetJobOutput, cloudformation: readonly CloudFormationState[], at: string): WorldEvent[] {
	const admin = cloudformation.find((s) => s.accountId === output.accountId && s.region === output.region);
	const set = admin ? stackSetsIn(admin).find((s) => s.stackSetId === output.stackSetId) : undefined;
	const op = set?.operations.find((o) => o.operationId === output.operationId);
	if (!set || !op) return [];
	return [{ at, kind: 'stack-set-operation-complete', accountId: output.accountId, region: output.region, stackSetName: set.stackSetName, operationId: op.operationId, action: op.action, status: op.status }];
}

const damaged = (what: string) => new AwsError('InvalidParameterException', `The saved world is damaged: ${what}.`);

export function checkStackSetOperations(jobs: JobsState, cloudformation: readonly CloudFormationState[]): void {
	const running = new Set<string>();
	for (const job of jobs.jobs) {
		if (job.kind !== 'stackSetOperation') continue;
		const c = (job.snapshot as { context: StackSetJobContext }).context;
		const admin = cloudformation.find((s) => s.accountId === c.accountId && s.region === c.region);
		const op = admin ? stackSetsIn(admin).find((s) => s.stackSetId === c.stackSetId)?.operations.find((o) => o.operationId === c.operationId) : undefined;
		if (!op || isOperationOver(op.status)) throw damaged(`a stack set operation job runs ${c.operationId}, which the save does not have running`);
		// A job that says it is done would end on restore and leave its operation running for ever.
		if (c.finished !== false) throw damaged(`the job of stack set operation ${c.operationId} is marked finished while the operation runs`);
		running.add(`${c.stackSetId}/${c.operationId}`);
	}
	for (const admin of cloudformation) {
		for (const set of stackSetsIn(admin)) {
			for (const op of set.operations) {
				if (!isOperationOver(op.status) && !running.has(`${set.stackSetId}/${op.operationId}`)) {
					throw damaged(`stack set operation ${op.operationId} of ${set.stackSetName} is ${op.status} but has no job`);
				}
			}
		}
	}
}
