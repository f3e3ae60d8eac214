// The seed notes' flow: log in with the ECR password, pull, tag, push, pull back from ECR.
import { describe, expect, it } from "vitest";
import { HOST, ecr, loginAs, password, run, session } from "./helpers";

const URI = `${HOST}/web`;

describe("login, pull, tag, push, pull back", () => {
  it("runs the notes commands end to end", async () => {
    const s = session();
    ecr(s).call("CreateRepository", { repositoryName: "web" });
    expect(
      await run(
        s,
        `login --username AWS --password-stdin ${HOST}`,
        `${password(s)}\n`,
      ),
    ).toEqual({ stdout: "Login Succeeded\n", stderr: "", exitCode: 0 });

    const pulled = await run(s, "pull alpine:3.14");
    expect(pulled.exitCode).toBe(0);
    expect(pulled.stdout).toMatch(
      /^3\.14: Pulling from library\/alpine\n[0-9a-f]{12}: Pull complete\n[0-9a-f]{12}: Pull complete\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for alpine:3\.14\ndocker\.io\/library\/alpine:3\.14\n$/,
    );
    const digest = /Digest: (sha256:[0-9a-f]{64})/.exec(pulled.stdout)?.[1];

    expect(await run(s, `tag alpine:3.14 ${URI}:v1`)).toEqual({
      stdout: "",
      stderr: "",
      exitCode: 0,
    });

    const pushed = await run(s, `push ${URI}:v1`);
    expect(pushed.exitCode).toBe(0);
    expect(pushed.stdout).toMatch(
      new RegExp(
        `^The push refers to repository \\[${URI.replace(/\./g, "\\.")}\\]\\n[0-9a-f]{12}: Pushed\\n[0-9a-f]{12}: Pushed\\nv1: digest: ${digest} size: \\d+\\n$`,
      ),
    );
    // The registry now has the image, with the digest docker printed.
    const described = ecr(s).call("DescribeImages", { repositoryName: "web" });
    expect(
      described.imageDetails?.map((d) => [d.imageDigest, d.imageTags]),
    ).toEqual([[digest, ["v1"]]]);

    // Pushing again uploads nothing.
    expect((await run(s, `push ${URI}:v1`)).stdout).toContain(
      ": Layer already exists\n",
    );

    expect((await run(s, `rmi ${URI}:v1`)).stdout).toBe(
      `Untagged: ${URI}:v1\n`,
    );
    const back = await run(s, `pull ${URI}:v1`);
    expect(back).toEqual({
      stdout: expect.stringMatching(
        new RegExp(
          `^v1: Pulling from web\\n(?:[0-9a-f]{12}: Pull complete\\n){2}Digest: ${digest}\\nStatus: Downloaded newer image for ${URI.replace(/\./g, "\\.")}:v1\\n${URI.replace(/\./g, "\\.")}:v1\\n$`,
        ),
      ),
      stderr: "",
      exitCode: 0,
    });
    const again = await run(s, `pull ${URI}:v1`);
    expect(again.stdout).toContain(
      `Status: Image is up to date for ${URI}:v1\n`,
    );
    // By digest too.
    expect((await run(s, `pull ${URI}@${digest}`)).exitCode).toBe(0);
  });

  it("a login stops working when the token expires 12 hours later", async () => {
    const s = session();
    ecr(s).call("CreateRepository", { repositoryName: "web" });
    await loginAs(s);
    await run(s, "pull alpine:3.22");
    await run(s, `tag alpine:3.22 ${URI}:v1`);
    s.world.advanceBy(12 * 3600_000 - 1000);
    expect((await run(s, `push ${URI}:v1`)).exitCode).toBe(0);
    s.world.advanceBy(1000);
    const r = await run(s, `push ${URI}:v1`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      "denied: Your authorization token has expired. Reauthenticate and try again.\n",
    );
    expect((await run(s, `pull ${URI}:v1`)).stderr).toBe(
      `Error response from daemon: Head "https://${HOST}/v2/web/manifests/v1": denied: Your authorization token has expired. Reauthenticate and try again.\n`,
    );
    await loginAs(s);
    expect((await run(s, `push ${URI}:v1`)).exitCode).toBe(0);
  });
});
