// AWS::ECS::Service, lightly modelled. Ref = the service ARN in the long format,
// arn:aws:ecs:<region>:<account>:service/<cluster>/<name>; GetAtt ServiceArn (the same) and
// Name. Cluster (name or ARN, default "default") must exist, as must a task definition given
// by an ARN of this account and Region; a service takes minutes because CloudFormation waits
// for it to reach a steady state.
import { ECS_CLUSTER } from './ecs-cluster';
import { ECS_TASK_DEFINITION } from './ecs-task-definition';
import { requestId } from './ids';
import { generatedName } from './names';
import { liveRecords, lightProvider } from './light-provider';
import { ProviderError, type ProviderContext } from './provider';
import { alreadyExists, modelValidationFailed } from './provider-errors';
import { int, str, type Bag } from './props';

const TYPE = 'AWS::ECS::Service';

/** ECS's client errors as the SDK prints them (InvalidRequest: the caller's input is wrong). */
function ecsClientError(ctx: ProviderContext, message: string): ProviderError {
	return new ProviderError(`${message} (Service: Ecs, Status Code: 400, Request ID: ${requestId(ctx, message)})`, 'InvalidRequest');
}

function clusterName(ref: string | undefined): string {
	if (!ref) return 'default';
	const m = /^arn:aws:ecs:[^:]+:\d{12}:cluster\/(.+)$/.exec(ref);
	return m?.[1] ?? ref;
}

function checkTaskDefinition(ctx: ProviderContext, ref: string | undefined) {
	if (ref === undefined) return;
	const m = /^arn:aws:ecs:([^:]+):(\d{12}):task-definition\/(.+)$/.exec(ref);
	const mine = m ? m[1] === ctx.region && m[2] === ctx.accountId : true;
	if (!mine) return;
	const live = liveRecords(ctx, ECS_TASK_DEFINITION);
	const found = m ? live.some((r) => r.physicalId === ref) : live.some((r) => r.attributes.Family === ref.split(':')[0] && (!ref.includes(':') || `${r.attributes.Family}:${r.attributes.Revision}` === ref));
	if (!found) throw ecsClientError(ctx, 'TaskDefinition not found.');
}

function check(ctx: ProviderContext, b: Bag) {
	const desired = int(b, 'DesiredCount');
	if (desired !== undefined && desired < 0) throw modelValidationFailed(`#/DesiredCount: ${desired} is not greater or equal to 0`);
	checkTaskDefinition(ctx, str(b, 'TaskDefinition'));
}

export const ecsServiceProvider = lightProvider({
	type: TYPE,
	// CloudFormation waits for the deployment to reach a steady state.
	durations: { create: 150000, update: 120000, delete: 90000 },
	drift: true,
	create(ctx, b) {
		const cluster = clusterName(str(b, 'Cluster'));
		if (!liveRecords(ctx, ECS_CLUSTER).some((c) => c.physicalId === cluster)) throw ecsClientError(ctx, 'Cluster not found.');
		check(ctx, b);
		const name = str(b, 'ServiceName') || generatedName(ctx, { maxLength: 255 });
		const arn = `arn:aws:ecs:${ctx.region}:${ctx.accountId}:service/${cluster}/${name}`;
		if (ctx.store.get(TYPE, arn)) throw alreadyExists(TYPE, arn);
		return { physicalId: arn, properties: { ...b, ServiceName: name }, attributes: { ServiceArn: arn, Name: name, ClusterName: cluster } };
	},
	update(ctx, current, next) {
		check(ctx, next);
		return { properties: { ...next, ServiceName: current.attributes.Name } };
	}
});
