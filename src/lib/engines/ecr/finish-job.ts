// What ECR does when one of its timed jobs finishes: a preview completes, a replica lands,
// a scan reports its findings.
import type { VirtualClock } from '../clock';
import type { FinishedJob, JobContexts, JobKind } from '../jobs/scheduler';
import type { WorldEvent } from '../world-events';
import { completeLifecyclePreview } from './lifecycle-api';
import { landReplica } from './replication';
import { completeImageScan, scanOnPush } from './scanning/scan-api';
import type { EcrRegistryState } from './state';

export interface EcrJobAccess {
	clock: VirtualClock;
	registry(accountId: string, region: string): EcrRegistryState | undefined;
	schedule<K extends JobKind>(kind: K, context: Omit<JobContexts[K], 'startedAt' | 'dueAt'>, delayMs: number): void;
}

export function finishJob(job: FinishedJob, access: EcrJobAccess): WorldEvent[] {
	const at = access.clock.now().toISOString();
	switch (job.kind) {
		case 'lifecyclePreview': {
			const o = job.output;
			const repo = access.registry(o.accountId, o.region)?.repositories.find((r) => r.repositoryName === o.repositoryName);
			if (!repo || !completeLifecyclePreview(repo, o.startedAt)) return [];
			return [{ at, kind: 'lifecycle-preview-complete', accountId: o.accountId, region: o.region, repositoryName: o.repositoryName }];
		}
		case 'replication':
			return [
				landReplica(job.output, {
					clock: access.clock,
					registry: access.registry,
					landed: (registry, repo, image) => scanOnPush(registry, repo, image, access.clock.now(), access.schedule)
				})
			];
		case 'imageScan': {
			const o = job.output;
			const registry = access.registry(o.accountId, o.region);
			const repo = registry?.repositories.find((r) => r.repositoryName === o.repositoryName);
			const image = repo?.images.find((i) => i.imageDigest === o.imageDigest);
			if (!registry || !repo || !image) return [];
			const status = completeImageScan(registry, repo, image, o.startedAt, access.clock.now());
			return status ? [{ at, kind: 'image-scan-complete', accountId: o.accountId, region: o.region, repositoryName: o.repositoryName, imageDigest: o.imageDigest, status }] : [];
		}
	}
}
