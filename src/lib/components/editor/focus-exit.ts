// Moving focus out of an element that keeps Tab for itself (Monaco indents with it): the next or
// previous focusable element of the page outside the given container.
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusOutside(container: HTMLElement, backwards: boolean): boolean {
	const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !container.contains(el) && el.offsetParent !== null);
	const after = (el: HTMLElement) => (container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
	const target = backwards ? all.filter((el) => !after(el)).at(-1) : all.find(after);
	target?.focus();
	return target !== undefined;
}
