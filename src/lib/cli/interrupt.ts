// Ctrl+C while a program waits for an answer (`aws configure`): the terminal rejects the question
// with this, and the program ends as the real one does on SIGINT (exit 130, no traceback).
export class KeyboardInterrupt extends Error {
	constructor() {
		super('KeyboardInterrupt');
		this.name = 'KeyboardInterrupt';
	}
}

/** bash's (and the AWS CLI's) exit code for a command ended by SIGINT: 128 + 2. */
export const INTERRUPTED_EXIT_CODE = 130;
