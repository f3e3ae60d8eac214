// AWS::S3::Bucket, lightly modelled. Bucket names are unique across all accounts and Regions:
// the name is claimed in the world-wide store (ctx.globalStore) and a taken name fails with
// AlreadyExists and AWS's reason, as real events read it (the handler's own pre-check, so no
// HTTP status or request id): `<name> already exists (Service: S3, Status Code: 0, Request ID: null)`.
// Ref = the name; GetAtt Arn = arn:aws:s3:::<name> (no Region, no account), DomainName <name>.s3.amazonaws.com,
// RegionalDomainName <name>.s3.<region>.amazonaws.com, DualStackDomainName
// <name>.s3.dualstack.<region>.amazonaws.com, WebsiteURL http://<name>.s3-website-<region>.amazonaws.com
// (the world's Regions all use the older dash form). Without BucketName the name is
// `<stack>-<logical>-<random>` lower-cased within 63 characters.
import { generatedName } from './names';
import { lightProvider } from './light-provider';
import { ProviderError } from './provider';
import { invalidRequest } from './provider-errors';
import { str } from './props';

const TYPE = 'AWS::S3::Bucket';
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** S3's naming rules, with the sentences S3 answers (wording not confirmed against a live event). */
function checkName(name: string): void {
	if (/[A-Z]/.test(name)) throw invalidRequest('Bucket name should not contain uppercase characters');
	if (name.length < 3 || name.length > 63) throw invalidRequest('Bucket name should be between 3 and 63 characters long');
	if (!BUCKET_NAME.test(name) || name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name)) throw invalidRequest('Bucket name should not contain invalid characters');
}

export const s3BucketProvider = lightProvider({
	type: TYPE,
	// CloudFormation waits for a new bucket to be visible everywhere (about 20 seconds).
	durations: { create: 21000, update: 3000, delete: 2000 },
	drift: true,
	create(ctx, b) {
		const name = str(b, 'BucketName') || generatedName(ctx, { maxLength: 63, lowercase: true });
		checkName(name);
		const names = ctx.globalStore ?? ctx.store;
		const nameKey = `${TYPE}#name`;
		if (names.get(nameKey, name) || ctx.store.get(TYPE, name)) throw new ProviderError(`${name} already exists (Service: S3, Status Code: 0, Request ID: null)`, 'AlreadyExists');
		names.put({ type: nameKey, physicalId: name, properties: { accountId: ctx.accountId, region: ctx.region }, attributes: {}, createdAt: ctx.clock.now().toISOString() });
		const r = ctx.region;
		return {
			physicalId: name,
			properties: { ...b, BucketName: name },
			attributes: {
				Arn: `arn:aws:s3:::${name}`,
				DomainName: `${name}.s3.amazonaws.com`,
				RegionalDomainName: `${name}.s3.${r}.amazonaws.com`,
				DualStackDomainName: `${name}.s3.dualstack.${r}.amazonaws.com`,
				WebsiteURL: `http://${name}.s3-website-${r}.amazonaws.com`
			}
		};
	},
	update: (_ctx, current, next) => ({ properties: { ...next, BucketName: current.physicalId } }),
	afterDelete(ctx, current) {
		(ctx.globalStore ?? ctx.store).remove(`${TYPE}#name`, current.physicalId);
		return undefined;
	}
});
