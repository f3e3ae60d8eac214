// Replicating one image to one destination: IN_PROGRESS until the copy lands, then the world
// decides COMPLETE or FAILED by what the destination allows at that moment.
import { timedJobMachine, type TimedContext } from './job';

export interface ReplicationContext extends TimedContext {
	sourceAccountId: string;
	sourceRegion: string;
	repositoryName: string;
	imageDigest: string;
	/** The tag pushed with the image, which the replica carries unless the destination keeps it. */
	imageTag?: string;
	destinationAccountId: string;
	destinationRegion: string;
}

export const replicationMachine = timedJobMachine<ReplicationContext>('replication');
