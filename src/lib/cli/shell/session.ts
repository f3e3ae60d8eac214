// A fresh terminal session. The environment holds only what the shell itself needs (HOME,
// USER, PWD for `pwd` and `echo $HOME`); AWS_* variables are set by the lab or the learner,
// so a lab that wants a default region says so itself.
import type { World } from '../../engines/world';
import type { ShellSession } from '../types';

export const HOME = '/home/learner';

export function createSession(world: World, files?: Map<string, string> | Record<string, string>): ShellSession {
	const fileMap = files instanceof Map ? files : new Map(Object.entries(files ?? {}));
	return {
		world,
		env: new Map([
			['HOME', HOME],
			['USER', 'learner'],
			['PWD', HOME]
		]),
		files: fileMap,
		programs: new Map(),
		history: [],
		lastExitCode: 0
	};
}
