// `docker login` and `docker logout`. The password is checked the way ECR's registry checks it:
// issued by GetAuthorizationToken for this registry's account and Region, not yet expired on the
// world's clock. Credentials are kept per registry host, as ~/.docker/config.json keeps them.
import { readPassword } from "../../engines/ecr/auth-token";
import type { ProgramIo, ProgramResult } from "../types";
import { fail, ok } from "./format";
import { dockerState } from "./state";
import { argumentCount, unknownFlag } from "./usage";

// The plain-password warning docker prints on stderr (confirmed: output quoted in aws/aws-cli#4962).
const INSECURE =
  "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n";
const ECR_HOST = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com$/;

/** "https://host/" and "host" name the same registry. */
const hostOf = (server: string): string =>
  server.replace(/^https?:\/\//, "").replace(/\/.*$/, "");

// The daemon's refusal of a bad or wrong-Region ECR password (confirmed: aws/aws-cli#4962, #5950, #5317).
const badLogin = (host: string) =>
  `Error response from daemon: login attempt to https://${host}/v2/ failed with status: 400 Bad Request`;

export function login(args: readonly string[], io: ProgramIo): ProgramResult {
  let username: string | undefined;
  let password: string | undefined;
  let passwordStdin = false;
  const servers: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === "-u" || flag === "--username") username = value();
    else if (flag === "-p" || flag === "--password") password = value();
    else if (flag === "--password-stdin") passwordStdin = true;
    else if (flag.startsWith("-"))
      return unknownFlag("login", flag);
    else servers.push(a);
    if (
      (flag === "-u" ||
        flag === "--username" ||
        flag === "-p" ||
        flag === "--password") &&
      args[i] === undefined &&
      inline === undefined
    )
      return fail(
        `flag needs an argument: '${flag.replace(/^-+/, "")}' in ${flag}\nSee 'docker login --help'.`,
        "",
        125,
      );
  }
  if (servers.length > 1)
    return argumentCount("login", "at most", 1);
  if (password !== undefined && passwordStdin)
    return fail(
      "conflicting options: cannot specify both --password and --password-stdin",
      "",
      1,
    );
  let stderr = "";
  if (passwordStdin) {
    if (username === undefined)
      return fail("the --password-stdin option requires --username to be set", "", 1);
    password = io.stdin.replace(/\r?\n$/, "").replace(/\r?\n$/, "");
  } else if (password !== undefined) stderr += INSECURE;
  // With no password a real docker asks on the terminal; the simulated one has no TTY to ask on.
  // An empty password (a failed get-login-password before the pipe) makes docker ask, as none does.
  if (password === undefined || password === "" || username === undefined)
    return fail(
      `${stderr}Error: Cannot perform an interactive login from a non TTY device`,
      "",
      1,
    );
  const host = hostOf(servers[0] ?? "https://index.docker.io/v1/");
  const ecr = ECR_HOST.exec(host);
  if (!ecr) return fail(`${stderr}${badLogin(host)}`, "", 1);
  const credential = readPassword(password);
  // No account check: a token "can be used to access any Amazon ECR registry that your IAM
  // principal has access to" (GetAuthorizationToken); a pull from another account's registry is
  // then decided by that repository's policy. Tokens are per Region, though.
  const valid =
    username === "AWS" &&
    credential !== undefined &&
    credential.region === ecr[2] &&
    credential.expiresAtMs > io.session.world.clock.nowMs();
  if (!valid) return fail(`${stderr}${badLogin(host)}`, "", 1);
  dockerState(io.session).auths[host] = { username, password };
  return ok("Login Succeeded\n", stderr);
}

export function logout(args: readonly string[], io: ProgramIo): ProgramResult {
  if (args.length > 1)
    return argumentCount("logout", "at most", 1);
  const host = hostOf(args[0] ?? "https://index.docker.io/v1/");
  const state = dockerState(io.session);
  // docker says "Not logged in to <host>" when it has nothing stored (docker/cli logout.go).
  if (!state.auths[host]) return ok(`Not logged in to ${host}\n`);
  delete state.auths[host];
  return ok(`Removing login credentials for ${host}\n`);
}
