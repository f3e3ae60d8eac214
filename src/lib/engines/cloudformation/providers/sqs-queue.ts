// AWS::SQS::Queue, lightly modelled. Ref = the queue URL,
// https://sqs.<region>.amazonaws.com/<account>/<name> (not the name); GetAtt Arn
// (arn:aws:sqs:<region>:<account>:<name>), QueueName, QueueUrl. Without QueueName the name is
// `<stack>-<logical>-<random>` within 80 characters (`.fifo` added for a FIFO queue).
// SQS keeps a deleted queue's name for 60 seconds: creating it again sooner fails with
// QueueDeletedRecently, a classic stack-recreate surprise; the deleted record is kept (with
// deletedAt) until then.
import { lightProvider } from './light-provider';
import { generatedName } from './names';
import { requestId } from './ids';
import { ProviderError } from './provider';
import { alreadyExists, invalidRequest } from './provider-errors';
import { bool, int, str, type Bag } from './props';

const TYPE = 'AWS::SQS::Queue';
const RECREATE_AFTER_MS = 60_000;

const LIMITS: [string, number, number][] = [
	['DelaySeconds', 0, 900],
	['MaximumMessageSize', 1024, 262144],
	['MessageRetentionPeriod', 60, 1209600],
	['ReceiveMessageWaitTimeSeconds', 0, 20],
	['VisibilityTimeout', 0, 43200],
	['KmsDataKeyReusePeriodSeconds', 60, 86400]
];

function checkAttributes(b: Bag) {
	for (const [key, min, max] of LIMITS) {
		const v = int(b, key);
		if (v !== undefined && (v < min || v > max)) throw invalidRequest(`Invalid value for the parameter ${key}. Reason: must be between ${min} and ${max}.`);
	}
}

export const sqsQueueProvider = lightProvider({
	type: TYPE,
	durations: { create: 30000, update: 5000, delete: 5000 },
	drift: true,
	isLive: (r) => r.attributes.deletedAt === undefined,
	create(ctx, b) {
		checkAttributes(b);
		const fifo = bool(b, 'FifoQueue') ?? false;
		const name = str(b, 'QueueName') || (fifo ? `${generatedName(ctx, { maxLength: 75 })}.fifo` : generatedName(ctx, { maxLength: 80 }));
		if (!/^[A-Za-z0-9_-]{1,80}(\.fifo)?$/.test(name) || name.length > 80) {
			throw invalidRequest('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
		}
		if (fifo !== name.endsWith('.fifo')) throw invalidRequest('The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.');
		const url = `https://sqs.${ctx.region}.amazonaws.com/${ctx.accountId}/${name}`;
		const existing = ctx.store.get(TYPE, url);
		if (existing) {
			const deletedAt = existing.attributes.deletedAt;
			if (typeof deletedAt !== 'string') throw alreadyExists(TYPE, url);
			if (ctx.clock.nowMs() - Date.parse(deletedAt) < RECREATE_AFTER_MS) {
				const message = 'You must wait 60 seconds after deleting a queue before you can create another with the same name.';
				throw new ProviderError(`${message} (Service: Sqs, Status Code: 400, Request ID: ${requestId(ctx, message)})`, 'GeneralServiceException');
			}
		}
		return {
			physicalId: url,
			properties: { ...b, QueueName: name },
			attributes: { QueueUrl: url, QueueName: name, Arn: `arn:aws:sqs:${ctx.region}:${ctx.accountId}:${name}` }
		};
	},
	update(_ctx, current, next) {
		checkAttributes(next);
		return { properties: { ...next, QueueName: current.attributes.QueueName } };
	},
	afterDelete: (ctx, current) => ({ ...current, attributes: { ...current.attributes, deletedAt: ctx.clock.now().toISOString() } })
});
