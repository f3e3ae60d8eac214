// The CLI's error texts and exit codes (AWS CLI v2: 252 for a command line the CLI rejects,
// 254 for an error the service returned, 255 for anything else).
import type { ProgramResult } from '../types';
import { cloudFormationModel } from '../../protocol/models/cloudformation.generated';
import { iamModel } from '../../protocol/models/iam.generated';
import { stsModel } from '../../protocol/models/sts.generated';
import { hasOperation } from '../../protocol/models/shapes';

/** The awsQuery services, whose wire codes may be shorter than the exception's shape name. */
const QUERY_MODELS = [cloudFormationModel, iamModel, stsModel];

/**
 * The code the CLI prints is the one on the wire: CloudFormation's ChangeSetNotFoundException
 * arrives as `ChangeSetNotFound` (captured from AWS CLI v2 against the endpoint).
 */
export function wireCode(code: string, operation: string): string {
	const model = QUERY_MODELS.find((m) => hasOperation(m, operation));
	return (model && Object.prototype.hasOwnProperty.call(model.errors, code) ? model.errors[code]?.code : undefined) ?? code;
}

export const EXIT_USAGE = 252;
export const EXIT_SERVICE = 254;
export const EXIT_OTHER = 255;

/** An error the CLI reports before calling anything; `usage` says whether the usage lines come first. */
export class CliUsageError extends Error {
	constructor(message: string, readonly usage: 'error' | 'unknown' | 'none' | 'uncaught' = 'error') {
		super(message);
	}
}

const USAGE =
	'\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
	'To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n';

export function usageResult(e: CliUsageError): ProgramResult {
	// CLI v2 ends a usage error with a blank line (captured from /usr/bin/aws 2.9.19).
	if (e.usage === 'error') return { stdout: '', stderr: `${USAGE}aws: error: ${e.message}\n\n`, exitCode: EXIT_USAGE };
	if (e.usage === 'unknown') return { stdout: '', stderr: `${USAGE}${e.message}\n\n`, exitCode: EXIT_USAGE };
	// An uncaught Python error in the CLI (e.g. int() of a bad --max-results) exits 255 in v2.
	return { stdout: '', stderr: `\n${e.message}\n`, exitCode: e.usage === 'uncaught' ? EXIT_OTHER : EXIT_USAGE };
}

export function serviceErrorResult(code: string, operation: string, message: string): ProgramResult {
	return { stdout: '', stderr: `\nAn error occurred (${wireCode(code, operation)}) when calling the ${operation} operation: ${message}\n`, exitCode: EXIT_SERVICE };
}

/** argparse's "Invalid choice" text, with difflib's close matches (cutoff 0.8) like the CLI. */
export function invalidChoice(argument: string, value: string, choices: readonly string[]): CliUsageError {
	const lines = ['Invalid choice, valid choices are:\n'];
	for (let i = 0; i < choices.length; i += 2) lines.push(choices.slice(i, i + 2).map((c) => c.padEnd(40)).join(' | '));
	const close = closeMatches(value, choices);
	if (close.length) lines.push(`\n\nInvalid choice: '${value}', maybe you meant:\n`, ...close.map((c) => `  * ${c}`));
	return new CliUsageError(`argument ${argument}: ${lines.join('\n')}`);
}

/** difflib.get_close_matches(word, choices, n=3, cutoff=0.8). */
export function closeMatches(word: string, choices: readonly string[]): string[] {
	return choices
		.map((c) => ({ c, r: ratio(word, c) }))
		.filter((x) => x.r >= 0.8)
		.sort((a, b) => b.r - a.r)
		.slice(0, 3)
		.map((x) => x.c);
}

/** SequenceMatcher.ratio(): 2·matches / total, matches found by longest common blocks, recursively. */
function ratio(a: string, b: string): number {
	const total = a.length + b.length;
	return total === 0 ? 1 : (2 * matches(a, b)) / total;
}

function matches(a: string, b: string): number {
	let best = 0, ai = 0, bi = 0;
	for (let i = 0; i < a.length; i++)
		for (let j = 0; j < b.length; j++) {
			let k = 0;
			while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
			if (k > best) { best = k; ai = i; bi = j; }
		}
	if (best === 0) return 0;
	return best + matches(a.slice(0, ai), b.slice(0, bi)) + matches(a.slice(ai + best), b.slice(bi + best));
}
