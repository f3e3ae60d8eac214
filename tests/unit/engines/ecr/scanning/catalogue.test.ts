import { describe, expect, it } from 'vitest';
import {
	BASE_IMAGES,
	BASE_IMAGE_REFERENCES,
	CATALOGUE_UPDATED_AT,
	VULNERABILITIES,
	baseImageRootfs
} from '../../../../../src/lib/engines/ecr/scanning/catalogue';

// CVSS base-score formulas (FIRST's v3.1 and v2 specifications), to catch a score typed apart from its vector.
function cvss3Score(vector: string): number {
	const m = Object.fromEntries(vector.replace(/^CVSS:3\.[01]\//, '').split('/').map((kv) => kv.split(':') as [string, string]));
	const changed = m.S === 'C';
	const w = {
		AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
		AC: { L: 0.77, H: 0.44 },
		PR: { N: 0.85, L: changed ? 0.68 : 0.62, H: changed ? 0.5 : 0.27 },
		UI: { N: 0.85, R: 0.62 },
		CIA: { H: 0.56, L: 0.22, N: 0 }
	} as const;
	const get = <T extends Record<string, number>>(table: T, key: string | undefined): number => table[key as keyof T] as number;
	const iss = 1 - (1 - get(w.CIA, m.C)) * (1 - get(w.CIA, m.I)) * (1 - get(w.CIA, m.A));
	const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
	const exploitability = 8.22 * get(w.AV, m.AV) * get(w.AC, m.AC) * get(w.PR, m.PR) * get(w.UI, m.UI);
	if (impact <= 0) return 0;
	const raw = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
	const i = Math.round(raw * 100000);
	return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

function cvss2Score(vector: string): number {
	const m = Object.fromEntries(vector.split('/').map((kv) => kv.split(':') as [string, string]));
	const av = { L: 0.395, A: 0.646, N: 1 }[m.AV as 'L'] ?? NaN;
	const ac = { H: 0.35, M: 0.61, L: 0.71 }[m.AC as 'H'] ?? NaN;
	const au = { M: 0.45, S: 0.56, N: 0.704 }[m.Au as 'M'] ?? NaN;
	const cia = (k: string | undefined) => ({ N: 0, P: 0.275, C: 0.66 })[k as 'N'] ?? NaN;
	const impact = 10.41 * (1 - (1 - cia(m.C)) * (1 - cia(m.I)) * (1 - cia(m.A)));
	const exploitability = 20 * av * ac * au;
	return Math.round((0.6 * impact + 0.4 * exploitability - 1.5) * (impact === 0 ? 0 : 1.176) * 10) / 10;
}

describe('the vulnerability catalogue', () => {
	it('holds CVE ids, each once', () => {
		const ids = VULNERABILITIES.map((v) => v.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^CVE-\d{4}-\d{4,}$/);
		expect(ids.length).toBeGreaterThanOrEqual(25);
	});

	it('gives every CVE a score whose number agrees with its vector', () => {
		for (const v of VULNERABILITIES) {
			expect(v.cvss3 ?? v.cvss2, v.id).toBeDefined();
			if (v.cvss3) {
				expect(v.cvss3.vector, v.id).toMatch(/^CVSS:3\.[01]\/AV:[NALP]\/AC:[LH]\/PR:[NLH]\/UI:[NR]\/S:[UC]\/C:[NLH]\/I:[NLH]\/A:[NLH]$/);
				expect(cvss3Score(v.cvss3.vector), v.id).toBe(v.cvss3.score);
			}
			if (v.cvss2) {
				expect(v.cvss2.vector, v.id).toMatch(/^AV:[LAN]\/AC:[HML]\/Au:[MSN]\/C:[NPC]\/I:[NPC]\/A:[NPC]$/);
				expect(cvss2Score(v.cvss2.vector), v.id).toBe(v.cvss2.score);
			}
		}
	});

	it('dates every CVE before the catalogue was last updated, and describes it in one sentence', () => {
		for (const v of VULNERABILITIES) {
			expect(Number.isFinite(Date.parse(v.publishedAt)), v.id).toBe(true);
			expect(Date.parse(v.publishedAt), v.id).toBeLessThanOrEqual(Date.parse(CATALOGUE_UPDATED_AT));
			expect(v.description, v.id).toMatch(/^\S[^\n]*\.$/);
			expect(v.description.slice(0, -1), v.id).not.toMatch(/\.\s/);
			expect(v.affects.length, v.id).toBeGreaterThan(0);
		}
	});

	it('spreads severities over every level', () => {
		const scores = VULNERABILITIES.map((v) => v.cvss3?.score).filter((s): s is number => s !== undefined);
		expect(scores.some((s) => s >= 9)).toBe(true);
		expect(scores.some((s) => s >= 7 && s < 9)).toBe(true);
		expect(scores.some((s) => s >= 4 && s < 7)).toBe(true);
		expect(scores.some((s) => s < 4)).toBe(true);
		expect(VULNERABILITIES.some((v) => v.affects.some((a) => a.vendorSeverity === 'unimportant'))).toBe(true);
	});
});

describe('base images', () => {
	it('offers old and current tags, and scratch', () => {
		for (const ref of ['alpine:3.14', 'alpine:3.20', 'alpine:3.22', 'debian:10', 'debian:buster', 'debian:12', 'node:14-alpine', 'node:22-alpine', 'python:3.7', 'python:3.13-slim', 'nginx:1.19', 'nginx:1.27', 'amazonlinux:2', 'scratch']) {
			expect(BASE_IMAGE_REFERENCES).toContain(ref);
			expect(baseImageRootfs(ref), ref).toBeDefined();
		}
		expect(new Set(BASE_IMAGE_REFERENCES).size).toBe(BASE_IMAGE_REFERENCES.length);
	});

	it('resolves aliases and Docker Hub spellings, and hands out copies', () => {
		expect(baseImageRootfs('debian:buster')).toEqual(baseImageRootfs('debian:10'));
		expect(baseImageRootfs('docker.io/library/alpine:3.14')).toEqual(baseImageRootfs('alpine:3.14'));
		expect(baseImageRootfs('alpine:9.99')).toBeUndefined();
		const copy = baseImageRootfs('alpine:3.14');
		copy?.packages.pop();
		expect(baseImageRootfs('alpine:3.14')?.packages.length).toBe(BASE_IMAGES.find((b) => b.reference === 'alpine:3.14')?.rootfs.packages.length);
	});

	it('gives scratch no OS, and every other base one', () => {
		for (const b of BASE_IMAGES) expect(b.rootfs.os === undefined, b.reference).toBe(b.reference === 'scratch');
	});
});
