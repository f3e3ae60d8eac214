// An imported backup is a file from anywhere: it is parsed and checked whole (types, sizes,
// counts, no prototype-polluting keys) before import.ts writes a single row. The checks
// collect every problem, so the learner reads them all at once.
import type { LessonProgress, QuizAnswer, SettingRow } from './db';
import type { LabDraftRow, LabGradeRow, LabProgressRow, LabSessionRow, LabWorldRow } from './lab-rows';

export const BACKUP_FORMAT = 'ecr-cfn-course-backup';
export const BACKUP_VERSION = 2;

export interface CourseBackup {
	format: typeof BACKUP_FORMAT;
	/** The schema version that wrote it; older backups simply lack the newer tables. */
	schemaVersion: number;
	exportedAt: string;
	progress: LessonProgress[];
	quizAnswers: QuizAnswer[];
	settings: SettingRow[];
	labDrafts: LabDraftRow[];
	labWorlds: LabWorldRow[];
	labSessions: LabSessionRow[];
	labGrades: Omit<LabGradeRow, 'id'>[];
	labProgress: LabProgressRow[];
}

/** Generous for years of use, small enough that a hostile file can't fill the disk or the tab. */
export const LIMITS = {
	fileChars: 30_000_000,
	idChars: 200,
	textChars: 1_000_000,
	rows: 5_000,
	gradeRows: 30_000,
	depth: 64,
	undo: 20,
	historyLines: 500
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ID = /^[A-Za-z0-9._:/-]+$/;

export type ParseResult = { ok: true; backup: CourseBackup } | { ok: false; errors: string[] };

type Check = (value: unknown, where: string) => boolean;

class Checker {
	errors: string[] = [];
	fail(where: string, what: string): false {
		if (this.errors.length < 50) this.errors.push(`${where}: ${what}`);
		return false;
	}
	string = (max: number): Check => (v, w) =>
		typeof v !== 'string' ? this.fail(w, 'expected text') : v.length > max ? this.fail(w, `longer than ${max} characters`) : true;
	id: Check = (v, w) => this.string(LIMITS.idChars)(v, w) && (ID.test(v as string) || this.fail(w, 'not a valid name'));
	iso: Check = (v, w) => (typeof v === 'string' && ISO.test(v)) || this.fail(w, 'expected an ISO 8601 UTC time');
	bool: Check = (v, w) => typeof v === 'boolean' || this.fail(w, 'expected true or false');
	int = (min: number, max: number): Check => (v, w) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max) || this.fail(w, `expected a whole number from ${min} to ${max}`);
	oneOf = (values: readonly unknown[]): Check => (v, w) => values.includes(v) || this.fail(w, `expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
	json: Check = (v, w) => v !== undefined || this.fail(w, 'missing');
	list = (item: Check, max: number): Check => (v, w) => {
		if (!Array.isArray(v)) return this.fail(w, 'expected a list');
		if (v.length > max) return this.fail(w, `more than ${max} entries`);
		return v.map((x, i) => item(x, `${w}[${i}]`)).every(Boolean);
	};
	optional = (c: Check): Check => (v, w) => v === undefined || c(v, w);
	nullable = (c: Check): Check => (v, w) => v === null || c(v, w);
	/** An object with exactly these fields (optional ones may be absent), nothing else. */
	record = (fields: Record<string, Check>): Check => (v, w) => {
		if (typeof v !== 'object' || v === null || Array.isArray(v)) return this.fail(w, 'expected an object');
		const o = v as Record<string, unknown>;
		let ok = true;
		for (const key of Object.keys(o)) if (!Object.hasOwn(fields, key)) ok = this.fail(`${w}.${key}`, 'unexpected field');
		for (const [key, check] of Object.entries(fields)) ok = check(o[key], `${w}.${key}`) && ok;
		return ok;
	};
	/** A map from names to values of one kind. */
	dict = (value: Check, max: number): Check => (v, w) => {
		if (typeof v !== 'object' || v === null || Array.isArray(v)) return this.fail(w, 'expected an object');
		const entries = Object.entries(v);
		if (entries.length > max) return this.fail(w, `more than ${max} entries`);
		return entries.map(([k, x]) => this.id(k, `${w} key`) && value(x, `${w}.${k}`)).every(Boolean);
	};
}

/** Walks the whole parsed value: no forbidden key anywhere, no absurd nesting. */
function hostile(value: unknown, where: string, c: Checker, depth = 0): boolean {
	if (depth > LIMITS.depth) {
		c.fail(where, `nested deeper than ${LIMITS.depth} levels`);
		return true;
	}
	if (Array.isArray(value)) return value.some((x, i) => hostile(x, `${where}[${i}]`, c, depth + 1));
	if (typeof value === 'object' && value !== null) {
		let bad = false;
		for (const key of Object.keys(value)) {
			if (FORBIDDEN_KEYS.has(key)) {
				c.fail(`${where}.${key}`, 'forbidden key');
				bad = true;
			} else if (hostile((value as Record<string, unknown>)[key], `${where}.${key}`, c, depth + 1)) bad = true;
		}
		return bad;
	}
	return false;
}

export function parseBackup(text: string): ParseResult {
	const c = new Checker();
	if (text.length > LIMITS.fileChars) return { ok: false, errors: [`file: larger than ${LIMITS.fileChars} characters`] };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, errors: ['file: not JSON'] };
	}
	if (hostile(data, 'backup', c)) return { ok: false, errors: c.errors };

	const { string, id, iso, bool, int, oneOf, json, list, optional, nullable, record, dict } = c;
	const revisioned = { labId: id, updatedAt: iso, revision: int(0, Number.MAX_SAFE_INTEGER) };
	const checkResult = record({
		taskId: id,
		checkId: id,
		passed: bool,
		final: bool,
		message: string(LIMITS.textChars),
		actual: optional(json)
	});
	const backup = record({
		format: oneOf([BACKUP_FORMAT]),
		schemaVersion: int(1, BACKUP_VERSION),
		exportedAt: iso,
		progress: list(
			record({ slug: id, status: oneOf(['started', 'done']), firstVisitedAt: iso, lastVisitedAt: iso, completedAt: optional(iso) }),
			LIMITS.rows
		),
		quizAnswers: list(record({ lessonSlug: id, questionId: id, choice: int(0, 1000), correct: bool, answeredAt: iso }), LIMITS.rows),
		settings: list(record({ key: oneOf(['theme']), value: oneOf(['system', 'light', 'dark']) }), 10),
		labDrafts: optional(list(record({ ...revisioned, path: id, text: string(LIMITS.textChars) }), LIMITS.rows)),
		labWorlds: optional(list(record({ ...revisioned, snapshot: json, undo: list(json, LIMITS.undo) }), LIMITS.rows)),
		labSessions: optional(
			list(
				record({ ...revisioned, history: list(string(LIMITS.textChars), LIMITS.historyLines), terminal: nullable(json), machine: nullable(json) }),
				LIMITS.rows
			)
		),
		labGrades: optional(
			list(
				record({
					labId: id,
					recordedAt: iso,
					firstPass: bool,
					report: record({ at: iso, passed: bool, results: list(checkResult, 1000) })
				}),
				LIMITS.gradeRows
			)
		),
		labProgress: optional(
			list(
				record({ labId: id, updatedAt: iso, hintsShown: dict(int(0, 1000), 1000), solutionViewedAt: optional(iso), passedAt: optional(iso) }),
				LIMITS.rows
			)
		)
	});
	if (!backup(data, 'backup')) return { ok: false, errors: c.errors };
	const d = data as Partial<CourseBackup> & { [k: string]: unknown };
	return {
		ok: true,
		backup: {
			...(d as CourseBackup),
			labDrafts: d.labDrafts ?? [],
			labWorlds: d.labWorlds ?? [],
			labSessions: d.labSessions ?? [],
			labGrades: d.labGrades ?? [],
			labProgress: d.labProgress ?? []
		}
	};
}
