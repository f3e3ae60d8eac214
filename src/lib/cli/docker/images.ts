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

/** The columns `--format` can name, with the header docker prints for each in `table` mode. */
const FIELDS: Record<string, string> = {
  Repository: "REPOSITORY",
  Tag: "TAG",
  ID: "IMAGE ID",
  CreatedSince: "CREATED",
  CreatedAt: "CREATED AT",
  Size: "SIZE",
  Digest: "DIGEST",
};

/**
 * `docker images [REPOSITORY[:TAG]]`: one row per tag (an untagged image shows <none>), newest
 * first; `-q` prints the IDs only, `--format` a Go template over the fields above.
 */
export function images(args: readonly string[], io: ProgramIo): ProgramResult {
  const names = positionals("images", args);
  if (names.length > 1) return argumentCount("images", "at most", 1);
  const quiet = args.includes("-q") || args.includes("--quiet");
  const formatAt = args.findIndex((a) => a === "--format" || a.startsWith("--format="));
  const format = formatAt < 0 ? undefined : (args[formatAt] as string).startsWith("--format=") ? (args[formatAt] as string).slice(9) : args[formatAt + 1];
  const state = dockerState(io.session);
  const now = io.session.world.clock.nowMs();
  const [wantRepo, wantTag] = splitFilter(names[0]);
  const rows: Record<string, string>[] = [];
  const sorted = [...state.images].sort((a, b) => b.created.localeCompare(a.created));
  for (const i of sorted) {
    const tags = i.repoTags.length ? i.repoTags : ["<none>:<none>"];
    for (const t of tags) {
      const at = t.lastIndexOf(":");
      const repository = t.slice(0, at);
      const tag = t.slice(at + 1);
      if (wantRepo !== undefined && (repository !== wantRepo || (wantTag !== undefined && tag !== wantTag))) continue;
      rows.push({
        Repository: repository,
        Tag: tag,
        ID: short(i.id),
        CreatedSince: `${humanDuration(now - new Date(i.created).getTime())} ago`,
        CreatedAt: i.created,
        Size: humanSize(sizeOf(i)),
        Digest: i.repoDigests.find((d) => d.startsWith(`${repository}@`))?.split("@")[1] ?? "<none>",
      });
    }
  }
  if (quiet) return ok(rows.map((r) => `${r.ID}\n`).join(""));
  if (format !== undefined) return formatted(format, rows);
  return ok(table([["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"], ...rows.map((r) => [r.Repository, r.Tag, r.ID, r.CreatedSince, r.Size] as string[])]));
}

/** `alpine`, `web:v1`, `localhost:5000/web`: the repository as `docker images` shows it, and the tag if given. */
function splitFilter(name: string | undefined): [string | undefined, string | undefined] {
  if (name === undefined) return [undefined, undefined];
  const ref = parseReference(name);
  if ("error" in ref) return [name, undefined];
  return [familiarName(ref), ref.tag];
}

/** A Go template with `{{.Field}}` placeholders; `table ...` adds the header row and aligns columns. */
function formatted(format: string, rows: Record<string, string>[]): ProgramResult {
  const isTable = format.startsWith("table");
  const template = isTable ? format.slice(5).trimStart() : format;
  const text = template.replace(/\\t/g, "\t");
  const unknown = /\{\{\s*\.(\w+)\s*\}\}/g;
  for (const m of text.matchAll(unknown)) {
    // (unverified) Go's text/template error for a field the image context lacks.
    if (!((m[1] as string) in FIELDS))
      return fail(`template: :1:${(m.index ?? 0) + 2}: executing "" at <.${m[1]}>: can't evaluate field ${m[1]} in type *formatter.imageContext`);
  }
  const fill = (row: Record<string, string>) => text.replace(unknown, (_, f: string) => row[f] ?? "");
  if (!isTable) return ok(rows.map((r) => `${fill(r)}\n`).join(""));
  const header = text.replace(unknown, (_, f: string) => FIELDS[f] ?? f);
  const lines = [header, ...rows.map(fill)].map((l) => l.split("\t"));
  return ok(table(lines));
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
