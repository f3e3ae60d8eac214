// How long a stack set operation's own steps take in virtual time (the simulator's choice: AWS
// documents none). Stacks take what their resources take (stacks/timing.ts); these are the gaps
// StackSets adds around them. A real operation of three failing targets ran 41 s from
// CreationTimestamp to EndTimestamp (User Guide, "Stack instance failure count" example).

/** From the API call to the first targets starting ("preparatory work", DescribeStackSetOperation's CreationTimestamp note). */
export const OPERATION_START_MS = 3_000;

/** Assuming the administration and execution roles for one target. */
export const ACCESS_CHECK_MS = 2_000;

/** How often a running operation looks at the stacks it waits for. */
export const POLL_MS = 5_000;
