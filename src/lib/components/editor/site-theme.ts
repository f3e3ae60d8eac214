// The theme the page shows: the learner's choice (data-theme on <html>, set by $lib/theme) or
// else the OS preference. Watched rather than imported from $lib/theme so the editor chunk does
// not pull in the storage layer.
export type SiteTheme = 'light' | 'dark';

export function currentTheme(): SiteTheme {
	const chosen = document.documentElement.dataset.theme;
	if (chosen === 'light' || chosen === 'dark') return chosen;
	return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Calls back with the theme now and on every change; returns the function that stops watching. */
export function watchTheme(onchange: (theme: SiteTheme) => void): () => void {
	const update = () => onchange(currentTheme());
	const observer = new MutationObserver(update);
	observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
	const media = matchMedia('(prefers-color-scheme: dark)');
	media.addEventListener('change', update);
	update();
	return () => {
		observer.disconnect();
		media.removeEventListener('change', update);
	};
}
