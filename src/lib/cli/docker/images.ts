// The local image store's commands: `docker images`, `docker tag`, `docker rmi`, `docker inspect`.
import type { ProgramIo, ProgramResult } from "../types";
import { fail, humanDuration, humanSize, ok, table } from "./format";
import { familiarName, parseReference, withTag } from "./reference";
import { argumentCount, positionals } from "./usage";
import {
  dockerState,
  findImage,
  fromB64,
  setTag,
  short,
  type LocalImageRecord,
} from "./state";

const sizeOf = (i: LocalImageRecord): number =>
  i.layers.reduce((n, l) => n + l.size, 0);

/** `docker images`: one row per tag (an untagged image shows <none>), newest first. */
export function images(args: readonly string[], io: ProgramIo): ProgramResult {
  if (positionals("images", args).length > 1)
    return argumentCount("images", "at most", 1);
  const state = dockerState(io.session);
  const now = io.session.world.clock.nowMs();
  const rows: string[][] = [
    ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"],
  ];
  const sorted = [...state.images].sort((a, b) =>
    b.created.localeCompare(a.created),
  );
  for (const i of sorted) {
    const created = `${humanDuration(now - new Date(i.created).getTime())} ago`;
    const tags = i.repoTags.length ? i.repoTags : ["<none>:<none>"];
    for (const t of tags) {
      const at = t.lastIndexOf(":");
      rows.push([
        t.slice(0, at),
        t.slice(at + 1),
        short(i.id),
        created,
        humanSize(sizeOf(i)),
      ]);
    }
  }
  return ok(table(rows));
}

/** `docker tag SOURCE TARGET`: a second name for a local image. */
export function tag(args: readonly string[], io: ProgramIo): ProgramResult {
  if (args.length !== 2)
    return argumentCount("tag", "exactly", 2);
  const state = dockerState(io.session);
  const [source, target] = args as [string, string];
  const src = parseReference(source);
  const dst = parseReference(target);
  // The client library parses both names before it asks the daemon (client/image_tag.go).
  const local = findImage(state, source);
  if (!local && "error" in src)
    return fail(
      `Error parsing reference: "${source}" is not a valid repository/tag: ${src.error}`,
    );
  if ("error" in dst)
    return fail(
      `Error parsing reference: "${target}" is not a valid repository/tag: ${dst.error}`,
    );
  const image =
    local ?? ("error" in src ? undefined : findImage(state, withTag(src)));
  if (!image)
    return fail(
      `Error response from daemon: No such image: ${"error" in src ? source : withTag(src)}`,
    );
  if (dst.digest)
    return fail("refusing to create a tag with a digest reference");
  setTag(state, image, withTag(dst));
  return ok("");
}

/** `docker rmi`: untags; removes the image when its last tag goes or when named by ID. */
export function rmi(args: readonly string[], io: ProgramIo): ProgramResult {
  const state = dockerState(io.session);
  const force = args.includes("-f") || args.includes("--force");
  const names = args.filter((a) => !a.startsWith("-"));
  if (names.length === 0)
    return argumentCount("rmi", "at least", 1);
  let stdout = "";
  let stderr = "";
  for (const name of names) {
    const parsed = parseReference(name);
    const asTag = "error" in parsed ? name : withTag(parsed);
    const image =
      state.images.find((i) => i.repoTags.includes(asTag)) ??
      findImage(state, name);
    if (!image) {
      stderr += `Error response from daemon: No such image: ${asTag}\n`;
      continue;
    }
    const byTag = image.repoTags.includes(asTag);
    if (byTag && image.repoTags.length > 1) {
      image.repoTags = image.repoTags.filter((t) => t !== asTag);
      stdout += `Untagged: ${asTag}\n`;
      continue;
    }
    if (!byTag && image.repoTags.length > 1 && !force) {
      stderr += `Error response from daemon: conflict: unable to delete ${short(image.id)} (must be forced) - image is referenced in multiple repositories\n`;
      continue;
    }
    for (const t of image.repoTags) stdout += `Untagged: ${t}\n`;
    for (const d of image.repoDigests) stdout += `Untagged: ${d}\n`;
    stdout += `Deleted: ${image.id}\n`;
    state.images = state.images.filter((i) => i !== image);
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** `docker inspect`: a JSON array of the images, with the fields labs read. */
export function inspect(args: readonly string[], io: ProgramIo): ProgramResult {
  const state = dockerState(io.session);
  const names = args.filter((a) => !a.startsWith("-"));
  if (names.length === 0)
    return argumentCount("inspect", "at least", 1);
  const found: unknown[] = [];
  let stderr = "";
  for (const name of names) {
    const parsed = parseReference(name);
    const image =
      findImage(state, name) ??
      ("error" in parsed ? undefined : findImage(state, withTag(parsed)));
    if (!image) {
      stderr += `Error: No such object: ${name}\n`;
      continue;
    }
    let config: Record<string, unknown> = {};
    try {
      const doc = image.config
        ? (JSON.parse(new TextDecoder().decode(fromB64(image.config))) as {
            config?: Record<string, unknown>;
          })
        : {};
      config = doc.config ?? {};
    } catch {
      // A config that is not JSON shows as empty, as an image without one does.
    }
    found.push({
      Id: image.id,
      RepoTags: image.repoTags,
      RepoDigests: image.repoDigests,
      Created: image.created,
      Config: config,
      Architecture: "amd64",
      Os: "linux",
      Size: sizeOf(image),
      RootFS: { Type: "layers", Layers: image.layers.map((l) => l.digest) },
    });
  }
  return {
    stdout: `${JSON.stringify(found, null, 4)}\n`,
    stderr,
    exitCode: stderr ? 1 : 0,
  };
}

export { familiarName };
