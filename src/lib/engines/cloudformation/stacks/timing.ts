// How long the parts of a stack operation take in virtual time. Resource operations take what
// their provider declares; these are the steps CloudFormation itself takes. The real event logs
// this is modelled on show a few seconds between "User Initiated" and the first resource event
// (4–5 s in the 2020 and 2024 samples) and resources that only need bookkeeping finishing within
// a second or two.

/** From the stack's *_IN_PROGRESS "User Initiated" event to the first resource event. */
export const OPERATION_START_MS = 2_000;

/** From a resource's first *_IN_PROGRESS event to the handler call ("Resource creation Initiated"). */
export const INITIATE_MS = 1_000;

/** A handler that fails reports within this long, however long a success would take. */
export const FAILURE_MS = 1_000;

/** A resource step with no provider call (forgetting a resource that was never created, restoring a replaced one). */
export const BOOKKEEPING_MS = 1_000;

/** Deleted stacks stay visible to ListStacks and DescribeStacks-by-id for 90 days. */
export const DELETED_STACK_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;
