// One click handler for every code block's copy button (the buttons are in the prerendered
// markup, so they need no per-block wiring). Returns what to announce to screen readers.
export async function copyCodeFrom(event: MouseEvent): Promise<string | null> {
	const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button.copy-code');
	const code = button?.closest('.code-block')?.querySelector('pre');
	if (!button || !code) return null;
	try {
		await navigator.clipboard.writeText(code.innerText.replace(/\n$/, ''));
	} catch {
		return 'Copy failed: your browser did not allow access to the clipboard.';
	}
	button.textContent = 'Copied';
	button.dataset.copied = '';
	setTimeout(() => {
		button.textContent = 'Copy';
		delete button.dataset.copied;
	}, 2000);
	return 'Code copied to the clipboard.';
}
