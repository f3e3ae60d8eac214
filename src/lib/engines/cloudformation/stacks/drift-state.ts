// What drift detection remembers per account and Region, as plain JSON: each detection run
// (DescribeStackDriftDetectionStatus), each stack's last result (DescribeStacks' DriftInformation)
// and each resource's last result (DescribeStackResourceDrifts, DescribeStackResources).
import type { DifferenceType, StackDriftDetectionStatus, StackDriftStatus, StackResourceDriftStatus } from '@aws-sdk/client-cloudformation';

export interface PropertyDifferenceRecord {
	PropertyPath: string;
	ExpectedValue: string;
	ActualValue: string;
	DifferenceType: DifferenceType;
}

export interface ResourceDriftRecord {
	logicalId: string;
	physicalId?: string;
	type: string;
	status: StackResourceDriftStatus;
	/** JSON strings, as AWS returns them; absent for NOT_CHECKED (and Actual for DELETED). */
	expected?: string;
	actual?: string;
	differences: PropertyDifferenceRecord[];
	timestamp: string;
}

/** One DetectStackDrift run, as DescribeStackDriftDetectionStatus shows it. */
export interface DriftDetectionRecord {
	id: string;
	stackId: string;
	detectionStatus: StackDriftDetectionStatus;
	/** Absent while DETECTION_IN_PROGRESS: nothing is known yet. */
	stackDriftStatus?: StackDriftStatus;
	/** AWS: "NULL until the drift detection operation reaches a status of DETECTION_COMPLETE". */
	driftedCount?: number;
	/** When the run was initiated (the API's Timestamp), not when it finished. */
	timestamp: string;
	/** DetectionStatusReason: "User Initiated" while running, the failures' summary when it failed. */
	reason?: string;
}

export interface DriftState {
	detections: DriftDetectionRecord[];
	/** By stack ID. */
	stacks: Record<string, { status: StackDriftStatus; lastCheck: string }>;
	/** By stack ID, then logical ID. */
	resources: Record<string, Record<string, ResourceDriftRecord>>;
}
