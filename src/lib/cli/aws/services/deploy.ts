// `aws cloudformation deploy`: the CLI's customization (awscli/customizations/cloudformation/
// deploy.py + deployer.py, v2 defaults): a change set named awscli-cloudformation-package-deploy-
// <epoch seconds of the world's clock>, CREATE or UPDATE by whether the stack exists, waited for
// (5 s polls), then executed and waited for (30 s polls) unless --no-execute-changeset. An empty
// change set is not an error in v2 unless --fail-on-empty-changeset.
import type { ProgramIo, ProgramResult } from '../../types';
import { AwsError } from '../../../engines/errors';
import type { Globals } from '../globals';
import { CliUsageError, EXIT_OTHER, serviceErrorResult } from '../errors';
import { callService } from '../call';
import { cliModels } from '../models';
import { runWait } from '../wait';

const VALUE_OPTIONS = ['--template-file', '--stack-name', '--s3-bucket', '--s3-prefix', '--kms-key-id', '--role-arn'];
const LIST_OPTIONS = ['--parameter-overrides', '--capabilities', '--notification-arns', '--tags'];
const FLAGS = ['--no-execute-changeset', '--execute-changeset', '--fail-on-empty-changeset', '--no-fail-on-empty-changeset', '--disable-rollback', '--no-disable-rollback', '--force-upload'];

interface StackSummary { Stacks?: { StackStatus?: string; Parameters?: { ParameterKey?: string }[] }[] }
interface ChangeSetDescription { Status?: string; StatusReason?: string }

function parse(words: readonly string[]): { values: Map<string, string>; lists: Map<string, string[]>; flags: Set<string> } {
	const values = new Map<string, string>(), lists = new Map<string, string[]>(), flags = new Set<string>();
	const unknown: string[] = [];
	for (let i = 0; i < words.length; i++) {
		const w = words[i] ?? '';
		if (FLAGS.includes(w)) flags.add(w);
		else if (VALUE_OPTIONS.includes(w)) {
			const v = words[++i];
			if (v === undefined) throw new CliUsageError(`argument ${w}: expected one argument`);
			values.set(w, v);
		} else if (LIST_OPTIONS.includes(w)) {
			const items: string[] = [];
			while (i + 1 < words.length && !(words[i + 1] ?? '').startsWith('--')) items.push(words[++i] ?? '');
			lists.set(w, items);
		} else unknown.push(w);
	}
	const missing = ['--template-file', '--stack-name'].filter((o) => !values.has(o));
	if (missing.length) throw new CliUsageError(`the following arguments are required: ${missing.join(', ')}`);
	if (unknown.length) throw new CliUsageError(`Unknown options: ${unknown.join(', ')}`, 'unknown');
	return { values, lists, flags };
}

function keyValues(items: string[], argname: string): [string, string][] {
	return items.map((item) => {
		const eq = item.indexOf('=');
		if (eq < 0) throw new Error(`${item} value passed to --${argname} must be of format Key=Value`);
		return [item.slice(0, eq), item.slice(eq + 1)];
	});
}

export async function runDeploy(words: readonly string[], globals: Globals, io: ProgramIo): Promise<ProgramResult> {
	const { values, lists, flags } = parse(words);
	const stackName = values.get('--stack-name') ?? '';
	const path = values.get('--template-file') ?? '';
	const template = io.session.files.get(path) ?? io.session.files.get(path.replace(/^\.\//, ''));
	if (template === undefined) return { stdout: '', stderr: `\nInvalid template path ${path}\n`, exitCode: EXIT_OTHER };
	const cfn = (op: string, input: unknown) => callService(io.session, 'cloudformation', op, input, globals);
	let stdout = '';
	let operation = 'DescribeStacks';
	try {
		let exists = false;
		let previous: string[] = [];
		try {
			const d = (await cfn('DescribeStacks', { StackName: stackName })) as StackSummary;
			const stack = d.Stacks?.[0];
			exists = stack !== undefined && stack.StackStatus !== 'REVIEW_IN_PROGRESS';
			previous = (stack?.Parameters ?? []).map((p) => p.ParameterKey ?? '');
		} catch (e) {
			if (!(e instanceof AwsError && e.message.includes(`Stack with id ${stackName} does not exist`))) throw e;
		}
		const overrides = new Map(keyValues(lists.get('--parameter-overrides') ?? [], 'parameter-overrides'));
		const parameters = [
			...[...overrides].map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
			...(exists ? previous.filter((k) => !overrides.has(k)).map((ParameterKey) => ({ ParameterKey, UsePreviousValue: true })) : [])
		];
		const type = exists ? 'UPDATE' : 'CREATE';
		const name = `awscli-cloudformation-package-deploy-${Math.floor(io.session.world.clock.nowMs() / 1000)}`;
		operation = 'CreateChangeSet';
		const input: Record<string, unknown> = { StackName: stackName, TemplateBody: template, ChangeSetName: name, ChangeSetType: type, Parameters: parameters };
		const capabilities = lists.get('--capabilities');
		if (capabilities) input.Capabilities = capabilities;
		const tags = lists.get('--tags');
		if (tags) input.Tags = keyValues(tags, 'tags').map(([Key, Value]) => ({ Key, Value }));
		const roleArn = values.get('--role-arn');
		if (roleArn) input.RoleARN = roleArn;
		const created = (await cfn('CreateChangeSet', input)) as { Id?: string };
		const changeSetId = created.Id ?? name;
		stdout += '\nWaiting for changeset to be created..\n';
		const model = cliModels.cloudformation;
		if (!model) throw new Error('no cloudformation model');
		const waited = await runWait('cloudformation', model, ['change-set-create-complete', '--change-set-name', changeSetId, '--stack-name', stackName], globals, io);
		if (waited.exitCode !== 0) {
			operation = 'DescribeChangeSet';
			const cs = (await cfn('DescribeChangeSet', { ChangeSetName: changeSetId, StackName: stackName })) as ChangeSetDescription;
			const reason = cs.StatusReason ?? '';
			if ((cs.Status === 'FAILED' && reason.includes("The submitted information didn't contain changes.")) || reason.includes('No updates are to be performed')) {
				const message = `No changes to deploy. Stack ${stackName} is up to date`;
				if (flags.has('--fail-on-empty-changeset')) return { stdout, stderr: `\n${message}\n`, exitCode: EXIT_OTHER };
				return { stdout: `${stdout}\n${message}\n`, stderr: '', exitCode: 0 };
			}
			return { stdout, stderr: `\nFailed to create the changeset: ${waited.stderr.trim()} Status: ${cs.Status}. Reason: ${reason}\n`, exitCode: EXIT_OTHER };
		}
		if (flags.has('--no-execute-changeset')) {
			return { stdout: `${stdout}Changeset created successfully. Run the following command to review changes:\naws cloudformation describe-change-set --change-set-name ${changeSetId}\n`, stderr: '', exitCode: 0 };
		}
		operation = 'ExecuteChangeSet';
		await cfn('ExecuteChangeSet', { ChangeSetName: changeSetId, StackName: stackName, DisableRollback: flags.has('--disable-rollback') });
		stdout += 'Waiting for stack create/update to complete\n';
		const done = await runWait('cloudformation', model, [type === 'CREATE' ? 'stack-create-complete' : 'stack-update-complete', '--stack-name', stackName], globals, io);
		if (done.exitCode !== 0) {
			return { stdout, stderr: `\nFailed to create/update the stack. Run the following command\nto fetch the list of events leading up to the failure\naws cloudformation describe-stack-events --stack-name ${stackName}\n`, exitCode: EXIT_OTHER };
		}
		return { stdout: `${stdout}Successfully created/updated stack - ${stackName}\n`, stderr: '', exitCode: 0 };
	} catch (e) {
		if (e instanceof AwsError) {
			const r = serviceErrorResult(e.code, operation, e.message);
			return { ...r, stdout };
		}
		if (e instanceof CliUsageError) throw e;
		return { stdout, stderr: `\n${e instanceof Error ? e.message : String(e)}\n`, exitCode: EXIT_OTHER };
	}
}
