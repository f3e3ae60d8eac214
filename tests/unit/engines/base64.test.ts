// The engines' base64: byte-exact round trips (incl. parts larger than one slice) and UTF-8 text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64ToBytes, base64ToText, bytesToBase64, textToBase64 } from '../../../src/lib/engines/base64';
import { toBase64 as wireBase64 } from '../../../src/lib/protocol/base64';

describe('engine base64', () => {
	it('agrees with the strict wire encoder and round-trips any bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
				const text = bytesToBase64(bytes);
				expect(text).toBe(wireBase64(bytes));
				expect(base64ToBytes(text)).toEqual(bytes);
			})
		);
	});

	it('encodes more than one 32 KiB slice without losing or reordering bytes', () => {
		const bytes = Uint8Array.from({ length: 0x8000 * 2 + 5 }, (_, i) => (i * 31) & 255);
		expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
	});

	it('encodes text as UTF-8 (Fn::Base64 of non-Latin text)', () => {
		expect(textToBase64('héllo ✓')).toBe('aMOpbGxvIOKckw==');
		expect(base64ToText('aMOpbGxvIOKckw==')).toBe('héllo ✓');
	});

	it('refuses what is not base64', () => {
		expect(() => base64ToBytes('not base64!')).toThrow();
	});
});
