// The option words `aws` accepts, as aws_completer (AWS CLI v2) lists them: the operation's
// parameters from the model, the operation-level extras, then the global options. Only options
// the simulator's `aws` accepts are offered (so no --version, --cli-input-yaml or
// --generate-cli-skeleton). Built once per model and operation, not per keystroke.
import { cliModels } from '../aws/models';
import type { CliModel, CliShape } from '../aws/models/types';
import { commandTable } from '../aws';
import { optionTable } from '../aws/args';
import { waiterNames } from '../aws/wait';
import { kebab } from '../aws/names';
import { extraCommands } from '../aws/services/extras';

export type OptionKind = 'flag' | 'one' | 'many';

export interface OptionInfo {
	kind: OptionKind;
	/** The input member behind an operation's option; `--x` and `--no-x` share it. */
	member?: string;
	shape?: CliShape;
}

/** Global options in aws_completer's order (checked against awscli 2.9.19's completer). */
export const GLOBAL_OPTIONS: ReadonlyMap<string, OptionInfo> = new Map<string, OptionInfo>([
	['--debug', { kind: 'flag' }],
	['--endpoint-url', { kind: 'one' }],
	['--no-verify-ssl', { kind: 'flag' }],
	['--no-paginate', { kind: 'flag' }],
	['--output', { kind: 'one' }],
	['--query', { kind: 'one' }],
	['--profile', { kind: 'one' }],
	['--region', { kind: 'one' }],
	['--color', { kind: 'one' }],
	['--no-sign-request', { kind: 'flag' }],
	['--ca-bundle', { kind: 'one' }],
	['--cli-read-timeout', { kind: 'one' }],
	['--cli-connect-timeout', { kind: 'one' }],
	['--cli-binary-format', { kind: 'one' }],
	['--no-cli-pager', { kind: 'flag' }],
	['--cli-auto-prompt', { kind: 'flag' }],
	['--no-cli-auto-prompt', { kind: 'flag' }]
]);

/** Offered for operations the CLI pages through (awscli's pagination arguments). */
const PAGING_OPTIONS: [string, OptionInfo][] = [
	['--starting-token', { kind: 'one' }],
	['--page-size', { kind: 'one' }],
	['--max-items', { kind: 'one' }]
];

/** `aws cloudformation deploy`'s options (awscli customizations/cloudformation/deploy.py order). */
const DEPLOY_OPTIONS: [string, OptionKind][] = [
	['--template-file', 'one'],
	['--stack-name', 'one'],
	['--s3-bucket', 'one'],
	['--force-upload', 'flag'],
	['--s3-prefix', 'one'],
	['--kms-key-id', 'one'],
	['--parameter-overrides', 'many'],
	['--capabilities', 'many'],
	['--no-execute-changeset', 'flag'],
	['--disable-rollback', 'flag'],
	['--no-disable-rollback', 'flag'],
	['--role-arn', 'one'],
	['--notification-arns', 'many'],
	['--fail-on-empty-changeset', 'flag'],
	['--no-fail-on-empty-changeset', 'flag'],
	['--tags', 'many']
];

export const SERVICES: readonly string[] = Object.keys(cliModels).sort();

const commandCache = new Map<string, string[]>();
const tableCache = new Map<string, Map<string, string>>();

function operationsOf(service: string, model: CliModel): Map<string, string> {
	let table = tableCache.get(service);
	if (!table) tableCache.set(service, (table = commandTable(service, model)));
	return table;
}

/** `aws <service> <command>` words: operations, `wait` when the service has waiters, extras (with `help`). */
export function serviceCommands(service: string): string[] {
	const cached = commandCache.get(service);
	if (cached) return cached;
	const model = cliModels[service];
	if (!model) return [];
	const list = [...operationsOf(service, model).keys(), ...(Object.keys(model.waiters).length ? ['wait'] : []), ...extraCommands(service)];
	commandCache.set(service, list);
	return list;
}

export function serviceWaiters(service: string): string[] {
	const model = cliModels[service];
	return model ? waiterNames(model) : [];
}

const optionCache = new WeakMap<CliModel, Map<string, Map<string, OptionInfo>>>();

/** The options of one operation: its parameters, `--cli-input-json`, the paging options if it pages. */
export function operationOptions(model: CliModel, operation: string): Map<string, OptionInfo> {
	let perModel = optionCache.get(model);
	if (!perModel) optionCache.set(model, (perModel = new Map()));
	const cached = perModel.get(operation);
	if (cached) return cached;
	const options = new Map<string, OptionInfo>();
	for (const [flag, spec] of optionTable(model, model.operations[operation] ?? null)) {
		const kind: OptionKind = spec.shape.type === 'boolean' ? 'flag' : spec.shape.type === 'list' ? 'many' : 'one';
		options.set(flag, { kind, member: spec.member, shape: spec.shape });
	}
	options.set('--cli-input-json', { kind: 'one' });
	if (model.paginators[operation]) for (const [flag, info] of PAGING_OPTIONS) options.set(flag, info);
	perModel.set(operation, options);
	return options;
}

const deployOptions = new Map<string, OptionInfo>(DEPLOY_OPTIONS.map(([flag, kind]) => [flag, { kind }]));
const noOptions = new Map<string, OptionInfo>();

/**
 * The options after `aws <service> <command> [<waiter>]`, without the globals. An unknown
 * command has none (the globals are still offered).
 */
export function commandOptions(service: string, command: string, waiter: string | undefined): Map<string, OptionInfo> {
	const model = cliModels[service];
	if (!model) return noOptions;
	if (command === 'wait') {
		const name = Object.keys(model.waiters).find((w) => kebab(w) === waiter);
		const w = name ? model.waiters[name] : undefined;
		return w ? operationOptions(model, w.operation) : noOptions;
	}
	if (service === 'cloudformation' && command === 'deploy') return deployOptions;
	const operation = operationsOf(service, model).get(command);
	return operation ? operationOptions(model, operation) : noOptions;
}
