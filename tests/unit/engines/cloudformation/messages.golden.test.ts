// Golden tests for every sentence the simulated CloudFormation answers with: each message builder
// in stacks/reasons.ts (every exported group: REASON, MESSAGES, FAILURE_REASON, FAILURE_MESSAGES,
// and any added later), template/messages.ts (MSG), the change set and drift detection sentences.
// Each case drives a real input through world.cloudformation(...).call(...) and checks the exact
// error name and text (or the event or stack reason), and that the builder called with the case's
// arguments writes that same text, so rewording a builder fails here.
//
// The meta-test below fails when a builder has no case: a new sentence must come with one. The
// few that cannot be reached through the API are listed, with why, in UNREACHABLE.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResourceSchemas } from '../../../../src/lib/engines/cloudformation/api';
import { CHANGE_SET_MESSAGES } from '../../../../src/lib/engines/cloudformation/stacks/changesets';
import { DRIFT_MESSAGES } from '../../../../src/lib/engines/cloudformation/stacks/drift';
import * as reasons from '../../../../src/lib/engines/cloudformation/stacks/reasons';
import { MSG } from '../../../../src/lib/engines/cloudformation/template';
import { CHANGESET_DRIFT_CASES } from './golden/changeset-drift-cases';
import type { GoldenCase } from './golden/harness';
import { STACK_CASES } from './golden/stack-cases';
import { TEMPLATE_CASES } from './golden/template-cases';

beforeAll(async () => {
	await loadResourceSchemas();
});

type Builders = Readonly<Record<string, unknown>>;

/** Every group of sentences, by the name a case key starts with. */
const GROUPS: Readonly<Record<string, Builders>> = {
	...Object.fromEntries(Object.entries(reasons).filter(([, v]) => typeof v === 'object' && v !== null) as [string, Builders][]),
	MSG,
	CHANGE_SET_MESSAGES,
	DRIFT_MESSAGES
};

/** Builders the public API cannot reach, and why. Keep this short: prefer a case. */
const UNREACHABLE: Readonly<Record<string, string>> = {
	'MSG.duplicateKey': "the editor's strict check only (duplicateKeys: 'error'); the API keeps the last value as AWS does (stacks/duplicate-keys.test.ts)",
	'MSG.duplicateKeyIgnored': "the editor's warning, never an answer (stacks/duplicate-keys.test.ts)",
	'MSG.snapshotNotSupported': "the API's resource catalog does not say which types take snapshots, so the check never runs",
	'MSG.parameterConstraintWrongType': 'no call site in template/',
	'MSG.noValueOutsideProperty': 'no call site in template/',
	'MSG.transformFunction': 'a template with Fn::Transform declares a macro, refused first as MSG.transformNotSupported',
	'MSG.resourceNotReady': 'a guard: the dependency graph creates what a reference needs before resolving it'
};

const CASES: readonly GoldenCase[] = [...TEMPLATE_CASES, ...STACK_CASES, ...CHANGESET_DRIFT_CASES];

function builderOf(key: string): unknown {
	const dot = key.indexOf('.');
	return GROUPS[key.slice(0, dot)]?.[key.slice(dot + 1)];
}

describe('every message, golden', () => {
	it.each(CASES.map((c) => [c.key, c] as const))('%s', (_key, c) => {
		const builder = builderOf(c.key);
		expect(builder, `${c.key} is not a message builder`).toBeDefined();
		const built = typeof builder === 'function' ? (builder as (...args: unknown[]) => unknown)(...c.args) : builder;
		expect(built).toBe(c.expected);
		const seen = c.run();
		expect(seen.text).toBe(c.seen ?? c.expected);
		expect(seen.name).toBe(c.name);
	});
});

describe('the golden table is complete', () => {
	const allKeys = Object.entries(GROUPS).flatMap(([group, builders]) => Object.keys(builders).map((k) => `${group}.${k}`));
	const covered = new Set(CASES.map((c) => c.key));

	it('every message builder has a golden case, or is listed as unreachable with a reason', () => {
		expect(allKeys.filter((k) => !covered.has(k) && !(k in UNREACHABLE))).toEqual([]);
	});

	it('the unreachable list names builders that exist and have no case', () => {
		expect(Object.keys(UNREACHABLE).filter((k) => !allKeys.includes(k) || covered.has(k))).toEqual([]);
	});

	it('each builder has one case', () => {
		expect(CASES.map((c) => c.key).filter((k, i, all) => all.indexOf(k) !== i)).toEqual([]);
	});
});
