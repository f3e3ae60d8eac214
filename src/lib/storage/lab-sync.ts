// Tells the other tabs of this site that a tab wrote a lab's rows, so they notice at once
// rather than at their next write. BroadcastChannel is missing in some browsers and workers;
// then the revision check at write time (lab-persist.ts) still catches every conflict, later.

export interface LabWrote {
	type: 'wrote';
	labId: string;
	/** The writing tab, so a tab ignores its own news where a channel echoes it. */
	tab: string;
	/** Which rows changed: revisioned rows conflict, progress and grades merge. */
	rows: string[];
}

export interface LabChannel {
	post(message: LabWrote): void;
	listen(fn: (message: LabWrote) => void): void;
	close(): void;
}

export const CHANNEL_NAME = 'ecr-cfn-course:labs';

export function openLabChannel(name = CHANNEL_NAME): LabChannel {
	if (typeof BroadcastChannel === 'undefined') return { post() {}, listen() {}, close() {} };
	const channel = new BroadcastChannel(name);
	return {
		post: (message) => channel.postMessage(message),
		listen: (fn) => {
			channel.onmessage = (event: MessageEvent) => {
				if (isLabWrote(event.data)) fn(event.data);
			};
		},
		close: () => channel.close()
	};
}

function isLabWrote(data: unknown): data is LabWrote {
	if (typeof data !== 'object' || data === null) return false;
	const m = data as Record<string, unknown>;
	return m.type === 'wrote' && typeof m.labId === 'string' && typeof m.tab === 'string' && Array.isArray(m.rows) && m.rows.every((r) => typeof r === 'string');
}
