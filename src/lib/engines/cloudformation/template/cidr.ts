// Fn::Cidr: `count` consecutive blocks of `cidrBits` host bits each, carved from the start of
// `ipBlock` (IPv4 or IPv6). cidrBits is the number of host bits, so 8 gives /24 blocks in IPv4
// and 64 gives /64 blocks in IPv6 (AWS's Fn::Cidr page). Exact arithmetic with BigInt, so IPv6
// works as well as IPv4. IPv6 results are written in RFC 5952's compressed form, as EC2 writes
// its IPv6 CIDR blocks.
import { ValidationError } from '../errors';
import { LIMITS } from './limits';
import { MSG } from './messages';

interface Block {
	version: 4 | 6;
	address: bigint;
	prefix: number;
}

export function cidr(ipBlock: string, count: number, cidrBits: number): string[] {
	const block = parseBlock(ipBlock);
	if (!block || !Number.isInteger(count) || !Number.isInteger(cidrBits) || count < 1 || count > LIMITS.cidrCountMax) throw new ValidationError(MSG.cidrArgs(), { detail: `Fn::Cidr got [${ipBlock}, ${count}, ${cidrBits}].` });
	const width = block.version === 4 ? 32 : 128;
	const newPrefix = width - cidrBits;
	if (cidrBits < 0 || newPrefix < block.prefix || newPrefix > width) throw new ValidationError(MSG.cidrTooMany(count, ipBlock, cidrBits));
	const available = 1n << BigInt(newPrefix - block.prefix);
	if (BigInt(count) > available) throw new ValidationError(MSG.cidrTooMany(count, ipBlock, cidrBits));
	const hostMask = (1n << BigInt(width - block.prefix)) - 1n;
	const base = block.address & ~hostMask & ((1n << BigInt(width)) - 1n);
	const step = 1n << BigInt(cidrBits);
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		const address = base + BigInt(i) * step;
		out.push(`${block.version === 4 ? formatV4(address) : formatV6(address)}/${newPrefix}`);
	}
	return out;
}

function parseBlock(text: string): Block | undefined {
	const slash = text.indexOf('/');
	if (slash < 0) return undefined;
	const ip = text.slice(0, slash);
	const prefixText = text.slice(slash + 1);
	if (!/^[0-9]{1,3}$/.test(prefixText)) return undefined;
	const prefix = Number(prefixText);
	if (ip.includes(':')) {
		const address = parseV6(ip);
		return address === undefined || prefix > 128 ? undefined : { version: 6, address, prefix };
	}
	const address = parseV4(ip);
	return address === undefined || prefix > 32 ? undefined : { version: 4, address, prefix };
}

function parseV4(ip: string): bigint | undefined {
	const parts = ip.split('.');
	if (parts.length !== 4) return undefined;
	let value = 0n;
	for (const p of parts) {
		if (!/^[0-9]{1,3}$/.test(p) || Number(p) > 255) return undefined;
		value = (value << 8n) | BigInt(Number(p));
	}
	return value;
}

function parseV6(ip: string): bigint | undefined {
	const halves = ip.split('::');
	if (halves.length > 2) return undefined;
	const groups = (s: string) => (s === '' ? [] : s.split(':'));
	const head = groups(halves[0] ?? '');
	const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
	// An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
	const last = tail.length > 0 ? tail[tail.length - 1] : head[head.length - 1];
	let v4: bigint | undefined;
	if (last?.includes('.')) {
		v4 = parseV4(last);
		if (v4 === undefined) return undefined;
		if (tail.length > 0) tail.pop();
		else head.pop();
	}
	const needed = v4 !== undefined ? 6 : 8;
	const missing = needed - head.length - tail.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
	const all = [...head, ...Array<string>(missing).fill('0'), ...tail];
	let value = 0n;
	for (const g of all) {
		if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
		value = (value << 16n) | BigInt(parseInt(g, 16));
	}
	if (v4 !== undefined) value = (value << 32n) | v4;
	return value;
}

function formatV4(address: bigint): string {
	return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 255n)).join('.');
}

/** RFC 5952: lowercase, no leading zeros, the longest run (of two or more) of zero groups as `::`. */
function formatV6(address: bigint): string {
	const groups: number[] = [];
	for (let i = 7; i >= 0; i--) groups.push(Number((address >> BigInt(i * 16)) & 0xffffn));
	let bestStart = -1;
	let bestLength = 0;
	for (let i = 0; i < 8; ) {
		if (groups[i] !== 0) {
			i++;
			continue;
		}
		let j = i;
		while (j < 8 && groups[j] === 0) j++;
		if (j - i > bestLength && j - i >= 2) {
			bestStart = i;
			bestLength = j - i;
		}
		i = j;
	}
	const hex = groups.map((g) => g.toString(16));
	if (bestStart < 0) return hex.join(':');
	return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
