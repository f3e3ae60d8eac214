import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareVersions, inRange } from '../../../../../src/lib/engines/ecr/scanning/versions';

const older = (a: string, b: string) => expect(Math.sign(compareVersions(a, b)), `${a} < ${b}`).toBe(-1);

describe('version ordering', () => {
	it('orders the version styles the catalogue uses as their package managers do', () => {
		older('1.1.1k-r0', '1.1.1l-r0'); // apk: OpenSSL's letter releases
		older('1.1.1', '1.1.1d-0+deb10u6'); // a letter after the number is newer
		older('1.33.1-r3', '1.33.1-r6');
		older('1.33.1-r9', '1.33.1-r10');
		older('1.1.1d-0+deb10u6', '1.1.1d-0+deb10u7'); // Debian security updates
		older('1.1.1d-0+deb10u8', '1.1.1n-0+deb10u4');
		older('2.28-10', '2.28-10+deb10u2');
		older('1:1.2.11.dfsg-1', '1:1.2.11.dfsg-1+deb10u1'); // epochs
		older('9.9', '1:0.1');
		older('1.20.1-1~buster', '1.20.1-1'); // tilde sorts before everything
		older('1.19.10-1~buster', '1.20.1-1~buster');
		older('1:1.0.2k-19.amzn2.0.7', '1:1.0.2k-24.amzn2.0.2'); // rpm releases
		older('4.17.20', '4.17.21');
		older('4.9.0', '4.17.1');
		older('65.5.0', '65.5.1');
		older('23.0.1', '23.3');
		expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
		expect(compareVersions('01.2', '1.2')).toBe(0);
	});

	it('is antisymmetric and reflexive', () => {
		const version = fc.stringMatching(/^(\d:)?[0-9][0-9a-z.+~]{0,8}(-[0-9a-z.+~]{1,6})?$/);
		fc.assert(
			fc.property(version, version, (a, b) => {
				expect(Math.sign(compareVersions(a, b))).toBe(-Math.sign(compareVersions(b, a)) || 0);
				expect(compareVersions(a, a)).toBe(0);
			})
		);
	});

	it('treats ranges as [introduced, fixed)', () => {
		expect(inRange('6.7.0', { introduced: '6.7.0', fixed: '6.7.3' })).toBe(true);
		expect(inRange('6.7.3', { introduced: '6.7.0', fixed: '6.7.3' })).toBe(false);
		expect(inRange('6.6.9', { introduced: '6.7.0', fixed: '6.7.3' })).toBe(false);
		expect(inRange('0.0.1', {})).toBe(true);
	});
});
