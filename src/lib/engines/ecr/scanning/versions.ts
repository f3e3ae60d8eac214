// Version ordering for "is this installed version older than the fix?". One comparator serves every
// ecosystem in the catalogue: dpkg's algorithm (epoch, then upstream, then revision, each compared
// as alternating runs of non-digits and digits) also orders apk ("1.1.1k-r0" < "1.1.1l-r0"), rpm
// ("1:1.0.2k-19.amzn2" < "1:1.0.2k-24.amzn2.0.2") and plain dotted npm/PyPI versions the way
// their own tools do for the versions we ship. It is not a full semver or PEP 440 implementation:
// pre-release ordering is not needed by the catalogue.

interface Parsed {
	epoch: number;
	upstream: string;
	revision: string;
}

function parse(version: string): Parsed {
	const m = /^(\d+):(.*)$/.exec(version);
	const epoch = m ? Number(m[1]) : 0;
	const rest = m ? (m[2] ?? '') : version;
	const dash = rest.lastIndexOf('-');
	return dash === -1 ? { epoch, upstream: rest, revision: '' } : { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) };
}

// dpkg: '~' sorts before everything, even the end of the string; letters before other symbols.
function order(c: string | undefined): number {
	if (c === undefined) return 0;
	if (c === '~') return -1;
	if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
	return c.charCodeAt(0) + 256;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function compareFragment(a: string, b: string): number {
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		let firstDiff = 0;
		while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
			const ac = order(i < a.length && !isDigit(a[i]) ? a[i] : undefined);
			const bc = order(j < b.length && !isDigit(b[j]) ? b[j] : undefined);
			if (ac !== bc) return ac - bc;
			i++;
			j++;
		}
		while (a[i] === '0') i++;
		while (b[j] === '0') j++;
		while (isDigit(a[i]) && isDigit(b[j])) {
			if (!firstDiff) firstDiff = (a.charCodeAt(i) ?? 0) - (b.charCodeAt(j) ?? 0);
			i++;
			j++;
		}
		if (isDigit(a[i])) return 1;
		if (isDigit(b[j])) return -1;
		if (firstDiff) return firstDiff;
	}
	return 0;
}

/** Negative when a is older than b, positive when newer, 0 when equal. */
export function compareVersions(a: string, b: string): number {
	const pa = parse(a);
	const pb = parse(b);
	if (pa.epoch !== pb.epoch) return pa.epoch - pb.epoch;
	return compareFragment(pa.upstream, pb.upstream) || compareFragment(pa.revision, pb.revision);
}

/** True when version lies in [introduced, fixed): no bound means open on that side. */
export function inRange(version: string, range: { introduced?: string; fixed?: string }): boolean {
	if (range.introduced !== undefined && compareVersions(version, range.introduced) < 0) return false;
	if (range.fixed !== undefined && compareVersions(version, range.fixed) >= 0) return false;
	return true;
}
