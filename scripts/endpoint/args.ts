// The endpoint's command line: `--port N [--clock real|frozen] [--now ISO]`. Kept apart from main
// so a test can check what it accepts without starting a server.
import { parseArgs } from 'node:util';

export type ClockMode = 'real' | 'frozen';

export interface EndpointArgs {
	port: number;
	clock: ClockMode;
	/** Where the world's clock starts; the wall time when absent. */
	now?: string;
}

export const USAGE = 'usage: npm run endpoint -- --port 4566 [--clock real|frozen] [--now 2026-01-15T09:30:00Z]';

/** Parses the arguments, throwing an Error whose message is fit to print with the usage line. */
export function parseEndpointArgs(argv: string[]): EndpointArgs {
	const { values } = parseArgs({
		args: argv,
		options: { port: { type: 'string' }, clock: { type: 'string' }, now: { type: 'string' } },
		strict: true,
		allowPositionals: false
	});
	const port = Number(values.port ?? '4566');
	if (!/^\d+$/.test(values.port ?? '4566') || port > 65535) throw new Error(`--port must be a TCP port (0 picks a free one), not ${values.port}`);
	const clock = values.clock ?? 'real';
	if (clock !== 'real' && clock !== 'frozen') throw new Error(`--clock must be real or frozen, not ${clock}`);
	if (values.now !== undefined && !Number.isFinite(Date.parse(values.now))) throw new Error(`--now must be an ISO 8601 date-time, not ${values.now}`);
	return { port, clock, ...(values.now !== undefined ? { now: values.now } : {}) };
}
