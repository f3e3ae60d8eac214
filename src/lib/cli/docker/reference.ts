// Image references as docker parses them (distribution/reference): [host[:port]/]path[:tag][@digest].
// A name with no host is Docker Hub's (docker.io, "library/" for one-part names); a host is a part
// before the first "/" that has a "." or ":" or is "localhost".

export type RegistryKind = "hub" | "ecr" | "ecr-public" | "other";

export interface ImageReference {
  /** Registry host: "docker.io", "public.ecr.aws", "<acct>.dkr.ecr.<region>.amazonaws.com". */
  host: string;
  /** Repository path inside the registry ("library/alpine", "my-app", "alias/repo"). */
  path: string;
  tag?: string;
  digest?: string;
  kind: RegistryKind;
  /** For ECR: the registry's account and Region. */
  accountId?: string;
  region?: string;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const ECR_HOST = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com$/;

export const INVALID_REFERENCE = "invalid reference format";

/** Parses a reference, or returns docker's error text. */
export function parseReference(
  text: string,
): ImageReference | { error: string } {
  if (text === "" || text.length > 255 + 140)
    return { error: INVALID_REFERENCE };
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { error: INVALID_REFERENCE };
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { error: INVALID_REFERENCE };
  }
  const parts = rest.split("/");
  let host = "docker.io";
  const first = parts[0] ?? "";
  if (
    parts.length > 1 &&
    (first.includes(".") || first.includes(":") || first === "localhost")
  ) {
    host = first;
    parts.shift();
  }
  if (parts.length === 0 || !parts.every((p) => PATH_COMPONENT.test(p))) {
    // distribution/reference names the uppercase case with the normalised path (library/ added
    // for Docker Hub), as docker 28.2.2 prints it.
    if (
      parts.some(
        (p) => p !== p.toLowerCase() && PATH_COMPONENT.test(p.toLowerCase()),
      )
    ) {
      const named = host === "docker.io" && parts.length === 1 ? ["library", ...parts] : parts;
      return {
        error: `${INVALID_REFERENCE}: repository name (${named.join("/")}) must be lowercase`,
      };
    }
    return { error: INVALID_REFERENCE };
  }
  if (host === "docker.io" && parts.length === 1) parts.unshift("library");
  const path = parts.join("/");
  const ecr = ECR_HOST.exec(host);
  const base = {
    host,
    path,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
  if (ecr)
    return {
      ...base,
      kind: "ecr",
      accountId: ecr[1] as string,
      region: ecr[2] as string,
    };
  if (host === "public.ecr.aws") return { ...base, kind: "ecr-public" };
  return { ...base, kind: host === "docker.io" ? "hub" : "other" };
}

/** The repository as docker shows it: Hub names without "docker.io/" and "library/". */
export function familiarName(
  ref: Pick<ImageReference, "host" | "path">,
): string {
  if (ref.host !== "docker.io") return `${ref.host}/${ref.path}`;
  return ref.path.startsWith("library/")
    ? ref.path.slice("library/".length)
    : ref.path;
}

/** "name:tag", with docker's default tag when none was given (and no digest). */
export function withTag(ref: ImageReference): string {
  return `${familiarName(ref)}:${ref.tag ?? "latest"}`;
}

/** The reference as the user means it: with its tag or digest, "latest" when neither. */
export function display(ref: ImageReference): string {
  if (ref.digest)
    return `${familiarName(ref)}${ref.tag ? `:${ref.tag}` : ""}@${ref.digest}`;
  return withTag(ref);
}
