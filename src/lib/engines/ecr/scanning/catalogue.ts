// The vulnerability catalogue the simulated scanners match against: real CVE ids, with NVD's CVSS
// scores and publication dates, the package versions that fix them, and one-sentence summaries
// written for this course (not NVD's or a vendor's text).
//
// Matching is by (ecosystem, package, version range): an installed version in [introduced, fixed)
// is affected; no `fixed` means no fix has been published. OS entries name source packages
// (openssl, glibc, zlib), as ECR's findings do. Fixed versions are the distribution's own
// (Alpine's -rN, Debian's +debNuN, Amazon Linux's .amzn2) where known; each entry's comment says
// what was checked against a published scan of a real image and what was not.
import type { Ecosystem } from './rootfs';
import type { VendorSeverity } from './severity';

export { BASE_IMAGE_REFERENCES, baseImageRootfs, type BaseImage, BASE_IMAGES } from './base-images';

/** What a scan reports as vulnerabilitySourceUpdatedAt: when this catalogue was last refreshed. */
export const CATALOGUE_UPDATED_AT = '2026-11-01T00:00:00.000Z';

export interface CvssScore {
	score: number;
	/** v3 vectors carry their "CVSS:3.x/" prefix, v2 vectors have none (as NVD writes them). */
	vector: string;
}

export interface AffectedPackage {
	ecosystem: Ecosystem;
	name: string;
	/** First affected version (inclusive); absent means every earlier version. */
	introduced?: string;
	/** First fixed version; absent means no fix is available. */
	fixed?: string;
	/** The distribution's own rating where it differs from NVD's; basic scanning prefers it. */
	vendorSeverity?: VendorSeverity;
}

export interface CatalogueVulnerability {
	id: string;
	/** NVD publication instant: a scan before it does not know the CVE yet. */
	publishedAt: string;
	description: string;
	cvss3?: CvssScore;
	cvss2?: CvssScore;
	affects: readonly AffectedPackage[];
}

const V3_CRITICAL_NET = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const V3_DOS_NET = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H';
const V2_NET_FULL = 'AV:N/AC:L/Au:N/C:P/I:P/A:P';
const V2_NET_DOS = 'AV:N/AC:L/Au:N/C:N/I:N/A:P';

// Nine use-after-free bugs in BusyBox's awk, disclosed together by JFrog and Claroty; they differ
// only in the function. NVD 7.2 HIGH, published 2021-11-15, Alpine 3.14 fix 1.33.1-r6 (checked).
const BUSYBOX_AWK_UAF: readonly [string, string][] = [
	['CVE-2021-42378', 'getvar_i'],
	['CVE-2021-42379', 'next_input_file'],
	['CVE-2021-42380', 'clrvar'],
	['CVE-2021-42381', 'hash_init'],
	['CVE-2021-42382', 'getvar_s'],
	['CVE-2021-42383', 'evaluate'],
	['CVE-2021-42384', 'handle_special'],
	['CVE-2021-42385', 'evaluate'],
	['CVE-2021-42386', 'nvalloc']
];

export const VULNERABILITIES: readonly CatalogueVulnerability[] = [
	// ---- OpenSSL. Scores, dates and Alpine fixes checked; Debian/Amazon Linux fixed revisions not. ----
	{
		id: 'CVE-2021-3711',
		publishedAt: '2021-08-24T15:15:00.000Z',
		description: "A miscalculated buffer size in OpenSSL's SM2 decryption lets an attacker who supplies SM2 ciphertext overflow a heap buffer by up to 62 bytes, crashing the application or altering its data.",
		cvss3: { score: 9.8, vector: V3_CRITICAL_NET },
		cvss2: { score: 7.5, vector: V2_NET_FULL },
		affects: [
			{ ecosystem: 'apk', name: 'openssl', introduced: '1.1.1', fixed: '1.1.1l-r0' },
			{ ecosystem: 'deb', name: 'openssl', introduced: '1.1.1', fixed: '1.1.1d-0+deb10u7' }
		]
	},
	{
		id: 'CVE-2021-3712',
		publishedAt: '2021-08-24T15:15:00.000Z',
		description: 'OpenSSL code that prints or checks ASN.1 strings assumes they end with a NUL byte, so an application that builds such strings itself can be made to read past the buffer, crashing or disclosing memory.',
		cvss3: { score: 7.4, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H' },
		cvss2: { score: 5.8, vector: 'AV:N/AC:M/Au:N/C:P/I:N/A:P' },
		affects: [
			{ ecosystem: 'apk', name: 'openssl', fixed: '1.1.1l-r0' },
			{ ecosystem: 'deb', name: 'openssl', fixed: '1.1.1d-0+deb10u7' }
		]
	},
	{
		id: 'CVE-2022-0778',
		publishedAt: '2022-03-15T17:15:00.000Z',
		description: 'BN_mod_sqrt() can loop forever on a non-prime modulus, so parsing a certificate or key with crafted explicit elliptic-curve parameters hangs the process.',
		cvss3: { score: 7.5, vector: V3_DOS_NET },
		cvss2: { score: 5.0, vector: V2_NET_DOS },
		affects: [
			{ ecosystem: 'apk', name: 'openssl', fixed: '1.1.1n-r0' },
			{ ecosystem: 'deb', name: 'openssl', fixed: '1.1.1d-0+deb10u8' },
			{ ecosystem: 'rpm', name: 'openssl', fixed: '1:1.0.2k-24.amzn2.0.2' }
		]
	},
	{
		id: 'CVE-2022-2097',
		publishedAt: '2022-07-05T11:15:00.000Z',
		description: "On 32-bit x86 with AES-NI, OpenSSL's AES-OCB mode can leave up to sixteen bytes unencrypted, exposing that data or stale memory in the output.",
		cvss3: { score: 5.3, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' },
		cvss2: { score: 5.0, vector: 'AV:N/AC:L/Au:N/C:P/I:N/A:N' },
		affects: [
			{ ecosystem: 'apk', name: 'openssl', introduced: '1.1.1', fixed: '1.1.1q-r0' },
			{ ecosystem: 'deb', name: 'openssl', introduced: '1.1.1', fixed: '1.1.1n-0+deb10u4' }
		]
	},
	{
		id: 'CVE-2022-4304',
		publishedAt: '2023-02-08T20:15:00.000Z',
		description: "Timing differences in OpenSSL's RSA decryption let a network attacker who sends a very large number of trial messages recover a plaintext such as a TLS pre-master secret.",
		cvss3: { score: 5.9, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N' },
		affects: [
			{ ecosystem: 'apk', name: 'openssl', fixed: '1.1.1t-r0' },
			{ ecosystem: 'deb', name: 'openssl', fixed: '1.1.1n-0+deb10u4' }
		]
	},
	{
		id: 'CVE-2023-0286',
		publishedAt: '2023-02-08T20:15:00.000Z',
		description: 'OpenSSL reads an X.400 address in a certificate as the wrong type, so with CRL checking enabled an attacker can make it compare arbitrary memory, disclosing data or crashing.',
		cvss3: { score: 7.4, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H' },
		affects: [
			{ ecosystem: 'apk', name: 'openssl', fixed: '1.1.1t-r0' },
			{ ecosystem: 'deb', name: 'openssl', fixed: '1.1.1n-0+deb10u4' },
			{ ecosystem: 'rpm', name: 'openssl', fixed: '1:1.0.2k-24.amzn2.0.6' }
		]
	},

	// ---- apk-tools. Score checked; Alpine 3.14 fix from a scan fixture; date not checked. ----
	{
		id: 'CVE-2021-36159',
		publishedAt: '2021-08-03T14:15:00.000Z',
		description: "The libfetch code inside apk-tools parses numbers in FTP and HTTP replies without range checks, so a malicious server can cause an out-of-bounds read while packages download.",
		cvss3: { score: 9.1, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H' },
		cvss2: { score: 6.4, vector: 'AV:N/AC:L/Au:N/C:P/I:N/A:P' },
		affects: [{ ecosystem: 'apk', name: 'apk-tools', fixed: '2.12.6-r0' }]
	},

	// ---- BusyBox. Scores, dates and Alpine 3.14 fixes checked. ----
	{
		id: 'CVE-2022-28391',
		publishedAt: '2022-04-03T21:15:00.000Z',
		description: "BusyBox's netstat prints DNS PTR values without filtering terminal escape sequences, so a malicious DNS answer shown on a VT-compatible terminal can inject commands or alter the display.",
		cvss3: { score: 8.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H' },
		cvss2: { score: 6.8, vector: 'AV:N/AC:M/Au:N/C:P/I:P/A:P' },
		affects: [{ ecosystem: 'apk', name: 'busybox', fixed: '1.33.1-r7' }]
	},
	{
		id: 'CVE-2021-42374',
		publishedAt: '2021-11-15T21:15:00.000Z',
		description: "BusyBox's unlzma applet can read past a heap buffer when decompressing crafted LZMA data, leaking memory or crashing.",
		cvss3: { score: 5.3, vector: 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:H' },
		cvss2: { score: 3.3, vector: 'AV:L/AC:M/Au:N/C:P/I:N/A:P' },
		affects: [{ ecosystem: 'apk', name: 'busybox', fixed: '1.33.1-r4' }]
	},
	{
		id: 'CVE-2021-42375',
		publishedAt: '2021-11-15T21:15:00.000Z',
		description: "BusyBox's ash shell mistakes certain characters in a crafted command for reserved ones and crashes.",
		cvss3: { score: 5.5, vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H' },
		cvss2: { score: 1.9, vector: 'AV:L/AC:M/Au:N/C:N/I:N/A:P' },
		affects: [{ ecosystem: 'apk', name: 'busybox', fixed: '1.33.1-r5' }]
	},
	...BUSYBOX_AWK_UAF.map(
		([id, fn]): CatalogueVulnerability => ({
			id,
			publishedAt: '2021-11-15T21:15:00.000Z',
			description: `A crafted awk program can make BusyBox's awk use memory after freeing it in ${fn}(), crashing awk and possibly running code.`,
			cvss3: { score: 7.2, vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' },
			cvss2: { score: 6.5, vector: 'AV:N/AC:L/Au:S/C:P/I:P/A:P' },
			affects: [{ ecosystem: 'apk', name: 'busybox', fixed: '1.33.1-r6' }]
		})
	),

	// ---- zlib. Scores and Alpine fixes checked; CVE-2018-25032's date and Debian/Amazon Linux revisions not. ----
	{
		id: 'CVE-2022-37434',
		publishedAt: '2022-08-05T07:15:00.000Z',
		description: "zlib's inflate() can overflow a heap buffer when a program that asked for gzip header details (inflateGetHeader) decompresses a stream with a very large extra field.",
		cvss3: { score: 9.8, vector: V3_CRITICAL_NET },
		affects: [
			{ ecosystem: 'apk', name: 'zlib', fixed: '1.2.12-r2' },
			{ ecosystem: 'deb', name: 'zlib', fixed: '1:1.2.11.dfsg-1+deb10u2' }
		]
	},
	{
		id: 'CVE-2018-25032',
		publishedAt: '2022-03-25T09:15:00.000Z',
		description: 'zlib can corrupt memory while compressing input that has many distant matches, crashing the compressing process.',
		cvss3: { score: 7.5, vector: V3_DOS_NET },
		cvss2: { score: 5.0, vector: V2_NET_DOS },
		affects: [
			{ ecosystem: 'apk', name: 'zlib', fixed: '1.2.12-r0' },
			{ ecosystem: 'deb', name: 'zlib', fixed: '1:1.2.11.dfsg-1+deb10u1' },
			{ ecosystem: 'rpm', name: 'zlib', fixed: '1.2.7-19.amzn2.0.1' }
		]
	},

	// ---- glibc (Debian). CVE-2022-23219's score checked; the rest from NVD as remembered, not re-checked. ----
	{
		id: 'CVE-2021-33574',
		publishedAt: '2021-05-25T22:15:00.000Z',
		description: "glibc's mq_notify() can use a thread-attributes object after freeing it when notifications run on a new thread, crashing the program or possibly running code.",
		cvss3: { score: 9.8, vector: V3_CRITICAL_NET },
		cvss2: { score: 7.5, vector: V2_NET_FULL },
		affects: [{ ecosystem: 'deb', name: 'glibc', fixed: '2.28-10+deb10u2' }]
	},
	{
		id: 'CVE-2022-23218',
		publishedAt: '2022-01-14T07:15:00.000Z',
		description: "The deprecated svcunix_create() in glibc's Sun RPC code copies a path onto the stack without checking its length, so a long path overflows the stack.",
		cvss3: { score: 9.8, vector: V3_CRITICAL_NET },
		cvss2: { score: 7.5, vector: V2_NET_FULL },
		affects: [{ ecosystem: 'deb', name: 'glibc', fixed: '2.28-10+deb10u2' }]
	},
	{
		id: 'CVE-2022-23219',
		publishedAt: '2022-01-14T07:15:00.000Z',
		description: "The deprecated clnt_create() in glibc's Sun RPC code copies its hostname argument onto the stack without checking its length, so a long hostname overflows the stack.",
		cvss3: { score: 9.8, vector: V3_CRITICAL_NET },
		cvss2: { score: 7.5, vector: V2_NET_FULL },
		affects: [{ ecosystem: 'deb', name: 'glibc', fixed: '2.28-10+deb10u2' }]
	},
	{
		// Debian rates it unimportant and has no fix in any release: current Debian images still list it.
		id: 'CVE-2010-4756',
		publishedAt: '2011-03-02T20:00:00.000Z',
		description: "glibc's glob() can use excessive CPU and memory on crafted patterns, such as glob expressions sent to an FTP server.",
		cvss2: { score: 4.0, vector: 'AV:N/AC:L/Au:S/C:N/I:N/A:P' },
		affects: [{ ecosystem: 'deb', name: 'glibc', vendorSeverity: 'unimportant' }]
	},

	// ---- Other Debian packages. ----
	{
		// Score, vectors and date checked. Unfixed in every Debian release.
		id: 'CVE-2011-3374',
		publishedAt: '2019-11-26T00:15:00.000Z',
		description: 'apt-key does not properly validate keys against the master keyring, which could let a man-in-the-middle get an untrusted key accepted.',
		cvss3: { score: 3.7, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N' },
		cvss2: { score: 4.3, vector: 'AV:N/AC:M/Au:N/C:N/I:P/A:N' },
		affects: [{ ecosystem: 'deb', name: 'apt' }]
	},
	{
		// Score checked; vector and date as remembered.
		id: 'CVE-2022-1271',
		publishedAt: '2022-08-31T16:15:00.000Z',
		description: 'zgrep mishandles file names containing newlines, so searching a file with an attacker-chosen name can overwrite arbitrary files.',
		cvss3: { score: 8.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H' },
		affects: [
			{ ecosystem: 'deb', name: 'gzip', fixed: '1.9-3+deb10u1' },
			{ ecosystem: 'rpm', name: 'gzip', fixed: '1.5-10.amzn2.0.1' }
		]
	},
	{
		id: 'CVE-2021-3520',
		publishedAt: '2021-06-02T13:15:00.000Z',
		description: 'An integer overflow in LZ4_decompress_generic() lets crafted compressed input write out of bounds, crashing the decompressor or corrupting memory.',
		cvss3: { score: 9.8, vector: V3_CRITICAL_NET },
		cvss2: { score: 7.5, vector: V2_NET_FULL },
		affects: [{ ecosystem: 'deb', name: 'lz4', fixed: '1.8.3-1+deb10u1' }]
	},
	{
		// Scores and vectors match an ECR basic-scan finding for this CVE; date and Debian fix not checked.
		id: 'CVE-2021-3177',
		publishedAt: '2021-01-19T06:15:00.000Z',
		description: "A buffer overflow in ctypes' PyCArg_repr lets a program that turns untrusted floating-point input into a ctypes value crash or possibly run code.",
		cvss3: { score: 9.8, vector: V3_CRITICAL_NET },
		cvss2: { score: 7.5, vector: V2_NET_FULL },
		affects: [{ ecosystem: 'deb', name: 'python3.7', fixed: '3.7.3-2+deb10u3' }]
	},
	{
		id: 'CVE-2022-0391',
		publishedAt: '2022-02-09T23:15:00.000Z',
		description: 'urllib.parse keeps carriage returns, newlines and tabs inside URLs, letting crafted URLs slip past validation or inject into requests.',
		cvss3: { score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N' },
		cvss2: { score: 5.0, vector: 'AV:N/AC:L/Au:N/C:N/I:P/A:N' },
		affects: [{ ecosystem: 'deb', name: 'python3.7', fixed: '3.7.3-2+deb10u4' }]
	},
	{
		// The nginx images install nginx.org's build, so the range follows upstream releases.
		id: 'CVE-2021-23017',
		publishedAt: '2021-06-01T13:15:00.000Z',
		description: "An off-by-one error in nginx's DNS resolver lets a forged DNS reply overwrite one byte of memory when a resolver is configured, crashing a worker or possibly running code.",
		cvss3: { score: 7.7, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:H/A:H' },
		cvss2: { score: 6.8, vector: 'AV:N/AC:M/Au:N/C:P/I:P/A:P' },
		affects: [{ ecosystem: 'deb', name: 'nginx', introduced: '0.6.18', fixed: '1.20.1-1~buster' }]
	},
	{
		id: 'CVE-2021-22898',
		publishedAt: '2021-06-11T16:15:00.000Z',
		description: "curl's TELNET code can send a few bytes of uninitialised stack memory to the server while passing NEW_ENV options.",
		cvss3: { score: 3.1, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N' },
		cvss2: { score: 2.6, vector: 'AV:N/AC:H/Au:N/C:P/I:N/A:N' },
		affects: [
			{ ecosystem: 'deb', name: 'curl', fixed: '7.64.0-4+deb10u3' },
			{ ecosystem: 'rpm', name: 'curl', fixed: '7.79.1-1.amzn2.0.1' }
		]
	},

	// ---- Language packages: only enhanced scanning reads these. CVE-2021-44906 checked; the rest as remembered. ----
	{
		id: 'CVE-2021-44906',
		publishedAt: '2022-03-17T16:15:00.000Z',
		description: "minimist lets crafted options such as --__proto__.x pollute Object.prototype, changing how the rest of the program behaves.",
		cvss3: { score: 9.8, vector: V3_CRITICAL_NET },
		cvss2: { score: 7.5, vector: V2_NET_FULL },
		affects: [{ ecosystem: 'npm', name: 'minimist', fixed: '1.2.6' }]
	},
	{
		id: 'CVE-2021-23337',
		publishedAt: '2021-02-15T13:15:00.000Z',
		description: "lodash's template() runs code injected through its variable option when an attacker controls the template settings.",
		cvss3: { score: 7.2, vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' },
		cvss2: { score: 6.5, vector: 'AV:N/AC:L/Au:S/C:P/I:P/A:P' },
		affects: [{ ecosystem: 'npm', name: 'lodash', fixed: '4.17.21' }]
	},
	{
		id: 'CVE-2022-24999',
		publishedAt: '2022-11-26T22:15:00.000Z',
		description: 'qs lets a crafted query string such as a[__proto__]b pollute Object.prototype, which can hang a Node.js server that parses it.',
		cvss3: { score: 7.5, vector: V3_DOS_NET },
		affects: [
			{ ecosystem: 'npm', name: 'qs', introduced: '6.5.0', fixed: '6.5.3' },
			{ ecosystem: 'npm', name: 'qs', introduced: '6.7.0', fixed: '6.7.3' },
			{ ecosystem: 'npm', name: 'qs', introduced: '6.9.0', fixed: '6.9.7' },
			{ ecosystem: 'npm', name: 'qs', introduced: '6.10.0', fixed: '6.10.3' }
		]
	},
	{
		id: 'CVE-2024-29041',
		publishedAt: '2024-03-25T21:15:00.000Z',
		description: "Express's res.location() and res.redirect() encode a URL before an application checks it, so some malformed URLs get past an allow-list and redirect users elsewhere.",
		cvss3: { score: 6.1, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N' },
		affects: [{ ecosystem: 'npm', name: 'express', fixed: '4.19.2' }]
	},
	{
		id: 'CVE-2022-25883',
		publishedAt: '2023-06-21T05:15:00.000Z',
		description: "A regular expression in semver's range parsing takes very long on crafted input, so an untrusted version range can stall the process.",
		cvss3: { score: 7.5, vector: V3_DOS_NET },
		affects: [
			{ ecosystem: 'npm', name: 'semver', fixed: '5.7.2' },
			{ ecosystem: 'npm', name: 'semver', introduced: '6.0.0', fixed: '6.3.1' },
			{ ecosystem: 'npm', name: 'semver', introduced: '7.0.0', fixed: '7.5.2' }
		]
	},
	{
		id: 'CVE-2023-32681',
		publishedAt: '2023-05-26T18:15:00.000Z',
		description: 'requests forwards the Proxy-Authorization header to the destination server when an HTTPS request through a proxy is redirected, leaking the proxy credentials.',
		cvss3: { score: 6.1, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N' },
		affects: [{ ecosystem: 'pypi', name: 'requests', introduced: '2.3.0', fixed: '2.31.0' }]
	},
	{
		id: 'CVE-2021-33503',
		publishedAt: '2021-06-29T11:15:00.000Z',
		description: "A URL whose authority holds many @ characters makes urllib3's URL parser backtrack for a very long time, stalling the client.",
		cvss3: { score: 7.5, vector: V3_DOS_NET },
		cvss2: { score: 5.0, vector: V2_NET_DOS },
		affects: [{ ecosystem: 'pypi', name: 'urllib3', fixed: '1.26.5' }]
	},
	{
		id: 'CVE-2022-40897',
		publishedAt: '2022-12-23T00:15:00.000Z',
		description: "A regular expression in setuptools' package_index takes very long on crafted HTML from a package index, stalling the installation.",
		cvss3: { score: 5.9, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H' },
		affects: [{ ecosystem: 'pypi', name: 'setuptools', fixed: '65.5.1' }]
	},
	{
		id: 'CVE-2023-5752',
		publishedAt: '2023-10-25T18:17:00.000Z',
		description: 'When pip installs from a Mercurial URL, a crafted revision string can inject options into the hg command it runs.',
		cvss3: { score: 3.3, vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:L/A:N' },
		affects: [{ ecosystem: 'pypi', name: 'pip', fixed: '23.3' }]
	}
];
