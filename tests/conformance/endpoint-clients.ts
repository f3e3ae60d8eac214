// The real SDK clients pointed at the local endpoint over real HTTP (the SDKs' own Node HTTP
// handler, `endpoint: url`), plus an engine twin: the world the endpoint serves, saved through
// /_sandbox/snapshot and restored in process, so an answer that crossed the wire can be compared
// field by field with what the engine answers for the same call.
import { expect } from 'vitest';
import { ECRClient } from '@aws-sdk/client-ecr';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { STSClient } from '@aws-sdk/client-sts';
import { startEndpoint, type Endpoint } from '../../scripts/endpoint/server';
import { World, type WorldEvent } from '../../src/lib/engines/world';
import { AwsError } from '../../src/lib/engines/errors';
import { rootCaller } from '../../src/lib/engines/world-constants';
import { BINDINGS, CREDENTIALS, REGION, expectedStatus, rejection, sdkCall, sdkErrorName, wireShape, withoutMetadata } from './harness';
import { callJson } from './endpoint-support';

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type EndpointService = 'ecr' | 'cloudformation' | 'sts';

export interface SdkError extends Error {
	$metadata?: { httpStatusCode?: number; requestId?: string };
	$fault?: string;
}

/** What an SDK error shows a program: its class name, message and HTTP status. */
export const shown = (e: SdkError) => ({ name: e.name, message: e.message, status: e.$metadata?.httpStatusCode });

export class EndpointSession {
	readonly ecr: ECRClient;
	readonly cloudformation: CloudFormationClient;
	readonly sts: STSClient;

	private constructor(readonly endpoint: Endpoint) {
		const config = {
			endpoint: endpoint.url,
			region: REGION,
			// A fixed key the world does not know: the endpoint acts as the learner account's root user.
			credentials: CREDENTIALS,
			// One attempt: a retry would run a call twice against the world and hide a 5xx.
			maxAttempts: 1
		};
		this.ecr = new ECRClient(config);
		this.cloudformation = new CloudFormationClient(config);
		this.sts = new STSClient(config);
	}

	/** An endpoint on a free port whose clock moves only through /_sandbox/clock. */
	static async start(now: string): Promise<EndpointSession> {
		return new EndpointSession(await startEndpoint({ port: 0, clock: 'frozen', now }));
	}

	get url(): string {
		return this.endpoint.url;
	}

	async close(): Promise<void> {
		this.ecr.destroy();
		this.cloudformation.destroy();
		this.sts.destroy();
		await this.endpoint.close();
	}

	/** Moves the endpoint's frozen clock forward over HTTP; answers the new time and what the world did on the way. */
	async advance(seconds: number): Promise<{ now: string; events: WorldEvent[] }> {
		const moved = await callJson(`${this.url}/_sandbox/clock`, 'POST', { advanceSeconds: seconds });
		expect(moved.status, `advance ${seconds} s`).toBe(200);
		return moved.json as { now: string; events: WorldEvent[] };
	}

	async now(): Promise<string> {
		return (await callJson(`${this.url}/_sandbox/clock`, 'GET')).json.now as string;
	}

	/** The endpoint's world as it is now: saved over HTTP, restored in process. */
	async twin(): Promise<World> {
		const saved = await callJson(`${this.url}/_sandbox/snapshot`, 'GET');
		expect(saved.status).toBe(200);
		const world = World.restore(saved.json);
		await world.cloudformationReady();
		return world;
	}

	/**
	 * The same call through the SDK over HTTP and through the engine on a twin saved just before:
	 * expects success and equal answers (dates included); returns the SDK's output.
	 */
	async sameAsEngine(service: EndpointService, op: string, input: object = {}): Promise<Record<string, unknown>> {
		const world = await this.twin();
		const direct = BINDINGS[service].invoke({ world, caller: rootCaller(), region: REGION }, op, structuredClone(input)) as Record<string, unknown> | undefined;
		const viaHttp = await sdkCall(this[service], service, op, input);
		expect(withoutMetadata(viaHttp), `${service} ${op} over HTTP`).toEqual(wireShape(direct ?? {}));
		expect(viaHttp.$metadata).toMatchObject({ httpStatusCode: 200, requestId: expect.stringMatching(REQUEST_ID) });
		return viaHttp;
	}

	/**
	 * The same failing call through both: the SDK's error has the name, message and status the
	 * engine's error maps to, and a request id. Returns what the SDK showed.
	 */
	async sameErrorAsEngine(service: EndpointService, op: string, input: object = {}): Promise<ReturnType<typeof shown>> {
		const world = await this.twin();
		let engineError: unknown;
		try {
			BINDINGS[service].invoke({ world, caller: rootCaller(), region: REGION }, op, structuredClone(input));
		} catch (e) {
			engineError = e;
		}
		if (!(engineError instanceof AwsError)) throw new Error(`${service} ${op}: the engine did not throw an AwsError (${String(engineError)})`);
		const err = (await rejection(sdkCall(this[service], service, op, input))) as SdkError;
		expect(shown(err), `${service} ${op} over HTTP`).toEqual({
			name: sdkErrorName(service, engineError.code),
			message: engineError.message,
			status: expectedStatus(service, engineError)
		});
		expect(err.$metadata?.requestId).toMatch(REQUEST_ID);
		return shown(err);
	}
}
