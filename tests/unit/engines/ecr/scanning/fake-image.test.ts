import { describe, expect, it } from 'vitest';
import { fakeImage } from '../../../../../src/lib/engines/ecr/docker';
import { baseImageRootfs } from '../../../../../src/lib/engines/ecr/scanning/catalogue';
import { readRootfs } from '../../../../../src/lib/engines/ecr/scanning/rootfs';
import { sha256Digest } from '../../../../../src/lib/engines/sha256';

const enc = (s: string) => new TextEncoder().encode(s);

describe('fakeImage', () => {
	it('keeps images not named after a known base exactly as before', () => {
		const image = fakeImage('node:18-alpine');
		expect(image.layers).toEqual([0, 1].map((i) => enc(`layer ${i} of node:18-alpine\n`.repeat(64))));
		expect(image.layers.map(readRootfs)).toEqual([undefined, undefined]);
		expect(fakeImage('app', 3).layers).toHaveLength(3);
	});

	it("puts a known base image's filesystem in the first layer", () => {
		for (const name of ['alpine:3.14', 'debian:buster', 'node:14-alpine', 'scratch']) {
			const image = fakeImage(name);
			expect(image.layers).toHaveLength(2);
			expect(readRootfs(image.layers[0] as Uint8Array), name).toEqual(baseImageRootfs(name));
			expect(new TextDecoder().decode(image.layers[1])).toBe(`layer 1 of ${name}\n`.repeat(64));
		}
	});

	it('picks the longest base reference a name starts with, so images built on one base share its layer', () => {
		const a = fakeImage('alpine:3.14-api');
		const b = fakeImage('alpine:3.14-worker');
		expect(readRootfs(a.layers[0] as Uint8Array)).toEqual(baseImageRootfs('alpine:3.14'));
		expect(sha256Digest(a.layers[0] as Uint8Array)).toBe(sha256Digest(b.layers[0] as Uint8Array));
		expect(sha256Digest(a.layers[1] as Uint8Array)).not.toBe(sha256Digest(b.layers[1] as Uint8Array));
	});

	it('takes an explicit base and application packages, written as the last layer', () => {
		const image = fakeImage('shop-api', 3, { base: 'node:14-alpine', packages: [{ ecosystem: 'npm', name: 'express', version: '4.17.1' }] });
		expect(image.layers).toHaveLength(3);
		expect(readRootfs(image.layers[0] as Uint8Array)).toEqual(baseImageRootfs('node:14-alpine'));
		expect(readRootfs(image.layers[1] as Uint8Array)).toBeUndefined();
		expect(readRootfs(image.layers[2] as Uint8Array)).toEqual({ packages: [{ ecosystem: 'npm', name: 'express', version: '4.17.1' }] });
		expect(fakeImage('x', 1, { base: 'alpine:3.14', packages: [{ ecosystem: 'apk', name: 'curl', version: '7.79.1-r0' }] }).layers).toHaveLength(2);
		expect(() => fakeImage('x', 2, { base: 'alpine:0.1' })).toThrow(TypeError);
	});

	it('is deterministic', () => {
		const opts = { packages: [{ ecosystem: 'pypi' as const, name: 'requests', version: '2.25.0' }] };
		expect(fakeImage('python:3.7', 2, opts)).toEqual(fakeImage('python:3.7', 2, opts));
	});
});
