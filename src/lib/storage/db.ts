// The learner's own data, in IndexedDB. Each schema change is a new version with an upgrade
// function and a test that upgrades the previous version's data (design.md, "Storage").
import { Dexie, type EntityTable, type Table } from 'dexie';

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
};

/** Version 1 stores: the first schema, kept verbatim forever so upgrades can be tested from it. */
export const SCHEMA_V1 = {
	progress: 'slug, status, lastVisitedAt',
	quizAnswers: '[lessonSlug+questionId], lessonSlug, answeredAt',
	settings: 'key'
} as const;

export function openCourseDb(name = DB_NAME): CourseDb {
	const db = new Dexie(name) as CourseDb;
	db.version(1).stores(SCHEMA_V1);
	return db;
}
