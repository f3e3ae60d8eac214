// SetStackPolicy and GetStackPolicy, and the policy parameters of CreateStack and UpdateStack
// (StackPolicyBody, StackPolicyDuringUpdateBody). A policy is checked when it is given, so an
// update never meets a malformed one. The simulator has no Amazon S3: the *URL forms are refused.
import type { GetStackPolicyOutput } from '@aws-sdk/client-cloudformation';
import { ValidationError } from '../errors';
import { obj, requireStack, str, type CloudFormationContext } from './context';
import { FAILURE_MESSAGES } from './reasons';
import { parseStackPolicy } from './stack-policy';

type PolicyParameters = ['StackPolicyBody', 'StackPolicyURL'] | ['StackPolicyDuringUpdateBody', 'StackPolicyDuringUpdateURL'];

/** The policy text a request gives under these parameters (checked), or undefined when it gives none. */
export function policyFromInput(input: Record<string, unknown>, [bodyKey, urlKey]: PolicyParameters): string | undefined {
	const body = str(input[bodyKey]);
	const url = str(input[urlKey]);
	if (body !== undefined && url !== undefined) {
		throw new ValidationError(bodyKey === 'StackPolicyBody' ? FAILURE_MESSAGES.stackPolicyBodyAndUrl : FAILURE_MESSAGES.stackPolicyDuringUpdateBodyAndUrl);
	}
	if (url !== undefined) throw new ValidationError(FAILURE_MESSAGES.stackPolicyUrlNotSupported(urlKey));
	if (body !== undefined) parseStackPolicy(body);
	return body;
}

export function setStackPolicy(ctx: CloudFormationContext, raw: unknown): Record<string, never> {
	const input = obj(raw);
	const stack = requireStack(ctx, input['StackName']);
	const body = policyFromInput(input, ['StackPolicyBody', 'StackPolicyURL']);
	if (body === undefined) throw new ValidationError(FAILURE_MESSAGES.stackPolicyBodyOrUrl);
	// A policy can be replaced but never removed ("You can't delete a stack policy", User Guide).
	stack.stackPolicyBody = body;
	return {};
}

/** The policy in force; no StackPolicyBody at all before one is set (as AWS answers). */
export function getStackPolicy(ctx: CloudFormationContext, raw: unknown): GetStackPolicyOutput {
	const stack = requireStack(ctx, obj(raw)['StackName']);
	// While an update runs with StackPolicyDuringUpdateBody, AWS shows that temporary policy.
	const body = stack.stackPolicyDuringUpdate ?? stack.stackPolicyBody;
	return body === undefined ? {} : { StackPolicyBody: body };
}
