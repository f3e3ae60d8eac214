// In a fresh module graph (Vitest isolates each file) no resource schema is loaded yet: an
// operation that needs one is refused with a retryable error that changes nothing, and succeeds
// once the schemas are in.
import { describe, expect, it } from 'vitest';
import { World } from '../../../../../src/lib/engines/world';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { json, NOW, REGION } from './helpers';

describe('resource schemas loaded on demand', () => {
	it('refuses CreateStack with a retryable ServiceUnavailable until they are loaded', async () => {
		const world = World.create({ now: NOW });
		const cfn = world.cloudformation(rootCaller(), REGION);
		const body = json({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: {} } } });
		try {
			cfn.call('CreateStack', { StackName: 's', TemplateBody: body });
			expect.unreachable();
		} catch (e) {
			expect(e).toMatchObject({ code: 'ServiceUnavailable', httpStatus: 503, fault: 'server' });
		}
		expect(cfn.call('ListStacks', {}).StackSummaries).toEqual([]);
		await world.cloudformationReady();
		expect(cfn.call('CreateStack', { StackName: 's', TemplateBody: body }).StackId).toBeDefined();
	});
});
