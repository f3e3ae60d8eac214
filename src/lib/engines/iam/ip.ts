// IPv4 and IPv6 addresses and CIDR ranges for IpAddress / NotIpAddress. An address without a
// prefix length is a single address (/32 or /128), as the IAM docs state. Host bits set inside a
// range (203.0.113.7/24) are ignored, like a network mask would.

export interface IpAddr {
	v: 4 | 6;
	/** IPv4: one 32-bit word. IPv6: eight 16-bit groups. */
	words: number[];
}

export interface Cidr extends IpAddr {
	prefix: number;
}

function parseIpv4(text: string): number[] | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	let n = 0;
	for (const p of parts) {
		if (!/^[0-9]{1,3}$/.test(p)) return undefined;
		const b = Number(p);
		if (b > 255) return undefined;
		n = n * 256 + b;
	}
	return [n];
}

function parseIpv6(text: string): number[] | undefined {
	if (!/^[0-9A-Fa-f:.]+$/.test(text)) return undefined;
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const groups = (s: string): number[] | undefined => {
		if (s === '') return [];
		const out: number[] = [];
		const items = s.split(':');
		for (let i = 0; i < items.length; i++) {
			const item = items[i] as string;
			if (i === items.length - 1 && item.includes('.')) {
				const v4 = parseIpv4(item);
				if (!v4) return undefined;
				const n = v4[0] as number;
				out.push(Math.floor(n / 65536), n % 65536);
			} else if (/^[0-9A-Fa-f]{1,4}$/.test(item)) {
				out.push(parseInt(item, 16));
			} else {
				return undefined;
			}
		}
		return out;
	};
	const head = groups(halves[0] as string);
	const tail = halves.length === 2 ? groups(halves[1] as string) : [];
	if (!head || !tail) return undefined;
	if (halves.length === 1) return head.length === 8 ? head : undefined;
	const missing = 8 - head.length - tail.length;
	if (missing < 1) return undefined;
	return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

export function parseIp(text: string): IpAddr | undefined {
	const t = text.trim();
	if (t.includes(':')) {
		const words = parseIpv6(t);
		return words ? { v: 6, words } : undefined;
	}
	const words = parseIpv4(t);
	return words ? { v: 4, words } : undefined;
}

export function parseCidr(text: string): Cidr | undefined {
	const slash = text.indexOf('/');
	const addr = parseIp(slash === -1 ? text : text.slice(0, slash));
	if (!addr) return undefined;
	const max = addr.v === 4 ? 32 : 128;
	if (slash === -1) return { ...addr, prefix: max };
	const p = text.slice(slash + 1).trim();
	if (!/^[0-9]{1,3}$/.test(p) || Number(p) > max) return undefined;
	return { ...addr, prefix: Number(p) };
}

export function cidrContains(range: Cidr, ip: IpAddr): boolean {
	if (range.v !== ip.v) return false;
	const bits = range.v === 4 ? 32 : 16;
	let left = range.prefix;
	for (let i = 0; i < range.words.length && left > 0; i++) {
		const take = Math.min(bits, left);
		// Division instead of shifts: a 32-bit word does not survive JavaScript's signed shifts.
		const unit = 2 ** (bits - take);
		if (Math.floor((range.words[i] as number) / unit) !== Math.floor((ip.words[i] as number) / unit)) return false;
		left -= take;
	}
	return true;
}
