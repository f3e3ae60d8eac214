// `exit [n]`: the shell library has no `exit` (a browser tab has nothing to leave), so the local
// shell adds one to its program table. It only records the request; the loop ends after the line.
import type { Program } from '../../src/lib/cli/types';

export interface ExitRequest {
	/** Set once `exit` ran: the code the process ends with. */
	code?: number;
}

export function exitProgram(request: ExitRequest): Program {
	return (args, { session }) => {
		const [n, ...rest] = args;
		if (rest.length > 0) return { stdout: '', stderr: 'bash: exit: too many arguments\n', exitCode: 1 };
		if (n !== undefined && !/^-?\d+$/.test(n)) {
			// bash still exits, with 2, after saying so.
			request.code = 2;
			return { stdout: '', stderr: `bash: exit: ${n}: numeric argument required\n`, exitCode: 2 };
		}
		// Exit codes are a byte: `exit 256` is 0 and `exit -1` is 255, as in bash.
		const code = n === undefined ? session.lastExitCode : ((Number(n) % 256) + 256) % 256;
		request.code = code;
		return { stdout: '', stderr: '', exitCode: code };
	};
}
