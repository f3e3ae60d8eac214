// Applies the learner's theme choice. The settings table is the record; localStorage mirrors it
// only so app.html can apply it before first paint.
import type { ThemeChoice } from '$lib/storage/db';
import { courseDb } from '$lib/storage/client';
import { getSetting, putSetting } from '$lib/storage/settings';

export function applyTheme(choice: ThemeChoice): void {
	const root = document.documentElement;
	if (choice === 'system') delete root.dataset.theme;
	else root.dataset.theme = choice;
	try {
		if (choice === 'system') localStorage.removeItem('theme');
		else localStorage.setItem('theme', choice);
	} catch {
		// Private browsing may refuse storage; the theme still applies for this page.
	}
}

export async function loadTheme(): Promise<ThemeChoice> {
	const choice = await getSetting(await courseDb(), 'theme');
	applyTheme(choice);
	return choice;
}

export async function saveTheme(choice: ThemeChoice): Promise<void> {
	applyTheme(choice);
	await putSetting(await courseDb(), 'theme', choice);
}

/** The theme actually showing, after resolving "system" against the OS preference. */
export function effectiveTheme(choice: ThemeChoice): 'light' | 'dark' {
	if (choice !== 'system') return choice;
	return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
