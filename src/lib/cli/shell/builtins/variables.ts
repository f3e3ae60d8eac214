// `export`, `unset`, `env`: the builtins that read and change the session's variables.
import type { Program } from '../../types';
import { exportVar, unsetVar } from '../vars';
import { isName } from '../parse';
import { ok } from './result';

/** bash's `declare -x` listing: sorted, values double-quoted with `"`, `\`, `$` and `` ` `` escaped. */
function declareLines(env: Map<string, string>): string {
	return [...env.keys()]
		.sort()
		.map((k) => `declare -x ${k}="${(env.get(k) ?? '').replace(/["\\$`]/g, (c) => `\\${c}`)}"\n`)
		.join('');
}

export const exportBuiltin: Program = (args, { session }) => {
	const words = args.filter((a) => a !== '-p' && a !== '--');
	if (words.length === 0) return ok(declareLines(session.env));
	let stderr = '';
	for (const word of words) {
		const eq = word.indexOf('=');
		const name = eq < 0 ? word : word.slice(0, eq);
		if (!isName(name)) stderr += `bash: export: \`${word}': not a valid identifier\n`;
		else exportVar(session, name, eq < 0 ? undefined : word.slice(eq + 1));
	}
	return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
};

/** bash 5 says nothing about a name that cannot be a variable (`unset 9a` exits 0), so neither do we. */
export const unset: Program = (args, { session }) => {
	for (const name of args.filter((a) => a !== '-v' && a !== '--')) unsetVar(session, name);
	return ok();
};

/** `env` prints the environment in the order it was set; `env FOO=bar` prints it with FOO added. Running a command through env is not supported. */
export const env: Program = (args, { session }) => {
	const vars = new Map(session.env);
	for (const a of args) {
		const eq = a.indexOf('=');
		if (eq <= 0) return { stdout: '', stderr: `env: '${a}': No such file or directory\n`, exitCode: 127 };
		vars.set(a.slice(0, eq), a.slice(eq + 1));
	}
	return ok([...vars].map(([k, v]) => `${k}=${v}\n`).join(''));
};
