// What a lab is, as `labs/<id>/lab.yaml` states it (after loading: files read, defaults filled),
// and what the grader answers. Pure data: the lab page, the storage, the checker script and the
// solution replay test all share these shapes.

export type LabLevel = 'beginner' | 'intermediate' | 'advanced';

/** Who acts: the learner account's root unless a lab says otherwise. */
export type LabPrincipal =
	| 'root'
	| { root: string } // another account's root: { root: '210987654321' }
	| { user: string; account?: string } // an IAM user the starting world created (it gets an access key)
	| { role: string; session: string; account?: string }; // a role session, assumed by that account's root

/** Where requests come from, for policies with aws:SourceIp / aws:SourceVpc / aws:SourceVpce conditions. */
export interface LabNetwork {
	sourceIp?: string;
	sourceVpc?: string;
	sourceVpce?: string;
}

/**
 * One step that builds the starting world, in order. `run` is a command line typed into the
 * terminal's shell (aws, docker, echo...) as `as` (default root); it must exit 0 or the lab is
 * broken. `call` is one engine operation. `advance` moves the world's clock (ISO 8601 duration,
 * e.g. P3D, PT2H), running whatever falls due.
 */
export type LabStep =
	| { run: string; as?: LabPrincipal; region?: string }
	| { call: LabCall; as?: LabPrincipal }
	| { advance: string };

export type LabService = 'ecr' | 'cloudformation' | 'iam' | 'sts';

export interface LabCall {
	service: LabService;
	/** The API operation name as AWS spells it: DescribeRepositories, GetLifecyclePolicy... */
	operation: string;
	input?: Record<string, unknown>;
	region?: string;
}

/**
 * What a check's value must be. The value is the JMESPath result (null when the query finds
 * nothing); `error` expects the call to fail with that AWS error code instead.
 */
export type LabExpectation =
	| { equals: unknown }
	| { notEquals: unknown }
	| { exists: boolean } // not null / null
	| { contains: unknown } // a list containing the value, or a string containing the text
	| { matches: string } // a regular expression the string value matches
	| { length: number } // a list's or string's length
	| { atLeast: number } // a number, or a list's length
	| { atMost: number }
	| { error: string }; // e.g. RepositoryNotFoundException

interface CheckBase {
	id: string;
	/** Shown when the check fails: names what is wrong, never just "incorrect". */
	fail: string;
	/** Shown when it passes (optional). */
	pass?: string;
	/** Final checks decide whether the lab is passed (default true). */
	final?: boolean;
}

/** Calls the world (read-only operations only) and tests a JMESPath query over the response. */
export interface CallCheck extends CheckBase {
	call: LabCall;
	/** Defaults to `@` (the whole response). */
	query?: string;
	expect: LabExpectation;
	as?: LabPrincipal;
}

/** Parses an editor file (JSON or YAML) and tests a JMESPath query over it. */
export interface FileCheck extends CheckBase {
	file: string;
	query?: string;
	expect: LabExpectation;
}

/** "May this principal do this action on this resource?", decided by the world's IAM evaluation. */
export interface AccessCheck extends CheckBase {
	may: {
		principal: LabPrincipal;
		action: string; // ecr:PutImage
		resource: string; // an ARN
		network?: LabNetwork;
	};
	expect: { allowed: boolean };
}

export type LabCheck = CallCheck | FileCheck | AccessCheck;

export interface LabTask {
	id: string;
	title: string;
	/** Markdown: what to do, in the course's own words. */
	body: string;
	/** Progressive hints, shown one at a time. */
	hints: string[];
	checks: LabCheck[];
}

export interface LabFile {
	/** Relative path, also what `cat`, `ls` and `file://` see in the terminal. */
	path: string;
	/** The starter text (from labs/<id>/files/<path>; empty when the lab has no starter). */
	text: string;
	language: 'json' | 'yaml' | 'dockerfile' | 'shell' | 'plaintext';
	/** Which JSON schema the editor uses for completion, hover and markers. */
	schema?: 'ecr-lifecycle-policy' | 'ecr-repository-policy' | 'iam-policy' | 'cloudformation-template';
}

export interface Lab {
	id: string;
	title: string;
	summary: string;
	/** The lesson slug the lab practises (content/lessons/<slug>.md). */
	lesson: string;
	level: LabLevel;
	minutes: number;
	start: {
		/** The world's clock at the start (ISO 8601); default 2026-01-15T09:00:00.000Z. */
		now: string;
		region: string;
		/** Who the terminal acts as. */
		as: LabPrincipal;
		network?: LabNetwork;
		steps: LabStep[];
	};
	files: LabFile[];
	tasks: LabTask[];
	solution: {
		/** Solution text per file path (labs/<id>/solution/<path>). */
		files: Record<string, string>;
		/** Command lines, in order (labs/<id>/solution/commands.sh, one per line; # comments skipped). */
		commands: string[];
	};
}

export interface CheckResult {
	taskId: string;
	checkId: string;
	passed: boolean;
	final: boolean;
	/** The check's `fail` or `pass` text, or why the check could not run. */
	message: string;
	/** What the query found, for the feedback panel ("found: MUTABLE"). */
	actual?: unknown;
}

export interface GradeReport {
	/** The world's clock when graded (ISO 8601). */
	at: string;
	results: CheckResult[];
	/** Every final check passes. */
	passed: boolean;
}
