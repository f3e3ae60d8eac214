import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseReference } from "../../../../src/lib/cli/docker/reference";
import docker from "../../../../src/lib/cli/docker";
import { HOST, loginAs, session } from "./helpers";

const D = `sha256:${"a".repeat(64)}`;

describe("image references", () => {
  it.each([
    ["alpine", { host: "docker.io", path: "library/alpine", kind: "hub" }],
    [
      "alpine:3.14",
      { host: "docker.io", path: "library/alpine", tag: "3.14", kind: "hub" },
    ],
    [
      "bitnami/nginx:1",
      { host: "docker.io", path: "bitnami/nginx", tag: "1", kind: "hub" },
    ],
    [
      `${HOST}/team/web:v1`,
      {
        host: HOST,
        path: "team/web",
        tag: "v1",
        kind: "ecr",
        accountId: "123456789012",
        region: "us-east-1",
      },
    ],
    [
      `${HOST}/web@${D}`,
      {
        host: HOST,
        path: "web",
        digest: D,
        kind: "ecr",
        accountId: "123456789012",
        region: "us-east-1",
      },
    ],
    [
      "public.ecr.aws/nginx/nginx:latest",
      {
        host: "public.ecr.aws",
        path: "nginx/nginx",
        tag: "latest",
        kind: "ecr-public",
      },
    ],
    ["localhost:5000/x", { host: "localhost:5000", path: "x", kind: "other" }],
  ])("%s", (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
  });

  it.each(["", "a:", ":b", "a@sha256:12", "a//b", "a:b:c", "-a", "a b"])(
    "%j is an invalid reference format",
    (text) => {
      expect(parseReference(text)).toEqual({
        error: "invalid reference format",
      });
    },
  );
});

describe("docker never throws", () => {
  it("for random arguments and stdin", async () => {
    const s = session();
    await loginAs(s);
    const word = fc.oneof(
      fc.constantFrom(
        "login",
        "logout",
        "pull",
        "push",
        "images",
        "tag",
        "rmi",
        "inspect",
        "build",
        "image",
        "ls",
        "-u",
        "-p",
        "--password-stdin",
        "-f",
        "AWS",
        HOST,
        `${HOST}/web:v1`,
        "alpine:3.14",
        "alpine",
        "@",
        ":",
      ),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(word, { maxLength: 6 }),
        fc.string({ maxLength: 20 }),
        async (args, stdin) => {
          const r = await docker(args, { stdin, session: s });
          expect(typeof r.stdout).toBe("string");
          expect([0, 1, 125]).toContain(r.exitCode);
          // A crash shows up as a daemon error carrying a JS message; none should happen.
          expect(r.stderr).not.toMatch(
            /TypeError|undefined is not|Cannot read/,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
