// How an engine failure reaches the page: AWS's exception name and message, the IAM explanation
// of an AccessDeniedException, and for a template error where it is (line, column, JSON pointer).
import { AwsError } from '$lib/engines/errors';
import { AccessDeniedException } from '$lib/engines/access-denied';
import { ValidationError } from '$lib/engines/cloudformation/errors';
import type { Explanation } from '$lib/engines/iam';

export interface StatementView {
	policy: string;
	side: 'identity' | 'resource';
	label: string;
	effect: string;
	applies: boolean;
	decisive: boolean;
	reasons: string[];
}

/** The parts of an IAM explanation the page shows. */
export interface ExplanationView {
	decision: string;
	summary: string;
	principal: string;
	action: string;
	resource: string;
	decidedBy: { policy: string; side: 'identity' | 'resource'; label: string }[];
	statements: StatementView[];
	notes: string[];
}

/** Where a template error is; not part of AWS's answer, which carries only the message. */
export interface TemplateLocationView {
	/** JSON pointer of the node, e.g. `/Resources/Repo/Properties/RepositoryName`. */
	path: string;
	line?: number;
	column?: number;
}

export interface ErrorView {
	code: string;
	message: string;
	explanation?: ExplanationView;
	location?: TemplateLocationView;
	/** Plain words on what is wrong, when AWS's sentence is terse. */
	detail?: string;
}

export type Outcome = { ok: true; message: string } | { ok: false; error: ErrorView };

function explanationView(x: Explanation): ExplanationView {
	return {
		decision: x.decision,
		summary: x.summary,
		principal: x.request.principal,
		action: x.request.action,
		resource: x.request.resource,
		decidedBy: x.decidedBy.map((r) => ({ policy: r.policy, side: r.side, label: r.label })),
		statements: x.policies.flatMap((p) =>
			p.statements.map((s) => ({ policy: p.name, side: p.side, label: s.label, effect: s.effect, applies: s.applies, decisive: s.decisive, reasons: [...s.reasons] }))
		),
		notes: [...x.notes]
	};
}

/** An engine failure as the page shows it; anything that is not an AwsError is a simulator bug, reported as such. */
export function errorView(e: unknown): ErrorView {
	if (e instanceof AccessDeniedException) return { code: e.code, message: e.message, explanation: explanationView(e.explanation) };
	if (e instanceof ValidationError) {
		const l = e.location;
		return {
			code: e.code,
			message: e.message,
			...(l ? { location: { path: l.path, ...(l.line !== undefined ? { line: l.line } : {}), ...(l.column !== undefined ? { column: l.column } : {}) } } : {}),
			...(e.detail ? { detail: e.detail } : {})
		};
	}
	if (e instanceof AwsError) return { code: e.code, message: e.message };
	return { code: 'SimulatorError', message: `The simulator failed unexpectedly: ${e instanceof Error ? e.message : String(e)}` };
}
