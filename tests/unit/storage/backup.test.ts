import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CourseDb } from '../../../src/lib/storage/db';
import { backupFileName, exportCourse, importCourse, LIMITS, parseBackup } from '../../../src/lib/storage/backup';
import { openLabStore } from '../../../src/lib/storage/lab-store';
import { recordVisit, saveQuizAnswer, setLessonDone } from '../../../src/lib/storage/progress';
import { putSetting } from '../../../src/lib/storage/settings';
import { clock, connect, manualScheduler, report, silentChannel, uniqueName } from './helpers';

const t = new Date('2026-11-23T18:28:39.483Z');

async function fill(db: CourseDb) {
	await recordVisit(db, 'push-and-pull', t);
	await setLessonDone(db, 'templates', true, t);
	await saveQuizAnswer(db, { lessonSlug: 'templates', questionId: 'q1', choice: 1, correct: true, answeredAt: t.toISOString() });
	await putSetting(db, 'theme', 'light');
	const store = openLabStore('first-repo', { db, now: clock(), schedule: manualScheduler().schedule, channel: silentChannel() });
	store.saveDraft('policy.json', '{"Version":"2012-10-17"}');
	store.saveWorld({ accounts: { '123456789012': { repos: ['app'] } } });
	store.pushUndo();
	store.saveWorld({ accounts: {} });
	store.saveTerminal({ history: ['aws ecr describe-repositories'], state: { env: { AWS_REGION: 'us-east-1' } } });
	store.saveMachine({ value: 'working' });
	store.recordGrade(report(false));
	store.recordGrade(report(true));
	store.recordHint('create');
	store.markSolutionViewed();
	store.markPassed('2026-01-15T10:00:00.000Z');
	await store.close();
}

/** Everything stored, without the row ids and revisions a database assigns itself. */
async function contents(db: CourseDb) {
	const strip = (rows: object[]) => rows.map((row) => {
		const { id: _i, revision: _r, ...rest } = row as Record<string, unknown>;
		return rest;
	});
	return {
		progress: await db.progress.toArray(),
		quizAnswers: await db.quizAnswers.toArray(),
		settings: await db.settings.toArray(),
		labDrafts: strip(await db.labDrafts.toArray()),
		labWorlds: strip(await db.labWorlds.toArray()),
		labSessions: strip(await db.labSessions.toArray()),
		labGrades: strip(await db.labGrades.toArray()),
		labProgress: await db.labProgress.toArray()
	};
}

describe('export and import', () => {
	it('round-trips everything a learner owns into another browser', async () => {
		const from = connect(uniqueName('from'));
		await fill(from);
		const file = await exportCourse(from, t);
		expect(JSON.parse(file)).toMatchObject({ format: 'ecr-cfn-course-backup', schemaVersion: 2, exportedAt: t.toISOString() });

		const to = connect(uniqueName('to'));
		await putSetting(to, 'theme', 'dark');
		await recordVisit(to, 'only-here', t);
		const result = await importCourse(to, file);
		expect(result).toEqual({ ok: true, counts: { progress: 2, quizAnswers: 1, settings: 1, labDrafts: 1, labWorlds: 1, labSessions: 1, labGrades: 2, labProgress: 1 } });
		expect(await contents(to)).toEqual(await contents(from));

		const saved = await openLabStore('first-repo', { db: to, channel: silentChannel() }).load();
		expect(saved.drafts.get('policy.json')).toBe('{"Version":"2012-10-17"}');
		expect(saved.undo).toEqual([{ accounts: { '123456789012': { repos: ['app'] } } }]);
		expect(saved.grades.map((g) => g.firstPass)).toEqual([false, true]);
		expect(await exportCourse(to, t)).toBe(file.replace(/"revision":(\d+)/g, (_, r) => `"revision":${Number(r) + 1}`));
	});

	it('imports over a lab open in another tab as a conflict there, not a silent overwrite', async () => {
		const name = uniqueName('open-tab');
		const db = connect(name);
		await fill(db);
		const file = await exportCourse(db, t);
		const tab = openLabStore('first-repo', { db: connect(name), schedule: manualScheduler().schedule, channel: silentChannel() });
		await tab.load();
		expect((await importCourse(db, file)).ok).toBe(true);
		tab.saveDraft('policy.json', 'typed in the open tab');
		await tab.flush();
		expect(tab.status.mode).toBe('conflict');
	});

	it('names the file by the date', () => {
		expect(backupFileName(t)).toBe('ecr-cfn-course-2026-11-23.json');
	});
});

describe('a hostile or broken import changes nothing', () => {
	const valid = async () => {
		const db = connect(uniqueName('valid'));
		await fill(db);
		return JSON.parse(await exportCourse(db, t)) as Record<string, unknown> & { labDrafts: Record<string, unknown>[]; labWorlds: Record<string, unknown>[] };
	};

	const hostile: [string, (b: Awaited<ReturnType<typeof valid>>) => string][] = [
		['not JSON', () => '{"format":'],
		['a __proto__ key at the top', (b) => JSON.stringify(b).replace('{', '{"__proto__":{"polluted":true},')],
		['a __proto__ key deep in a world snapshot', (b) => JSON.stringify(b).replace('"accounts":{}', '"accounts":{"__proto__":{"isAdmin":true}}')],
		['a constructor key in a terminal state', (b) => JSON.stringify(b).replace('"env":{', '"env":{"constructor":{"prototype":{"x":1}},')],
		['a prototype key in hints', (b) => JSON.stringify(b).replace('"hintsShown":{', '"hintsShown":{"prototype":1,')],
		['another format', (b) => JSON.stringify({ ...b, format: 'something-else' })],
		['a future schema version', (b) => JSON.stringify({ ...b, schemaVersion: 3 })],
		['an unknown field', (b) => JSON.stringify({ ...b, extra: [] })],
		['a draft that is not text', (b) => JSON.stringify({ ...b, labDrafts: [{ ...b.labDrafts[0], text: 42 }] })],
		['a draft too large', (b) => JSON.stringify({ ...b, labDrafts: [{ ...b.labDrafts[0], text: 'x'.repeat(LIMITS.textChars + 1) }] })],
		['a path that is not a name', (b) => JSON.stringify({ ...b, labDrafts: [{ ...b.labDrafts[0], path: '<script>' }] })],
		['a bad time', (b) => JSON.stringify({ ...b, exportedAt: 'yesterday' })],
		['a bad theme', (b) => JSON.stringify({ ...b, settings: [{ key: 'theme', value: 'neon' }] })],
		['too many undo steps', (b) => JSON.stringify({ ...b, labWorlds: [{ ...b.labWorlds[0], undo: Array(LIMITS.undo + 1).fill({}) }] })],
		['nesting deeper than allowed', (b) => JSON.stringify({ ...b, labWorlds: [{ ...b.labWorlds[0], snapshot: JSON.parse('['.repeat(LIMITS.depth + 5) + ']'.repeat(LIMITS.depth + 5)) }] })],
		['a file over the size limit', () => ' '.repeat(LIMITS.fileChars + 1)],
		['an array instead of a backup', () => '[]'],
		['null', () => 'null']
	];

	it.each(hostile)('refuses %s and writes nothing', async (_, make) => {
		const text = make(await valid());
		const db = connect(uniqueName('target'));
		await fill(db);
		const before = await contents(db);
		const result = await importCourse(db, text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
		expect(await contents(db)).toEqual(before);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
	});

	it('says where the problems are', async () => {
		const b = await valid();
		const result = parseBackup(JSON.stringify({ ...b, labDrafts: [{ ...b.labDrafts[0], text: 42 }], settings: [{ key: 'theme', value: 'neon' }] }));
		expect(result).toEqual({
			ok: false,
			errors: ['backup.settings[0].value: expected one of "system", "light", "dark"', 'backup.labDrafts[0].text: expected text']
		});
	});

	it('never throws and never accepts arbitrary JSON', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const result = parseBackup(JSON.stringify(value));
				expect(result.ok).toBe(false);
			})
		);
	});

	it('reads a version 1 backup, which has no lab tables', async () => {
		const b = await valid();
		const v1 = { format: b.format, schemaVersion: 1, exportedAt: b.exportedAt, progress: b.progress, quizAnswers: b.quizAnswers, settings: b.settings };
		const result = parseBackup(JSON.stringify(v1));
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.backup.labDrafts).toEqual([]);
	});
});
