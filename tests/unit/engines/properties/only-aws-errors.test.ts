// Property: whatever a request holds, an ECR operation either answers or throws an AwsError whose
// code is a real AWS exception name the engine declares, with a message. Anything else escaping
// (a TypeError, a RangeError from deep recursion, a plain Error) would reach the learner as a
// crash instead of the error AWS would send.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ecrSdk from '@aws-sdk/client-ecr';
import { AwsError } from '../../../../src/lib/engines/errors';
import { SECOND_ACCOUNT, rootCaller, type Caller } from '../../../../src/lib/engines/world-constants';
import {
	AWS_ERROR_NAME,
	COMMON_AWS_ERRORS,
	DECLARED_ERROR_CODES,
	OPERATIONS,
	PROPERTY_TIMEOUT,
	REGION,
	ecrOf,
	fixtureWorld,
	requestArbitrary,
	runs,
	sweep
} from './arbitraries';

/** Every exception the real ECR client knows (each is a subclass of ECRServiceException). */
const ECR_EXCEPTIONS: ReadonlySet<string> = new Set(
	Object.entries(ecrSdk)
		.filter(([name, value]) => name.endsWith('Exception') && typeof value === 'function' && value.prototype instanceof ecrSdk.ECRServiceException)
		.map(([name]) => name)
);

const callers: Caller[] = [
	rootCaller(),
	rootCaller(),
	rootCaller(),
	rootCaller(SECOND_ACCOUNT), // cross-account: the repository policy and the registry decide
	{ arn: 'arn:aws:iam::123456789012:user/nobody', accountId: '123456789012' } // a principal that does not exist
];

function describeThrown(e: unknown): string {
	if (e instanceof Error) return `${e.constructor.name}: ${e.message.slice(0, 300)}\n${e.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
	return `a non-Error value: ${String(e).slice(0, 100)}`;
}

/** Why an error is not an AWS-named error, or undefined when it is one. Plain checks: `expect` is slow. */
function notAwsNamed(e: unknown): string | undefined {
	if (!(e instanceof AwsError)) return `threw something other than an AwsError: ${describeThrown(e)}`;
	if (typeof e.code !== 'string' || !AWS_ERROR_NAME.test(e.code)) return `threw code ${String(e.code)}, which is not an AWS exception name`;
	if (!DECLARED_ERROR_CODES.has(e.code)) return `threw ${e.code}, which the engine does not declare`;
	if (!ECR_EXCEPTIONS.has(e.code) && !COMMON_AWS_ERRORS.has(e.code)) return `threw ${e.code}, which is neither an ECR exception nor a common AWS error`;
	if (e.name !== e.code) return `threw ${e.code} named ${e.name}`;
	if (typeof e.message !== 'string' || e.message.trim() === '') return `threw ${e.code} without a message`;
	if (e.fault !== 'client' && e.fault !== 'server') return `threw ${e.code} with fault ${String(e.fault)}`;
	return undefined;
}

function expectAwsNamedError(e: unknown, operation: string): void {
	const problem = notAwsNamed(e);
	if (problem) expect.fail(`${operation} ${problem}`);
}

describe('only AWS-named errors', { timeout: PROPERTY_TIMEOUT }, () => {
	it('the engine declares its codes, and each looks like an AWS exception name', () => {
		expect(DECLARED_ERROR_CODES.size).toBeGreaterThan(10);
		for (const code of DECLARED_ERROR_CODES) expect(code).toMatch(AWS_ERROR_NAME);
		expect(ECR_EXCEPTIONS.has('RepositoryNotFoundException')).toBe(true);
	});

	it.each(OPERATIONS)('%s: any input gives an answer or an AWS error', (operation) => {
		fc.assert(
			fc.property(fc.constantFrom(...callers), requestArbitrary(operation), (caller, input) => {
				const ecr = fixtureWorld().ecr(caller, REGION);
				try {
					ecr.callByName(operation, input);
				} catch (e) {
					expectAwsNamedError(e, operation);
				}
			}),
			{ numRuns: runs(50) }
		);
	});

	it.each(OPERATIONS)('%s: each field of each valid request, replaced by each hostile value', (operation) => {
		let ecr = ecrOf(fixtureWorld());
		let cases = 0;
		for (const { label, input } of sweep(operation)) {
			cases++;
			try {
				ecr.callByName(operation, input);
			} catch (e) {
				expectAwsNamedError(e, `${operation} with ${label}`);
				// A failed call changed nothing (failed-call-changes-nothing.test.ts), so the world is reused.
				continue;
			}
			ecr = ecrOf(fixtureWorld());
		}
		expect(cases).toBeGreaterThan(20);
	});

	it('an unknown operation name is UnknownOperationException, prototype names included', () => {
		const names = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'createRepository', 'CreateRepository '), fc.string({ maxLength: 30 }));
		fc.assert(
			fc.property(names, fc.anything(), (name, input) => {
				fc.pre(!OPERATIONS.includes(name));
				const ecr = fixtureWorld().ecr(rootCaller(), REGION);
				let error: unknown;
				try {
					ecr.callByName(name, input);
				} catch (e) {
					error = e;
				}
				expectAwsNamedError(error, name);
				expect((error as AwsError).code).toBe('UnknownOperationException');
			}),
			{ numRuns: runs(200) }
		);
	});
});
