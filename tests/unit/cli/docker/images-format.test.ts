// What learners type to look at their images after a build: the repository filter, -q,
// --format (plain and table), and `build -q`, which prints only the image ID.
import { describe, expect, it } from "vitest";
import { run, session } from "./helpers";
import { docker } from "../../../../src/lib/cli/docker";

function built() {
  const s = session();
  s.files.set("Dockerfile", "FROM alpine:3.14\nRUN echo hi\n");
  return s;
}

describe("docker build -q and docker images", () => {
  it("build -q prints the image ID alone; the base image stays in BuildKit's cache, not in the list", async () => {
    const s = built();
    const r = await run(s, "build -q -t app .");
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const listed = await run(s, "images");
    expect(listed.stdout.split("\n").filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(["REPOSITORY", "app"]);
  });

  it("filters by repository and tag, prints IDs with -q, and fills --format templates", async () => {
    const s = built();
    await run(s, "build -q -t app .");
    await run(s, "pull alpine:3.14");
    const id = (await run(s, "images -q app")).stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect((await run(s, "images alpine:3.14")).stdout).toContain("alpine       3.14");
    expect((await run(s, "images alpine:nope")).stdout).toBe("REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n");
    expect((await run(s, 'images --format {{.Repository}}:{{.Tag}}')).stdout).toBe("app:latest\nalpine:3.14\n");
    expect((await run(s, "images app --format {{.ID}}")).stdout).toBe(`${id}\n`);
    // As typed: --format "table {{.Repository}}\t{{.Tag}}" (a backslash and a t, which docker reads as a tab).
    const tabled = await docker(["images", "--format", "table {{.Repository}}\\t{{.Tag}}"], { stdin: "", session: s });
    expect(tabled.stdout).toBe("REPOSITORY   TAG\napp          latest\nalpine       3.14\n");
    expect(await run(s, "images --format {{.Nope}}")).toEqual({
      stdout: "",
      stderr: 'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.imageContext\n',
      exitCode: 1,
    });
  });
});
