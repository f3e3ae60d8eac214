// `docker push` to ECR through the API calls docker makes (engine's pushSteps:
// BatchCheckLayerAvailability, Initiate/Upload/CompleteLayerUpload per missing blob, PutImage),
// as the principal whose password `docker login` stored.
import {
  manifestFor,
  pushSteps,
  type LocalImage,
} from "../../engines/ecr/docker";
import { sha256Digest } from "../../engines/sha256";
import { AwsError } from "../../engines/errors";
import type { ProgramIo, ProgramResult } from "../types";
import { fail, ok } from "./format";
import { parseReference } from "./reference";
import { argumentCount, positionals } from "./usage";
import { registryError, registrySession } from "./registry";
import { EXPLAIN_FLAG, explainFailure } from "./explain";
import { dockerState, findImage, fromB64, short } from "./state";

export function push(args: readonly string[], io: ProgramIo): ProgramResult {
  const explain = args.includes(EXPLAIN_FLAG);
  const names = positionals("push", args);
  if (names.length !== 1)
    return argumentCount("push", "exactly", 1);
  const parsed = parseReference(names[0] as string);
  if ("error" in parsed) return fail(parsed.error);
  const ref = parsed;
  const state = dockerState(io.session);
  const local = `${ref.host === "docker.io" ? "" : `${ref.host}/`}${ref.host === "docker.io" && ref.path.startsWith("library/") ? ref.path.slice(8) : ref.path}:${ref.tag ?? "latest"}`;
  const image =
    state.images.find((i) => i.repoTags.includes(local)) ??
    (ref.digest
      ? findImage(state, `${ref.host}/${ref.path}@${ref.digest}`)
      : undefined);
  // docker/cli: the daemon's answer when no local image carries the tag.
  if (!image)
    return fail(
      `An image does not exist locally with the tag: ${ref.host === "docker.io" ? local.replace(/:latest$/, "") : `${ref.host}/${ref.path}`}`,
    );
  let out = `The push refers to repository [${ref.host === "docker.io" ? `docker.io/${ref.path}` : `${ref.host}/${ref.path}`}]\n`;
  if (ref.kind !== "ecr")
    return fail("denied: requested access to the resource is denied", out);
  const session = registrySession(io.session.world, state, ref);
  const layersTopFirst = [...image.layers].reverse();
  const preparing = layersTopFirst
    .map((l) => `${short(l.digest)}: Preparing\n`)
    .join("");
  if ("error" in session) return fail(session.error, out + preparing);
  const missing = image.layers.find((l) => l.data === undefined);
  const bytes: LocalImage = {
    config: image.config
      ? fromB64(image.config)
      : new TextEncoder().encode("{}"),
    layers: image.layers.map((l) =>
      l.data !== undefined ? fromB64(l.data) : new Uint8Array(),
    ),
  };
  const tag = ref.tag ?? "latest";
  const uploaded = new Set<string>();
  try {
    const steps = pushSteps(bytes, ref.path, tag, session.registryId);
    let next = steps.next();
    while (!next.done) {
      const step = next.value;
      if (step.operation === "InitiateLayerUpload" && missing) {
        // A layer known only by digest (pulled from elsewhere) cannot be uploaded again.
        return fail(
          `blob upload unknown: layer ${short(missing.digest)} is not available locally`,
          out + preparing,
        );
      }
      let output: Record<string, unknown>;
      try {
        output = session.api.callByName(step.operation, step.input) as Record<
          string,
          unknown
        >;
      } catch (e) {
        // Pushing the same image under the same tag again is a no-op for docker, an error for the API.
        if (!(
          e instanceof AwsError &&
          e.code === "ImageAlreadyExistsException" &&
          step.operation === "PutImage"
        ))
          throw e;
        output = {};
      }
      if (step.operation === "CompleteLayerUpload")
        uploaded.add(String(output.layerDigest ?? ""));
      next = steps.next(output);
    }
  } catch (e) {
    if (e instanceof AwsError && e.code === "ImageTagAlreadyExistsException") {
      // The registry's text, as docker shows it (AWS "Troubleshooting errors with Docker commands").
      return fail(
        `tag invalid: The image tag '${tag}' already exists in the '${ref.path}' repository and cannot be overwritten because the repository is immutable.`,
        out + preparing,
      );
    }
    return fail(`${registryError(e)}\n${explain ? explainFailure(e) : ""}`, out + preparing);
  }
  for (const l of layersTopFirst)
    out += uploaded.has(l.digest)
      ? `${short(l.digest)}: Pushed\n`
      : `${short(l.digest)}: Layer already exists\n`;
  // The manifest PutImage stored is the one pushSteps wrote: its digest is the image's digest.
  const manifest = manifestFor(bytes);
  const digest = sha256Digest(manifest);
  const size = new TextEncoder().encode(manifest).length;
  out += `${tag}: digest: ${digest} size: ${size}\n`;
  const record = state.images.find((i) => i === image);
  const repoDigest = `${ref.host}/${ref.path}@${digest}`;
  if (record && !record.repoDigests.includes(repoDigest))
    record.repoDigests.push(repoDigest);
  return ok(out);
}
