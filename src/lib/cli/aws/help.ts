// `aws help`, `aws <service> help`, `aws <service> <command> help`: pages laid out like the real
// CLI's man pages (awscli/clidocs.py rendered by groff: a 78-column title line, sections NAME,
// DESCRIPTION, SYNOPSIS, OPTIONS, GLOBAL OPTIONS, OUTPUT). AWS's prose is not ours to copy, so every
// sentence here is either our own or derived from the model: what is required, the types, enums,
// lengths, the shorthand and JSON syntax (built as awscli's ParamShorthandDocGen and _json_example
// build them), the output members and the errors the API model names.
import type { CliModel, CliShape } from './models/types';
import { kebab } from './names';
import { shapeOf } from './args';
import { helpOutputs } from './output/help-outputs.generated';
import type { HelpOutputs } from './output/help-outputs';

const WIDTH = 78;
/** groff indents each nested block by 3.5 ens from a 7-column margin. */
const col = (level: number) => ' '.repeat(7 + Math.floor(3.5 * level));
const SCALARS = new Set(['string', 'boolean', 'integer', 'long', 'float', 'double', 'blob', 'timestamp', 'bigdecimal', 'biginteger']);

/** Our one-line description of each service (not AWS's). */
const SERVICE_SUMMARY: Record<string, string> = {
	ecr: 'Amazon Elastic Container Registry: private repositories of container images, their tags, scans, lifecycle policies, repository policies and replication.',
	cloudformation: 'AWS CloudFormation: stacks of resources declared in templates, change sets that preview an update, drift detection, exports and stack sets.',
	sts: 'AWS Security Token Service: who the caller is and temporary credentials.',
	iam: 'AWS Identity and Access Management: users, roles, groups and the policies that grant them permissions.'
};

/** The global options, in the order the real synopsis lists them, with our own summaries. */
const GLOBAL_OPTIONS: { flag: string; type: string; text: string; values?: string[]; takesValue: boolean }[] = [
	{ flag: '--debug', type: 'boolean', text: 'Print a log of what the command does (the simulator prints no log).', takesValue: false },
	{ flag: '--endpoint-url', type: 'string', text: 'Send the request to this URL instead of the service\'s own.', takesValue: true },
	{ flag: '--no-verify-ssl', type: 'boolean', text: 'Skip checking the endpoint\'s TLS certificate.', takesValue: false },
	{ flag: '--no-paginate', type: 'boolean', text: 'Return only the first page of results instead of following every page.', takesValue: false },
	{ flag: '--output', type: 'string', text: 'How the response is printed.', values: ['json', 'text', 'table', 'yaml', 'yaml-stream'], takesValue: true },
	{ flag: '--query', type: 'string', text: 'A JMESPath expression applied to the response before it is printed.', takesValue: true },
	{ flag: '--profile', type: 'string', text: 'The named profile whose credentials and settings to use.', takesValue: true },
	{ flag: '--region', type: 'string', text: 'The Region to send the request to, instead of the configured one.', takesValue: true },
	{ flag: '--version', type: 'string', text: 'Print the version of the CLI and exit.', takesValue: true },
	{ flag: '--color', type: 'string', text: 'Whether to colour the output.', values: ['on', 'off', 'auto'], takesValue: true },
	{ flag: '--no-sign-request', type: 'boolean', text: 'Send the request unsigned, without loading credentials.', takesValue: false },
	{ flag: '--ca-bundle', type: 'string', text: 'A file of CA certificates to trust for TLS.', takesValue: true },
	{ flag: '--cli-read-timeout', type: 'int', text: 'Seconds to wait for a response to be read (0 waits forever).', takesValue: true },
	{ flag: '--cli-connect-timeout', type: 'int', text: 'Seconds to wait for a connection (0 waits forever).', takesValue: true },
	{ flag: '--cli-binary-format', type: 'string', text: 'How blob parameters given on the command line are read.', values: ['base64', 'raw-in-base64-out'], takesValue: true },
	{ flag: '--no-cli-pager', type: 'boolean', text: 'Print straight to the terminal, without a pager.', takesValue: false },
	{ flag: '--cli-auto-prompt', type: 'boolean', text: 'Prompt for the command\'s parameters.', takesValue: false },
	{ flag: '--no-cli-auto-prompt', type: 'boolean', text: 'Do not prompt for parameters, whatever the configuration says.', takesValue: false }
];

function titleLine(title: string): string {
	const t = `${title.toUpperCase()}()`;
	return `${t}${' '.repeat(Math.max(1, WIDTH - 2 * t.length))}${t}`;
}

function page(title: string, sections: [string, string][]): string {
	const t = `${title.toUpperCase()}()`;
	const body = sections.map(([heading, text]) => `${heading}\n${text.replace(/\n*$/, '\n')}`).join('\n');
	return `${titleLine(title)}\n\n\n\n${body}\n\n\n${' '.repeat(WIDTH - t.length)}${t}\n`;
}

/** Words wrapped to the page width at an indent, as groff fills a paragraph (without justifying). */
function wrap(text: string, indent: string): string {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && indent.length + line.length + 1 + word.length > WIDTH) {
			lines.push(indent + line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(indent + line);
	return lines.join('\n');
}

const bullets = (xs: string[], level = 0) => xs.map((x) => `${col(level)}o ${x}`).join('\n\n');

function globalOptionsSection(): string {
	return GLOBAL_OPTIONS.map((o) => {
		const values = o.values ? `\n\n${bullets(o.values)}` : '';
		return `${col(0)}${o.flag} (${o.type})\n\n${wrap(o.text, col(0))}${values}\n`;
	}).join('\n');
}

export function topHelp(services: string[]): string {
	return page('aws', [
		['NAME', `${col(0)}aws -\n`],
		['DESCRIPTION', `${wrap('The AWS Command Line Interface over this simulated cloud: each service is a command, each API operation a subcommand.', col(0))}\n`],
		['SYNOPSIS', `          aws [options] <command> <subcommand> [parameters]\n\n${wrap('Type aws <command> help for a service\'s subcommands and aws <command> <subcommand> help for one subcommand\'s parameters. Optional parameters are in square brackets.', col(0))}\n`],
		['GLOBAL OPTIONS', globalOptionsSection()],
		['AVAILABLE SERVICES', `${bullets(services)}\n`]
	]);
}

export function serviceHelp(service: string, commands: string[]): string {
	return page(service, [
		['NAME', `${col(0)}${service} -\n`],
		['DESCRIPTION', `${wrap(SERVICE_SUMMARY[service] ?? `The ${service} service.`, col(0))}\n`],
		['AVAILABLE COMMANDS', `${bullets([...commands, 'help'])}\n`]
	]);
}

interface Option {
	member: string;
	flag: string;
	shape: CliShape;
	shapeName: string;
	required: boolean;
}

/** The documented options: the paginator's token and limit are replaced by the CLI's own paging options. */
function optionsOf(model: CliModel, operation: string): Option[] {
	const input = model.operations[operation];
	if (!input) return [];
	const shape = shapeOf(model, input);
	const pager = model.paginators[operation];
	const hidden = new Set(pager && !pager.outputToken.includes('.') ? [pager.inputToken, pager.limitKey] : []);
	return (shape.members ?? [])
		.filter(([member]) => !hidden.has(member))
		.map(([member, ref]) => ({ member, flag: `--${kebab(member)}`, shape: shapeOf(model, ref), shapeName: ref, required: (shape.required ?? []).includes(member) }));
}

const isPaged = (model: CliModel, operation: string) => {
	const pager = model.paginators[operation];
	return pager !== undefined && !pager.outputToken.includes('.');
};

function synopsis(command: string, model: CliModel, operation: string, options: Option[]): string {
	const lines = options.map((o) => {
		if (o.shape.type === 'boolean') return `[${o.flag} | --no-${kebab(o.member)}]`;
		return o.required ? `${o.flag} <value>` : `[${o.flag} <value>]`;
	});
	lines.push('[--cli-input-json | --cli-input-yaml]');
	if (isPaged(model, operation)) lines.push('[--starting-token <value>]', '[--page-size <value>]', '[--max-items <value>]');
	lines.push('[--generate-cli-skeleton <value>]');
	for (const g of GLOBAL_OPTIONS) lines.push(g.takesValue ? `[${g.flag} <value>]` : `[${g.flag}]`);
	return `            ${command}\n${lines.map((l) => `          ${l}\n`).join('')}`;
}

/** awscli's ParamShorthandDocGen: the shorthand example, '' when too deep, undefined when none. */
function shorthandExample(model: CliModel, shape: CliShape): string | undefined {
	const complex = (s: CliShape) => s.type === 'structure' || s.type === 'list' || s.type === 'map';
	if (!complex(shape) || (shape.type === 'list' && !complex(shapeOf(model, shape.member ?? '')))) return undefined;
	class TooComplex extends Error {}
	const docs = (s: CliShape, name: string, stack: string[]): string => {
		if (stack.length > 3) throw new TooComplex();
		if (s.type === 'structure') {
			const inner = (s.members ?? [])
				.map(([member, ref]) => {
					if (stack.includes(ref)) return `${member}=( ... recursive ... )`;
					stack.push(ref);
					try {
						return `${member}=${docs(shapeOf(model, ref), ref, stack)}`;
					} finally {
						stack.pop();
					}
				})
				.join(',');
			return stack.length ? `{${inner}}` : inner;
		}
		if (s.type === 'list') {
			const item = shapeOf(model, s.member ?? '');
			stack.push(s.member ?? '');
			let element: string;
			try {
				element = docs(item, s.member ?? '', stack);
			} finally {
				stack.pop();
			}
			return complex(item) || stack.length > 1 ? `[${element},${element}]` : `${element},${element}`;
		}
		if (s.type === 'map') {
			const value = docs(shapeOf(model, s.value ?? ''), s.value ?? '', stack);
			const key = shapeOf(model, s.key ?? '');
			let start = `KeyName1=${value},KeyName2=${value}`;
			if (key.enum && !stack.length) start += `\n\nWhere valid key names are:\n${key.enum.map((e) => `  ${e}\n`).join('')}`;
			else if (stack.length) start = `{${start}}`;
			return start;
		}
		void name;
		return s.type;
	};
	try {
		return shape.type === 'list' ? `${docs(shapeOf(model, shape.member ?? ''), shape.member ?? '', [])} ...` : docs(shape, '', []);
	} catch (e) {
		if (e instanceof TooComplex) return '';
		throw e;
	}
}

/** awscli's _json_example: the JSON skeleton of a parameter, two spaces a level. */
function jsonExample(model: CliModel, shape: CliShape, name: string): string[] {
	const valueName = (s: CliShape, enums = true) => (s.type === 'string' ? (s.enum && enums ? s.enum.map((e) => `"${e}"`).join('|') : '"string"') : s.type === 'boolean' ? 'true|false' : s.type);
	const out: string[] = [''];
	let depth = 0;
	const write = (t: string) => (out[out.length - 1] += t);
	const newline = () => out.push('  '.repeat(depth));
	const example = (s: CliShape, n: string, stack: string[]) => {
		if (stack.includes(n)) {
			if (stack.filter((x) => x === n).length > 1) {
				if (s.type === 'structure') write('{ ... recursive ... }');
				return;
			}
		}
		stack.push(n);
		try {
			if (s.type === 'list') {
				const item = shapeOf(model, s.member ?? '');
				write('[');
				if (SCALARS.has(item.type)) write(`${valueName(item)}, ...`);
				else {
					depth++;
					newline();
					example(item, s.member ?? '', stack);
					newline();
					write('...');
					depth--;
					newline();
				}
				write(']');
			} else if (s.type === 'map') {
				const value = shapeOf(model, s.value ?? '');
				write('{');
				depth++;
				write(`${valueName(shapeOf(model, s.key ?? ''))}: `);
				if (SCALARS.has(value.type)) write(valueName(value));
				else {
					depth++;
					example(value, s.value ?? '', stack);
					depth--;
				}
				newline();
				write('...');
				depth--;
				write('}');
			} else if (s.type === 'structure') {
				write('{');
				depth++;
				newline();
				const members = s.members ?? [];
				members.forEach(([member, ref], i) => {
					const m = shapeOf(model, ref);
					if (SCALARS.has(m.type)) write(`"${member}": ${valueName(m)}`);
					else {
						write(`"${member}": `);
						example(m, ref, stack);
					}
					if (i < members.length - 1) {
						write(',');
						newline();
					}
				});
				depth--;
				newline();
				write('}');
			}
		} finally {
			stack.pop();
		}
	};
	example(shape, name, []);
	return out;
}

const constraints = (s: CliShape) => {
	const what = s.type === 'string' ? 'length' : s.type === 'list' || s.type === 'map' ? 'items' : 'value';
	const parts = [...(s.min !== undefined ? [`at least ${s.min}`] : []), ...(s.max !== undefined ? [`at most ${s.max}`] : [])];
	return parts.length ? `Constraints: ${what} ${parts.join(', ')}.` : '';
};

/** The members of a structure, list or map as `name -> (type)` lines, nested like the real page. */
function memberTree(shapes: (name: string) => { type: string; members?: [string, string][]; member?: string; key?: string; value?: string }, shapeName: string, level: number, stack: string[]): string[] {
	const s = shapes(shapeName);
	const children: [string, string][] =
		s.type === 'structure' ? (s.members ?? []) : s.type === 'list' ? [['', s.member ?? '']] : s.type === 'map' ? [['key', s.key ?? ''], ['value', s.value ?? '']] : [];
	const out: string[] = [];
	for (const [member, ref] of children) {
		const child = shapes(ref);
		out.push(`${col(level)}${member ? `${member} -> (${child.type})` : `(${child.type})`}`, '');
		if (stack.includes(ref)) continue; // a recursive shape is shown once
		out.push(...memberTree(shapes, ref, level + 1, [...stack, ref]));
	}
	return out;
}

function optionSection(model: CliModel, o: Option): string {
	const lines = [`${col(0)}${o.flag} (${o.shape.type})`];
	const facts = [
		o.required ? `Required: the ${o.member} member of the request.` : `Optional: the ${o.member} member of the request.`,
		o.shape.type === 'boolean' ? `Give ${o.flag} for true or --no-${kebab(o.member)} for false.` : '',
		constraints(o.shape),
		o.shape.type === 'list' && o.shape.member ? constraints(shapeOf(model, o.shape.member)).replace('Constraints:', 'Each item:') : ''
	].filter(Boolean);
	lines.push(wrap(facts.join(' '), col(1)));
	if (o.shape.enum) lines.push('', `${col(1)}Possible values:`, '', bullets(o.shape.enum, 1));
	const tree = memberTree((n) => shapeOf(model, n), o.shapeName, 1, [o.shapeName]);
	if (tree.length) lines.push('', ...tree.slice(0, -1));
	const shorthand = shorthandExample(model, o.shape);
	const item = o.shape.type === 'list' ? shapeOf(model, o.shape.member ?? '') : undefined;
	if (shorthand) lines.push('', `${col(0)}Shorthand Syntax:`, '', ...shorthand.split('\n').map((l) => (l ? `${col(1)}${l}` : '')));
	if (item && SCALARS.has(item.type)) {
		const example = item.type === 'string' ? '"string"' : item.type;
		lines.push('', `${col(0)}Syntax:`, '', `${col(1)}${example} ${example} ...`);
		if (item.enum) lines.push('', `${col(1)}Where valid values are:`, ...item.enum.map((e) => `${col(1)}  ${e}`));
	} else if (!SCALARS.has(o.shape.type)) {
		lines.push('', `${col(0)}JSON Syntax:`, '', ...jsonExample(model, o.shape, o.shapeName).map((l) => `${col(1)}${l}`));
	}
	return `${lines.join('\n')}\n`;
}

function outputSection(service: string, operation: string): string {
	const outputs: HelpOutputs | undefined = helpOutputs[service];
	const op = outputs?.operations[operation];
	if (!outputs || !op?.output) return `${col(0)}None\n`;
	const shape = (n: string) => outputs.shapes[n] ?? { type: 'string' as const };
	const lines = memberTree(shape, op.output, 0, [op.output]);
	return lines.length ? `${lines.join('\n').replace(/\n+$/, '')}\n` : `${col(0)}None\n`;
}

function describeOperation(service: string, operation: string, options: Option[]): string {
	const required = options.filter((o) => o.required).map((o) => o.flag);
	const errors = helpOutputs[service]?.operations[operation]?.errors ?? [];
	const output = helpOutputs[service]?.operations[operation]?.output;
	const members = output ? (helpOutputs[service]?.shapes[output]?.members ?? []).map(([m]) => m) : [];
	const sentences = [
		`Calls the ${operation} operation of ${service}.`,
		options.length ? `It takes ${options.length} option${options.length === 1 ? '' : 's'}${required.length ? `, of which ${required.join(', ')} ${required.length === 1 ? 'is' : 'are'} required` : ', none of them required'}.` : 'It takes no options.',
		members.length ? `The response holds ${members.join(', ')}.` : 'The response is empty.',
		errors.length ? `It can fail with ${errors.join(', ')}.` : ''
	].filter(Boolean);
	return `${wrap(sentences.join(' '), col(0))}\n`;
}

export function operationHelp(service: string, command: string, model: CliModel, operation: string): string {
	const options = optionsOf(model, operation);
	const optionText = [
		...options.map((o) => optionSection(model, o)),
		`${wrap('--cli-input-json | --cli-input-yaml (string) Reads the parameters from a JSON (or YAML) document shaped like the output of --generate-cli-skeleton; options on the command line override its values.', col(0))}\n`,
		...(isPaged(model, operation)
			? [
					`${col(0)}--starting-token (string)\n${wrap('The NextToken printed by an earlier --max-items call, to continue from there.', col(1))}\n`,
					`${col(0)}--page-size (integer)\n${wrap('How many items each underlying request asks for; the CLI still fetches every page.', col(1))}\n`,
					`${col(0)}--max-items (integer)\n${wrap('Stop after this many items and print a NextToken to continue from.', col(1))}\n`
				]
			: []),
		`${wrap('--generate-cli-skeleton (string) Prints a JSON skeleton of the input (no value or input), a YAML one (yaml-input) or of the output (output) instead of calling the service.', col(0))}\n`
	];
	return page(command, [
		['NAME', `${col(0)}${command} -\n`],
		['DESCRIPTION', describeOperation(service, operation, options)],
		['SYNOPSIS', synopsis(command, model, operation, options)],
		['OPTIONS', optionText.join('\n')],
		['GLOBAL OPTIONS', globalOptionsSection()],
		['OUTPUT', outputSection(service, operation)]
	]);
}
