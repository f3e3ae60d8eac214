// `wait` polls through the waiter's acceptors and moves the world's clock on by the waiter's delay
// instead of sleeping; its failures read like botocore's WaiterError.
import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

const TEMPLATE = 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: from-stack\n';

describe('aws wait', () => {
	it('waits for a stack to be created, advancing the clock', async () => {
		const s = session({}, { 'stack.yaml': TEMPLATE });
		const created = await run(s, 'cloudformation', 'create-stack', '--stack-name', 'app', '--template-body', 'file://stack.yaml');
		expect(created.exitCode).toBe(0);
		const before = s.world.clock.nowMs();
		expect(await run(s, 'cloudformation', 'wait', 'stack-create-complete', '--stack-name', 'app')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
		expect(s.world.clock.nowMs()).toBeGreaterThan(before);
		expect((await run(s, 'cloudformation', 'describe-stacks', '--stack-name', 'app', '--query', 'Stacks[0].StackStatus', '--output', 'text')).stdout).toBe('CREATE_COMPLETE\n');
		expect((await run(s, 'ecr', 'describe-repositories', '--query', 'repositories[].repositoryName', '--output', 'text')).stdout).toBe('from-stack\n');
	});

	it('fails with the waiter text when the stack does not exist', async () => {
		const r = await run(session(), 'cloudformation', 'wait', 'stack-create-complete', '--stack-name', 'nope');
		expect(r).toEqual({ stdout: '', stderr: '\nWaiter StackCreateComplete failed: Waiter encountered a terminal failure state: Matched expected service error code: ValidationError\n', exitCode: 255 });
	});

	it('rejects an unknown waiter', async () => {
		const r = await run(session(), 'ecr', 'wait', 'image-scan-done');
		expect(r.exitCode).toBe(252);
		expect(r.stderr).toContain('aws: error: argument subcommand: Invalid choice, valid choices are:\n\nimage-scan-complete                      | lifecycle-policy-preview-complete       \n');
	});
});
