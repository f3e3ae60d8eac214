// The shell: parse and run one command line over a session and a table of programs.
//
// Supported: words with '...', "..." (with $VAR, ${VAR}, $(...), \" \\ \$ \` inside) and \
// escapes; $VAR, ${VAR}, $?, $1... (empty); ~ and ~/ at a word's start; nested $(...); pipes |; && || ; and newlines;
// # comments; \-newline continuation; NAME=value alone or before a command; export, unset.
// Refused with exit code 2 before anything runs: redirections, &, ( ), backquotes, $((...)),
// ${VAR:-...} and other parameter operators, and unquoted * ? [ (no globbing).
export { runLine } from './run';
export { parse, isComplete, ShellSyntaxError } from './parse';
export { printList } from './print';
export { createSession } from './session';
export { builtins } from './builtins';
export type * from './ast';
