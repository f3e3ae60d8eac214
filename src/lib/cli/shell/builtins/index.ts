// The shell's builtins by name. The caller's program table (aws, docker) is looked up first.
import type { Program } from '../../types';
import { cat } from './cat';
import { echo } from './echo';
import { ls } from './ls';
import { grep, head, tail, wc } from './filters';
import { clear, exitBuiltin, falseBuiltin, help, history, pwd, trueBuiltin } from './misc';
import { env, exportBuiltin, unset } from './variables';

export const builtins: ReadonlyMap<string, Program> = new Map<string, Program>([
	['cat', cat],
	['clear', clear],
	['echo', echo],
	['env', env],
	['exit', exitBuiltin],
	['export', exportBuiltin],
	['false', falseBuiltin],
	['grep', grep],
	['head', head],
	['help', help],
	['history', history],
	['ls', ls],
	['pwd', pwd],
	['tail', tail],
	['true', trueBuiltin],
	['unset', unset],
	['wc', wc]
]);
