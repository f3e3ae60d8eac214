// Random argument lists never throw out of `aws`, always end with an exit code the CLI uses, and
// leave the world as it was unless the command was a write that succeeded (exit 0).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { run, session } from './helpers';

const WRITES = /^(deploy|create|delete|put|set|tag|untag|start|batch-delete|upload|initiate|complete|update|execute|cancel|continue|signal|attach|detach)/;
const word = fc.oneof(
	fc.constantFrom('ecr', 'sts', 'iam', 'cloudformation', 'nope', 'help'),
	fc.constantFrom('describe-repositories', 'create-repository', 'delete-repository', 'list-images', 'put-image-tag-mutability', 'get-caller-identity', 'describe-stacks', 'create-stack', 'get-login-password', 'batch-delete-image', 'describe-images', 'deploy', 'help'),
	fc.constantFrom('--repository-name', '--repository-names', '--force', '--no-force', '--max-results', '--image-ids', '--output', '--query', '--region', '--stack-name', '--image-scanning-configuration', '--cli-input-json', '--image-tag-mutability', '--template-file', '--no-paginate', '--foo', '--'),
	fc.constantFrom('web', 'a', 'text', 'json', 'table', 'yaml', '5', '-1', 'abc', 'imageTag=v1', 'scanOnPush=true', '{"repositoryName":"x"}', '[', '{', 'file://missing', 'us-west-2', 'IMMUTABLE', 'repositories[0]', '[?'),
	fc.string({ maxLength: 8 })
);

describe('aws never throws and never changes the world without a successful write', () => {
	it('holds for random argument lists', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(word, { maxLength: 8 }), async (args) => {
				const s = session();
				await run(s, 'ecr', 'create-repository', '--repository-name', 'web');
				const before = JSON.stringify(s.world.snapshot());
				const r = await run(s, ...args);
				expect([0, 252, 254, 255]).toContain(r.exitCode);
				const command = args.find((a, i) => i > 0 && !a.startsWith('-')) ?? '';
				if (!(r.exitCode === 0 && WRITES.test(command))) expect(JSON.stringify(s.world.snapshot())).toBe(before);
			}),
			{ numRuns: 300 }
		);
	});
});
