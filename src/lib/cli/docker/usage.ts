// docker/cli 28's texts for the mistakes cobra catches before any daemon call (cli/required.go,
// cli/cobra.go's FlagErrorFunc), checked against the real client 28.2.2.
import type { ProgramResult } from "../types";
import { fail } from "./format";

/** `docker X` usage lines, as `Usage:` prints them. */
export const USAGE = {
  docker: "docker [OPTIONS] COMMAND [ARG...]",
  tag: "docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
  push: "docker push [OPTIONS] NAME[:TAG]",
  pull: "docker pull [OPTIONS] NAME[:TAG|@DIGEST]",
  login: "docker login [OPTIONS] [SERVER]",
  logout: "docker logout [SERVER]",
  rmi: "docker rmi [OPTIONS] IMAGE [IMAGE...]",
  inspect: "docker inspect [OPTIONS] NAME|ID [NAME|ID...]",
  images: "docker images [OPTIONS] [REPOSITORY[:TAG]]",
} as const;

export type UsageCommand = Exclude<keyof typeof USAGE, "docker">;

const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;

/**
 * A wrong number of arguments. docker 28.2.2 really prints "SRun" for the at-most case and "See"
 * for the at-least case (cli/required.go builds them differently).
 */
export function argumentCount(
  command: UsageCommand,
  kind: "exactly" | "at least" | "at most",
  n: number,
): ProgramResult {
  const requirement = kind === "exactly" ? plural(n) : `${kind} ${plural(n)}`;
  const hint =
    kind === "exactly" ? "Run" : kind === "at least" ? "See" : "SRun";
  return fail(
    `docker: 'docker ${command}' requires ${requirement}\n\nUsage:  ${USAGE[command]}\n\n${hint} 'docker ${command} --help' for more information`,
  );
}

/** The usage tail every flag error ends with (exit 125). */
function flagError(command: UsageCommand | "docker", head: string): ProgramResult {
  const help = command === "docker" ? "docker --help" : `docker ${command} --help`;
  return fail(`${head}\n\nUsage:  ${USAGE[command]}\n\nRun '${help}' for more information`, "", 125);
}

/** A value flag given last, with nothing after it (pflag's texts for long and shorthand flags). */
export function flagNeedsArgument(command: UsageCommand, flag: string): ProgramResult {
  return flagError(command, flag.startsWith("--") ? `flag needs an argument: ${flag}` : `flag needs an argument: '${flag.slice(1, 2)}' in ${flag}`);
}

/** The first value flag that ends `args` without its value, or undefined. */
export function danglingValueFlag(command: UsageCommand, args: readonly string[]): string | undefined {
  const last = args.at(-1);
  if (last === undefined || !FLAGS[command].value.includes(last)) return undefined;
  // A value flag right before it would take it as its value (`-f -u`): count pairs from the start.
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--") return undefined;
    if (FLAGS[command].value.includes(args[i] ?? "")) {
      if (i === args.length - 1) return args[i];
      i++;
    }
  }
  return undefined;
}

/** A flag the command does not have (exit 125, like every flag error). */
export function unknownFlag(
  command: UsageCommand | "docker",
  flag: string,
): ProgramResult {
  const name = flag.startsWith("--")
    ? flag.split("=")[0]
    : `shorthand flag: '${flag.slice(1, 2)}' in ${flag}`;
  return flagError(command, flag.startsWith("--") ? `unknown flag: ${name}` : `unknown ${name}`);
}

export function unknownCommand(words: readonly string[]): ProgramResult {
  return fail(
    `docker: unknown command: docker ${words.join(" ")}\n\nRun 'docker --help' for more information`,
  );
}

/** The flags each command knows, so anything else is an unknown flag as cobra reports it. */
export const FLAGS: Record<UsageCommand, { bool: string[]; value: string[] }> = {
  tag: { bool: [], value: [] },
  push: { bool: ["-a", "--all-tags", "--disable-content-trust", "-q", "--quiet", "--explain"], value: ["--platform"] },
  pull: { bool: ["-a", "--all-tags", "--disable-content-trust", "-q", "--quiet", "--explain"], value: ["--platform"] },
  login: { bool: ["--password-stdin"], value: ["-u", "--username", "-p", "--password"] },
  logout: { bool: [], value: [] },
  rmi: { bool: ["-f", "--force", "--no-prune"], value: [] },
  inspect: { bool: ["-s", "--size"], value: ["-f", "--format", "--type"] },
  images: { bool: ["-a", "--all", "--digests", "--no-trunc", "-q", "--quiet", "--tree"], value: ["-f", "--filter", "--format"] },
};

/**
 * The first flag `command` does not know in `args`, or undefined. `--` ends the flags; `-x=v` and
 * `--x=v` count as the flag x.
 */
export function firstUnknownFlag(command: UsageCommand, args: readonly string[]): string | undefined {
  const { bool, value } = FLAGS[command];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") return undefined;
    if (!a.startsWith("-") || a === "-") continue;
    const name = a.includes("=") ? a.slice(0, a.indexOf("=")) : a;
    if (value.includes(name)) {
      if (!a.includes("=")) i++;
      continue;
    }
    if (!bool.includes(name)) return a;
  }
  return undefined;
}

/** The arguments that are not flags or flag values (`--platform linux/amd64` is one flag). */
export function positionals(command: UsageCommand, args: readonly string[]): string[] {
  const { value } = FLAGS[command];
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") return [...out, ...args.slice(i + 1)];
    if (a.startsWith("-") && a !== "-") {
      if (value.includes(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
