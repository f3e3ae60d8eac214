// Date values for the Date* operators: the W3C profiles of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD,
// then a time with hours and minutes, optional seconds and fraction, and a zone) or epoch
// seconds, which is what the IAM docs allow. A time without a zone is read as UTC.

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;
const EPOCH = /^\d{1,15}(\.\d+)?$/;

// aws:CurrentTime is compared on every call that has a Date condition: remember recent answers.
const recent = new Map<string, number | null>();

/** Milliseconds since the epoch, or undefined when the text is not a date IAM accepts. */
export function parseIamDate(text: string): number | undefined {
	const hit = recent.get(text);
	if (hit !== undefined) return hit ?? undefined;
	if (recent.size >= 512) recent.clear();
	const ms = parse(text);
	recent.set(text, ms ?? null);
	return ms;
}

function parse(text: string): number | undefined {
	const t = text.trim();
	if (EPOCH.test(t) && !/^\d{4}$/.test(t)) return Math.round(Number(t) * 1000);
	const m = ISO.exec(t);
	if (!m) return undefined;
	const year = Number(m[1]);
	const month = m[2] === undefined ? 1 : Number(m[2]);
	const day = m[3] === undefined ? 1 : Number(m[3]);
	const hour = m[4] === undefined ? 0 : Number(m[4]);
	const minute = m[5] === undefined ? 0 : Number(m[5]);
	const second = m[6] === undefined ? 0 : Number(m[6]);
	const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
	if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day < 1 || day > daysInMonth) return undefined;
	let offset = 0;
	const zone = m[8];
	if (zone && zone !== 'Z' && zone !== 'z') {
		const sign = zone[0] === '-' ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		const zh = Number(digits.slice(0, 2));
		const zm = digits.length > 2 ? Number(digits.slice(2)) : 0;
		if (zh > 23 || zm > 59) return undefined;
		offset = sign * (zh * 60 + zm) * 60_000;
	}
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, ms);
	return date.getTime() - offset;
}
