// AWS::SNS::Topic, lightly modelled. Ref = the topic ARN, arn:aws:sns:<region>:<account>:<name>
// (not the name); GetAtt TopicArn (the same) and TopicName. Without TopicName the name is
// `<stack>-<logical>-<random>` within 256 characters, with `.fifo` added for a FIFO topic,
// whose name must end in `.fifo`.
import { generatedName } from './names';
import { lightProvider } from './light-provider';
import { alreadyExists, invalidRequest } from './provider-errors';
import { bool, str } from './props';

const TYPE = 'AWS::SNS::Topic';

export const snsTopicProvider = lightProvider({
	type: TYPE,
	durations: { create: 5000, update: 3000, delete: 3000 },
	drift: true,
	create(ctx, b) {
		const fifo = bool(b, 'FifoTopic') ?? false;
		const name = str(b, 'TopicName') || (fifo ? `${generatedName(ctx, { maxLength: 251 })}.fifo` : generatedName(ctx, { maxLength: 256 }));
		if (!/^[A-Za-z0-9_-]{1,256}(\.fifo)?$/.test(name) || name.length > 256) {
			throw invalidRequest('Invalid parameter: Topic Name');
		}
		if (fifo !== name.endsWith('.fifo')) throw invalidRequest('Invalid parameter: Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.');
		const arn = `arn:aws:sns:${ctx.region}:${ctx.accountId}:${name}`;
		if (ctx.store.get(TYPE, arn)) throw alreadyExists(TYPE, arn);
		return { physicalId: arn, properties: { ...b, TopicName: name }, attributes: { TopicArn: arn, TopicName: name } };
	},
	update: (_ctx, current, next) => ({ properties: { ...next, TopicName: current.attributes.TopicName } })
});
