// `aws <service> wait <waiter> [parameters]`: botocore's Waiter over the model's waiters-2.json.
// Instead of sleeping, each retry moves the world's clock on by the waiter's delay, so stacks and
// scans finish while the learner waits. Texts and exit codes are botocore's WaiterError (255).
import jmespath from 'jmespath';
import type { ProgramIo, ProgramResult } from '../types';
import { AwsError } from '../../engines/errors';
import type { CliModel, CliWaiter } from './models/types';
import type { Globals } from './globals';
import { kebab } from './names';
import { parseOptions, type Json } from './args';
import { validateInput } from './validate';
import { CliUsageError, EXIT_OTHER, EXIT_USAGE, invalidChoice } from './errors';
import { callService } from './call';
import { normalize } from './output/normalize';

type Acceptor = CliWaiter['acceptors'][number];

function explanation(a: Acceptor): string {
	switch (a.matcher) {
		case 'path': return `For expression "${a.argument}" we matched expected path: "${a.expected}"`;
		case 'pathAll': return `For expression "${a.argument}" all members matched expected path: "${a.expected}"`;
		case 'pathAny': return `For expression "${a.argument}" we matched expected path: "${a.expected}" at least once`;
		case 'status': return `Matched expected HTTP status code: ${a.expected}`;
		case 'error': return `Matched expected service error code: ${a.expected}`;
	}
}

function matches(a: Acceptor, response: Json | undefined, error: AwsError | undefined): boolean {
	if (a.matcher === 'error') return error?.code === a.expected;
	if (a.matcher === 'status') return (error ? error.httpStatus ?? 400 : 200) === a.expected;
	if (error || response === undefined) return false;
	const found = jmespath.search(response, a.argument ?? '@') as Json;
	if (a.matcher === 'path') return found === a.expected;
	if (!Array.isArray(found) || found.length === 0) return false;
	return a.matcher === 'pathAll' ? found.every((x) => x === a.expected) : found.some((x) => x === a.expected);
}

export function waiterNames(model: CliModel): string[] {
	return Object.keys(model.waiters).map(kebab).sort();
}

export async function runWait(service: string, model: CliModel, words: readonly string[], globals: Globals, io: ProgramIo): Promise<ProgramResult> {
	const [name, ...rest] = words;
	const names = waiterNames(model);
	if (name === undefined) throw new CliUsageError('the following arguments are required: subcommand');
	const waiterName = Object.keys(model.waiters).find((w) => kebab(w) === name);
	const waiter = waiterName ? model.waiters[waiterName] : undefined;
	if (!waiterName || !waiter) throw invalidChoice('subcommand', name, names);
	const inputShape = model.operations[waiter.operation] ?? null;
	const input = parseOptions(model, inputShape, rest, io.session.files);
	const problems = validateInput(model, inputShape, input);
	if (problems.length) return { stdout: '', stderr: `\nParameter validation failed:\n${problems.join('\n')}\n`, exitCode: EXIT_USAGE };
	const fail = (reason: string): ProgramResult => ({ stdout: '', stderr: `\nWaiter ${waiterName} failed: ${reason}\n`, exitCode: EXIT_OTHER });
	let lastMatched: Acceptor | undefined;
	for (let attempt = 1; ; attempt++) {
		let response: Json | undefined;
		let error: AwsError | undefined;
		try {
			response = normalize(await callService(io.session, service, waiter.operation, input, globals)) ?? {};
		} catch (e) {
			if (!(e instanceof AwsError)) throw e;
			error = e;
		}
		// botocore reports the last acceptor looked at, which is the last one when none matched.
		let state: Acceptor['state'] | 'waiting' = 'waiting';
		let looked: Acceptor | undefined;
		for (const a of waiter.acceptors) {
			looked = a;
			if (matches(a, response, error)) { lastMatched = a; state = a.state; break; }
		}
		if (state === 'waiting' && error) return fail(`An error occurred (${error.code}): ${error.message}`);
		if (state === 'success') return { stdout: '', stderr: '', exitCode: 0 };
		if (state === 'failure' && looked) return fail(`Waiter encountered a terminal failure state: ${explanation(looked)}`);
		if (attempt >= waiter.maxAttempts) return fail(lastMatched && looked ? `Max attempts exceeded. Previously accepted state: ${explanation(looked)}` : 'Max attempts exceeded');
		io.session.world.advanceBy(waiter.delay * 1000);
	}
}
