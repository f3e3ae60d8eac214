// AWS::ECS::TaskDefinition, lightly modelled. Ref = the task definition ARN with its revision,
// arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>; GetAtt TaskDefinitionArn
// is the same. Every property but Tags is create-only, so an update registers a new revision
// (the stack engine replaces the resource) and deleting the old one deregisters it: the record
// stays INACTIVE, as DescribeTaskDefinition shows, and keeps the family's revision count.
// Without Family the family is `<stack>-<logical>-<random>` within 255 characters.
import { generatedName } from './names';
import { lightProvider } from './light-provider';
import { invalidRequest } from './provider-errors';
import { bags, str, type Bag } from './props';
import type { ProviderContext } from './provider';

export const ECS_TASK_DEFINITION = 'AWS::ECS::TaskDefinition';

/** The next revision of a family: one more than any registered before, deregistered ones included. */
function nextRevision(ctx: ProviderContext, family: string): number {
	const revisions = ctx.store.list(ECS_TASK_DEFINITION).filter((r) => r.attributes.Family === family).map((r) => Number(r.attributes.Revision) || 0);
	return Math.max(0, ...revisions) + 1;
}

function checkContainers(b: Bag) {
	bags(b, 'ContainerDefinitions').forEach((c, i) => {
		str(c, 'Name', `ContainerDefinitions/${i}/Name`);
		str(c, 'Image', `ContainerDefinitions/${i}/Image`);
	});
}

export const ecsTaskDefinitionProvider = lightProvider({
	type: ECS_TASK_DEFINITION,
	durations: { create: 2000, update: 2000, delete: 2000 },
	drift: true,
	isLive: (r) => r.attributes.Status !== 'INACTIVE',
	create(ctx, b) {
		checkContainers(b);
		const family = str(b, 'Family') || generatedName(ctx, { maxLength: 255 });
		if (!/^[A-Za-z0-9_-]{1,255}$/.test(family)) throw invalidRequest('Family name can only contain letters, numbers, hyphens and underscores, and must be up to 255 characters long.');
		const revision = nextRevision(ctx, family);
		const arn = `arn:aws:ecs:${ctx.region}:${ctx.accountId}:task-definition/${family}:${revision}`;
		return { physicalId: arn, properties: { ...b, Family: family }, attributes: { TaskDefinitionArn: arn, Family: family, Revision: revision, Status: 'ACTIVE' } };
	},
	update(_ctx, current, next) {
		// Only Tags change in place; anything else reaches here only as a replacement.
		const rest = Object.fromEntries(Object.entries(current.properties).filter(([k]) => k !== 'Tags'));
		return { properties: { ...rest, ...(next.Tags !== undefined ? { Tags: next.Tags } : {}) } };
	},
	afterDelete: (_ctx, current) => ({ ...current, attributes: { ...current.attributes, Status: 'INACTIVE' } })
});
