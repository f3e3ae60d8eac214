// Base images a lab can build on, each as the filesystem its first layer holds. Old tags pin the
// package versions their images shipped with (so they carry real CVEs); current tags carry versions
// newer than every fix in the catalogue. Package versions are representative of each image, not a
// byte-exact inventory: only packages the catalogue knows about, plus a few familiar ones, are listed.
import type { Ecosystem, RootfsInfo, RootfsPackage } from './rootfs';

export interface BaseImage {
	reference: string;
	/** Other tags that name the same image (debian:buster is debian:10). */
	aliases?: readonly string[];
	rootfs: RootfsInfo;
}

const pkgs = (ecosystem: Ecosystem, list: Record<string, string>): RootfsPackage[] =>
	Object.entries(list).map(([name, version]) => ({ ecosystem, name, version }));

// Alpine 3.14.0 (June 2021): apk-tools still before the libfetch fix.
const ALPINE_3_14: RootfsInfo = {
	os: { id: 'alpine', versionId: '3.14.0' },
	packages: pkgs('apk', {
		'alpine-baselayout': '3.2.0-r16',
		'apk-tools': '2.12.5-r1',
		busybox: '1.33.1-r3',
		'ca-certificates': '20191127-r5',
		musl: '1.2.2-r3',
		openssl: '1.1.1k-r0',
		zlib: '1.2.11-r3'
	})
};

// Alpine 3.20 left support in April 2026 but has no CVE in this catalogue: an "upgrade the base" lab's target.
const ALPINE_3_20: RootfsInfo = {
	os: { id: 'alpine', versionId: '3.20.3' },
	packages: pkgs('apk', {
		'alpine-baselayout': '3.6.5-r0',
		'apk-tools': '2.14.4-r1',
		busybox: '1.36.1-r29',
		'ca-certificates': '20240705-r0',
		musl: '1.2.5-r0',
		openssl: '3.3.2-r1',
		zlib: '1.3.1-r1'
	})
};

const ALPINE_3_22: RootfsInfo = {
	os: { id: 'alpine', versionId: '3.22.1' },
	packages: pkgs('apk', {
		'alpine-baselayout': '3.7.0-r0',
		'apk-tools': '2.14.9-r2',
		busybox: '1.37.0-r18',
		'ca-certificates': '20250619-r0',
		musl: '1.2.5-r10',
		openssl: '3.5.1-r0',
		zlib: '1.3.1-r2'
	})
};

// Debian 10.10 "buster" (mid 2021).
const DEBIAN_10_PACKAGES = {
	apt: '1.8.2.3',
	bash: '5.0-4',
	coreutils: '8.30-3',
	glibc: '2.28-10',
	gzip: '1.9-3',
	lz4: '1.8.3-1',
	openssl: '1.1.1d-0+deb10u6',
	tar: '1.30+dfsg-6',
	zlib: '1:1.2.11.dfsg-1'
};
const DEBIAN_10: RootfsInfo = { os: { id: 'debian', versionId: '10' }, packages: pkgs('deb', DEBIAN_10_PACKAGES) };

const DEBIAN_12_PACKAGES = {
	apt: '2.6.1',
	bash: '5.2.15-2+b8',
	coreutils: '9.1-1',
	glibc: '2.36-9+deb12u10',
	gzip: '1.12-1',
	lz4: '1.9.4-1',
	openssl: '3.0.16-1~deb12u1',
	tar: '1.34+dfsg-1.2+deb12u1',
	zlib: '1:1.2.13.dfsg-1'
};
const DEBIAN_12: RootfsInfo = { os: { id: 'debian', versionId: '12' }, packages: pkgs('deb', DEBIAN_12_PACKAGES) };

const DEBIAN_13_PACKAGES = {
	apt: '3.0.3',
	bash: '5.2.37-2+b5',
	coreutils: '9.7-3',
	glibc: '2.41-12',
	gzip: '1.13-1',
	lz4: '1.10.0-4',
	openssl: '3.5.1-1',
	tar: '1.35+dfsg-3.1',
	zlib: '1:1.3.dfsg+really1.3.1-1+b1'
};

export const BASE_IMAGES: readonly BaseImage[] = [
	{ reference: 'alpine:3.14', rootfs: ALPINE_3_14 },
	{ reference: 'alpine:3.20', rootfs: ALPINE_3_20 },
	{ reference: 'alpine:3.22', rootfs: ALPINE_3_22 },
	{ reference: 'debian:10', aliases: ['debian:buster'], rootfs: DEBIAN_10 },
	{ reference: 'debian:12', aliases: ['debian:bookworm'], rootfs: DEBIAN_12 },
	{
		// npm's own dependencies ship inside the image, so a bare Node image already has language packages.
		reference: 'node:14-alpine',
		rootfs: { os: ALPINE_3_14.os, packages: [...ALPINE_3_14.packages, ...pkgs('npm', { minimist: '1.2.5', npm: '6.14.15', semver: '5.7.1' })] }
	},
	{
		reference: 'node:22-alpine',
		rootfs: { os: ALPINE_3_22.os, packages: [...ALPINE_3_22.packages, ...pkgs('npm', { npm: '10.9.3', semver: '7.7.2' })] }
	},
	{
		reference: 'python:3.7',
		rootfs: {
			os: DEBIAN_10.os,
			packages: [
				...pkgs('deb', { ...DEBIAN_10_PACKAGES, curl: '7.64.0-4+deb10u2', 'python3.7': '3.7.3-2+deb10u2' }),
				...pkgs('pypi', { pip: '23.0.1', setuptools: '57.5.0', wheel: '0.40.0' })
			]
		}
	},
	{
		reference: 'python:3.13-slim',
		rootfs: { os: { id: 'debian', versionId: '13' }, packages: [...pkgs('deb', DEBIAN_13_PACKAGES), ...pkgs('pypi', { pip: '25.2' })] }
	},
	{
		reference: 'nginx:1.19',
		rootfs: { os: DEBIAN_10.os, packages: pkgs('deb', { ...DEBIAN_10_PACKAGES, curl: '7.64.0-4+deb10u2', nginx: '1.19.10-1~buster' }) }
	},
	{
		reference: 'nginx:1.27',
		rootfs: { os: DEBIAN_12.os, packages: pkgs('deb', { ...DEBIAN_12_PACKAGES, curl: '7.88.1-10+deb12u12', nginx: '1.27.5-1~bookworm' }) }
	},
	{
		// amazonlinux:2.0.20210617.0. Amazon Linux 2 left standard support on 2026-06-30.
		reference: 'amazonlinux:2',
		rootfs: {
			os: { id: 'amzn', versionId: '2' },
			packages: pkgs('rpm', {
				bash: '4.2.46-34.amzn2',
				curl: '7.76.1-4.amzn2.0.1',
				glibc: '2.26-48.amzn2',
				gzip: '1.5-10.amzn2',
				lz4: '1.7.5-2.amzn2.0.1',
				openssl: '1:1.0.2k-19.amzn2.0.7',
				zlib: '1.2.7-18.amzn2'
			})
		}
	},
	// No OS at all: basic scanning cannot scan it.
	{ reference: 'scratch', rootfs: { packages: [] } }
];

/** Every reference a lab may offer, aliases included, in catalogue order. */
export const BASE_IMAGE_REFERENCES: readonly string[] = BASE_IMAGES.flatMap((b) => [b.reference, ...(b.aliases ?? [])]);

const normalize = (reference: string): string => reference.trim().replace(/^(docker\.io\/)?(library\/)?/, '');

/** The first layer of a known base image, as a copy the caller may keep; undefined for an unknown reference. */
export function baseImageRootfs(reference: string): RootfsInfo | undefined {
	const wanted = normalize(reference);
	const base = BASE_IMAGES.find((b) => b.reference === wanted || (b.aliases ?? []).includes(wanted));
	if (!base) return undefined;
	const { os, packages } = base.rootfs;
	return { ...(os ? { os: { ...os } } : {}), packages: packages.map((p) => ({ ...p })) };
}
