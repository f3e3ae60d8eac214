// createSession: what a fresh terminal starts with.
import { describe, expect, it } from 'vitest';
import { World } from '../../../../src/lib/engines/world';
import { createSession } from '../../../../src/lib/cli/shell';
import { NOW } from './helpers';

describe('createSession', () => {
	it('starts with HOME, USER and PWD only, no history, $? = 0', () => {
		const s = createSession(World.create({ now: NOW }));
		expect([...s.env]).toEqual([
			['HOME', '/home/learner'],
			['USER', 'learner'],
			['PWD', '/home/learner']
		]);
		expect(s.history).toEqual([]);
		expect(s.lastExitCode).toBe(0);
		expect(s.files.size).toBe(0);
	});

	it('shares a Map of files with the editor, or copies a plain record', () => {
		const files = new Map([['Dockerfile', 'FROM alpine\n']]);
		expect(createSession(World.create({ now: NOW }), files).files).toBe(files);
		expect([...createSession(World.create({ now: NOW }), { a: 'x' }).files]).toEqual([['a', 'x']]);
	});
});
