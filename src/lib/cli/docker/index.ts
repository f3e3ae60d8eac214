// The `docker` program: a client for a simulated daemon whose registries are the world's ECR.
import type { Program, ProgramIo, ProgramResult } from "../types";
import { build } from "./build";
import { fail, ok } from "./format";
import { images, inspect, rmi, tag } from "./images";
import { login, logout } from "./login";
import { pull } from "./pull";
import { push } from "./push";

type Command = (args: readonly string[], io: ProgramIo) => ProgramResult;

const COMMANDS: Record<string, Command> = {
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
    const command = Object.hasOwn(COMMANDS, first)
      ? COMMANDS[first]
      : undefined;
    if (command) return command(args.slice(1), io);
    // docker/cli's text for an unknown command.
    return fail(
      `docker: '${first}' is not a docker command.\nSee 'docker --help'`,
    );
  } catch (e) {
    // A simulator bug must not take the terminal down: show it as docker would show a daemon error.
    return fail(
      `Error response from daemon: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
};

export default docker;
