import { World } from "../../../../src/lib/engines/world";
import { rootCaller } from "../../../../src/lib/engines/world-constants";
import docker from "../../../../src/lib/cli/docker";
import type { ShellSession } from "../../../../src/lib/cli/types";

export const ACCT = "123456789012";
export const HOST = `${ACCT}.dkr.ecr.us-east-1.amazonaws.com`;

export function session(now = "2026-11-23T10:00:00.000Z"): ShellSession {
  return {
    world: World.create({ now }),
    env: new Map(),
    files: new Map(),
    programs: new Map(),
    history: [],
    lastExitCode: 0,
  };
}

export const ecr = (
  s: ShellSession,
  caller = rootCaller(),
  region = "us-east-1",
) => s.world.ecr(caller, region);

/** The password `aws ecr get-login-password` would print, from GetAuthorizationToken. */
export function password(
  s: ShellSession,
  caller = rootCaller(),
  region = "us-east-1",
): string {
  const token =
    ecr(s, caller, region).call("GetAuthorizationToken", {})
      .authorizationData?.[0]?.authorizationToken ?? "";
  return atob(token).slice("AWS:".length);
}

export async function run(s: ShellSession, line: string, stdin = "") {
  return await docker(line.split(" ").filter(Boolean), { stdin, session: s });
}

export async function loginAs(s: ShellSession, caller = rootCaller()) {
  return run(
    s,
    `login --username AWS --password-stdin ${HOST}`,
    `${password(s, caller)}\n`,
  );
}
