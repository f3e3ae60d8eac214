// The `docker` program: a client for a simulated daemon whose registries are the world's ECR.
import type { Program, ProgramIo, ProgramResult } from "../types";
import { build } from "./build";
import { fail, ok } from "./format";
import { images, inspect, rmi, tag } from "./images";
import { login, logout } from "./login";
import { pull } from "./pull";
import { push } from "./push";
import { commandHelp, wantsHelp } from "./help";
import { FLAGS, danglingValueFlag, firstUnknownFlag, flagNeedsArgument, unknownCommand, unknownFlag, type UsageCommand } from "./usage";

type Command = (args: readonly string[], io: ProgramIo) => ProgramResult;

const RAW: Record<string, Command> = {
  login,
  logout,
  pull,
  push,
  images,
  tag,
  rmi,
  inspect,
  build,
  // Management-command spellings docker also accepts.
  "image ls": images,
  "image list": images,
  "image pull": pull,
  "image push": push,
  "image tag": tag,
  "image rm": rmi,
  "image inspect": inspect,
  "image build": build,
};

/** cobra answers --help and unknown flags before the command itself runs. */
function checked(name: UsageCommand, command: Command): Command {
  return (args, io) => {
    if (wantsHelp(args)) return ok(commandHelp(name));
    const flag = firstUnknownFlag(name, args);
    if (flag !== undefined) return unknownFlag(name, flag);
    const dangling = danglingValueFlag(name, args);
    if (dangling !== undefined) return flagNeedsArgument(name, dangling);
    return command(args, io);
  };
}

const COMMANDS: Record<string, Command> = Object.fromEntries(
  Object.entries(RAW).map(([name, command]) => {
    const base = (name.startsWith("image ") ? { ls: "images", list: "images", pull: "pull", push: "push", tag: "tag", rm: "rmi", inspect: "inspect", build: "build" }[name.slice(6)] : name) as string;
    return [name, Object.hasOwn(FLAGS, base) ? checked(base as UsageCommand, command) : command];
  }),
);

const HELP = `Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers (simulated: images and registries only)

Commands:
  build       Build an image from a Dockerfile
  images      List images
  inspect     Return low-level information on Docker objects
  login       Log in to a registry
  logout      Log out from a registry
  pull        Download an image from a registry
  push        Upload an image to a registry
  rmi         Remove one or more images
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
`;

export const docker: Program = (args, io) => {
  try {
    const [first, second] = args;
    if (first === undefined || first === "--help" || first === "help")
      return ok(HELP);
    const pair =
      second !== undefined ? COMMANDS[`${first} ${second}`] : undefined;
    if (pair) return pair(args.slice(2), io);
    if (first.startsWith("-")) return unknownFlag("docker", first);
    const command = Object.hasOwn(COMMANDS, first)
      ? COMMANDS[first]
      : undefined;
    if (command) return command(args.slice(1), io);
    return unknownCommand([first]);
  } catch (e) {
    // A simulator bug must not take the terminal down: show it as docker would show a daemon error.
    return fail(
      `Error response from daemon: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
};

export default docker;
