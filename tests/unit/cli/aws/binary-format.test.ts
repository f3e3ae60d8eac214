// Blob parameters under --cli-binary-format and cli_binary_format, as /usr/bin/aws 2.9.19 treats
// them against the local endpoint (ecr upload-layer-part --layer-part-blob).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ShellSession } from '../../../../src/lib/cli/types';
import { aws } from '../../../../src/lib/cli/aws';
import { decodeLenientBase64 } from '../../../../src/lib/cli/aws/config/binary-format';
import { session } from './helpers';

const run = (s: ShellSession, ...args: string[]) => aws(args, { stdin: '', session: s });

async function upload(files: Record<string, string> = {}) {
	const s = session({}, files);
	await run(s, 'ecr', 'create-repository', '--repository-name', 'repo1');
	const id = (await run(s, 'ecr', 'initiate-layer-upload', '--repository-name', 'repo1', '--query', 'uploadId', '--output', 'text')).stdout.trim();
	const part = (first: number, last: number, blob: string, ...more: string[]) =>
		run(s, 'ecr', 'upload-layer-part', '--repository-name', 'repo1', '--upload-id', id, '--part-first-byte', String(first), '--part-last-byte', String(last), '--layer-part-blob', blob, '--query', 'lastByteReceived', ...more);
	return { s, part };
}

describe('blob parameters', () => {
	it('decodes inline values as base64 by default and refuses what is not base64', async () => {
		const { part } = await upload();
		expect(await part(0, 3, 'not base64!')).toEqual({ stdout: '', stderr: '\nInvalid base64: "not base64!"\n', exitCode: 255 });
		expect(await part(0, 2, 'abc')).toEqual({ stdout: '', stderr: '\nInvalid base64: "abc"\n', exitCode: 255 });
		expect(await part(0, 2, 'YWJj')).toEqual({ stdout: '2\n', stderr: '', exitCode: 0 });
		// Three raw bytes with raw-in-base64-out: the part ends at byte 5.
		expect(await part(3, 5, 'abc', '--cli-binary-format', 'raw-in-base64-out')).toEqual({ stdout: '5\n', stderr: '', exitCode: 0 });
		// Python's decoder skips a space and accepts extra padding: 3 bytes each time.
		expect((await part(6, 8, 'YW Jj')).stdout).toBe('8\n');
		expect((await part(9, 11, 'YWJj=')).stdout).toBe('11\n');
	});

	it('takes fileb:// as raw bytes whatever the format, and cli_binary_format from the profile', async () => {
		const { s, part } = await upload({ 'part.bin': 'a!c' });
		expect((await part(0, 2, 'fileb://part.bin')).stdout).toBe('2\n');
		expect((await part(3, 5, 'file://part.bin')).stderr).toBe('\nInvalid base64: "a!c"\n');
		await run(s, 'configure', 'set', 'cli_binary_format', 'raw-in-base64-out');
		expect((await part(3, 5, 'a!c')).stdout).toBe('5\n');
		expect((await part(6, 8, 'a!c', '--cli-binary-format', 'base64')).stderr).toBe('\nInvalid base64: "a!c"\n');
		await run(s, 'configure', 'set', 'cli_binary_format', 'bogus');
		expect(await part(6, 8, 'a!c')).toEqual({ stdout: '', stderr: "\n'bogus'\n", exitCode: 255 });
	});

	it('rejects an unknown --cli-binary-format as argparse does', async () => {
		const r = await run(session(), 'sts', 'get-caller-identity', '--cli-binary-format', 'foo');
		expect(r.exitCode).toBe(252);
		expect(r.stderr).toContain('aws: error: argument --cli-binary-format: Invalid choice, valid choices are:\n\nbase64                                   | raw-in-base64-out                       \n');
	});

	it('decodes whatever btoa encodes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
				const text = btoa(String.fromCharCode(...bytes));
				expect(decodeLenientBase64(text)).toEqual(bytes);
			})
		);
	});
});
