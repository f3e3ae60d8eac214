// STS refuses in its own words, and a session policy can refuse what IAM's evaluator allowed:
// the explanation shown for such a refusal starts from the evaluator's and is corrected to say
// what really decided, so the explainer never calls a refused request allowed.
import type { Explanation } from '../iam';

/** `base` turned into a refusal with `summary` (AWS's sentence) and a note saying why. */
export function refused(base: Explanation, summary: string, note: string, failedSide = base.failedSide ?? 'resource'): Explanation {
	return {
		...base,
		decision: base.decision === 'ExplicitDeny' ? 'ExplicitDeny' : 'ImplicitDeny',
		summary,
		failedSide,
		decidedBy: base.decision === 'Allow' ? [] : base.decidedBy,
		notes: [...base.notes, note]
	};
}
