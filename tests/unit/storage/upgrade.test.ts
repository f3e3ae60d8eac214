import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSION } from '../../../src/lib/storage/db';
import { allProgress, quizAnswersFor } from '../../../src/lib/storage/progress';
import { getSetting } from '../../../src/lib/storage/settings';
import { openLabStore } from '../../../src/lib/storage/lab-store';
import { connect, silentChannel, uniqueName } from './helpers';

describe('schema version 2', () => {
	it('upgrades a version 1 database: progress, quiz answers and settings survive, lab tables start empty', async () => {
		const name = uniqueName('upgrade');
		// Version 1 exactly as it shipped: a browser that last ran the app before labs were stored.
		const v1 = new Dexie(name);
		v1.version(1).stores(SCHEMA_V1);
		await v1.table('progress').bulkPut([
			{ slug: 'push-and-pull', status: 'done', firstVisitedAt: '2026-11-01T09:00:00.000Z', lastVisitedAt: '2026-11-02T09:00:00.000Z', completedAt: '2026-11-02T09:00:00.000Z' },
			{ slug: 'templates', status: 'started', firstVisitedAt: '2026-11-03T09:00:00.000Z', lastVisitedAt: '2026-11-03T09:00:00.000Z' }
		]);
		await v1.table('quizAnswers').put({ lessonSlug: 'templates', questionId: 'q1', choice: 2, correct: true, answeredAt: '2026-11-03T09:05:00.000Z' });
		await v1.table('settings').put({ key: 'theme', value: 'dark' });
		v1.close();

		const db = connect(name);
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(db.tables.map((t) => t.name).sort()).toEqual([...Object.keys(SCHEMA_V1), ...Object.keys(SCHEMA_V2)].sort());
		const progress = await allProgress(db);
		expect(progress.get('push-and-pull')).toMatchObject({ status: 'done', completedAt: '2026-11-02T09:00:00.000Z' });
		expect(progress.get('templates')?.status).toBe('started');
		expect((await quizAnswersFor(db, 'templates')).get('q1')).toMatchObject({ choice: 2, correct: true });
		expect(await getSetting(db, 'theme')).toBe('dark');
		for (const t of Object.keys(SCHEMA_V2)) expect(await db.table(t).count()).toBe(0);

		// And the upgraded database takes lab data straight away.
		const store = openLabStore('first-repo', { db, channel: silentChannel(), schedule: () => () => {} });
		store.saveDraft('policy.json', '{}');
		await store.flush();
		expect(await db.labDrafts.count()).toBe(1);
	});
});
