import { describe, expect, it } from "vitest";
import { HOST, ecr, loginAs, run, session } from "./helpers";

describe("docker pull", () => {
  it("pulls the newest catalogue tag for latest, saying so", async () => {
    const s = session();
    const r = await run(s, "pull alpine");
    expect(
      r.stdout.startsWith(
        "Using default tag: latest\nlatest: Pulling from library/alpine\n",
      ),
    ).toBe(true);
    expect(
      r.stdout.endsWith(
        "Status: Downloaded newer image for alpine:latest\ndocker.io/library/alpine:latest\n",
      ),
    ).toBe(true);
  });

  it("is up to date the second time, with no layer lines", async () => {
    const s = session();
    await run(s, "pull debian:buster");
    const r = await run(s, "pull debian:buster");
    expect(r.stdout).toMatch(
      /^buster: Pulling from library\/debian\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for debian:buster\ndocker\.io\/library\/debian:buster\n$/,
    );
  });

  it("is the same image under an alias", async () => {
    const s = session();
    const a = await run(s, "pull debian:10");
    const b = await run(s, "pull debian:buster");
    expect(/Digest: (\S+)/.exec(a.stdout)?.[1]).toBe(
      /Digest: (\S+)/.exec(b.stdout)?.[1],
    );
  });

  it("has docker hub refuse an unknown name", async () => {
    const s = session();
    expect(await run(s, "pull nosuch:1")).toEqual({
      stdout: "",
      stderr:
        "Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      exitCode: 1,
    });
  });

  it("from ECR: no credentials, missing repository, missing tag", async () => {
    const s = session();
    ecr(s).call("CreateRepository", { repositoryName: "web" });
    expect((await run(s, `pull ${HOST}/web:v1`)).stderr).toBe(
      `Error response from daemon: Head "https://${HOST}/v2/web/manifests/v1": no basic auth credentials\n`,
    );
    await loginAs(s);
    expect((await run(s, `pull ${HOST}/nope:v1`)).stderr).toBe(
      `Error response from daemon: repository ${HOST}/nope not found: name unknown: The repository with name 'nope' does not exist in the registry with id '123456789012'\n`,
    );
    expect((await run(s, `pull ${HOST}/web:v1`)).stderr).toBe(
      `Error response from daemon: manifest for ${HOST}/web:v1 not found: manifest unknown: Requested image not found\n`,
    );
  });

  it("rejects an invalid reference", async () => {
    const s = session();
    expect(await run(s, "pull -bad-")).toEqual({
      stdout: "",
      stderr: "unknown shorthand flag: 'b' in -bad-\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nRun 'docker pull --help' for more information\n",
      exitCode: 125,
    });
    expect(await run(s, "pull a:b:c")).toEqual({
      stdout: "",
      stderr: "invalid reference format\n",
      exitCode: 1,
    });
  });
});

describe("docker images, tag, rmi, inspect", () => {
  it("lists one row per tag in docker columns", async () => {
    const s = session();
    await run(s, "pull alpine:3.14");
    await run(s, `tag alpine:3.14 ${HOST}/web:v1`);
    s.world.advanceBy(2 * 3600_000);
    const r = await run(s, "images");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^REPOSITORY {3,}TAG {3,}IMAGE ID {7}CREATED {3,}SIZE$/,
    );
    expect(lines[1]).toMatch(
      /^alpine {3,}3\.14 {3,}[0-9a-f]{12} {3}2 hours ago {3}\d+(\.\d+)?kB$/,
    );
    expect(lines[2]).toMatch(
      new RegExp(
        `^${HOST.replace(/\./g, "\\.")}/web {3}v1 {3,}[0-9a-f]{12} {3}2 hours ago`,
      ),
    );
    expect(lines[1]?.indexOf("3.14")).toBe(lines[0]?.indexOf("TAG"));
  });

  it("tags only existing images, and rmi untags before it deletes", async () => {
    const s = session();
    expect((await run(s, "tag alpine:3.14 x:1")).stderr).toBe(
      "Error response from daemon: No such image: alpine:3.14\n",
    );
    await run(s, "pull alpine:3.14");
    expect((await run(s, "tag alpine:3.14 x:1")).exitCode).toBe(0);
    expect((await run(s, "tag alpine:3.14 BAD")).stderr).toBe(
      'Error parsing reference: "BAD" is not a valid repository/tag: invalid reference format: repository name (library/BAD) must be lowercase\n',
    );
    expect(await run(s, "rmi x:1")).toEqual({
      stdout: "Untagged: x:1\n",
      stderr: "",
      exitCode: 0,
    });
    const gone = await run(s, "rmi alpine:3.14");
    expect(gone.stdout).toMatch(
      /^Untagged: alpine:3\.14\nUntagged: alpine@sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\n$/,
    );
    expect(await run(s, "rmi alpine:3.14")).toEqual({
      stdout: "",
      stderr: "Error response from daemon: No such image: alpine:3.14\n",
      exitCode: 1,
    });
    expect((await run(s, "images")).stdout).toBe(
      "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n",
    );
  });

  it("inspects as a JSON array with the ids, tags, digests and layers", async () => {
    const s = session();
    await run(s, "pull nginx:1.19");
    const r = await run(s, "inspect nginx:1.19");
    const [doc] = JSON.parse(r.stdout) as {
      Id: string;
      RepoTags: string[];
      RepoDigests: string[];
      Config: object;
      RootFS: { Type: string; Layers: string[] };
    }[];
    expect(doc?.Id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(doc?.RepoTags).toEqual(["nginx:1.19"]);
    expect(doc?.RepoDigests[0]).toMatch(/^nginx@sha256:/);
    expect(doc?.RootFS.Layers).toHaveLength(2);
    expect(await run(s, "inspect nope")).toEqual({
      stdout: "[]\n",
      stderr: "Error: No such object: nope\n",
      exitCode: 1,
    });
  });

  it("answers an unknown command as docker does", async () => {
    const s = session();
    expect(await run(s, "fly")).toEqual({
      stdout: "",
      stderr: "docker: unknown command: docker fly\n\nRun 'docker --help' for more information\n",
      exitCode: 1,
    });
  });
});

describe("docker pull: denials and ECR Public", () => {
  it("shows pull access denied for a principal without BatchGetImage", async () => {
    const s = session();
    ecr(s).call("CreateRepository", { repositoryName: "web" });
    const iam = s.world.iam({
      arn: "arn:aws:iam::123456789012:root",
      accountId: "123456789012",
    });
    iam.call("CreateUser", { UserName: "dev" });
    iam.call("PutUserPolicy", {
      UserName: "dev",
      PolicyName: "login-only",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "ecr:GetAuthorizationToken",
            Resource: "*",
          },
        ],
      }),
    });
    await loginAs(s, {
      arn: "arn:aws:iam::123456789012:user/dev",
      accountId: "123456789012",
    });
    const r = await run(s, `pull ${HOST}/web:v1`);
    expect(r.stderr).toMatch(
      new RegExp(
        `^Error response from daemon: pull access denied for ${HOST.replace(/\./g, "\\.")}/web, repository does not exist or may require 'docker login': denied: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecr:BatchGetImage`,
      ),
    );
    expect(r.exitCode).toBe(1);
  });

  it("pulls from ECR Public anonymously, and names a missing repository", async () => {
    const s = session();
    const r = await run(s, "pull public.ecr.aws/nosuch/web:1");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^Error response from daemon: repository public\.ecr\.aws\/nosuch\/web not found: name unknown: /,
    );
  });
});
