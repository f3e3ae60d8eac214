// The Deploy form's settings as request members: what is sent for each choice, that DisableRollback
// and OnFailure are kept apart unless the learner insists, and that saved options come back.
import { describe, expect, it } from 'vitest';
import {
	createStackOptions,
	DEFAULT_OPTIONS,
	executeChangeSetOptions,
	restoreOptions,
	sendsBoth,
	updateStackOptions,
	withDisableRollback
} from '../../../src/routes/sandbox/deploy-options';

describe('deploy options', () => {
	it('send nothing beyond OnFailure ROLLBACK by default', () => {
		expect(createStackOptions(DEFAULT_OPTIONS)).toEqual({ ok: true, input: { OnFailure: 'ROLLBACK' } });
		expect(updateStackOptions(DEFAULT_OPTIONS)).toEqual({});
		expect(executeChangeSetOptions(DEFAULT_OPTIONS)).toEqual({});
	});

	it('ticking DisableRollback leaves OnFailure out; unticking brings ROLLBACK back', () => {
		const on = withDisableRollback(DEFAULT_OPTIONS, true);
		expect(on).toMatchObject({ disableRollback: true, onFailure: 'OMIT' });
		expect(sendsBoth(on)).toBe(false);
		expect(createStackOptions(on)).toEqual({ ok: true, input: { DisableRollback: true } });
		expect(updateStackOptions(on)).toEqual({ DisableRollback: true });
		expect(withDisableRollback(on, false)).toMatchObject({ disableRollback: false, onFailure: 'ROLLBACK' });
		// A choice the learner made is kept when rollback is enabled again.
		expect(withDisableRollback({ ...DEFAULT_OPTIONS, onFailure: 'DELETE' }, false).onFailure).toBe('DELETE');
	});

	it('still sends both when the learner picks an OnFailure after ticking DisableRollback, so AWS can refuse it', () => {
		const both = { ...withDisableRollback(DEFAULT_OPTIONS, true), onFailure: 'DO_NOTHING' as const };
		expect(sendsBoth(both)).toBe(true);
		expect(createStackOptions(both)).toEqual({ ok: true, input: { OnFailure: 'DO_NOTHING', DisableRollback: true } });
	});

	it('sends RetainExceptOnCreate, TimeoutInMinutes, termination protection and the policy override only when set', () => {
		const o = { ...DEFAULT_OPTIONS, retainExceptOnCreate: true, timeoutMinutes: ' 5 ', terminationProtection: true, policyDuringUpdate: '{"Statement":[]}' };
		expect(createStackOptions(o)).toEqual({ ok: true, input: { OnFailure: 'ROLLBACK', RetainExceptOnCreate: true, TimeoutInMinutes: 5, EnableTerminationProtection: true } });
		expect(updateStackOptions(o)).toEqual({ RetainExceptOnCreate: true, StackPolicyDuringUpdateBody: '{"Statement":[]}' });
		expect(executeChangeSetOptions(o)).toEqual({ RetainExceptOnCreate: true });
		expect(updateStackOptions({ ...o, policyDuringUpdate: '  \n' }).StackPolicyDuringUpdateBody).toBeUndefined();
	});

	it('passes whole-number timeouts on for AWS to judge, and refuses text as the AWS CLI does', () => {
		expect(createStackOptions({ ...DEFAULT_OPTIONS, timeoutMinutes: '0' })).toMatchObject({ ok: true, input: { TimeoutInMinutes: 0 } });
		expect(createStackOptions({ ...DEFAULT_OPTIONS, timeoutMinutes: '-3' })).toMatchObject({ ok: true, input: { TimeoutInMinutes: -3 } });
		expect(createStackOptions({ ...DEFAULT_OPTIONS, timeoutMinutes: '1.5' })).toMatchObject({ ok: false, error: { code: 'ParamValidationError', message: expect.stringContaining('"1.5"') } });
	});

	it('restores saved options field by field, and older saves that kept only OnFailure', () => {
		const saved = { ...DEFAULT_OPTIONS, onFailure: 'OMIT', disableRollback: true, timeoutMinutes: '9', policyDuringUpdate: 'x' };
		expect(restoreOptions(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
		expect(restoreOptions(undefined, 'DELETE')).toEqual({ ...DEFAULT_OPTIONS, onFailure: 'DELETE' });
		expect(restoreOptions({ onFailure: 'SOMETIMES', disableRollback: 'yes', timeoutMinutes: 5 })).toEqual(DEFAULT_OPTIONS);
	});
});
