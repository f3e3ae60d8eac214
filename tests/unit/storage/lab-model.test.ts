import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GRADE_LIMIT, gradesToKeep, mergeProgress, pushUndo, UNDO_LIMIT, withPending } from '../../../src/lib/storage/lab-model';
import { report } from './helpers';

const progress = fc.record(
	{
		hintsShown: fc.dictionary(fc.constantFrom('create', 'policy', 'scan', '__proto__'), fc.nat(5)),
		solutionViewedAt: fc.constantFrom('2026-01-15T09:00:00.000Z', '2026-01-16T09:00:00.000Z'),
		passedAt: fc.constantFrom('2026-01-15T10:00:00.000Z', '2026-01-14T10:00:00.000Z')
	},
	{ requiredKeys: ['hintsShown'] }
);

describe('lab model rules', () => {
	it('merges two tabs\' progress the same whichever tab comes first, and merging again changes nothing', () => {
		fc.assert(
			fc.property(progress, progress, (a, b) => {
				const ab = mergeProgress(a, b);
				expect(ab).toEqual(mergeProgress(b, a));
				expect(mergeProgress(ab, b)).toEqual(ab);
				for (const [task, n] of [...Object.entries(a.hintsShown), ...Object.entries(b.hintsShown)]) expect(ab.hintsShown[task]).toBeGreaterThanOrEqual(n);
			})
		);
	});

	it(`keeps the newest ${GRADE_LIMIT} runs in order, plus the first pass`, () => {
		fc.assert(
			fc.property(fc.array(fc.boolean(), { maxLength: 3 * GRADE_LIMIT }), (passes) => {
				const kept = withPending([], passes.map((p, i) => ({ report: report(p), recordedAt: String(i).padStart(4, '0') })));
				const first = passes.indexOf(true);
				expect(kept.filter((g) => g.firstPass).map((g) => g.recordedAt)).toEqual(first < 0 ? [] : [String(first).padStart(4, '0')]);
				const newest = kept.filter((g) => !g.firstPass || Number(g.recordedAt) >= passes.length - GRADE_LIMIT);
				expect(newest.length).toBe(Math.min(passes.length, GRADE_LIMIT));
				expect(kept.map((g) => g.recordedAt)).toEqual([...kept.map((g) => g.recordedAt)].sort());
				expect(gradesToKeep(kept)).toEqual(kept);
			})
		);
	});

	it(`keeps at most ${UNDO_LIMIT} undo steps, newest last`, () => {
		let undo: number[] = [];
		for (let i = 0; i < UNDO_LIMIT * 2; i++) undo = pushUndo(undo, i) as number[];
		expect(undo).toEqual(Array.from({ length: UNDO_LIMIT }, (_, i) => UNDO_LIMIT + i));
	});
});
