import { expect } from 'vitest';
import { AwsError } from '../../../../../src/lib/engines/errors';
import type { LifecycleImage } from '../../../../../src/lib/engines/ecr/lifecycle';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const NOW = new Date('2026-03-01T12:00:00.000Z');

export const ago = (ms: number): Date => new Date(NOW.getTime() - ms);
export const daysAgo = (days: number): Date => ago(days * DAY);

/** An image named by a short label, used as its digest so results read like the AWS examples. */
export function image(name: string, tags: string[], pushed: Date, extra: Partial<LifecycleImage> = {}): LifecycleImage {
	return { imageDigest: name, imageTags: tags, imagePushedAt: pushed, storageClass: 'STANDARD', ...extra };
}

/** Pretty-printed so even a one-rule policy clears the 100-character minimum. */
export const policyText = (...rules: unknown[]): string => JSON.stringify({ rules }, null, 2);

export const PREFIX = "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ";

/** Runs `fn`, which must throw; returns the error for further checks. */
export function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (error) {
		return error;
	}
	throw new Error('expected an error, none was thrown');
}

export function expectAwsError(fn: () => unknown, code: string, message: string): void {
	const error = thrown(fn);
	expect(error).toBeInstanceOf(AwsError);
	expect((error as AwsError).code).toBe(code);
	expect((error as AwsError).message).toBe(message);
}

/** Rejected with InvalidParameterException and exactly AWS's prefix + detail + closing quote. */
export function expectPolicyError(fn: () => unknown, detail: string): void {
	expectAwsError(fn, 'InvalidParameterException', `${PREFIX}${detail}'`);
}

export const rule = (rulePriority: number, selection: Record<string, unknown>, action: Record<string, unknown> = { type: 'expire' }) => ({
	rulePriority,
	selection,
	action
});
