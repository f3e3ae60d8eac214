// `--explain` on `docker push` and `docker pull`: a simulator extension (real docker has no such
// flag, and the help pages say so). When IAM denies a registry call, the lines after docker's
// own error name the action, both policy sides, and the statements that decided.
import { AccessDeniedException } from "../../engines/access-denied";
import type { Explanation } from "../../engines/iam";

export const EXPLAIN_FLAG = "--explain";

export const EXPLAIN_HELP =
  "      --explain                 (simulator only) after an access denial, show which policy\n" +
  "                                statements decided it\n";

export function withoutExplain(args: readonly string[]): { args: string[]; explain: boolean } {
  return { args: args.filter((a) => a !== EXPLAIN_FLAG), explain: args.includes(EXPLAIN_FLAG) };
}

/** The text appended after docker's error, or "" when the failure was not an IAM decision. */
export function explainFailure(e: unknown): string {
  if (!(e instanceof AccessDeniedException)) return "";
  return formatExplanation(e.explanation);
}

function formatExplanation(x: Explanation): string {
  const lines = [
    "",
    "[simulator] why this was denied:",
    `  action:    ${x.request.action}`,
    `  principal: ${x.request.principal}`,
    `  resource:  ${x.request.resource}${x.request.crossAccount ? " (another account)" : ""}`,
    `  identity policies: ${x.identity.explicitDeny ? "deny it explicitly" : x.identity.allows ? "allow it" : "do not allow it"}`,
    `  repository policy: ${!x.resource.present ? "none" : x.resource.explicitDeny ? "denies it explicitly" : x.resource.allows ? "allows it" : "does not allow it"}`,
  ];
  if (x.decidedBy.length) {
    lines.push("  decided by:");
    for (const s of x.decidedBy) lines.push(`    ${s.side} policy ${s.policy}, statement ${s.label}`);
  } else lines.push(`  decided by: no statement allows it (an implicit deny)`);
  for (const note of x.notes) lines.push(`  note: ${note}`);
  return `${lines.join("\n")}\n`;
}
