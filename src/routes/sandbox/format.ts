// How the sandbox writes digests, sizes and instants. Instants are shown in UTC because ECR's
// daily lifecycle run in this simulator happens at 00:00 UTC.

/** The first 12 hex digits of a digest, as `docker images` shows an image ID. */
export const shortDigest = (digest: string): string => digest.replace(/^sha256:/, '').slice(0, 12);

const dateTime = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'UTC',
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

const shortDateTime = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'UTC',
	day: 'numeric',
	month: 'short',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** "Mon 23 Nov 2026, 10:00:00 UTC" */
export const formatInstant = (iso: string): string => `${dateTime.format(new Date(iso))} UTC`;

/** "23 Nov, 10:00 UTC" */
export const formatShortInstant = (iso: string): string => `${shortDateTime.format(new Date(iso))} UTC`;

export function formatBytes(bytes: number): string {
	if (bytes < 1000) return `${bytes} bytes`;
	if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
	return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** ECR's severities, most severe first. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'] as const;
