// Calling a resource provider the way CloudFormation calls a registry handler: a failure comes
// back as the handler's message and error code, which the stack writes into the event reason as
//   Resource handler returned message: "<message>" (RequestToken: <uuid>, HandlerErrorCode: <code>)
// (a real 2024 event, reasons.ts [EV24]). Anything a provider throws that is not a ProviderError
// is reported as AWS reports a handler crash (InternalFailure), so one faulty provider cannot
// leave a stack half-written mid-tick.
import { AwsError } from '../../errors';
import { ProviderError } from '../providers/provider';
import { hashUuid, nextSequence } from './ids';
import { REASON } from './reasons';
import type { OperationRun } from './run';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string; physicalId?: string };

export function callHandler<T>(run: OperationRun, logicalId: string, call: () => T): Outcome<T> {
	try {
		return { ok: true, value: call() };
	} catch (e) {
		const failure = e instanceof ProviderError ? e : e instanceof AwsError ? new ProviderError(e.message, 'GeneralServiceException') : new ProviderError('Internal Failure', 'InternalFailure');
		const state = run.state();
		const n = state ? nextSequence(state) : 0;
		const token = hashUuid(`${run.op.stackId}/${logicalId}/request/${n}`);
		return {
			ok: false,
			reason: REASON.handlerMessage(failure.message, token, failure.handlerErrorCode),
			...(failure.physicalId !== undefined ? { physicalId: failure.physicalId } : {})
		};
	}
}
