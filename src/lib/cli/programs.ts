// The programs a terminal session runs besides the shell's built-ins.
import { aws } from './aws';
import { docker } from './docker';
import type { Program } from './types';

export const PROGRAMS: Record<string, Program> = { aws, docker };
