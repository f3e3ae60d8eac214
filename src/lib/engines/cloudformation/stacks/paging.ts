// NextToken paging for the List/Describe calls. The token is opaque to callers; here it is the
// offset of the next item, so the same calls on the same world page the same way.
import { ValidationError } from '../errors';
import { MESSAGES } from './reasons';

export function page<T>(items: readonly T[], nextToken: unknown, pageSize: number): { items: T[]; NextToken?: string } {
	let start = 0;
	if (nextToken !== undefined) {
		const m = typeof nextToken === 'string' ? /^sim-page-(\d+)$/.exec(nextToken) : null;
		if (!m) throw new ValidationError(MESSAGES.nextTokenInvalid);
		start = Number(m[1]);
	}
	const slice = items.slice(start, start + pageSize);
	const end = start + slice.length;
	return end < items.length ? { items: slice, NextToken: `sim-page-${end}` } : { items: slice };
}
