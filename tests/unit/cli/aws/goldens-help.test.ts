// Our help pages against the real AWS CLI v2's (the `help: true` entries of fixtures/captured-v2.json).
// The real pages carry AWS's documentation, which we do not copy, so the comparison is by layout:
// title line, section order, the SYNOPSIS lines, each option's heading and its Shorthand/JSON syntax
// blocks, the global options and the OUTPUT member tree. Each difference we allow has a named
// function below; everything else must be identical.
import { describe, expect, it } from 'vitest';
import captured from './fixtures/captured-v2.json';
import { run, session } from './helpers';
import { cliModels } from '../../../../src/lib/cli/aws/models';
import { commandTable } from '../../../../src/lib/cli/aws';
import { kebab } from '../../../../src/lib/cli/aws/names';

interface Golden { args: string[]; stdout: string; help?: boolean }

/** groff's bold and underline are overstrikes (`X\bX`, `_\bX`); a terminal shows the plain letter. */
const withoutOverstrike = (text: string) => text.replace(/.\x08/g, '');

const lines = (text: string) => text.split('\n');
const headings = (text: string) => lines(text).filter((l) => /^[A-Z][A-Z ]+$/.test(l));
/** EXAMPLES and SEE ALSO are AWS's prose and links: we write neither. */
const sectionsWeWrite = (hs: string[]) => hs.filter((h) => h !== 'EXAMPLES' && h !== 'SEE ALSO');

function section(text: string, name: string): string[] {
	const all = lines(text);
	const start = all.indexOf(name);
	if (start < 0) return [];
	const end = all.findIndex((l, i) => i > start && /^[A-Z][A-Z ]+$/.test(l));
	return all.slice(start + 1, end < 0 ? undefined : end);
}

/** True when `small` appears in `big` in the same order (big may hold more). */
function isSubsequence(small: string[], big: string[]): boolean {
	let i = 0;
	for (const x of big) if (i < small.length && x === small[i]) i++;
	return i === small.length;
}

/**
 * Our models come from a newer botocore than the installed CLI 2.9.19, so our pages may list
 * options and output members the real one does not have yet; these must be the only additions.
 */
function onlyNewerModelAdditions(real: string[], ours: string[], known: Set<string>): string[] {
	return ours.filter((l) => !real.includes(l)).filter((l) => !known.has(l.trim().replace(/^\[|\]$/g, '').replace(/ <value>$/, '')));
}

/** A newer model may add enum values (KMS_DSSE): the JSON skeleton's enum list is compared as a placeholder. */
const withoutEnumValues = (block: string) => block.replace(/"[A-Za-z0-9_.:-]+"(\|"[A-Za-z0-9_.:-]+")+/g, '<enum>');

const optionHeadings = (opts: string[]) => opts.filter((l) => /^ {7}--[a-z0-9-]+ \([a-z ]+\)$/.test(l));

/** The Shorthand/JSON/list syntax blocks of each option, by option heading. */
function syntaxBlocks(opts: string[]): Map<string, string> {
	const blocks = new Map<string, string>();
	let current = '';
	let inBlock = false;
	let acc: string[] = [];
	const flush = () => {
		if (current && acc.length) blocks.set(current, acc.join('\n').trimEnd());
		acc = [];
	};
	for (const l of opts) {
		if (/^ {7}--\S+ \(/.test(l)) {
			flush();
			current = l.trim();
			inBlock = false;
			continue;
		}
		if (/^ {7}(Shorthand Syntax|JSON Syntax|Syntax):$/.test(l)) inBlock = true;
		else if (/^ {7}\S/.test(l)) inBlock = false;
		if (inBlock) acc.push(l);
	}
	flush();
	return blocks;
}

const memberLines = (out: string[]) => out.filter((l) => /^ +(\S+ -> \([a-z ]+\)|\([a-z ]+\))$/.test(l));
const bulletItems = (text: string[]) => text.filter((l) => /^ {7}o \S+$/.test(l)).map((l) => l.trim().slice(2));

describe('help pages laid out like AWS CLI v2', () => {
	const s = session();
	const goldens = (captured as Golden[]).filter((g) => g.help);
	it('has captured pages to compare with', () => expect(goldens.length).toBeGreaterThanOrEqual(5));
	for (const g of goldens) {
		describe(`aws ${g.args.join(' ')}`, () => {
			const real = withoutOverstrike(g.stdout);
			let ours = '';
			it('prints a page', async () => {
				const r = await run(s, ...g.args);
				expect(r.exitCode).toBe(0);
				ours = r.stdout;
				expect(lines(ours)[0]).toBe(lines(real)[0]);
				expect(lines(ours).at(-2)).toBe(lines(real).at(-2));
				expect(headings(ours)).toEqual(sectionsWeWrite(headings(real)));
			});
			it('lists a subset of the real services or commands', () => {
				const name = g.args.length === 1 ? 'AVAILABLE SERVICES' : 'AVAILABLE COMMANDS';
				if (g.args.length > 2) return;
				const theirs = bulletItems(section(real, name));
				const mine = bulletItems(section(ours, name));
				expect(mine.length).toBeGreaterThan(0);
				for (const item of mine) expect(theirs).toContain(item);
			});
			if (g.args.length !== 3) return;
			const model = cliModels[g.args[0] ?? ''];
			const operation = model ? commandTable(g.args[0] ?? '', model).get(g.args[1] ?? '') : undefined;
			const inputShape = operation ? model?.operations[operation] : undefined;
			const modelFlags = new Set(
				(inputShape ? (model?.shapes[inputShape]?.members ?? []) : []).flatMap(([m]) => {
					const flag = `--${kebab(m)}`;
					return [flag, `${flag} | --no-${flag.slice(2)}`];
				})
			);
			it('lays the synopsis out line for line', () => {
				const theirs = section(real, 'SYNOPSIS');
				const mine = section(ours, 'SYNOPSIS');
				expect(isSubsequence(theirs, mine)).toBe(true);
				expect(onlyNewerModelAdditions(theirs, mine, modelFlags)).toEqual([]);
			});
			it('heads each option with its type, and shows the same syntax blocks', () => {
				const theirs = section(real, 'OPTIONS');
				const mine = section(ours, 'OPTIONS');
				expect(isSubsequence(optionHeadings(theirs), optionHeadings(mine))).toBe(true);
				const mineBlocks = syntaxBlocks(mine);
				for (const [heading, block] of syntaxBlocks(theirs)) expect(withoutEnumValues(mineBlocks.get(heading) ?? ''), heading).toBe(withoutEnumValues(block));
			});
			it('lists the global options', () => {
				expect(optionHeadings(section(ours, 'GLOBAL OPTIONS'))).toEqual(optionHeadings(section(real, 'GLOBAL OPTIONS')));
			});
			it('lists the output members as the real page nests them', () => {
				expect(isSubsequence(memberLines(section(real, 'OUTPUT')), memberLines(section(ours, 'OUTPUT')))).toBe(true);
			});
		});
	}
});

describe('operation help derived from the model', () => {
	const s = session();
	const page = async (...args: string[]) => (await run(s, ...args)).stdout;

	it('shows a boolean as a pair and the paging options of a paginated command', async () => {
		const del = await page('ecr', 'delete-repository', 'help');
		expect(section(del, 'SYNOPSIS')).toContain('          [--force | --no-force]');
		const list = section(await page('ecr', 'describe-repositories', 'help'), 'SYNOPSIS');
		expect(list).toContain('          [--max-items <value>]');
		expect(list).not.toContain('          [--next-token <value>]');
	});

	it('states what is required, the constraints and the possible values', async () => {
		const opts = section(await page('ecr', 'create-repository', 'help'), 'OPTIONS').join('\n');
		expect(opts).toMatch(/--repository-name \(string\)\n {10}Required: the repositoryName member of the request\. Constraints:\n {10}length at least 2, at most 256\./);
		expect(opts).toMatch(/Possible values:\n\n {10}o MUTABLE\n\n {10}o IMMUTABLE/);
	});

	it('describes the operation from its model: options, response members and errors', async () => {
		const text = section(await page('cloudformation', 'create-stack', 'help'), 'DESCRIPTION').join(' ').replace(/\s+/g, ' ');
		expect(text).toContain('--stack-name is required');
		expect(text).toContain('The response holds StackId, OperationId.');
		expect(text).toContain('AlreadyExistsException');
	});

	it('says None when the operation returns nothing', async () => {
		expect(section(await page('ecr', 'tag-resource', 'help'), 'OUTPUT').join('\n')).not.toContain('->');
		expect(section(await page('cloudformation', 'delete-stack', 'help'), 'OUTPUT')).toContain('       None');
	});

	it('keeps every line within the 78 columns of the real pages', async () => {
		for (const args of [['help'], ['ecr', 'help'], ['ecr', 'create-repository', 'help'], ['cloudformation', 'describe-stacks', 'help']]) {
			for (const l of lines(await page(...args))) if (!/^ +\S+$/.test(l)) expect(l.length, l).toBeLessThanOrEqual(78);
		}
	});

	it('documents every option of every command the simulator supports, each once', async () => {
		for (const [service, model] of Object.entries(cliModels)) {
			for (const [command, operation] of commandTable(service, model)) {
				const text = await page(service, command, 'help');
				expect(lines(text)[0], `${service} ${command}`).toMatch(new RegExp(`^${command.toUpperCase()}\\(\\) +${command.toUpperCase()}\\(\\)$`));
				const input = model.operations[operation];
				const pager = model.paginators[operation];
				const hidden = pager && !pager.outputToken.includes('.') ? [pager.inputToken, pager.limitKey] : [];
				const synopsisText = section(text, 'SYNOPSIS');
				for (const [member] of input ? (model.shapes[input]?.members ?? []) : []) {
					if (hidden.includes(member)) continue;
					const heading = new RegExp(`^ {7}--${kebab(member)} \\(`);
					expect(section(text, 'OPTIONS').filter((l) => heading.test(l)), `${command} --${kebab(member)}`).toHaveLength(1);
					expect(synopsisText.filter((l) => l.includes(`--${kebab(member)} `) || l.includes(`--${kebab(member)}]`) || l.endsWith(`--${kebab(member)} <value>`)), `${command} synopsis --${kebab(member)}`).toHaveLength(1);
				}
				expect(headings(text)).toEqual(['NAME', 'DESCRIPTION', 'SYNOPSIS', 'OPTIONS', 'GLOBAL OPTIONS', 'OUTPUT']);
			}
		}
	});
});
