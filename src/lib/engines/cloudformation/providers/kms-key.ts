// AWS::KMS::Key, lightly modelled. Ref = the key id, a UUID (1234abcd-12ab-34cd-56ef-...);
// GetAtt KeyId (the same) and Arn = arn:aws:kms:<region>:<account>:key/<key id>. Deleting a key
// schedules its deletion (PendingWindowInDays, 7-30, default 30): the record stays with
// KeyState PendingDeletion and its DeletionDate, as DescribeKey would show it, and no longer
// counts as live.
import { DAY_MS } from '../../clock';
import { uuid } from './ids';
import { lightProvider } from './light-provider';
import { invalidRequest } from './provider-errors';
import { int } from './props';

const TYPE = 'AWS::KMS::Key';

export const kmsKeyProvider = lightProvider({
	type: TYPE,
	durations: { create: 40000, update: 5000, delete: 5000 },
	drift: true,
	isLive: (r) => r.attributes.KeyState !== 'PendingDeletion',
	create(ctx, b) {
		const window = int(b, 'PendingWindowInDays');
		if (window !== undefined && (window < 7 || window > 30)) {
			throw invalidRequest(`1 validation error detected: Value '${window}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value between 7 and 30`);
		}
		const keyId = uuid(ctx, 'kms-key');
		return { physicalId: keyId, attributes: { KeyId: keyId, Arn: `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${keyId}`, KeyState: 'Enabled' } };
	},
	afterDelete(ctx, current) {
		const window = typeof current.properties.PendingWindowInDays === 'number' ? current.properties.PendingWindowInDays : Number(current.properties.PendingWindowInDays ?? 30) || 30;
		return {
			...current,
			attributes: { ...current.attributes, KeyState: 'PendingDeletion', DeletionDate: new Date(ctx.clock.nowMs() + window * DAY_MS).toISOString() }
		};
	}
});
