// Talking to an ECR registry as the principal `docker login` stored a password for, and turning
// the engine's errors into the lines docker prints for them.
import { readPassword } from "../../engines/ecr/auth-token";
import { AwsError } from "../../engines/errors";
import type { EcrApi, World } from "../../engines/world";
import type { ImageReference } from "./reference";
import type { DockerState } from "./state";

export type Session = { api: EcrApi; registryId: string } | { error: string };

// ecr-facts.md §10 (AWS troubleshooting page; aws-actions/amazon-ecr-login #166).
export const NO_CREDENTIALS = "no basic auth credentials";
export const EXPIRED =
  "denied: Your authorization token has expired. Reauthenticate and try again.";

/** The ECR API for the registry a reference names, as its logged-in principal, or docker's refusal. */
export function registrySession(
  world: World,
  state: DockerState,
  ref: ImageReference,
): Session {
  const login = state.auths[ref.host];
  const credential = login ? readPassword(login.password) : undefined;
  if (!credential || !ref.accountId || !ref.region)
    return { error: NO_CREDENTIALS };
  if (credential.expiresAtMs <= world.clock.nowMs()) return { error: EXPIRED };
  return {
    api: world.ecr(credential.caller, ref.region),
    registryId: ref.accountId,
  };
}

/** What docker prints after "denied: " or similar for an engine error during push or pull. */
export function registryError(e: unknown): string {
  if (!(e instanceof AwsError)) throw e;
  if (e.code === "AccessDeniedException") return `denied: ${e.message}`;
  if (e.code === "RepositoryNotFoundException")
    return `name unknown: ${e.message}`;
  if (e.code === "ImageTagAlreadyExistsException")
    return `tag invalid: ${e.message}`;
  if (e.code === "ImageNotFoundException")
    return "manifest unknown: Requested image not found";
  return `${e.code}: ${e.message}`;
}
