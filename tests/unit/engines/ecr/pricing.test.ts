import { describe, expect, it } from 'vitest';
import { estimateMonthlyCost } from '../../../../src/lib/engines/ecr/pricing';

describe('registry cost estimate', () => {
	it('charges storage and tiered internet egress, and nothing for pushes or same-Region pulls', () => {
		const estimate = estimateMonthlyCost({ storedGb: 50, internetOutGb: 101, crossRegionOutGb: 20, sameRegionOutGb: 500 });
		expect(estimate.lines.map((l) => [l.item, l.usd])).toEqual([
			['Storage', 5],
			['Data transfer out to the internet (free tier)', 0],
			['Data transfer out to the internet ($0.09/GB)', 9],
			['Data transfer to other Regions (including replication)', 0.4],
			['Pulls by AWS compute in the same Region', 0],
			['Data transfer in (pushes)', 0]
		]);
		expect(estimate.totalUsd).toBe(14.4);
		expect(estimate.source.takenOn).toBe('2026-03');
	});

	it('moves into cheaper tiers past 10 TB', () => {
		const { lines } = estimateMonthlyCost({ storedGb: 0, internetOutGb: 20_240, crossRegionOutGb: 0 });
		expect(lines.filter((l) => l.item.startsWith('Data transfer out')).map((l) => l.quantity)).toEqual(['1 GB', '10239 GB', '10000 GB']);
	});

	it('refuses negative or non-numeric usage', () => {
		expect(() => estimateMonthlyCost({ storedGb: -1, internetOutGb: 0, crossRegionOutGb: 0 })).toThrow(RangeError);
		expect(() => estimateMonthlyCost({ storedGb: Number.NaN, internetOutGb: 0, crossRegionOutGb: 0 })).toThrow(RangeError);
	});
});
