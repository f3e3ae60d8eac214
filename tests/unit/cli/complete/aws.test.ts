// `aws`: services, commands, waiters, options and their values, over real worlds.
import { describe, expect, it } from 'vitest';
import { rootCaller } from '../../../../src/lib/engines/world-constants';
import { splitGlobals } from '../../../../src/lib/cli/aws/globals';
import { GLOBAL_OPTIONS } from '../../../../src/lib/cli/complete/aws-options';
import { given, session, tab, words } from './helpers';

const TEMPLATE = 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n';

describe('aws services and commands', () => {
	it('completes services, commands with extras, and waiters', async () => {
		const s = session();
		expect(await words(s, 'aws ')).toEqual(['cloudformation', 'ecr', 'iam', 'sts']);
		expect(await words(s, 'aws e')).toEqual(['ecr']);
		expect(await words(s, 'aws ecr desc')).toEqual(['describe-image-replication-status', 'describe-image-scan-findings', 'describe-images', 'describe-registry', 'describe-repositories']);
		expect(await words(s, 'aws ecr get-l')).toEqual(['get-lifecycle-policy', 'get-lifecycle-policy-preview', 'get-login-password']);
		expect(await words(s, 'aws ecr w')).toEqual(['wait']);
		expect(await words(s, 'aws ecr h')).toEqual(['help']);
		expect(await words(s, 'aws cloudformation dep')).toEqual(['deploy']);
		expect(await words(s, 'aws sts ')).not.toContain('wait');
		expect(await words(s, 'aws ecr wait ')).toEqual(['image-scan-complete', 'lifecycle-policy-preview-complete']);
		expect(await words(s, 'aws cloudformation wait stack-c')).toEqual(['stack-create-complete']);
	});

	it('skips global options and their values before the service', async () => {
		const s = session();
		expect(await words(s, 'aws --region us-west-2 --no-cli-pager e')).toEqual(['ecr']);
		expect(await words(s, 'aws --output text ecr list-')).toEqual(['list-images', 'list-tags-for-resource']);
	});

	it('offers nothing for an unknown service or after the command', async () => {
		const s = session();
		expect(await words(s, 'aws nope d')).toEqual([]);
		expect(await words(s, 'aws ecr describe-repositories x')).toEqual([]);
	});
});

describe('aws options', () => {
	it('offers the operation parameters, --cli-input-json, paging options and the globals', async () => {
		const c = await words(session(), 'aws ecr describe-repositories --');
		expect(c).toEqual(expect.arrayContaining(['--repository-names', '--registry-id', '--cli-input-json', '--starting-token', '--max-items', '--region', '--output', '--query', '--profile', '--no-cli-pager']));
		expect(c).toEqual([...c].sort());
		expect(await words(session(), 'aws ecr create-repository --')).not.toContain('--starting-token');
		expect(await words(session(), 'aws ecr describe-repositories --rep')).toEqual(['--repository-names']);
	});

	it('includes --no- forms of booleans, and leaves out options already on the line', async () => {
		const s = session();
		expect(await words(s, 'aws cloudformation create-stack --no-d')).toEqual(['--no-disable-rollback']);
		const after = await words(s, 'aws cloudformation create-stack --stack-name a --disable-rollback --region us-east-1 --');
		expect(after).not.toContain('--stack-name');
		expect(after).not.toContain('--region');
		expect(after).not.toContain('--no-disable-rollback');
		expect(after).toContain('--template-body');
	});

	it('offers the waiter operation options after a waiter, globals only for get-login-password', async () => {
		const s = session();
		expect(await words(s, 'aws cloudformation wait stack-create-complete --stack-n')).toEqual(['--stack-name']);
		expect(await words(s, 'aws ecr get-login-password --re')).toEqual(['--region']);
		expect(await words(s, 'aws cloudformation deploy --te')).toEqual(['--template-file']);
		expect(await words(s, 'aws cloudformation deploy --template-file t.yaml --no-e')).toEqual(['--no-execute-changeset']);
	});
});

describe('aws global options list', () => {
	it('offers only global options the simulated aws accepts anywhere on the line', () => {
		for (const [name, info] of GLOBAL_OPTIONS) {
			const { rest } = splitGlobals(info.kind === 'flag' ? [name] : [name, name === '--output' ? 'json' : name === '--cli-binary-format' ? 'base64' : 'x']);
			expect(rest, name).toEqual([]);
		}
	});

	it('completes at a mid-line cursor with the options after it still counted', async () => {
		const s = session();
		expect(await tab(s, 'aws ecr desc¦ --repository-names web')).toEqual({ from: 8, to: 12, candidates: (await words(s, 'aws ecr desc')) });
		expect(await words(s, 'aws ecr describe-repositories --out¦ --region us-west-2')).toEqual(['--output']);
	});
});

describe('aws option values', () => {
	it('offers choices for --output, --region and enums of the model', async () => {
		const s = session();
		expect(await words(s, 'aws ecr describe-repositories --output ')).toEqual(['json', 'table', 'text', 'yaml', 'yaml-stream']);
		expect(await words(s, 'aws ecr describe-repositories --output=y')).toEqual(['--output=yaml', '--output=yaml-stream']);
		expect(await words(s, 'aws ecr describe-repositories --region us-')).toEqual(['us-east-1', 'us-west-2']);
		expect(await words(s, 'aws ecr put-image-tag-mutability --image-tag-mutability IMM')).toEqual(['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION']);
		expect(await words(s, 'aws cloudformation create-stack --capabilities CAPABILITY_IAM CAPABILITY_N')).toEqual(['CAPABILITY_NAMED_IAM']);
		expect(await words(s, 'aws cloudformation deploy --capabilities CAPABILITY_A')).toEqual(['CAPABILITY_AUTO_EXPAND']);
	});

	it('completes repository names that exist, in the line\'s Region or the session\'s', async () => {
		const s = session();
		await given(s, 'aws ecr create-repository --repository-name web', 'aws ecr create-repository --repository-name team/api', 'aws ecr create-repository --repository-name west --region us-west-2');
		expect(await words(s, 'aws ecr describe-repositories --repository-names ')).toEqual(['team/api', 'web']);
		expect(await words(s, 'aws ecr describe-repositories --repository-names web t')).toEqual(['team/api']);
		expect(await words(s, 'aws ecr delete-repository --repository-name w')).toEqual(['web']);
		expect(await words(s, 'aws ecr delete-repository --region us-west-2 --repository-name w')).toEqual(['west']);
		expect(await words(s, 'aws ecr delete-repository --repository-name=w')).toEqual(['--repository-name=web']);
		await given(s, 'export AWS_DEFAULT_REGION=us-west-2');
		expect(await words(s, 'aws ecr list-images --repository-name ')).toEqual(['west']);
		expect(await words(s, 'aws ecr list-images --repository-name "w')).toEqual(['"west"']);
	});

	it('offers imageTag= and imageDigest= keys, then the tags of the repository on the line', async () => {
		const s = session();
		await given(s, 'aws ecr create-repository --repository-name web', 'docker pull alpine:3.14', 'docker tag alpine:3.14 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1');
		await given(s, 'aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com', 'docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1');
		expect(await words(s, 'aws ecr batch-delete-image --repository-name web --image-ids ')).toEqual(['imageDigest=', 'imageTag=']);
		expect(await words(s, 'aws ecr batch-delete-image --repository-name web --image-ids imageTag=')).toEqual(['imageTag=v1']);
	});

	it('completes stacks that are not deleted, their change sets, and stack sets', async () => {
		const s = session({ 't.yaml': TEMPLATE });
		await given(s, 'aws cloudformation create-stack --stack-name app --template-body file://t.yaml', 'aws cloudformation create-stack --stack-name gone --template-body file://t.yaml');
		s.world.advanceBy(120_000);
		await given(s, 'aws cloudformation delete-stack --stack-name gone');
		s.world.advanceBy(120_000);
		await given(s, 'aws cloudformation create-change-set --stack-name app --change-set-name add-tags --template-body file://t.yaml');
		await given(s, 'aws cloudformation create-stack-set --stack-set-name shared --template-body file://t.yaml');
		expect(await words(s, 'aws cloudformation describe-stacks --stack-name ')).toEqual(['app']);
		expect(await words(s, 'aws cloudformation deploy --template-file t.yaml --stack-name a')).toEqual(['app']);
		expect(await words(s, 'aws cloudformation wait stack-create-complete --stack-name ')).toEqual(['app']);
		expect(await words(s, 'aws cloudformation describe-change-set --stack-name app --change-set-name ')).toEqual(['add-tags']);
		expect(await words(s, 'aws cloudformation describe-change-set --change-set-name ')).toEqual([]);
		expect(await words(s, 'aws cloudformation describe-stack-set --stack-set-name ')).toEqual(['shared']);
		expect(await words(s, 'aws cloudformation describe-stacks --region us-west-2 --stack-name ')).toEqual([]);
	});

	it('offers file:// and fileb:// for free-form values, then the session files', async () => {
		const s = session({ 't.yaml': TEMPLATE, 'policies/lifecycle.json': '{}' });
		expect(await words(s, 'aws cloudformation create-stack --template-body ')).toEqual(['file://', 'fileb://']);
		expect(await words(s, 'aws cloudformation create-stack --template-body file://')).toEqual(['file://policies/', 'file://t.yaml']);
		expect(await words(s, 'aws ecr put-lifecycle-policy --lifecycle-policy-text file://policies/')).toEqual(['file://policies/lifecycle.json']);
		expect(await words(s, "aws ecr put-lifecycle-policy --cli-input-json 'fileb://p")).toEqual(["'fileb://policies/"]);
		expect(await words(s, 'aws cloudformation deploy --template-file ')).toEqual(['policies/', 't.yaml']);
		expect(await words(s, 'aws ecr describe-repositories --max-results ')).toEqual([]);
	});

	it('completes the profiles of the session\'s config and credentials, and none without them', async () => {
		const s = session();
		expect(await words(s, 'aws --profile ')).toEqual([]);
		s.programs.set('aws', { config: '[default]\nregion = us-east-1\n[profile dev]\nregion = us-west-2\n', credentials: '[admin]\naws_access_key_id = AKIAEXAMPLE\n', roleCache: {} });
		expect(await words(s, 'aws ecr describe-repositories --profile d')).toEqual(['default', 'dev']);
		expect(await words(s, 'aws --profile ')).toEqual(['admin', 'default', 'dev']);
		s.programs.set('aws', 'garbage');
		expect(await words(s, 'aws --profile ')).toEqual([]);
	});

	it('looks names up in the Region of the profile on the line', async () => {
		const s = session();
		await given(s, 'aws ecr create-repository --repository-name west --region us-west-2');
		s.programs.set('aws', { config: '[profile dev]\nregion = us-west-2\n', credentials: '', roleCache: {} });
		expect(await words(s, 'aws ecr list-images --repository-name ')).toEqual([]);
		expect(await words(s, 'aws ecr list-images --profile dev --repository-name ')).toEqual(['west']);
	});

	it('does not assume a role to look names up (that would change the world)', async () => {
		const s = session();
		await given(s, 'aws ecr create-repository --repository-name web');
		s.programs.set('aws', { config: '[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = default\n', credentials: '', roleCache: {} });
		const before = JSON.stringify(s.world.snapshot());
		expect(await words(s, 'aws ecr describe-repositories --profile ops --repository-names ')).toEqual([]);
		expect(JSON.stringify(s.world.snapshot())).toBe(before);
		expect(s.programs.get('aws')).toEqual({ config: '[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = default\n', credentials: '', roleCache: {} });
	});

	it('offers no names when the principal may not list them', async () => {
		const s = session();
		await given(s, 'aws ecr create-repository --repository-name web');
		const iam = s.world.iam(rootCaller());
		iam.call('CreateUser', { UserName: 'dev' });
		const key = iam.call('CreateAccessKey', { UserName: 'dev' }).AccessKey?.AccessKeyId ?? '';
		await given(s, `export AWS_ACCESS_KEY_ID=${key}`);
		expect(await words(s, 'aws ecr describe-repositories --repository-names ')).toEqual([]);
		expect(await words(s, 'aws ecr describe-repositories --region mars-1 --repository-names ')).toEqual([]);
		expect(await tab(s, 'aws ecr describe-repositories --output t')).toMatchObject({ candidates: ['table', 'text'] });
	});
});
