// AWS::ECS::Cluster, lightly modelled. Ref = the cluster name (generated within 255 characters
// when ClusterName is absent); GetAtt Arn = arn:aws:ecs:<region>:<account>:cluster/<name>.
// A cluster that still has services fails to delete with ECS's ClusterContainsServicesException.
import { generatedName } from './names';
import { liveRecords, lightProvider } from './light-provider';
import { ProviderError } from './provider';
import { alreadyExists, invalidRequest } from './provider-errors';
import { requestId } from './ids';
import { str } from './props';

export const ECS_CLUSTER = 'AWS::ECS::Cluster';

export const ecsClusterArn = (accountId: string, region: string, name: string) => `arn:aws:ecs:${region}:${accountId}:cluster/${name}`;

export const ecsClusterProvider = lightProvider({
	type: ECS_CLUSTER,
	durations: { create: 5000, update: 3000, delete: 3000 },
	drift: true,
	create(ctx, b) {
		const name = str(b, 'ClusterName') || generatedName(ctx, { maxLength: 255 });
		if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalidRequest('Cluster name can only contain letters, numbers, hyphens and underscores, and must be up to 255 characters long.');
		if (ctx.store.get(ECS_CLUSTER, name)) throw alreadyExists(ECS_CLUSTER, name);
		return { physicalId: name, properties: { ...b, ClusterName: name }, attributes: { Arn: ecsClusterArn(ctx.accountId, ctx.region, name) } };
	},
	update: (_ctx, current, next) => ({ properties: { ...next, ClusterName: current.physicalId } }),
	beforeDelete(ctx, current) {
		const services = liveRecords(ctx, 'AWS::ECS::Service').filter((s) => s.attributes.ClusterName === current.physicalId);
		if (services.length) {
			const message = 'The Cluster cannot be deleted while Services are active.';
			throw new ProviderError(`${message} (Service: Ecs, Status Code: 400, Request ID: ${requestId(ctx, message)})`, 'GeneralServiceException');
		}
	}
});
