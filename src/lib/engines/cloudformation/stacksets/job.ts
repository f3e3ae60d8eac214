// The persisted context of a running stack set operation's job: which operation to move on. Its
// progress lives in the stack set's own record (state.ts), so the job carries pointers only, plus
// the resource types its stacks may touch (the world waits for their schemas after a restore).
import type { TimedContext } from '../../jobs/job';

export interface StackSetJobContext extends TimedContext {
	/** The administrator account and the stack set's Region. */
	accountId: string;
	region: string;
	stackSetId: string;
	operationId: string;
	resourceTypes: string[];
	/** Set by the tick that ends the operation; the machine then stops. */
	finished: boolean;
}

/** Which operation ended (its status is in the stack set's record). */
export interface StackSetJobOutput {
	accountId: string;
	region: string;
	stackSetId: string;
	operationId: string;
}
