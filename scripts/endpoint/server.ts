// The local endpoint: one simulated world behind a Node HTTP server on 127.0.0.1, speaking AWS's
// wire protocols (src/lib/protocol) so the real AWS CLI and SDKs can use it, plus the /_sandbox/
// control API for the clock and saves. Signatures are not checked. The access key id says who
// calls (world.callerForAccessKey): a key created with iam create-access-key acts as its user, a
// key from sts assume-role as its role session, AKIAROOT<account id> as that account's root user,
// and any other key as the learner account's root user.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { World, type WorldEvent } from '../../src/lib/engines/world';
import { handleAwsRequest } from '../../src/lib/protocol/dispatch';
import { handleSandboxRequest, isSandboxRequest, type WorldHolder } from '../../src/lib/protocol/sandbox-control';
import type { WireRequest, WireResponse } from '../../src/lib/protocol/types';
import type { ClockMode } from './args';
import { internalFailure, tooLarge } from './aws-errors';
import { readBody, sendWireResponse, toWireRequest } from './http-wire';
import { WallClockDriver } from './wall-clock';

/**
 * The largest body kept. The largest legitimate request is an UploadLayerPart with a 20 MiB part
 * (ECR's API limit, 20971520 bytes), which awsJson sends base64-encoded: about 28 MiB.
 */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface EndpointOptions {
	/** 0 picks a free port. */
	port: number;
	/** `real` (default): the clock follows the wall clock from when it was last set. `frozen`: it moves only when told. */
	clock?: ClockMode;
	/** Where the world's clock starts (default: the wall time). */
	now?: string | Date;
	/** The wall clock, for tests of `--clock real`. */
	wall?: () => number;
	/** How often a real clock catches up between requests, so timed work finishes on its own. */
	tickMs?: number;
	maxBodyBytes?: number;
	/** Where world events (a real clock's) and simulator failures are reported (default: failures only, to stderr). */
	log?: (line: string, kind: 'event' | 'failure') => void;
}

export interface Endpoint {
	url: string;
	port: number;
	/** The world the endpoint serves (reset and restore replace holder.world). */
	holder: WorldHolder;
	close(): Promise<void>;
}

/** One line per world event on the endpoint's output, e.g. a stack finishing while the clock runs. */
function describeEvent(e: WorldEvent): string {
	const { at, kind, ...details } = e;
	return `${at} ${kind} ${JSON.stringify(details)}`;
}

export async function startEndpoint(options: EndpointOptions): Promise<Endpoint> {
	const wall = options.wall ?? (() => Date.now());
	const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
	const logEvent = (line: string): void => options.log?.(line, 'event');
	const logFailure = (line: string): void => (options.log ? options.log(line, 'failure') : console.error(line));
	const world = World.create({ now: options.now ?? new Date(wall()) });
	// Stack operations validate against resource schemas loaded on demand: load them all once,
	// so no CLI call ever meets a "still loading, retry" answer.
	await world.cloudformationReady();
	const holder: WorldHolder = { world };
	const driver = (options.clock ?? 'real') === 'real' ? new WallClockDriver(holder, wall) : undefined;

	const catchUp = (): void => {
		if (!driver) return;
		try {
			for (const e of driver.sync()) logEvent(describeEvent(e));
		} catch (e) {
			// e.g. a restored save whose stack operation waits for a schema: try again next time.
			logFailure(`the clock could not catch up: ${e instanceof Error ? e.message : String(e)}`);
		}
	};

	const answer = (wire: WireRequest): WireResponse => {
		const requestId = randomUUID();
		try {
			catchUp();
			if (isSandboxRequest(wire)) {
				const response = handleSandboxRequest(holder, wire);
				// A POST that succeeded set the clock or swapped the world: follow the wall from here.
				if (driver && wire.method.toUpperCase() === 'POST' && response.status < 300) driver.anchor();
				return response;
			}
			return handleAwsRequest(holder.world, wire, { requestId: () => requestId });
		} catch (e) {
			logFailure(`${wire.method} ${wire.path} ${wire.headers['x-amz-target'] ?? ''} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
			return internalFailure(wire, requestId);
		}
	};

	const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const read = await readBody(req, limit);
		if (!read) return;
		const wire = toWireRequest(req, read.body);
		const response = read.oversize ? tooLarge(wire, limit, randomUUID()) : answer(wire);
		sendWireResponse(res, response);
	};

	const server = createServer((req, res) => {
		onRequest(req, res).catch((e: unknown) => {
			// A response the socket would not take (a header value Node refuses ...): never crash.
			logFailure(`request failed: ${e instanceof Error ? e.message : String(e)}`);
			if (!res.headersSent && !res.destroyed) sendWireResponse(res, internalFailure(toWireRequest(req, new Uint8Array(0)), randomUUID()));
			else res.destroy();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		// 127.0.0.1 only: the endpoint accepts any credentials, so it must not be reachable from the network.
		server.listen(options.port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const timer = driver ? setInterval(catchUp, options.tickMs ?? 1000) : undefined;
	timer?.unref();
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		holder,
		close: () =>
			new Promise<void>((resolve) => {
				if (timer) clearInterval(timer);
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}
