import type { CourseDb, Settings } from './db';

const DEFAULTS: Settings = { theme: 'system' };

export async function getSetting<K extends keyof Settings>(db: CourseDb, key: K): Promise<Settings[K]> {
	const row = await db.settings.get(key);
	return (row?.value as Settings[K] | undefined) ?? DEFAULTS[key];
}

export async function putSetting<K extends keyof Settings>(db: CourseDb, key: K, value: Settings[K]): Promise<void> {
	await db.settings.put({ key, value });
}
