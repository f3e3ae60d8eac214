// A basic image scan: IN_PROGRESS from the push (or StartImageScan) until the scanner finishes.
import { timedJobMachine, type TimedContext } from './job';

export interface ImageScanContext extends TimedContext {
	accountId: string;
	region: string;
	repositoryName: string;
	imageDigest: string;
}

export const imageScanMachine = timedJobMachine<ImageScanContext>('imageScan');
