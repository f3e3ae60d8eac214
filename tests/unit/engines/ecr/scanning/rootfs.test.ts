import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ECOSYSTEMS, ROOTFS_LIMITS, ROOTFS_MAGIC, encodeRootfs, mergeRootfs, readRootfs, type RootfsInfo } from '../../../../../src/lib/engines/ecr/scanning/rootfs';

const enc = (s: string) => new TextEncoder().encode(s);

const token = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.+~:_-]{0,30}$/);
const rootfsInfo: fc.Arbitrary<RootfsInfo> = fc.record(
	{
		os: fc.record({ id: token, versionId: token }),
		packages: fc.array(fc.record({ ecosystem: fc.constantFrom(...ECOSYSTEMS), name: token, version: token }), { maxLength: 40 })
	},
	{ requiredKeys: ['packages'] }
);

describe('rootfs layers', () => {
	it('round-trips: what is encoded is what a scanner reads back', () => {
		fc.assert(
			fc.property(rootfsInfo, (info) => {
				expect(readRootfs(encodeRootfs(info))).toEqual(info);
			})
		);
	});

	it('writes the documented text format', () => {
		const bytes = encodeRootfs({ os: { id: 'alpine', versionId: '3.14.2' }, packages: [{ ecosystem: 'apk', name: 'openssl', version: '1.1.1k-r0' }] });
		expect(new TextDecoder().decode(bytes)).toBe('#simulated-rootfs v1\nos alpine 3.14.2\npkg apk openssl 1.1.1k-r0\n');
	});

	it('is not a rootfs layer without the magic first line', () => {
		expect(readRootfs(enc('layer 0 of node:18-alpine\n'))).toBeUndefined();
		expect(readRootfs(enc('#simulated-rootfs v2\nos alpine 3.14\n'))).toBeUndefined();
		expect(readRootfs(new Uint8Array())).toBeUndefined();
	});

	it('never throws on arbitrary bytes, with or without the magic line', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), (tail, magic) => {
				const bytes = magic ? new Uint8Array([...enc(ROOTFS_MAGIC), ...tail]) : tail;
				const info = readRootfs(bytes);
				if (!magic) return;
				expect(info).toBeDefined();
				for (const p of info?.packages ?? []) expect(ECOSYSTEMS).toContain(p.ecosystem);
			}),
			{ numRuns: 300 }
		);
	});

	it('skips lines it does not understand and keeps the first os line', () => {
		const text = `${ROOTFS_MAGIC}# comment\nos debian 10\nos alpine 3.14\npkg deb apt\npkg brew wget 1.0\npkg deb apt 1.8.2.3 extra\nfuture-field x\n  pkg  deb   bash\t5.0-4  \n`;
		expect(readRootfs(enc(text))).toEqual({ os: { id: 'debian', versionId: '10' }, packages: [{ ecosystem: 'deb', name: 'bash', version: '5.0-4' }] });
	});

	it('reads at most 64 KiB and 2,000 packages, dropping a line cut by the byte cap', () => {
		const many = encodeRootfs({ packages: Array.from({ length: 2500 }, (_, i) => ({ ecosystem: 'npm' as const, name: `p${i}`, version: '1.0.0' })) });
		expect(readRootfs(many)?.packages).toHaveLength(ROOTFS_LIMITS.maxPackages);

		const line = 'pkg npm long-package-name-xxxxxxxxxxxxxxxx 1.2.3\n';
		const big = enc(ROOTFS_MAGIC + line.repeat(Math.ceil((2 * ROOTFS_LIMITS.maxBytes) / line.length)));
		const read = readRootfs(big);
		expect(read?.packages.length).toBeLessThan(ROOTFS_LIMITS.maxBytes / line.length + 1);
		expect(read?.packages.every((p) => p.version === '1.2.3')).toBe(true);
	});

	it('refuses to encode names a reader would not read back', () => {
		expect(() => encodeRootfs({ packages: [{ ecosystem: 'npm', name: 'has space', version: '1' }] })).toThrow(TypeError);
		expect(() => encodeRootfs({ packages: [{ ecosystem: 'npm', name: 'x', version: '' }] })).toThrow(TypeError);
		expect(() => encodeRootfs({ os: { id: 'alpine', versionId: 'a\nb' }, packages: [] })).toThrow(TypeError);
	});
});

describe('stacking layers', () => {
	it('lets a later layer replace a package and the os-release, and remembers which layer wrote each package', () => {
		const merged = mergeRootfs([
			{ os: { id: 'alpine', versionId: '3.14.0' }, packages: [{ ecosystem: 'apk', name: 'openssl', version: '1.1.1k-r0' }, { ecosystem: 'apk', name: 'zlib', version: '1.2.11-r3' }] },
			undefined,
			{ packages: [{ ecosystem: 'apk', name: 'openssl', version: '1.1.1t-r0' }, { ecosystem: 'npm', name: 'express', version: '4.17.1' }] }
		]);
		expect(merged).toEqual({
			os: { id: 'alpine', versionId: '3.14.0' },
			packages: [
				{ ecosystem: 'apk', name: 'openssl', version: '1.1.1t-r0', layerIndex: 2 },
				{ ecosystem: 'apk', name: 'zlib', version: '1.2.11-r3', layerIndex: 0 },
				{ ecosystem: 'npm', name: 'express', version: '4.17.1', layerIndex: 2 }
			]
		});
		expect(mergeRootfs([{ os: { id: 'alpine', versionId: '3.14' }, packages: [] }, { os: { id: 'debian', versionId: '12' }, packages: [] }]).os).toEqual({ id: 'debian', versionId: '12' });
		expect(mergeRootfs([])).toEqual({ packages: [] });
	});
});
