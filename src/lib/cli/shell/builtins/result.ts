// Small constructors for builtin results, so each builtin reads as what it prints.
import type { ProgramResult } from '../../types';

export const ok = (stdout = ''): ProgramResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): ProgramResult => ({ stdout, stderr, exitCode });
