import { describe, expect, it } from 'vitest';
import { clearFaults, injectFault } from '../../../../../src/lib/engines/cloudformation/providers/fault-injection';
import { providerFor } from '../../../../../src/lib/engines/cloudformation/providers/registry';
import { rootCaller } from '../../../../../src/lib/engines/world-constants';
import { REGION, harness, providerError } from './helpers';

const repo = () => {
	const p = providerFor('AWS::ECR::Repository');
	if (!p) throw new Error('missing');
	return p;
};

describe('failure injection for labs', () => {
	it('a world-level rule fails the matching operation, before anything changes, as many times as asked', () => {
		const h = harness();
		const ctx = h.ctx('Repo');
		injectFault(ctx.store, { logicalId: 'Repo', operation: 'create', message: 'Simulated outage', handlerErrorCode: 'ServiceInternalError', times: 1 });
		const e = providerError(() => repo().create(ctx, { RepositoryName: 'app' }));
		expect(e).toMatchObject({ message: 'Simulated outage', handlerErrorCode: 'ServiceInternalError' });
		expect(h.world.ecr(rootCaller(), REGION).call('DescribeRepositories', {}).repositories).toEqual([]);
		// It fired its one time and is gone.
		expect(repo().create(ctx, { RepositoryName: 'app' }).physicalId).toBe('app');
	});

	it('matches on stack, logical id and type, and clearFaults removes every rule', () => {
		const h = harness();
		const store = h.ctx('X').store;
		injectFault(store, { stackName: 'other', operation: 'delete', message: 'no' });
		injectFault(store, { resourceType: 'AWS::S3::Bucket', operation: 'delete', message: 'no' });
		injectFault(store, { logicalId: 'Repo', operation: 'delete', message: 'Cannot delete right now' });
		const ctx = h.ctx('Repo');
		repo().create(ctx, { RepositoryName: 'app' });
		expect(providerError(() => repo().delete(ctx, 'app', {})).message).toBe('Cannot delete right now');
		expect(providerError(() => repo().delete(ctx, 'app', {})).handlerErrorCode).toBe('GeneralServiceException');
		clearFaults(store);
		expect(() => repo().delete(ctx, 'app', {})).not.toThrow();
	});

	it('a resource whose Metadata asks for a failure fails that operation only', () => {
		const h = harness();
		const metadata = { 'Simulator::Fault': { OnUpdate: 'Update refused for the lab', HandlerErrorCode: 'NotStabilized' } };
		const ctx = h.ctx('Repo', { metadata });
		repo().create(ctx, { RepositoryName: 'app' });
		const e = providerError(() => repo().update(ctx, 'app', { RepositoryName: 'app' }, { RepositoryName: 'app', ImageTagMutability: 'IMMUTABLE' }));
		expect(e).toMatchObject({ message: 'Update refused for the lab', handlerErrorCode: 'NotStabilized' });
		expect(h.world.ecr(rootCaller(), REGION).call('DescribeRepositories', {}).repositories?.[0]?.imageTagMutability).toBe('MUTABLE');
		expect(() => repo().delete(ctx, 'app', {})).not.toThrow();
	});

	it('rules are plain JSON in the light store, so a saved world keeps them', () => {
		const h = harness();
		injectFault(h.ctx('X').store, { operation: 'create', message: 'later' });
		expect(JSON.parse(JSON.stringify(h.state)).resources).toEqual([
			{ type: 'Simulator::Fault', physicalId: 'fault-1', properties: { operation: 'create', message: 'later' }, attributes: {}, createdAt: '1970-01-01T00:00:00.000Z' }
		]);
	});
});
