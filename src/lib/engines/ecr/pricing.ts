// What a private registry costs per month. Rates are us-east-1 list prices as summarised from
// aws.amazon.com/ecr/pricing in March 2026 (ecr-facts.md §9, medium confidence: the pricing page
// itself was not available to check). The UI must show RATES_SOURCE next to any figure.
export const RATES_SOURCE = {
	page: 'https://aws.amazon.com/ecr/pricing/',
	region: 'us-east-1',
	takenOn: '2026-03',
	note: 'List prices as published summaries reported them in March 2026. Check the pricing page before relying on a figure.'
} as const;

export const RATES = {
	storagePerGbMonth: 0.1,
	/** Internet data transfer out, by monthly volume tier (GB from, USD per GB). */
	internetOutTiers: [
		{ fromGb: 0, toGb: 1, perGb: 0 },
		{ fromGb: 1, toGb: 10_240, perGb: 0.09 },
		{ fromGb: 10_240, toGb: 51_200, perGb: 0.085 },
		{ fromGb: 51_200, toGb: 153_600, perGb: 0.07 },
		{ fromGb: 153_600, toGb: Infinity, perGb: 0.05 }
	],
	crossRegionPerGb: 0.02
} as const;

export interface RegistryUsage {
	/** Average stored, compressed and deduplicated, over the month. */
	storedGb: number;
	internetOutGb: number;
	crossRegionOutGb: number;
	/** Pulls by ECS, EKS, EC2 or Lambda in the same Region: free. */
	sameRegionOutGb?: number;
}

export interface CostLine {
	item: string;
	quantity: string;
	usd: number;
}

export interface CostEstimate {
	lines: CostLine[];
	totalUsd: number;
	source: typeof RATES_SOURCE;
}

const round = (usd: number) => Math.round(usd * 100) / 100;

export function estimateMonthlyCost(usage: RegistryUsage): CostEstimate {
	for (const [k, v] of Object.entries(usage)) {
		if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`${k} must be a number of GB, zero or more`);
	}
	const lines: CostLine[] = [{ item: 'Storage', quantity: `${usage.storedGb} GB-month`, usd: round(usage.storedGb * RATES.storagePerGbMonth) }];
	for (const tier of RATES.internetOutTiers) {
		const gb = Math.max(0, Math.min(usage.internetOutGb, tier.toGb) - tier.fromGb);
		if (gb > 0) lines.push({ item: `Data transfer out to the internet (${tier.perGb === 0 ? 'free tier' : `$${tier.perGb}/GB`})`, quantity: `${gb} GB`, usd: round(gb * tier.perGb) });
	}
	if (usage.crossRegionOutGb > 0) {
		lines.push({ item: 'Data transfer to other Regions (including replication)', quantity: `${usage.crossRegionOutGb} GB`, usd: round(usage.crossRegionOutGb * RATES.crossRegionPerGb) });
	}
	if ((usage.sameRegionOutGb ?? 0) > 0) lines.push({ item: 'Pulls by AWS compute in the same Region', quantity: `${usage.sameRegionOutGb} GB`, usd: 0 });
	lines.push({ item: 'Data transfer in (pushes)', quantity: 'any', usd: 0 });
	return { lines, totalUsd: round(lines.reduce((s, l) => s + l.usd, 0)), source: RATES_SOURCE };
}
