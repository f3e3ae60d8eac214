// The Deploy form's settings beyond template and parameters, and which of them each call sends:
// what CloudFormation does when an operation fails (OnFailure, DisableRollback,
// RetainExceptOnCreate), CreateStack's TimeoutInMinutes and EnableTerminationProtection, and
// UpdateStack's StackPolicyDuringUpdateBody. A setting left at its default is not sent at all, so
// the request is the one the learner would write by hand.
import type { ErrorView } from './errors';

/** OnFailure's values, and OMIT: the member is left out (AWS then rolls back). */
export const ON_FAILURE = ['ROLLBACK', 'DELETE', 'DO_NOTHING', 'OMIT'] as const;
export type OnFailureChoice = (typeof ON_FAILURE)[number];

export interface DeployOptions {
	onFailure: OnFailureChoice;
	disableRollback: boolean;
	retainExceptOnCreate: boolean;
	/** As typed: empty means "not sent". */
	timeoutMinutes: string;
	terminationProtection: boolean;
	/** StackPolicyDuringUpdateBody as typed: empty means "not sent". */
	policyDuringUpdate: string;
}

export const DEFAULT_OPTIONS: DeployOptions = {
	onFailure: 'ROLLBACK',
	disableRollback: false,
	retainExceptOnCreate: false,
	timeoutMinutes: '',
	terminationProtection: false,
	policyDuringUpdate: ''
};

export interface CreateOptionsInput {
	OnFailure?: 'ROLLBACK' | 'DELETE' | 'DO_NOTHING';
	DisableRollback?: boolean;
	RetainExceptOnCreate?: boolean;
	TimeoutInMinutes?: number;
	EnableTerminationProtection?: boolean;
}

export interface UpdateOptionsInput {
	DisableRollback?: boolean;
	RetainExceptOnCreate?: boolean;
	StackPolicyDuringUpdateBody?: string;
}

export type Built<T> = { ok: true; input: T } | { ok: false; error: ErrorView };

/** AWS refuses a CreateStack that names both: the form says so before the learner sends it. */
export const sendsBoth = (o: DeployOptions): boolean => o.disableRollback && o.onFailure !== 'OMIT';

/**
 * Ticking DisableRollback leaves OnFailure out, as the two may not be sent together; the learner
 * can still pick an OnFailure value afterwards to see AWS's refusal.
 */
export function withDisableRollback(o: DeployOptions, on: boolean): DeployOptions {
	return { ...o, disableRollback: on, onFailure: on ? 'OMIT' : o.onFailure === 'OMIT' ? 'ROLLBACK' : o.onFailure };
}

/**
 * TimeoutInMinutes as a number. Whole numbers go to CloudFormation even when it will refuse them
 * (0, negative), so the learner sees AWS's own message; text that is no number at all would not
 * get past the AWS CLI either, so it is refused here.
 */
function timeout(text: string): Built<number | undefined> {
	const t = text.trim();
	if (t === '') return { ok: true, input: undefined };
	if (!/^-?\d+$/.test(t)) {
		return { ok: false, error: { code: 'ParamValidationError', message: `Invalid value for TimeoutInMinutes: "${t}" is not a whole number of minutes. The AWS CLI refuses it before sending anything.` } };
	}
	return { ok: true, input: Number(t) };
}

export function createStackOptions(o: DeployOptions): Built<CreateOptionsInput> {
	const minutes = timeout(o.timeoutMinutes);
	if (!minutes.ok) return minutes;
	return {
		ok: true,
		input: {
			...(o.onFailure !== 'OMIT' ? { OnFailure: o.onFailure } : {}),
			...(o.disableRollback ? { DisableRollback: true } : {}),
			...(o.retainExceptOnCreate ? { RetainExceptOnCreate: true } : {}),
			...(minutes.input !== undefined ? { TimeoutInMinutes: minutes.input } : {}),
			...(o.terminationProtection ? { EnableTerminationProtection: true } : {})
		}
	};
}

export function updateStackOptions(o: DeployOptions): UpdateOptionsInput {
	return {
		...(o.disableRollback ? { DisableRollback: true } : {}),
		...(o.retainExceptOnCreate ? { RetainExceptOnCreate: true } : {}),
		...(o.policyDuringUpdate.trim() ? { StackPolicyDuringUpdateBody: o.policyDuringUpdate } : {})
	};
}

/** ExecuteChangeSet takes the failure settings of UpdateStack, not its policy override. */
export function executeChangeSetOptions(o: DeployOptions): { DisableRollback?: boolean; RetainExceptOnCreate?: boolean } {
	return {
		...(o.disableRollback ? { DisableRollback: true } : {}),
		...(o.retainExceptOnCreate ? { RetainExceptOnCreate: true } : {})
	};
}

/** Takes back saved options field by field; `legacyOnFailure` is where older saves kept OnFailure. */
export function restoreOptions(raw: unknown, legacyOnFailure?: unknown): DeployOptions {
	const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof DeployOptions, unknown>>;
	const onFailure = s.onFailure ?? legacyOnFailure;
	return {
		onFailure: (ON_FAILURE as readonly unknown[]).includes(onFailure) ? (onFailure as OnFailureChoice) : DEFAULT_OPTIONS.onFailure,
		disableRollback: s.disableRollback === true,
		retainExceptOnCreate: s.retainExceptOnCreate === true,
		timeoutMinutes: typeof s.timeoutMinutes === 'string' ? s.timeoutMinutes : '',
		terminationProtection: s.terminationProtection === true,
		policyDuringUpdate: typeof s.policyDuringUpdate === 'string' ? s.policyDuringUpdate : ''
	};
}
