// The local endpoint's control API under /_sandbox/: read and move the world's clock, start a
// fresh world, save and restore one. JSON in and out. Pure (no wall clock, no I/O) so tests drive
// it in process; the endpoint script only decides what "now" is before each request.
import { AwsError } from '../engines/errors';
import { World, type WorldEvent } from '../engines/world';
import type { WireRequest, WireResponse } from './types';

/** Where the endpoint keeps its one world; reset and restore replace it. */
export interface WorldHolder {
	world: World;
}

export const SANDBOX_PREFIX = '/_sandbox/';

/**
 * The furthest one request may move the clock. The world wakes at every midnight on the way (the
 * daily lifecycle run, one event per repository with a policy), so a century with five policies
 * took 5 s and answered 28 MB of events; ten years stays well under a second.
 */
const MAX_MOVE_YEARS = 10;
const MAX_MOVE_MS = MAX_MOVE_YEARS * 366 * 24 * 60 * 60 * 1000;

/** ISO 8601 with an explicit zone when a time is given: a zone-less time would be read in the machine's zone. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;

export const isSandboxRequest = (req: Pick<WireRequest, 'path'>): boolean => req.path === '/_sandbox' || req.path.startsWith(SANDBOX_PREFIX);

const json = (status: number, value: unknown): WireResponse => ({
	status,
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify(value)
});

/** The same shape as an awsJson error, so one client-side check fits every answer of the endpoint. */
const failure = (status: number, code: string, message: string): WireResponse => json(status, { __type: code, message });

/** A refusal carries its status, code and message to the one place that writes responses. */
class Refusal extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string
	) {
		super(message);
	}
}

const invalid = (message: string): Refusal => new Refusal(400, 'InvalidParameterException', message);

function parseBody(req: WireRequest, emptyIs: 'allowed' | 'refused'): Record<string, unknown> {
	if (req.body.length === 0) {
		if (emptyIs === 'allowed') return {};
		throw new Refusal(400, 'SerializationException', 'The request body is empty: send a JSON object.');
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(req.body);
	} catch {
		throw new Refusal(400, 'SerializationException', 'The request body is not UTF-8 text: send a JSON object.');
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		throw new Refusal(400, 'SerializationException', `The request body is not JSON: ${(e as Error).message}`);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new Refusal(400, 'SerializationException', 'The request body must be a JSON object.');
	}
	return value as Record<string, unknown>;
}

function parseInstant(value: unknown, field: string): number {
	if (typeof value !== 'string' || !ISO_8601.test(value.trim())) {
		throw invalid(`${field} must be an ISO 8601 date-time with a zone, such as 2026-01-15T09:30:00Z.`);
	}
	const ms = Date.parse(value.trim());
	if (!Number.isFinite(ms)) throw invalid(`${field} is not a real date: ${value}.`);
	return ms;
}

function checkKeys(body: Record<string, unknown>, allowed: string[]): void {
	const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
	if (unknown.length > 0) throw invalid(`Unknown field ${unknown.join(', ')}; expected ${allowed.join(' or ')}.`);
}

/** Where a POST /_sandbox/clock asks the clock to go, in ms since the epoch. */
function clockTarget(world: World, body: Record<string, unknown>): number {
	checkKeys(body, ['now', 'advanceSeconds']);
	const hasNow = body.now !== undefined;
	const hasAdvance = body.advanceSeconds !== undefined;
	if (hasNow === hasAdvance) throw invalid('Send exactly one of {"now": "<ISO 8601>"} or {"advanceSeconds": <number>}.');
	const current = world.clock.nowMs();
	let target: number;
	if (hasNow) {
		target = parseInstant(body.now, 'now');
	} else {
		const seconds = body.advanceSeconds;
		if (typeof seconds !== 'number' || !Number.isFinite(seconds)) throw invalid('advanceSeconds must be a number of seconds.');
		if (seconds < 0) throw invalid(`The clock cannot move backwards: advanceSeconds is ${seconds}.`);
		target = current + Math.round(seconds * 1000);
	}
	if (target < current) {
		throw invalid(`The clock cannot move backwards from ${new Date(current).toISOString()} to ${new Date(target).toISOString()}: what happened stays happened. Reset the world to start earlier.`);
	}
	if (target - current > MAX_MOVE_MS) throw invalid(`The clock moves at most ${MAX_MOVE_YEARS} years in one request.`);
	return target;
}

function moveClock(holder: WorldHolder, req: WireRequest): WireResponse {
	const target = clockTarget(holder.world, parseBody(req, 'refused'));
	const events: WorldEvent[] = holder.world.advanceTo(target);
	return json(200, { now: holder.world.clock.now().toISOString(), events });
}

function reset(holder: WorldHolder, req: WireRequest): WireResponse {
	const body = parseBody(req, 'allowed');
	checkKeys(body, ['now']);
	// Without a date the fresh world starts where the old one's clock is (the endpoint has already
	// brought it to wall time when the clock is real), so nothing here needs the wall clock.
	const now = body.now === undefined ? holder.world.clock.nowMs() : parseInstant(body.now, 'now');
	holder.world = World.create({ now: new Date(now) });
	return json(200, { now: holder.world.clock.now().toISOString() });
}

function restore(holder: WorldHolder, req: WireRequest): WireResponse {
	const saved = parseBody(req, 'refused');
	let world: World;
	try {
		world = World.restore(saved);
	} catch (e) {
		// The restore error says what is damaged; the old world stays as it was.
		const code = e instanceof AwsError ? e.code : 'InvalidParameterException';
		throw new Refusal(400, code, e instanceof Error ? e.message : String(e));
	}
	holder.world = world;
	return json(200, { now: world.clock.now().toISOString() });
}

type Route = (holder: WorldHolder, req: WireRequest) => WireResponse;

const ROUTES: Record<string, Partial<Record<'GET' | 'POST', Route>>> = {
	clock: { GET: (h) => json(200, { now: h.world.clock.now().toISOString() }), POST: moveClock },
	reset: { POST: reset },
	snapshot: { GET: (h) => json(200, h.world.snapshot()) },
	restore: { POST: restore }
};

/** Answers one /_sandbox/ request; every failure is a JSON error, never a throw. */
export function handleSandboxRequest(holder: WorldHolder, req: WireRequest): WireResponse {
	const name = req.path.slice(SANDBOX_PREFIX.length).replace(/\/+$/, '');
	const methods = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
	if (!methods) {
		return failure(404, 'ResourceNotFoundException', `No sandbox control at ${req.path}. Use /_sandbox/clock, /_sandbox/reset, /_sandbox/snapshot or /_sandbox/restore.`);
	}
	const method = req.method.toUpperCase();
	const route = method === 'GET' || method === 'POST' ? methods[method] : undefined;
	if (!route) {
		return failure(405, 'MethodNotAllowedException', `${req.path} answers ${Object.keys(methods).join(' and ')}, not ${req.method}.`);
	}
	try {
		return route(holder, req);
	} catch (e) {
		if (e instanceof Refusal) return failure(e.status, e.code, e.message);
		if (e instanceof AwsError) return failure(e.httpStatus, e.code, e.message);
		return failure(500, 'InternalFailure', `The sandbox failed: ${e instanceof Error ? e.message : String(e)}`);
	}
}
