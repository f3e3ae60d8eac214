// docker's per-session state, kept as plain JSON in session.programs.get('docker') so a saved
// terminal session survives a reload: logins per registry host and the local image store.
import type { ShellSession } from "../types";

export interface LocalLayer {
  digest: string;
  size: number;
  /** The layer's bytes, base64; absent when only the digest is known (pulled from ECR). */
  data?: string;
}

export interface LocalImageRecord {
  /** The config digest ("sha256:..."): docker's image ID. */
  id: string;
  repoTags: string[];
  repoDigests: string[];
  /** ISO instant on the world's clock. */
  created: string;
  /** The config JSON, base64, when known. */
  config?: string;
  layers: LocalLayer[];
}

export interface DockerLogin {
  username: string;
  password: string;
}

export interface DockerState {
  /** Registry host → the credentials `docker login` stored for it. */
  auths: Record<string, DockerLogin>;
  images: LocalImageRecord[];
}

const isState = (v: unknown): v is DockerState =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as DockerState).auths === "object" &&
  Array.isArray((v as DockerState).images);

/** The session's docker state, created empty on first use. */
export function dockerState(session: ShellSession): DockerState {
  const found = session.programs.get("docker");
  if (isState(found)) return found;
  const fresh: DockerState = { auths: {}, images: [] };
  session.programs.set("docker", fresh);
  return fresh;
}

export const toB64 = (bytes: Uint8Array): string =>
  btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
export const fromB64 = (text: string): Uint8Array =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The image a tag or an ID (full, "sha256:"-less or a 12+ hex prefix) names. */
export function findImage(
  state: DockerState,
  name: string,
): LocalImageRecord | undefined {
  const byTag = state.images.find(
    (i) => i.repoTags.includes(name) || i.repoDigests.includes(name),
  );
  if (byTag) return byTag;
  const hex = name.replace(/^sha256:/, "");
  if (/^[a-f0-9]{4,64}$/.test(hex))
    return state.images.find((i) => i.id.slice(7).startsWith(hex));
  return undefined;
}

/** Moves a tag onto an image, taking it off whichever image had it (docker tags are unique). */
export function setTag(
  state: DockerState,
  image: LocalImageRecord,
  tag: string,
): void {
  for (const other of state.images)
    if (other !== image)
      other.repoTags = other.repoTags.filter((t) => t !== tag);
  if (!image.repoTags.includes(tag)) image.repoTags.push(tag);
}

/** Adds an image, or merges tags, digests and known bytes into the one with the same ID. */
export function storeImage(
  state: DockerState,
  image: LocalImageRecord,
): LocalImageRecord {
  let stored = state.images.find((i) => i.id === image.id);
  if (stored) {
    const known = stored;
    known.layers = known.layers.map((l, i) =>
      l.data === undefined && image.layers[i]?.data !== undefined
        ? { ...l, data: image.layers[i]?.data as string }
        : l,
    );
    if (known.config === undefined && image.config !== undefined)
      known.config = image.config;
  } else {
    stored = { ...image, repoTags: [], repoDigests: [] };
    state.images.push(stored);
  }
  for (const t of image.repoTags) setTag(state, stored, t);
  for (const d of image.repoDigests)
    if (!stored.repoDigests.includes(d)) stored.repoDigests.push(d);
  return stored;
}

/** The 12 hex digits docker shows for a digest or image ID. */
export const short = (digest: string): string =>
  digest.replace(/^sha256:/, "").slice(0, 12);
