// `*` wildcards (zero or more characters, whole string must match) in linear time: greedy
// matching with one backtrack point, so hostile patterns like `*a*a*a*b` stay fast where a
// regular expression would backtrack exponentially.
export function matchesWildcard(pattern: string, text: string): boolean {
	let p = 0;
	let t = 0;
	let star = -1;
	let resume = 0;
	while (t < text.length) {
		if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
			p++;
			t++;
		} else if (p < pattern.length && pattern[p] === '*') {
			star = p++;
			resume = t;
		} else if (star >= 0) {
			p = star + 1;
			t = ++resume;
		} else {
			return false;
		}
	}
	while (p < pattern.length && pattern[p] === '*') p++;
	return p === pattern.length;
}
