// What the world did on its own while time passed, for timelines, notifications and graders.

export type WorldEvent =
	| {
			at: string;
			kind: 'lifecycle-run';
			accountId: string;
			region: string;
			repositoryName: string;
			expired: string[];
			transitioned: string[];
	  }
	| { at: string; kind: 'lifecycle-preview-complete'; accountId: string; region: string; repositoryName: string }
	| { at: string; kind: 'image-scan-complete'; accountId: string; region: string; repositoryName: string; imageDigest: string; status: string }
	| {
			at: string;
			kind: 'replication-complete' | 'replication-failed';
			accountId: string;
			region: string;
			repositoryName: string;
			imageDigest: string;
			destinationAccountId: string;
			destinationRegion: string;
			reason?: string;
	  }
	| {
			at: string;
			kind: 'stack-operation-complete';
			accountId: string;
			region: string;
			stackId: string;
			stackName: string;
			/** The stack's status once the operation is over (CREATE_COMPLETE, ROLLBACK_COMPLETE ...). */
			status: string;
	  }
	| {
			at: string;
			kind: 'stack-drift-detection-complete';
			accountId: string;
			region: string;
			stackId: string;
			stackName: string;
			detectionId: string;
			/** DETECTION_COMPLETE or DETECTION_FAILED. */
			detectionStatus: string;
			/** DRIFTED, IN_SYNC or UNKNOWN. */
			stackDriftStatus?: string;
	  }
	| {
			at: string;
			kind: 'stack-set-operation-complete';
			/** The administrator account and the stack set's Region. */
			accountId: string;
			region: string;
			stackSetName: string;
			operationId: string;
			action: string;
			/** SUCCEEDED, FAILED or STOPPED. */
			status: string;
	  };
