// The real AWS SDK clients wired to src/lib/protocol in process: a request handler turns the SDK's
// HttpRequest into a WireRequest, hands it to handleAwsRequest, and returns the WireResponse as an
// HttpResponse with a Uint8Array body (the SDK's collectBody takes bytes as they are).
import { HttpResponse } from '@smithy/core/protocols';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECRPUBLICClient } from '@aws-sdk/client-ecr-public';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { STSClient } from '@aws-sdk/client-sts';
import { IAMClient } from '@aws-sdk/client-iam';
import { World } from '../../src/lib/engines/world';
import { handleAwsRequest } from '../../src/lib/protocol/dispatch';
import type { HandleOptions, WireRequest, WireResponse } from '../../src/lib/protocol/types';
import * as ecrSdk from '@aws-sdk/client-ecr';
import * as ecrPublicSdk from '@aws-sdk/client-ecr-public';
import * as cloudformationSdk from '@aws-sdk/client-cloudformation';
import * as stsSdk from '@aws-sdk/client-sts';
import * as iamSdk from '@aws-sdk/client-iam';
import { expect } from 'vitest';
import { AwsError } from '../../src/lib/engines/errors';
import { rootCaller, type Caller } from '../../src/lib/engines/world-constants';
import { ECR, ECR_PUBLIC, CLOUDFORMATION, STS, IAM, type ServiceBinding } from '../../src/lib/protocol/services';

export const NOW = '2026-11-23T10:00:00.000Z';
export const REGION = 'us-east-1';
export const CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** What an SDK client signs with: a user's key pair, or temporary credentials with their session token. */
export interface SdkCredentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
}

interface SdkHttpRequest {
	method: string;
	path: string;
	query?: Record<string, string | string[] | null | undefined>;
	headers: Record<string, string>;
	body?: unknown;
}

const encoder = new TextEncoder();

function queryString(query: SdkHttpRequest['query']): string {
	const parts: string[] = [];
	for (const [k, v] of Object.entries(query ?? {})) {
		for (const value of Array.isArray(v) ? v : [v]) {
			parts.push(value === null || value === undefined ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(value)}`);
		}
	}
	return parts.join('&');
}

function bodyBytes(body: unknown): Uint8Array {
	if (body === undefined || body === null) return new Uint8Array();
	if (typeof body === 'string') return encoder.encode(body);
	if (body instanceof Uint8Array) return body;
	throw new Error(`unexpected request body ${typeof body}`);
}

export function toWireRequest(request: SdkHttpRequest): WireRequest {
	return {
		method: request.method,
		path: request.path,
		query: queryString(request.query),
		headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
		body: bodyBytes(request.body)
	};
}

export interface Exchange {
	request: WireRequest;
	response: WireResponse;
}

/** A requestHandler for any SDK v3 client; `log` records every exchange for assertions. */
export function inProcessHandler(world: World, options: HandleOptions = {}, log: Exchange[] = []) {
	return {
		log,
		async handle(request: SdkHttpRequest) {
			const wire = toWireRequest(request);
			const response = handleAwsRequest(world, wire, options);
			log.push({ request: wire, response });
			const body = typeof response.body === 'string' ? encoder.encode(response.body) : response.body;
			// Node's HTTP stack hands the SDK lower-case header names; so does this handler.
			const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
			return { response: new HttpResponse({ statusCode: response.status, headers, body }) };
		},
		updateHttpClientConfig() {},
		httpHandlerConfigs() {
			return {};
		}
	};
}

const config = (world: World, options: HandleOptions, log: Exchange[], credentials: SdkCredentials) => ({
	region: REGION,
	credentials,
	// One attempt: a retried request would run the operation twice against the world.
	maxAttempts: 1,
	requestHandler: inProcessHandler(world, options, log)
});

/**
 * Every SDK client wired to `world`. They sign with `credentials` (default: a key the world does not
 * know, so the learner account's root user); pass a created user's key or STS credentials to act
 * as that user or session.
 */
export function clients(world: World, options: HandleOptions = {}, credentials: SdkCredentials = CREDENTIALS) {
	const log: Exchange[] = [];
	return {
		log,
		ecr: new ECRClient(config(world, options, log, credentials)),
		ecrPublic: new ECRPUBLICClient(config(world, options, log, credentials)),
		cloudformation: new CloudFormationClient(config(world, options, log, credentials)),
		sts: new STSClient(config(world, options, log, credentials)),
		iam: new IAMClient(config(world, options, log, credentials))
	};
}

/** The error a promise rejects with (fails when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; requestId?: string }; $fault?: string }> {
	try {
		await p;
	} catch (e) {
		return e as Error & { $metadata?: { httpStatusCode?: number; requestId?: string } };
	}
	throw new Error('expected the call to fail');
}

/** What an SDK output holds besides $metadata, for field-by-field comparison with the engine. */
export function withoutMetadata<T extends object>(output: T): Omit<T, '$metadata'> {
	const { $metadata: _, ...rest } = output as T & { $metadata?: unknown };
	return rest;
}

/**
 * A value as the wire can carry it: undefined members dropped (JSON and XML have no undefined),
 * so an engine result compares with what the SDK read back. Dates and bytes stay as they are.
 */
export function wireShape(value: unknown): unknown {
	if (value instanceof Date || value instanceof Uint8Array) return value;
	if (Array.isArray(value)) return value.map(wireShape);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, wireShape(v)]));
	}
	return value;
}

export const freshWorld = () => World.create({ now: NOW });

export type ServiceName = 'ecr' | 'ecrPublic' | 'cloudformation' | 'sts' | 'iam';

const MODULES: Record<ServiceName, Record<string, unknown>> = { ecr: ecrSdk, ecrPublic: ecrPublicSdk, cloudformation: cloudformationSdk, sts: stsSdk, iam: iamSdk };
export const BINDINGS: Record<ServiceName, ServiceBinding> = { ecr: ECR, ecrPublic: ECR_PUBLIC, cloudformation: CLOUDFORMATION, sts: STS, iam: IAM };

interface Sender {
	send(command: unknown): Promise<unknown>;
}

/** Sends `<op>Command` of a service's SDK package by operation name. */
export function sdkCall(client: object, service: ServiceName, op: string, input: object): Promise<Record<string, unknown>> {
	const Ctor = MODULES[service][`${op}Command`] as (new (input: object) => unknown) | undefined;
	if (!Ctor) throw new Error(`no ${op}Command in the ${service} SDK`);
	return (client as Sender).send(new Ctor(input)) as Promise<Record<string, unknown>>;
}

/** The SDK's name for an engine error: the model's shape name when the wire code differs (NoSuchEntity -> NoSuchEntityException). */
export function sdkErrorName(service: ServiceName, code: string): string {
	const errors = BINDINGS[service].model.errors;
	if (Object.prototype.hasOwnProperty.call(errors, code)) return code;
	return Object.entries(errors).find(([, e]) => e.code === code)?.[0] ?? code;
}

export function expectedStatus(service: ServiceName, e: AwsError): number {
	const errors = BINDINGS[service].model.errors;
	const m = errors[sdkErrorName(service, e.code)];
	return m?.httpStatus ?? e.httpStatus;
}

/**
 * Two worlds fed the same calls, one through the SDK and the protocol, one through the engines
 * directly. Worlds are deterministic, so each pair of answers must be equal field by field.
 */
export class Twins {
	readonly viaSdk = freshWorld();
	readonly direct = freshWorld();
	readonly sdk = clients(this.viaSdk);
	/** Operations that answered through the SDK, per service. */
	readonly succeeded = new Map<ServiceName, Set<string>>();
	readonly failed = new Map<ServiceName, Set<string>>();

	async ready(): Promise<void> {
		await this.viaSdk.cloudformationReady();
		await this.direct.cloudformationReady();
	}

	advanceBy(ms: number): void {
		this.viaSdk.advanceBy(ms);
		this.direct.advanceBy(ms);
	}

	#engine(service: ServiceName, caller: Caller, region: string) {
		switch (service) {
			case 'ecr':
				return this.direct.ecr(caller, region);
			case 'ecrPublic':
				return this.direct.ecrPublic(caller);
			case 'cloudformation':
				return this.direct.cloudformation(caller, region);
			case 'iam':
				return this.direct.iam(caller);
			case 'sts':
				return { callByName: (op: string, input: unknown) => STS.invoke({ world: this.direct, caller, region }, op, input) };
		}
	}

	#client(service: ServiceName): object {
		return this.sdk[service];
	}

	/** Calls both; expects success and equal answers; returns the engine's answer. */
	async call(service: ServiceName, op: string, input: object = {}): Promise<Record<string, unknown>> {
		const direct = this.#engine(service, rootCaller(), REGION).callByName(op, structuredClone(input)) as Record<string, unknown> | undefined;
		const viaSdk = await sdkCall(this.#client(service), service, op, structuredClone(input));
		expect(withoutMetadata(viaSdk), `${service} ${op}`).toEqual(wireShape(direct ?? {}));
		expect(viaSdk.$metadata).toMatchObject({ httpStatusCode: 200 });
		let done = this.succeeded.get(service);
		if (!done) this.succeeded.set(service, (done = new Set()));
		done.add(op);
		return direct ?? {};
	}

	/** Calls both; expects the same AWS error through the SDK (name, message, HTTP status); returns it. */
	async fail(service: ServiceName, op: string, input: object = {}, expectedCode?: string): Promise<AwsError> {
		let engineError: unknown;
		try {
			this.#engine(service, rootCaller(), REGION).callByName(op, structuredClone(input));
		} catch (e) {
			engineError = e;
		}
		if (!(engineError instanceof AwsError)) throw new Error(`${service} ${op}: the engine did not throw an AwsError (${String(engineError)})`);
		if (expectedCode) expect(engineError.code, `${service} ${op}`).toBe(expectedCode);
		const err = await rejection(sdkCall(this.#client(service), service, op, structuredClone(input)));
		expect({ name: err.name, message: err.message, status: err.$metadata?.httpStatusCode }, `${service} ${op}`).toEqual({
			name: sdkErrorName(service, engineError.code),
			message: engineError.message,
			status: expectedStatus(service, engineError)
		});
		expect(err.$metadata?.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
		let done = this.failed.get(service);
		if (!done) this.failed.set(service, (done = new Set()));
		done.add(engineError.code);
		return engineError;
	}
}
