// `aws cloudformation deploy`: create, update, an unchanged template (not an error in v2), and
// --no-execute-changeset, with the CLI's progress lines.
import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

const TEMPLATE = (name: string) => `Parameters:\n  Mutability:\n    Type: String\n    Default: MUTABLE\nResources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: ${name}\n      ImageTagMutability: !Ref Mutability\n`;

describe('aws cloudformation deploy', () => {
	it('creates, updates, reports an empty change set and can stop before executing', async () => {
		const s = session({}, { 'stack.yaml': TEMPLATE('app-repo') });
		const created = await run(s, 'cloudformation', 'deploy', '--template-file', 'stack.yaml', '--stack-name', 'app');
		expect(created).toEqual({ stdout: '\nWaiting for changeset to be created..\nWaiting for stack create/update to complete\nSuccessfully created/updated stack - app\n', stderr: '', exitCode: 0 });
		expect((await run(s, 'ecr', 'describe-repositories', '--query', 'repositories[0].imageTagMutability', '--output', 'text')).stdout).toBe('MUTABLE\n');

		const updated = await run(s, 'cloudformation', 'deploy', '--template-file', 'stack.yaml', '--stack-name', 'app', '--parameter-overrides', 'Mutability=IMMUTABLE');
		expect(updated.exitCode).toBe(0);
		expect((await run(s, 'ecr', 'describe-repositories', '--query', 'repositories[0].imageTagMutability', '--output', 'text')).stdout).toBe('IMMUTABLE\n');

		const same = await run(s, 'cloudformation', 'deploy', '--template-file', 'stack.yaml', '--stack-name', 'app', '--parameter-overrides', 'Mutability=IMMUTABLE');
		expect(same).toEqual({ stdout: '\nWaiting for changeset to be created..\n\nNo changes to deploy. Stack app is up to date\n', stderr: '', exitCode: 0 });

		const review = await run(s, 'cloudformation', 'deploy', '--template-file', 'stack.yaml', '--stack-name', 'other', '--no-execute-changeset');
		expect(review.exitCode).toBe(0);
		expect(review.stdout).toMatch(/Changeset created successfully\. Run the following command to review changes:\naws cloudformation describe-change-set --change-set-name arn:aws:cloudformation:us-east-1:123456789012:changeSet\/awscli-cloudformation-package-deploy-\d+\/\S+\n$/);
	});

	it('reports a missing template and missing options', async () => {
		expect(await run(session(), 'cloudformation', 'deploy', '--template-file', 'nope.yaml', '--stack-name', 'app')).toEqual({ stdout: '', stderr: '\nInvalid template path nope.yaml\n', exitCode: 255 });
		const r = await run(session(), 'cloudformation', 'deploy', '--template-file', 'x.yaml');
		expect(r.exitCode).toBe(252);
		expect(r.stderr).toMatch(/aws: error: the following arguments are required: --stack-name\n\n$/);
	});
});
