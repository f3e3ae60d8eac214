// Test doubles for the lab store: a scheduler the test runs by hand, a BroadcastChannel hub
// that delivers between store instances, and fresh databases cleaned up after each test.
import { afterEach } from 'vitest';
import { openCourseDb, type CourseDb } from '../../../src/lib/storage/db';
import type { LabChannel, LabWrote } from '../../../src/lib/storage/lab-sync';
import type { GradeReport } from '../../../src/lib/labs/types';
import type { Schedule } from '../../../src/lib/storage/lab-store';

let n = 0;
const opened: CourseDb[] = [];
export const uniqueName = (prefix = 'lab') => `${prefix}-${process.pid}-${++n}`;

/** A connection to the named database (a second call is a second tab's connection). */
export function connect(name: string): CourseDb {
	const db = openCourseDb(name);
	opened.push(db);
	return db;
}

afterEach(async () => {
	const names = new Set(opened.map((d) => d.name));
	for (const db of opened.splice(0)) db.close();
	for (const name of names) await openCourseDb(name).delete();
});

export function manualScheduler() {
	const pending: (() => void)[] = [];
	const schedule: Schedule = (write) => {
		pending.push(write);
		return () => {
			const i = pending.indexOf(write);
			if (i >= 0) pending.splice(i, 1);
		};
	};
	return { schedule, pending, runAll: () => pending.splice(0).forEach((w) => w()) };
}

/** Delivers each post to every other member, as BroadcastChannel does between tabs. */
export function channelHub() {
	const members = new Set<{ fn?: (m: LabWrote) => void }>();
	const posted: LabWrote[] = [];
	return {
		posted,
		join(): LabChannel {
			const me: { fn?: (m: LabWrote) => void } = {};
			members.add(me);
			return {
				post: (m) => {
					posted.push(m);
					for (const other of members) if (other !== me) other.fn?.(structuredClone(m));
				},
				listen: (fn) => void (me.fn = fn),
				close: () => void members.delete(me)
			};
		}
	};
}

export const silentChannel = (): LabChannel => ({ post() {}, listen() {}, close() {} });

export function clock(start = Date.parse('2026-11-23T10:00:00.000Z')) {
	let t = start;
	return () => new Date((t += 1000)).toISOString();
}

export const report = (passed: boolean, at = '2026-01-15T09:00:00.000Z'): GradeReport => ({
	at,
	passed,
	results: [{ taskId: 'create', checkId: 'repo-exists', passed, final: true, message: passed ? 'Found it.' : 'No repository named app yet.' }]
});
