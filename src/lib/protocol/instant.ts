// What an engine gives for a timestamp (a Date, ISO-8601 text or epoch milliseconds) as epoch
// milliseconds, for both protocols' writers.
export function instantOf(value: unknown): number | undefined {
	const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : NaN;
	return Number.isFinite(ms) ? ms : undefined;
}
