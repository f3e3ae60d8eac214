import { describe, expect, it } from "vitest";
import { HOST, ecr, loginAs, run, session } from "./helpers";

const DOCKERFILE = `# the app
FROM node:14-alpine
WORKDIR /app
COPY package.json .
RUN npm ci \\
    --omit=dev
COPY src ./src
ENV NODE_ENV=production PORT=8080
LABEL team=web
EXPOSE 8080
CMD ["node", "src/index.js"]
`;

function withFiles(extra: Record<string, string> = {}) {
  const s = session();
  s.files.set("Dockerfile", DOCKERFILE);
  s.files.set("package.json", '{"name":"app"}');
  s.files.set("src/index.js", "console.log(1)");
  for (const [k, v] of Object.entries(extra)) s.files.set(k, v);
  return s;
}

describe("docker build", () => {
  it("builds deterministic layers and config from the Dockerfile", async () => {
    const s = withFiles();
    const r = await run(s, "build -t app:1 .");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      "#2 [1/5] FROM docker.io/library/node:14-alpine\n",
    );
    expect(r.stderr).toContain("[4/5] RUN npm ci --omit=dev\n");
    expect(r.stderr).toMatch(
      /writing image sha256:[0-9a-f]{64} done\n#\d+ naming to docker\.io\/library\/app:1 done\n/,
    );
    const [doc] = JSON.parse((await run(s, "inspect app:1")).stdout) as {
      Id: string;
      Config: Record<string, unknown>;
      RootFS: { Layers: string[] };
    }[];
    expect(doc?.Config).toMatchObject({
      WorkingDir: "/app",
      Env: ["NODE_ENV=production", "PORT=8080"],
      Labels: { team: "web" },
      ExposedPorts: { "8080/tcp": {} },
      Cmd: ["node", "src/index.js"],
    });
    expect(doc?.RootFS.Layers).toHaveLength(2 + 3);
    // Same files, same image; a changed file, a new one.
    const again = withFiles();
    await run(again, "build -t app:1 .");
    expect(JSON.parse((await run(again, "inspect app:1")).stdout)[0].Id).toBe(
      doc?.Id,
    );
    const changed = withFiles({ "src/index.js": "console.log(2)" });
    await run(changed, "build -t app:1 .");
    expect(
      JSON.parse((await run(changed, "inspect app:1")).stdout)[0].Id,
    ).not.toBe(doc?.Id);
  });

  it("a built image pushes to ECR", async () => {
    const s = withFiles();
    ecr(s).call("CreateRepository", { repositoryName: "app" });
    await loginAs(s);
    await run(s, `build -t ${HOST}/app:1 .`);
    const r = await run(s, `push ${HOST}/app:1`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.match(/: Pushed\n/g)).toHaveLength(5);
  });

  it("reads -f and fails on a missing Dockerfile, an unknown base, a missing COPY source", async () => {
    const s = withFiles({
      "docker/Other.dockerfile": "FROM alpine:3.22\nCMD sh\n",
    });
    expect(
      (await run(s, "build -f docker/Other.dockerfile -t o .")).exitCode,
    ).toBe(0);
    const none = session();
    const r = await run(none, "build .");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      "ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n",
    );
    const unknown = withFiles({ Dockerfile: "FROM nosuch:9\n" });
    expect((await run(unknown, "build .")).stderr).toContain(
      "ERROR: failed to solve: nosuch:9: failed to resolve source metadata for docker.io/library/nosuch:9",
    );
    const missing = withFiles({
      Dockerfile: "FROM alpine:3.22\nCOPY nothere /x\n",
    });
    expect((await run(missing, "build .")).stderr).toContain(
      '"/nothere": not found',
    );
    expect((await run(s, "build")).exitCode).toBe(1);
  });
});
