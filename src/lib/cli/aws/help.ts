// `aws help`, `aws <service> help`, `aws <service> <command> help`: a short man-page-like text
// generated from the model (the real CLI renders long reference pages; this keeps the synopsis).
import type { CliModel } from './models/types';
import { kebab } from './names';
import { shapeOf } from './args';

const bullet = (xs: string[]) => xs.map((x) => `       o ${x}\n`).join('');

export function topHelp(services: string[]): string {
	return `AWS()\n\nNAME\n       aws -\n\nSYNOPSIS\n          aws [options] <command> <subcommand> [parameters]\n\nAVAILABLE SERVICES\n${bullet([...services, 'help'])}`;
}

export function serviceHelp(service: string, commands: string[]): string {
	return `${service.toUpperCase()}()\n\nNAME\n       ${service} -\n\nAVAILABLE COMMANDS\n${bullet(commands)}`;
}

export function operationHelp(service: string, command: string, model: CliModel, operation: string): string {
	const inputShape = model.operations[operation];
	const shape = inputShape ? shapeOf(model, inputShape) : undefined;
	const required = new Set(shape?.required ?? []);
	const lines: string[] = [];
	for (const [member, ref] of shape?.members ?? []) {
		const s = shapeOf(model, ref);
		const flag = `--${kebab(member)}`;
		const text = s.type === 'boolean' ? `${flag} | --no-${kebab(member)}` : `${flag} <value>`;
		lines.push(required.has(member) && s.type !== 'boolean' ? text : `[${text}]`);
	}
	lines.push('[--cli-input-json <value>]');
	const options = (shape?.members ?? []).map(([member, ref]) => {
		const s = shapeOf(model, ref);
		const kind = s.type + (s.enum ? ` (one of: ${s.enum.join(', ')})` : '') + (s.min !== undefined ? ` (min ${s.min})` : '') + (s.max !== undefined ? ` (max ${s.max})` : '');
		return `       --${kebab(member)} (${kind})${required.has(member) ? ' [required]' : ''}\n`;
	});
	return `${command.toUpperCase()}()\n\nNAME\n       ${command} -\n\nSYNOPSIS\n            ${command}\n${lines.map((l) => `          ${l}\n`).join('')}\nOPTIONS\n${options.join('')}\nSee 'aws help' for descriptions of global parameters.\n`;
}
