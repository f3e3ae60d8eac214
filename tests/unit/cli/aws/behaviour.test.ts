// What the CLI does that the captured goldens don't show: the principal and Region a call runs
// as, option spellings by type, file://, --cli-input-json, and get-login-password.
import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';
import { kebab } from '../../../../src/lib/cli/aws/names';
import { parseShorthand } from '../../../../src/lib/cli/aws/shorthand';

describe('names', () => {
	it('follows botocore xform_name', () => {
		expect(kebab('DescribeRepositories')).toBe('describe-repositories');
		expect(kebab('repositoryName')).toBe('repository-name');
		expect(kebab('StackName')).toBe('stack-name');
		expect(kebab('NotificationARNs')).toBe('notification-arns');
		expect(kebab('GetLoginPassword')).toBe('get-login-password');
	});
});

describe('shorthand', () => {
	it('parses key=value pairs, lists and nested structures', () => {
		expect(parseShorthand('scanOnPush=true')).toEqual({ scanOnPush: 'true' });
		expect(parseShorthand('imageTag=v1,imageDigest=sha256:ab')).toEqual({ imageTag: 'v1', imageDigest: 'sha256:ab' });
		expect(parseShorthand('Key=a,Values=[x,y]')).toEqual({ Key: 'a', Values: ['x', 'y'] });
		expect(parseShorthand('Values=x,y,Key=a')).toEqual({ Values: ['x', 'y'], Key: 'a' });
		expect(parseShorthand('a={b=c}')).toEqual({ a: { b: 'c' } });
	});
});

describe('aws', () => {
	it('calls as the root of 123456789012 in us-east-1 by default, and honours --region, AWS_REGION, AWS_DEFAULT_REGION', async () => {
		const s = session();
		expect((await run(s, 'ecr', 'create-repository', '--repository-name', 'web', '--query', 'repository.repositoryArn', '--output', 'text')).stdout).toBe('arn:aws:ecr:us-east-1:123456789012:repository/web\n');
		expect((await run(s, 'ecr', 'create-repository', '--repository-name', 'web', '--region', 'eu-west-1', '--query', 'repository.repositoryArn', '--output', 'text')).stdout).toBe('arn:aws:ecr:eu-west-1:123456789012:repository/web\n');
		s.env.set('AWS_DEFAULT_REGION', 'us-west-2');
		expect((await run(s, 'ecr', 'describe-repositories', '--query', 'length(repositories)')).stdout).toBe('0\n');
		s.env.set('AWS_REGION', 'eu-west-1');
		expect((await run(s, 'ecr', 'describe-repositories', '--query', 'length(repositories)')).stdout).toBe('1\n');
	});

	it('uses AWS_ACCESS_KEY_ID for the principal', async () => {
		const s = session({ AWS_ACCESS_KEY_ID: 'AKIAROOT210987654321' });
		expect((await run(s, 'sts', 'get-caller-identity', '--query', 'Arn', '--output', 'text')).stdout).toBe('arn:aws:iam::210987654321:root\n');
	});

	it('takes booleans as --x / --no-x, integers, scalar lists, structure lists and JSON', async () => {
		const s = session();
		await run(s, 'ecr', 'create-repository', '--repository-name', 'web', '--image-scanning-configuration', '{"scanOnPush": true}');
		await run(s, 'ecr', 'create-repository', '--repository-name', 'api');
		const two = await run(s, 'ecr', 'describe-repositories', '--repository-names', 'web', 'api', '--query', 'repositories[].[repositoryName, imageScanningConfiguration.scanOnPush]', '--output', 'text');
		expect(two).toEqual({ stdout: 'web\tTrue\napi\tFalse\n', stderr: '', exitCode: 0 });
		expect((await run(s, 'ecr', 'list-images', '--repository-name', 'web', '--max-results', '5')).stdout).toBe('{\n    "imageIds": []\n}\n');
		const gone = await run(s, 'ecr', 'batch-delete-image', '--repository-name', 'web', '--image-ids', 'imageTag=v1', 'imageTag=v2');
		expect(gone.exitCode).toBe(0);
		expect(JSON.parse(gone.stdout).failures).toHaveLength(2);
		expect((await run(s, 'ecr', 'delete-repository', '--repository-name', 'api', '--no-force')).exitCode).toBe(0);
	});

	it('reads file:// from the session files and --cli-input-json', async () => {
		const s = session({}, { 'input.json': '{"repositoryName": "from-file"}', 'policy.json': '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}' });
		expect((await run(s, 'ecr', 'create-repository', '--cli-input-json', 'file://input.json', '--query', 'repository.repositoryName')).stdout).toBe('"from-file"\n');
		const put = await run(s, 'ecr', 'put-lifecycle-policy', '--repository-name', 'from-file', '--lifecycle-policy-text', 'file://policy.json');
		expect(put.exitCode).toBe(0);
		const missing = await run(s, 'ecr', 'put-lifecycle-policy', '--repository-name', 'from-file', '--lifecycle-policy-text', 'file://nope.json');
		expect(missing).toEqual({ stdout: '', stderr: "\nError parsing parameter '--lifecycle-policy-text': Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'\n", exitCode: 252 });
	});

	it('prints the password of get-login-password', async () => {
		const r = await run(session(), 'ecr', 'get-login-password');
		expect(r.exitCode).toBe(0);
		expect(r.stdout).toMatch(/^\S+\n$/);
		expect(r.stdout).not.toContain('AWS:');
	});

	it('reports a missing value and an unknown service like argparse', async () => {
		const r = await run(session(), 'ecr', 'create-repository', '--repository-name');
		expect(r.exitCode).toBe(252);
		expect(r.stderr).toMatch(/aws: error: argument --repository-name: expected one argument\n\n$/);
		const s = await run(session(), 'ecs');
		expect(s.stderr).toMatch(/aws: error: argument command: Invalid choice, valid choices are:/);
		expect((await run(session())).stderr).toMatch(/aws: error: the following arguments are required: command\n\n$/);
	});
});

describe('aws --output yaml', () => {
	it('prints block YAML with sequences flush under their key and timestamps quoted', async () => {
		const s = session();
		await run(s, 'ecr', 'create-repository', '--repository-name', 'web');
		const r = await run(s, 'ecr', 'describe-repositories', '--output', 'yaml');
		expect(r.exitCode).toBe(0);
		// CLI v2 sorts keys (captured from /usr/bin/aws 2.9.19; see goldens-v2.test.ts).
		expect(r.stdout).toContain("repositories:\n- createdAt: '2026-11-23T18:28:39.483000+00:00'\n");
		expect(r.stdout).toContain('  repositoryArn: arn:aws:ecr:us-east-1:123456789012:repository/web\n');
		expect(r.stdout).toContain('  imageScanningConfiguration:\n    scanOnPush: false\n');
	});
});

describe('aws help', () => {
	it('lists services, commands, and an operation synopsis from the model', async () => {
		expect((await run(session(), 'help')).stdout).toContain('       o ecr\n');
		const svc = await run(session(), 'ecr', 'help');
		expect(svc.stdout).toContain('       o describe-repositories\n');
		expect(svc.stdout).toContain('       o get-login-password\n');
		const op = await run(session(), 'ecr', 'delete-repository', 'help');
		expect(op.exitCode).toBe(0);
		expect(op.stdout).toContain('          --repository-name <value>\n');
		expect(op.stdout).toContain('          [--force | --no-force]\n');
	});
});

describe('aws --query', () => {
	it('rejects a bad expression before calling anything', async () => {
		const s = session();
		const r = await run(s, 'ecr', 'create-repository', '--repository-name', 'web', '--query', 'repository[');
		expect(r.exitCode).toBe(252);
		expect(r.stderr).toMatch(/^\nBad value for --query repository\[: /);
		expect((await run(s, 'ecr', 'describe-repositories', '--query', 'length(repositories)')).stdout).toBe('0\n');
	});
});

describe('aws paging', () => {
	it('follows nextToken by itself, and returns one page when --max-results or --no-paginate is given', async () => {
		const s = session();
		for (let i = 0; i < 3; i++) await run(s, 'ecr', 'create-repository', '--repository-name', `repo-${i}`);
		const api = s.world.ecr(s.world.callerForAccessKey('AKIAROOT123456789012'), 'us-east-1');
		const page = api.callByName('DescribeRepositories', { maxResults: 1 }) as { nextToken?: string };
		expect(page.nextToken).toBeDefined();
		// More than one default page (100), so the answer needs the CLI's own paging.
		for (let i = 3; i < 105; i++) api.callByName('CreateRepository', { repositoryName: `repo-${i}` });
		expect((await run(s, 'ecr', 'describe-repositories', '--query', 'length(repositories)')).stdout).toBe('105\n');
		expect((await run(s, 'ecr', 'describe-repositories', '--no-paginate', '--query', 'length(repositories)')).stdout).toBe('100\n');
		const one = JSON.parse((await run(s, 'ecr', 'describe-repositories', '--max-results', '1')).stdout) as { repositories: unknown[]; nextToken?: string };
		expect(one.repositories).toHaveLength(1);
		expect(one.nextToken).toBeDefined();
	});
});

describe('aws iam and sts', () => {
	it('prints IAM policy documents as JSON and calls as a user with its access key', async () => {
		const s = session();
		const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}';
		const role = await run(s, 'iam', 'create-role', '--role-name', 'builder', '--assume-role-policy-document', trust, '--query', 'Role.AssumeRolePolicyDocument.Statement[0].Effect', '--output', 'text');
		expect(role).toEqual({ stdout: 'Allow\n', stderr: '', exitCode: 0 });
		expect((await run(s, 'sts', 'assume-role', '--role-arn', 'arn:aws:iam::123456789012:role/builder', '--role-session-name', 'ci')).stderr).toBe('\nAn error occurred (AccessDenied) when calling the AssumeRole operation: Roles may not be assumed by root accounts.\n');
		expect((await run(s, 'iam', 'create-user', '--user-name', 'dev')).exitCode).toBe(0);
		const key = await run(s, 'iam', 'create-access-key', '--user-name', 'dev', '--query', 'AccessKey.AccessKeyId', '--output', 'text');
		s.env.set('AWS_ACCESS_KEY_ID', key.stdout.trim());
		expect((await run(s, 'sts', 'get-caller-identity', '--query', 'Arn', '--output', 'text')).stdout).toBe('arn:aws:iam::123456789012:user/dev\n');
		const denied = await run(s, 'ecr', 'create-repository', '--repository-name', 'web');
		expect(denied.exitCode).toBe(254);
		expect(denied.stderr).toMatch(/^\nAn error occurred \(AccessDeniedException\) when calling the CreateRepository operation: /);
	});
});
