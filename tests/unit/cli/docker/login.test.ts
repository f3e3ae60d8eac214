import { describe, expect, it } from "vitest";
import { HOST, loginAs, password, run, session } from "./helpers";

describe("docker login", () => {
  it("accepts a password from GetAuthorizationToken on stdin", async () => {
    const s = session();
    expect(await loginAs(s)).toEqual({
      stdout: "Login Succeeded\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("warns about -p and still logs in", async () => {
    const s = session();
    const r = await run(s, `login -u AWS -p ${password(s)} ${HOST}`);
    expect(r).toEqual({
      stdout: "Login Succeeded\n",
      stderr:
        "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n",
      exitCode: 0,
    });
  });

  it("refuses a wrong password with the daemon 400", async () => {
    const s = session();
    const r = await run(
      s,
      `login --username AWS --password-stdin ${HOST}`,
      "not-a-token\n",
    );
    expect(r).toEqual({
      stdout: "",
      stderr: `Error response from daemon: login attempt to https://${HOST}/v2/ failed with status: 400 Bad Request\n`,
      exitCode: 1,
    });
  });

  it("refuses a password for another Region", async () => {
    const s = session();
    const r = await run(
      s,
      "login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com",
      password(s),
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("400 Bad Request");
  });

  it("refuses a user name other than AWS", async () => {
    const s = session();
    const r = await run(
      s,
      `login --username bob --password-stdin ${HOST}`,
      password(s),
    );
    expect(r.exitCode).toBe(1);
  });

  it("refuses a token that expired on the world clock", async () => {
    const s = session();
    const p = password(s);
    s.world.advanceBy(12 * 3600_000);
    const r = await run(s, `login --username AWS --password-stdin ${HOST}`, p);
    expect(r.exitCode).toBe(1);
  });

  it("needs --username with --password-stdin, and a TTY without a password", async () => {
    const s = session();
    expect((await run(s, `login --password-stdin ${HOST}`, "x")).stderr).toBe(
      "the --password-stdin option requires --username to be set\n",
    );
    expect((await run(s, `login ${HOST}`)).stderr).toBe(
      "Error: Cannot perform an interactive login from a non TTY device\n",
    );
    // What `aws ecr get-login-password | docker login ...` leaves when the CLI call failed.
    expect(await run(s, `login --username AWS --password-stdin ${HOST}`, "")).toEqual({
      stdout: "",
      stderr: "Error: Cannot perform an interactive login from a non TTY device\n",
      exitCode: 1,
    });
  });

  it("logs out per host", async () => {
    const s = session();
    await loginAs(s);
    expect(await run(s, `logout ${HOST}`)).toEqual({
      stdout: `Removing login credentials for ${HOST}\n`,
      stderr: "",
      exitCode: 0,
    });
    expect((await run(s, `logout ${HOST}`)).stdout).toBe(
      `Not logged in to ${HOST}\n`,
    );
  });

  it("keeps its state as plain JSON", async () => {
    const s = session();
    await loginAs(s);
    await run(s, "pull alpine:3.14");
    const state = s.programs.get("docker");
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
