// A simulated layer filesystem. Real scanners open a layer's tar and read /etc/os-release and the
// package databases (apk's installed, dpkg's status, rpmdb, node_modules, site-packages); our
// fake layers are plain text that says the same things, so a scanner can "look inside" a layer
// without a tar reader. A layer whose bytes do not start with the magic line is an ordinary
// opaque layer: it contributes nothing to a scan.
//
// The parsed result is stored in the world's JSON state once per layer, so it stays small: an OS
// release and a list of (ecosystem, name, version).

/** Package databases a scanner knows how to read. apk, deb and rpm are OS packages; the rest are language packages. */
export type Ecosystem = 'apk' | 'deb' | 'rpm' | 'npm' | 'pypi';

export const ECOSYSTEMS: readonly Ecosystem[] = ['apk', 'deb', 'rpm', 'npm', 'pypi'];
export const OS_ECOSYSTEMS: readonly Ecosystem[] = ['apk', 'deb', 'rpm'];

export const isOsEcosystem = (ecosystem: Ecosystem): boolean => OS_ECOSYSTEMS.includes(ecosystem);

export interface RootfsPackage {
	ecosystem: Ecosystem;
	name: string;
	version: string;
}

export interface RootfsInfo {
	/** What /etc/os-release would say: ID and VERSION_ID. Absent for a layer that does not ship one (and for scratch). */
	os?: { id: string; versionId: string };
	packages: RootfsPackage[];
}

export const ROOTFS_MAGIC = '#simulated-rootfs v1\n';

/** Bytes are untrusted (anyone can push a layer), so reading is bounded whatever they hold. */
export const ROOTFS_LIMITS = { maxBytes: 64 * 1024, maxPackages: 2000, maxTokenLength: 128 } as const;

// Names and versions become JSON state, finding ARNs' hash input and CLI output: printable, no spaces.
const TOKEN = /^[\x21-\x7e]+$/;

const validToken = (s: string): boolean => s.length > 0 && s.length <= ROOTFS_LIMITS.maxTokenLength && TOKEN.test(s);

function requireToken(what: string, value: string): string {
	if (!validToken(value)) throw new TypeError(`rootfs ${what} must be 1-${ROOTFS_LIMITS.maxTokenLength} printable characters without spaces: ${JSON.stringify(value)}`);
	return value;
}

/** The layer bytes for a filesystem. Throws on a name or version a reader would not accept back: that is a bug in the caller. */
export function encodeRootfs(info: RootfsInfo): Uint8Array {
	const lines = [ROOTFS_MAGIC.trimEnd()];
	if (info.os) lines.push(`os ${requireToken('OS id', info.os.id)} ${requireToken('OS version', info.os.versionId)}`);
	for (const p of info.packages) {
		if (!ECOSYSTEMS.includes(p.ecosystem)) throw new TypeError(`rootfs package ecosystem must be one of ${ECOSYSTEMS.join(', ')}: ${JSON.stringify(p.ecosystem)}`);
		lines.push(`pkg ${p.ecosystem} ${requireToken('package name', p.name)} ${requireToken('package version', p.version)}`);
	}
	return new TextEncoder().encode(lines.join('\n') + '\n');
}

const MAGIC_BYTES = new TextEncoder().encode(ROOTFS_MAGIC);

function startsWithMagic(bytes: Uint8Array): boolean {
	if (bytes.length < MAGIC_BYTES.length) return false;
	for (let i = 0; i < MAGIC_BYTES.length; i++) if (bytes[i] !== MAGIC_BYTES[i]) return false;
	return true;
}

/**
 * What a scanner finds in a layer, or undefined for a layer that is not a simulated filesystem.
 * Never throws: unknown lines are skipped (a later format may add some), malformed ones too, and
 * nothing past 64 KiB or 2,000 packages is read.
 */
export function readRootfs(bytes: Uint8Array): RootfsInfo | undefined {
	if (!(bytes instanceof Uint8Array) || !startsWithMagic(bytes)) return undefined;
	const truncated = bytes.length > ROOTFS_LIMITS.maxBytes;
	const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(MAGIC_BYTES.length, ROOTFS_LIMITS.maxBytes));
	const lines = text.split('\n');
	// A line cut by the byte cap would read as a different (shorter) version: drop it.
	if (truncated) lines.pop();
	const info: RootfsInfo = { packages: [] };
	for (const line of lines) {
		const fields = line.trim().split(/[ \t]+/);
		if (fields[0] === 'os' && fields.length === 3 && !info.os) {
			const [, id = '', versionId = ''] = fields;
			if (validToken(id) && validToken(versionId)) info.os = { id, versionId };
		} else if (fields[0] === 'pkg' && fields.length === 4) {
			if (info.packages.length >= ROOTFS_LIMITS.maxPackages) break;
			const [, ecosystem = '', name = '', version = ''] = fields;
			if (ECOSYSTEMS.includes(ecosystem as Ecosystem) && validToken(name) && validToken(version)) {
				info.packages.push({ ecosystem: ecosystem as Ecosystem, name, version });
			}
		}
	}
	return info;
}

export interface InstalledPackage extends RootfsPackage {
	/** Index of the layer that last wrote this package, base layer first. */
	layerIndex: number;
}

export interface ImageContents {
	os?: { id: string; versionId: string };
	packages: InstalledPackage[];
}

/**
 * The image's filesystem as a scanner sees it once the layers are stacked: a later layer's
 * os-release replaces an earlier one, and a later layer's package replaces the same
 * (ecosystem, name) from below, as `apk upgrade openssl` in a Dockerfile would.
 * Output order is by ecosystem, then name, so it never depends on layer order quirks.
 */
export function mergeRootfs(layers: readonly (RootfsInfo | undefined)[]): ImageContents {
	let os: ImageContents['os'];
	const byKey = new Map<string, InstalledPackage>();
	layers.forEach((layer, layerIndex) => {
		if (!layer) return;
		if (layer.os) os = { id: layer.os.id, versionId: layer.os.versionId };
		for (const p of layer.packages) byKey.set(`${p.ecosystem}\u0000${p.name}`, { ecosystem: p.ecosystem, name: p.name, version: p.version, layerIndex });
	});
	const packages = [...byKey.values()].sort((a, b) => (a.ecosystem === b.ecosystem ? compareStrings(a.name, b.name) : compareStrings(a.ecosystem, b.ecosystem)));
	return os ? { os, packages } : { packages };
}

/** Code-unit order: the same in every locale, unlike localeCompare. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
