// The learner's own data, in IndexedDB. Each schema change is a new version with an upgrade
// function and a test that upgrades the previous version's data (design.md, "Storage").
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { LabDraftRow, LabGradeRow, LabProgressRow, LabSessionRow, LabWorldRow } from './lab-rows';

export type LessonStatus = 'started' | 'done';

export interface LessonProgress {
	slug: string;
	status: LessonStatus;
	firstVisitedAt: string;
	lastVisitedAt: string;
	completedAt?: string;
}

export interface QuizAnswer {
	lessonSlug: string;
	questionId: string;
	choice: number;
	correct: boolean;
	answeredAt: string;
}

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Settings {
	theme: ThemeChoice;
}

export interface SettingRow<K extends keyof Settings = keyof Settings> {
	key: K;
	value: Settings[K];
}

export const DB_NAME = 'ecr-cfn-course';

export type CourseDb = Dexie & {
	progress: EntityTable<LessonProgress, 'slug'>;
	quizAnswers: Table<QuizAnswer, [string, string]>;
	settings: EntityTable<SettingRow, 'key'>;
	labDrafts: Table<LabDraftRow, [string, string]>;
	labWorlds: EntityTable<LabWorldRow, 'labId'>;
	labSessions: EntityTable<LabSessionRow, 'labId'>;
	labGrades: EntityTable<LabGradeRow, 'id'>;
	labProgress: EntityTable<LabProgressRow, 'labId'>;
};

/** Version 1 stores: the first schema, kept verbatim forever so upgrades can be tested from it. */
export const SCHEMA_V1 = {
	progress: 'slug, status, lastVisitedAt',
	quizAnswers: '[lessonSlug+questionId], lessonSlug, answeredAt',
	settings: 'key'
} as const;

/**
 * Version 2 adds the labs' tables (lab-rows.ts says what each row holds). Kept verbatim too.
 * Dexie carries version 1's stores forward, so only the new tables are listed.
 */
export const SCHEMA_V2 = {
	labDrafts: '[labId+path], labId',
	labWorlds: 'labId',
	labSessions: 'labId',
	labGrades: '++id, labId, [labId+recordedAt]',
	labProgress: 'labId'
} as const;

export const SCHEMA_VERSION = 2;

export function openCourseDb(name = DB_NAME): CourseDb {
	const db = new Dexie(name) as CourseDb;
	db.version(1).stores(SCHEMA_V1);
	// No .upgrade(): version 1's rows keep their shape and the new tables start empty. The
	// upgrade test (tests/unit/storage/upgrade.test.ts) proves version 1's data comes through.
	db.version(2).stores(SCHEMA_V2);
	return db;
}
