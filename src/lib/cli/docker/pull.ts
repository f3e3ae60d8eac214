// `docker pull` from the Hub catalogue, from a private ECR registry (BatchGetImage, then
// GetDownloadUrlForLayer per layer, as the logged-in principal) and from ECR Public (anonymous).
import { pullSteps, runSteps } from "../../engines/ecr/docker";
import { AwsError } from "../../engines/errors";
import type { ProgramIo, ProgramResult } from "../types";
import { catalogueImage, catalogueReference } from "./catalogue";
import { fail, ok } from "./format";
import { argumentCount, positionals } from "./usage";
import { familiarName, parseReference, type ImageReference } from "./reference";
import { registryError, registrySession } from "./registry";
import { EXPLAIN_FLAG, explainFailure } from "./explain";
import {
  dockerState,
  short,
  storeImage,
  type DockerState,
  type LocalImageRecord,
} from "./state";

const daemon = (message: string) =>
  fail(`Error response from daemon: ${message}`);
const withExplanation = (r: ProgramResult, text: string): ProgramResult =>
  text ? { ...r, stderr: r.stderr + text } : r;

// Docker Hub's answer for a name it does not have (confirmed: docker/for-win#9562 and many others).
const hubDenied = (name: string) =>
  daemon(
    `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
  );

interface Pulled {
  record: LocalImageRecord;
  digest: string;
}

/** Bytes already in the local store for a layer digest, so a re-pulled image can be pushed again. */
const knownData = (state: DockerState, digest: string): string | undefined =>
  state.images
    .flatMap((i) => i.layers)
    .find((l) => l.digest === digest && l.data !== undefined)?.data;

function fromManifest(
  state: DockerState,
  manifestText: string,
  created: string,
): LocalImageRecord {
  const manifest = JSON.parse(manifestText) as {
    config?: { digest: string };
    layers?: { digest: string; size: number }[];
  };
  const configDigest = manifest.config?.digest ?? "";
  const known = state.images.find((i) => i.id === configDigest);
  return {
    id: configDigest,
    repoTags: [],
    repoDigests: [],
    created: known?.created ?? created,
    ...(known?.config ? { config: known.config } : {}),
    layers: (manifest.layers ?? []).map((l) => {
      const data = knownData(state, l.digest);
      return {
        digest: l.digest,
        size: l.size,
        ...(data !== undefined ? { data } : {}),
      };
    }),
  };
}

/** Writes the lines docker prints once the manifest is in hand, and stores the image. */
function finish(
  state: DockerState,
  ref: ImageReference,
  pulled: Pulled,
  stdout: string,
): ProgramResult {
  const name = familiarName(ref);
  const tagged = ref.digest ? undefined : `${name}:${ref.tag ?? "latest"}`;
  const had = state.images.find(
    (i) =>
      i.id === pulled.record.id &&
      (tagged === undefined || i.repoTags.includes(tagged)),
  );
  let out =
    stdout +
    `${ref.digest ? ref.digest : (ref.tag ?? "latest")}: Pulling from ${ref.kind === "hub" ? ref.path : ref.path}\n`;
  if (!had)
    for (const l of pulled.record.layers)
      out += `${short(l.digest)}: Pull complete\n`;
  out += `Digest: ${pulled.digest}\n`;
  const shown = ref.digest ? `${name}@${ref.digest}` : (tagged as string);
  out += had
    ? `Status: Image is up to date for ${shown}\n`
    : `Status: Downloaded newer image for ${shown}\n`;
  out += `${ref.host}/${ref.path}${ref.digest ? `@${ref.digest}` : `:${ref.tag ?? "latest"}`}\n`;
  storeImage(state, {
    ...pulled.record,
    repoTags: tagged ? [tagged] : [],
    repoDigests: [`${name}@${pulled.digest}`],
  });
  return ok(out);
}

export function pull(args: readonly string[], io: ProgramIo): ProgramResult {
  const explain = args.includes(EXPLAIN_FLAG);
  const names = positionals("pull", args);
  if (names.length !== 1)
    return argumentCount("pull", "exactly", 1);
  const text = names[0] as string;
  const parsed = parseReference(text);
  if ("error" in parsed) return fail(parsed.error);
  const ref = parsed;
  const state = dockerState(io.session);
  const world = io.session.world;
  const now = world.clock.now().toISOString();
  const defaultTag =
    ref.tag === undefined && ref.digest === undefined
      ? "Using default tag: latest\n"
      : "";
  if (ref.kind === "hub") {
    const name = familiarName(ref);
    const reference = ref.digest
      ? undefined
      : catalogueReference(`${name}:${ref.tag ?? "latest"}`);
    if (!reference) return hubDenied(name);
    const { record, digest } = catalogueImage(reference, now);
    return finish(state, ref, { record, digest }, defaultTag);
  }
  if (ref.kind === "ecr-public") {
    try {
      const got = world.pullPublic(
        `${ref.path}${ref.digest ? `@${ref.digest}` : `:${ref.tag ?? "latest"}`}`,
      );
      return finish(
        state,
        ref,
        {
          record: fromManifest(state, got.imageManifest, now),
          digest: got.imageDigest,
        },
        defaultTag,
      );
    } catch (e) {
      return withExplanation(daemon(pullError(e, ref)), explain ? explainFailure(e) : "");
    }
  }
  if (ref.kind !== "ecr")
    return daemon(
      `Get "https://${ref.host}/v2/": dial tcp: lookup ${ref.host}: no such host`,
    );
  const session = registrySession(world, state, ref);
  const uri = `${ref.host}/${ref.path}`;
  const imageId = ref.digest
    ? { imageDigest: ref.digest }
    : { imageTag: ref.tag ?? "latest" };
  if ("error" in session)
    return daemon(
      `Head "https://${ref.host}/v2/${ref.path}/manifests/${ref.digest ?? ref.tag ?? "latest"}": ${session.error}`,
    );
  let manifest: { text: string; digest: string } | undefined;
  try {
    runSteps(pullSteps(ref.path, imageId, session.registryId), (step) => {
      const output = session.api.callByName(step.operation, step.input) as {
        images?: {
          imageManifest?: string;
          imageId?: { imageDigest?: string };
        }[];
      };
      const image =
        step.operation === "BatchGetImage" ? output.images?.[0] : undefined;
      if (image?.imageManifest)
        manifest = {
          text: image.imageManifest,
          digest: image.imageId?.imageDigest ?? "",
        };
      return output;
    });
  } catch (e) {
    return withExplanation(daemon(pullError(e, ref)), explain ? explainFailure(e) : "");
  }
  if (!manifest)
    return daemon(
      `manifest for ${uri}:${ref.digest ?? ref.tag ?? "latest"} not found: manifest unknown: Requested image not found`,
    );
  return finish(
    state,
    ref,
    {
      record: fromManifest(state, manifest.text, now),
      digest: manifest.digest,
    },
    defaultTag,
  );
}

// The daemon's wording per failure (ecr-facts.md §10; access denied: brief, unverified).
function pullError(e: unknown, ref: ImageReference): string {
  const uri = `${ref.host}/${ref.path}`;
  if (e instanceof AwsError && e.code === "RepositoryNotFoundException")
    return `repository ${uri} not found: ${registryError(e)}`;
  if (e instanceof AwsError && e.code === "ImageNotFoundException")
    return `manifest for ${uri}:${ref.digest ?? ref.tag ?? "latest"} not found: manifest unknown: Requested image not found`;
  if (e instanceof AwsError && e.code === "AccessDeniedException")
    return `pull access denied for ${uri}, repository does not exist or may require 'docker login': ${registryError(e)}`;
  return registryError(e);
}
