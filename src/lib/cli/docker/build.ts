// `docker build` from the editor's files: a Dockerfile's FROM (the catalogue or a local image),
// RUN/COPY/ADD as layers whose bytes follow from the instruction (and the copied files), and
// ENV/CMD/ENTRYPOINT/WORKDIR/EXPOSE/LABEL/USER into the config. No timestamps go into the bytes,
// so the same Dockerfile and files always give the same image ID. Progress goes to stderr, as
// BuildKit writes it; the lines are a short form of BuildKit's plain progress output.
import { sha256Digest } from "../../engines/sha256";
import type { ProgramIo, ProgramResult } from "../types";
import { catalogueImage, catalogueReference } from "./catalogue";
import { fail } from "./format";
import { parseReference, withTag } from "./reference";
import {
  dockerState,
  findImage,
  setTag,
  storeImage,
  toB64,
  type LocalImageRecord,
  type LocalLayer,
} from "./state";

interface Instruction {
  keyword: string;
  rest: string;
}

/** Joins backslash continuations and drops comments and blank lines. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = "";
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (pending === "" && (line === "" || line.startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trimEnd()} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = "";
    const m = /^(\S+)\s*(.*)$/.exec(full);
    if (m)
      out.push({
        keyword: (m[1] as string).toUpperCase(),
        rest: m[2] as string,
      });
  }
  if (pending.trim()) {
    const m = /^(\S+)\s*(.*)$/.exec(pending.trim());
    if (m)
      out.push({
        keyword: (m[1] as string).toUpperCase(),
        rest: m[2] as string,
      });
  }
  return out;
}

/** Exec form (["a","b"]) or shell form (wrapped in /bin/sh -c), as docker stores CMD and ENTRYPOINT. */
function commandOf(rest: string): string[] {
  if (rest.startsWith("[")) {
    try {
      const parsed = JSON.parse(rest) as unknown;
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === "string"))
        return parsed as string[];
    } catch {
      // Not valid JSON: docker then treats it as shell form.
    }
  }
  return ["/bin/sh", "-c", rest];
}

/** key=value pairs (or the legacy "key value" form) of ENV and LABEL. */
function pairs(rest: string): [string, string][] {
  const tokens = rest.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
  if (tokens.length >= 1 && !(tokens[0] as string).includes("="))
    return [
      [tokens[0] as string, tokens.slice(1).join(" ").replace(/^"|"$/g, "")],
    ];
  return tokens.map((t) => {
    const at = t.indexOf("=");
    return [t.slice(0, at), t.slice(at + 1).replace(/^"|"$/g, "")];
  });
}

const normalizePath = (p: string): string =>
  p.replace(/^\.\//, "").replace(/^\/+/, "").replace(/\/+$/, "");

const failed = (stderr: string, message: string): ProgramResult =>
  fail(`${stderr}ERROR: failed to solve: ${message}`);

export function build(args: readonly string[], io: ProgramIo): ProgramResult {
  const tags: string[] = [];
  let quiet = false;
  let dockerfile: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-t" || a === "--tag") tags.push(args[++i] ?? "");
    else if (a === "-f" || a === "--file") dockerfile = args[++i] ?? "";
    else if (a === "--build-arg" || a === "--platform" || a === "--target") i++;
    else if (a === "-q" || a === "--quiet") quiet = true;
    else if (a.startsWith("-")) continue;
    else positional.push(a);
  }
  if (positional.length !== 1)
    return fail(
      `ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build`,
    );
  for (const t of tags) {
    const parsed = parseReference(t);
    if ("error" in parsed)
      return fail(`ERROR: invalid tag "${t}": ${parsed.error}`);
  }
  const files = io.session.files;
  const context = normalizePath(positional[0] as string);
  const inContext = (p: string): string =>
    normalizePath(
      context && context !== "." ? `${context}/${normalizePath(p)}` : p,
    );
  const dfName = dockerfile ?? "Dockerfile";
  const dfPath =
    dockerfile !== undefined
      ? normalizePath(dockerfile)
      : inContext("Dockerfile");
  const dfText =
    files.get(dfPath) ?? files.get(`/${dfPath}`) ?? files.get(`./${dfPath}`);
  let err = "#1 [internal] load build definition from " + dfName + "\n";
  // BuildKit's text for a missing Dockerfile (unverified).
  if (dfText === undefined)
    return failed(
      err + "#1 ERROR: open Dockerfile: no such file or directory\n",
      `failed to read dockerfile: open ${dfName}: no such file or directory`,
    );
  err += "#1 DONE 0.0s\n";
  const steps = instructions(dfText);
  const from = steps.find((s) => s.keyword === "FROM");
  // Only ARG may come before the first FROM.
  if (!from || steps.find((s) => s.keyword !== "ARG") !== from)
    return failed(
      err,
      "failed to solve with frontend dockerfile.v0: failed to create LLB definition: no build stage in current context",
    );
  const state = dockerState(io.session);
  const world = io.session.world;
  const now = world.clock.now().toISOString();
  const baseName = from.rest.split(/\s+/)[0] as string;
  const baseRef = parseReference(baseName);
  if ("error" in baseRef)
    return failed(
      err,
      `failed to parse stage name "${baseName}": ${baseRef.error}`,
    );
  let base: LocalImageRecord | undefined = findImage(state, withTag(baseRef));
  if (!base && baseRef.kind === "hub") {
    const ref = catalogueReference(withTag(baseRef));
    // BuildKit fetches the base into its own cache: it does not appear in `docker images`.
    if (ref) base = { ...catalogueImage(ref, now).record, repoTags: [] };
  }
  // BuildKit's refusal of an unknown base image (unverified wording after the reference).
  if (!base)
    return failed(
      err,
      `${baseName}: failed to resolve source metadata for ${baseRef.host}/${baseRef.path}:${baseRef.tag ?? "latest"}: pull access denied, repository does not exist or may require authorization`,
    );
  const layerSteps = steps.filter((s) =>
    ["FROM", "RUN", "COPY", "ADD", "WORKDIR"].includes(s.keyword),
  );
  const total = layerSteps.length;
  const enc = new TextEncoder();
  const layers: LocalLayer[] = [...base.layers];
  let baseConfig: { config?: Record<string, unknown> } = {};
  try {
    baseConfig = base.config
      ? (JSON.parse(
          new TextDecoder().decode(
            Uint8Array.from(atob(base.config), (c) => c.charCodeAt(0)),
          ),
        ) as typeof baseConfig)
      : {};
  } catch {
    // An unreadable base config starts the new one empty.
  }
  const config: Record<string, unknown> = { ...(baseConfig.config ?? {}) };
  const env: string[] = Array.isArray(config.Env)
    ? [...(config.Env as string[])]
    : [];
  const labels: Record<string, string> = {
    ...((config.Labels as Record<string, string> | undefined) ?? {}),
  };
  const ports: Record<string, object> = {
    ...((config.ExposedPorts as Record<string, object> | undefined) ?? {}),
  };
  let n = 2;
  let shown = 0;
  const step = (text: string) => {
    shown++;
    err += `#${n} [${shown}/${total}] ${text}\n#${n} DONE 0.0s\n`;
    n++;
  };
  for (const s of steps) {
    switch (s.keyword) {
      case "FROM":
        step(`FROM ${baseRef.host}/${baseRef.path}:${baseRef.tag ?? "latest"}`);
        break;
      case "RUN": {
        const bytes = enc.encode(`RUN ${s.rest}\n`.repeat(16));
        layers.push({
          digest: sha256Digest(bytes),
          size: bytes.length,
          data: toB64(bytes),
        });
        step(`RUN ${s.rest}`);
        break;
      }
      case "COPY":
      case "ADD": {
        const words = s.rest.split(/\s+/).filter((w) => !w.startsWith("--"));
        const dest = words.pop() ?? ".";
        const copied: string[] = [];
        for (const src of words) {
          const p = inContext(src);
          // "." is the whole build context; a path names a file or everything under a folder.
          const matches = [...files.keys()].filter((k) => {
            const key = normalizePath(k);
            return (
              p === "" || p === "." || key === p || key.startsWith(`${p}/`)
            );
          });
          // BuildKit's text for a missing COPY source (unverified).
          if (matches.length === 0)
            return failed(
              err,
              `failed to compute cache key: failed to calculate checksum of ref: "/${normalizePath(src)}": not found`,
            );
          for (const k of matches.sort())
            copied.push(`${k}\n${files.get(k) ?? ""}`);
        }
        const bytes = enc.encode(
          `${s.keyword} -> ${dest}\n${copied.join("\n")}`,
        );
        layers.push({
          digest: sha256Digest(bytes),
          size: bytes.length,
          data: toB64(bytes),
        });
        step(`${s.keyword} ${s.rest}`);
        break;
      }
      case "WORKDIR":
        config.WorkingDir = s.rest;
        step(`WORKDIR ${s.rest}`);
        break;
      case "ENV":
        for (const [k, v] of pairs(s.rest)) {
          const at = env.findIndex((e) => e.startsWith(`${k}=`));
          if (at >= 0) env.splice(at, 1);
          env.push(`${k}=${v}`);
        }
        break;
      case "LABEL":
        for (const [k, v] of pairs(s.rest)) labels[k] = v;
        break;
      case "EXPOSE":
        for (const p of s.rest.split(/\s+/).filter(Boolean))
          ports[p.includes("/") ? p : `${p}/tcp`] = {};
        break;
      case "CMD":
        config.Cmd = commandOf(s.rest);
        break;
      case "ENTRYPOINT":
        config.Entrypoint = commandOf(s.rest);
        break;
      case "USER":
        config.User = s.rest;
        break;
      case "ARG":
        break;
      default:
        // BuildKit's wording for an unknown instruction (unverified).
        return failed(
          err,
          `dockerfile parse error: unknown instruction: ${s.keyword}`,
        );
    }
  }
  if (env.length) config.Env = env;
  if (Object.keys(labels).length) config.Labels = labels;
  if (Object.keys(ports).length) config.ExposedPorts = ports;
  const configBytes = enc.encode(
    JSON.stringify({
      architecture: "amd64",
      os: "linux",
      config,
      rootfs: { type: "layers", diff_ids: layers.map((l) => l.digest) },
    }),
  );
  const id = sha256Digest(configBytes);
  const named = tags.map((t) => {
    const p = parseReference(t);
    return "error" in p ? t : withTag(p);
  });
  const image = storeImage(state, {
    id,
    repoTags: [],
    repoDigests: [],
    created: now,
    config: toB64(configBytes),
    layers,
  });
  for (const t of named) setTag(state, image, t);
  err += `#${n} exporting to image\n#${n} writing image ${id} done\n`;
  for (const t of named) {
    const p = parseReference(t);
    err += `#${n} naming to ${"error" in p ? t : `${p.host}/${p.path}:${p.tag ?? "latest"}`} done\n`;
  }
  err += `#${n} DONE 0.0s\n`;
  // --quiet: no progress, only the image ID on stdout.
  if (quiet) return { stdout: `${id}\n`, stderr: "", exitCode: 0 };
  return { stdout: "", stderr: err, exitCode: 0 };
}
