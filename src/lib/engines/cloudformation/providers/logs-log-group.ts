// AWS::Logs::LogGroup, lightly modelled. Ref = the log group name (generated
// `<stack>-<logical>-<random>` within 512 characters when LogGroupName is absent); GetAtt Arn =
// arn:aws:logs:<region>:<account>:log-group:<name>:* (with the trailing `:*`).
// RetentionInDays must be one of CloudWatch Logs' values; names are unique per Region.
import { generatedName } from './names';
import { lightProvider } from './light-provider';
import { alreadyExists, invalidRequest } from './provider-errors';
import { int, str } from './props';

const TYPE = 'AWS::Logs::LogGroup';
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

function checkRetention(days: number | undefined) {
	if (days !== undefined && !(RETENTION_DAYS as readonly number[]).includes(days)) {
		throw invalidRequest(`1 validation error detected: Value '${days}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`);
	}
}

export const logsLogGroupProvider = lightProvider({
	type: TYPE,
	durations: { create: 2000, update: 2000, delete: 2000 },
	drift: true,
	create(ctx, b) {
		const name = str(b, 'LogGroupName') || generatedName(ctx, { maxLength: 512 });
		checkRetention(int(b, 'RetentionInDays'));
		if (!/^[.\-_/#A-Za-z0-9]{1,512}$/.test(name)) {
			throw invalidRequest(`1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`);
		}
		if (ctx.store.get(TYPE, name)) throw alreadyExists(TYPE, name);
		return { physicalId: name, properties: { ...b, LogGroupName: name }, attributes: { Arn: `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${name}:*` } };
	},
	update(_ctx, current, next) {
		checkRetention(int(next, 'RetentionInDays'));
		return { properties: { ...next, LogGroupName: current.physicalId } };
	}
});
