import { describe, expect, it } from "vitest";
import { ACCT, HOST, ecr, loginAs, password, run, session } from "./helpers";

const URI = `${HOST}/web`;

async function ready(repo = "web", mutability?: "IMMUTABLE") {
  const s = session();
  ecr(s).call("CreateRepository", {
    repositoryName: repo,
    ...(mutability ? { imageTagMutability: mutability } : {}),
  });
  await run(s, "pull alpine:3.14");
  await run(s, "pull alpine:3.22");
  return s;
}

describe("docker push", () => {
  it("says no basic auth credentials before login, after the Preparing lines", async () => {
    const s = await ready();
    await run(s, `tag alpine:3.14 ${URI}:v1`);
    const r = await run(s, `push ${URI}:v1`);
    expect(r.stdout).toMatch(
      /^The push refers to repository \[.+\/web\]\n[0-9a-f]{12}: Preparing\n[0-9a-f]{12}: Preparing\n$/,
    );
    expect(r.stderr).toBe("no basic auth credentials\n");
    expect(r.exitCode).toBe(1);
  });

  it("names a missing repository", async () => {
    const s = await ready();
    await loginAs(s);
    await run(s, `tag alpine:3.14 ${HOST}/nope:v1`);
    const r = await run(s, `push ${HOST}/nope:v1`);
    expect(r.stderr).toBe(
      `name unknown: The repository with name 'nope' does not exist in the registry with id '${ACCT}'\n`,
    );
    expect(r.exitCode).toBe(1);
  });

  it("refuses to overwrite a tag in an immutable repository", async () => {
    const s = await ready("web", "IMMUTABLE");
    await loginAs(s);
    await run(s, `tag alpine:3.14 ${URI}:v1`);
    expect((await run(s, `push ${URI}:v1`)).exitCode).toBe(0);
    await run(s, `tag alpine:3.22 ${URI}:v1`);
    const r = await run(s, `push ${URI}:v1`);
    expect(r.stderr).toBe(
      "tag invalid: The image tag 'v1' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.\n",
    );
    expect(r.exitCode).toBe(1);
  });

  it("shows the IAM denial for a principal that may only log in", async () => {
    const s = await ready();
    const iam = s.world.iam({
      arn: `arn:aws:iam::${ACCT}:root`,
      accountId: ACCT,
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
            Action: [
              "ecr:GetAuthorizationToken",
              "ecr:BatchCheckLayerAvailability",
            ],
            Resource: "*",
          },
        ],
      }),
    });
    const dev = { arn: `arn:aws:iam::${ACCT}:user/dev`, accountId: ACCT };
    expect(
      (await run(s, `login -u AWS --password-stdin ${HOST}`, password(s, dev)))
        .exitCode,
    ).toBe(0);
    await run(s, `tag alpine:3.14 ${URI}:v1`);
    const r = await run(s, `push ${URI}:v1`);
    expect(r.stderr).toMatch(
      /^denied: User: arn:aws:iam::123456789012:user\/dev is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:123456789012:repository\/web/,
    );
    expect(r.exitCode).toBe(1);
  });

  it("needs a local image with the tag", async () => {
    const s = await ready();
    expect(await run(s, `push ${URI}:v9`)).toEqual({
      stdout: "",
      stderr: `An image does not exist locally with the tag: ${URI}\n`,
      exitCode: 1,
    });
  });

  it("rejects a malformed reference", async () => {
    const s = await ready();
    expect(await run(s, "push a//b")).toEqual({
      stdout: "",
      stderr: "invalid reference format\n",
      exitCode: 1,
    });
  });
});
