// The app's one database connection. Dexie is loaded on first use rather than with the page,
// so a lesson renders and hydrates without waiting for the storage library.
import type { CourseDb } from './db';

let pending: Promise<CourseDb> | undefined;

export function courseDb(): Promise<CourseDb> {
	pending ??= import('./db').then(({ openCourseDb }) => openCourseDb());
	return pending;
}
