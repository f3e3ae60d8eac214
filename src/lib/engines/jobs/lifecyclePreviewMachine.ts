// A lifecycle policy preview: IN_PROGRESS for the moment ECR takes to evaluate, then COMPLETE.
import { timedJobMachine, type TimedContext } from './job';

export interface LifecyclePreviewContext extends TimedContext {
	accountId: string;
	region: string;
	repositoryName: string;
}

export const lifecyclePreviewMachine = timedJobMachine<LifecyclePreviewContext>('lifecyclePreview');
