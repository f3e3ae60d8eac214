// The Docker Hub images the simulated docker can pull: the engine's base images (old tags carry
// known CVEs, so a scan of something built on them finds them), each built the same way every time.
import { fakeImage, manifestFor } from "../../engines/ecr/docker";
import { BASE_IMAGES } from "../../engines/ecr/scanning/base-images";
import { sha256Digest } from "../../engines/sha256";
import type { LocalImageRecord } from "./state";
import { toB64 } from "./state";

/** The catalogue entry "name:tag" names (an alias, or "latest" for the newest tag of a name). */
export function catalogueReference(nameTag: string): string | undefined {
  const direct = BASE_IMAGES.find(
    (b) => b.reference === nameTag || (b.aliases ?? []).includes(nameTag),
  );
  if (direct) return direct.reference;
  const [name, tag] = nameTag.split(":");
  if (tag !== "latest") return undefined;
  return BASE_IMAGES.filter((b) => b.reference.split(":")[0] === name).at(-1)
    ?.reference;
}

/** A catalogue image as local bytes, with the digest a registry would give its manifest. */
export function catalogueImage(
  reference: string,
  created: string,
): { record: LocalImageRecord; digest: string } {
  const image = fakeImage(reference, 2, { base: reference });
  const record: LocalImageRecord = {
    id: sha256Digest(image.config),
    repoTags: [],
    repoDigests: [],
    created,
    config: toB64(image.config),
    layers: image.layers.map((l) => ({
      digest: sha256Digest(l),
      size: l.length,
      data: toB64(l),
    })),
  };
  return { record, digest: sha256Digest(manifestFor(image)) };
}
