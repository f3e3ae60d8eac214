// AWS::Lambda::Function, lightly modelled. Ref = the function name (generated within 64
// characters when FunctionName is absent); GetAtt Arn = arn:aws:lambda:<region>:<account>:
// function:<name>, SnapStartResponse {ApplyOn, OptimizationStatus}.
// Lambda checks its execution role: a role that does not exist, or whose trust policy does not
// let lambda.amazonaws.com assume it, fails with Lambda's classic
// `The role defined for the function cannot be assumed by Lambda.` The role is looked up through
// ctx.iam; when the stack's principal may not read it, the check is skipped (Lambda itself
// does not need the caller's iam:GetRole).
import { AwsError } from '../../errors';
import { requestId } from './ids';
import { decodePolicy } from './iam-common';
import { lightProvider } from './light-provider';
import { generatedName } from './names';
import { ProviderError, type ProviderContext } from './provider';
import { alreadyExists, modelValidationFailed } from './provider-errors';
import { int, obj, str, type Bag } from './props';

const TYPE = 'AWS::Lambda::Function';

function lambdaError(ctx: ProviderContext, message: string): ProviderError {
	return new ProviderError(`${message} (Service: Lambda, Status Code: 400, Request ID: ${requestId(ctx, message)})`, 'InvalidRequest');
}

/** Whether a trust policy lets the Lambda service assume the role. */
function trustsLambda(text: string): boolean {
	try {
		const doc = JSON.parse(text) as { Statement?: unknown };
		const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
		return statements.some((s) => {
			const st = (s ?? {}) as { Effect?: unknown; Principal?: { Service?: unknown } | string; Action?: unknown };
			const services = typeof st.Principal === 'object' && st.Principal ? st.Principal.Service : undefined;
			const list = (v: unknown) => (Array.isArray(v) ? v : [v]);
			return st.Effect === 'Allow' && list(services).includes('lambda.amazonaws.com') && list(st.Action).some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*');
		});
	} catch {
		return false;
	}
}

function checkRole(ctx: ProviderContext, roleArn: string) {
	const cannot = () => lambdaError(ctx, 'The role defined for the function cannot be assumed by Lambda.');
	const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(roleArn);
	if (!m) {
		throw lambdaError(ctx, `1 validation error detected: Value '${roleArn}' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+`);
	}
	const [, account, name = ''] = m;
	if (account !== ctx.accountId) return;
	let role: Bag;
	try {
		role = (ctx.iam.call('GetRole', { RoleName: name }).Role ?? {}) as Bag;
	} catch (e) {
		if (e instanceof AwsError && e.code === 'NoSuchEntity') throw cannot();
		return;
	}
	const trust = decodePolicy(typeof role.AssumeRolePolicyDocument === 'string' ? role.AssumeRolePolicyDocument : undefined);
	if (trust === undefined || !trustsLambda(trust)) throw cannot();
}

function check(ctx: ProviderContext, b: Bag) {
	const role = str(b, 'Role');
	if (role === undefined) throw modelValidationFailed('#: required key [Role] not found');
	const code = obj(b, 'Code');
	if (code === undefined) throw modelValidationFailed('#: required key [Code] not found');
	const timeout = int(b, 'Timeout');
	if (timeout !== undefined && (timeout < 1 || timeout > 900)) throw modelValidationFailed(`#/Timeout: ${timeout} is not in the range 1..900`);
	const memory = int(b, 'MemorySize');
	if (memory !== undefined && (memory < 128 || memory > 10240)) throw modelValidationFailed(`#/MemorySize: ${memory} is not in the range 128..10240`);
	const image = str(code, 'ImageUri', 'Code/ImageUri');
	if (image === undefined && str(b, 'Runtime') === undefined) throw lambdaError(ctx, 'Runtime and Handler are mandatory parameters for functions created with deployment packages.');
	checkRole(ctx, role);
}

export const lambdaFunctionProvider = lightProvider({
	type: TYPE,
	durations: { create: 6000, update: 5000, delete: 3000 },
	drift: true,
	create(ctx, b) {
		check(ctx, b);
		const name = str(b, 'FunctionName') || generatedName(ctx, { maxLength: 64 });
		if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw lambdaError(ctx, `1 validation error detected: Value '${name}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+`);
		if (ctx.store.get(TYPE, name)) throw alreadyExists(TYPE, name);
		// Code is write-only: drift never compares it, so it is not kept.
		const { Code: _code, ...kept } = b;
		return {
			physicalId: name,
			properties: { ...kept, FunctionName: name },
			attributes: { Arn: `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${name}`, SnapStartResponse: { ApplyOn: 'None', OptimizationStatus: 'Off' } }
		};
	},
	update(ctx, current, next) {
		check(ctx, next);
		const { Code: _code, ...kept } = next;
		return { properties: { ...kept, FunctionName: current.physicalId } };
	}
});
