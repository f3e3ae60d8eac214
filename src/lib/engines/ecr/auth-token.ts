// ECR's registry password, as GetAuthorizationToken issues it and the registry (here: the `docker`
// program) checks it. Real ECR passwords are base64 of a JSON envelope ({payload, datakey, version,
// type, expiration}); this one has the same outer shape, with a keyed SHA-256 as "payload" so a
// forged or edited password fails, and the caller in "datakey" so the registry knows who pushes.
import type { Caller } from "../world-constants";
import { sha256, toHex } from "../sha256";
import { base64ToText, textToBase64 } from "../base64";

// A constant key: the point is to detect a mistyped or edited password, not to resist attack.
const KEY = "ecr-cfn-course simulated registry key";

export interface RegistryCredential {
  caller: Caller;
  accountId: string;
  region: string;
  /** Epoch milliseconds on the world's clock. */
  expiresAtMs: number;
}

const b64 = textToBase64;
const unb64 = base64ToText;
const mac = (datakey: string, expiration: number): string =>
  toHex(sha256(`${KEY}|${datakey}|${expiration}`));

export function issuePassword(credential: RegistryCredential): string {
  // The principal only: a request's condition context (aws:SourceIp ...) belongs to each later request, not to the token.
  const { arn, accountId, session } = credential.caller;
  const caller: Caller = { arn, accountId, ...(session ? { session } : {}) };
  const datakey = b64(
    JSON.stringify({
      caller,
      accountId: credential.accountId,
      region: credential.region,
    }),
  );
  const expiration = credential.expiresAtMs;
  return b64(
    JSON.stringify({
      payload: mac(datakey, expiration),
      datakey,
      version: "2",
      type: "DATA_KEY",
      expiration,
    }),
  );
}

/** The credential a password stands for, or undefined when it is not one this world issued. Expiry is the caller's to check. */
export function readPassword(password: string): RegistryCredential | undefined {
  try {
    const envelope = JSON.parse(unb64(password.trim())) as {
      payload?: unknown;
      datakey?: unknown;
      expiration?: unknown;
    };
    if (
      typeof envelope.datakey !== "string" ||
      typeof envelope.expiration !== "number" ||
      envelope.payload !== mac(envelope.datakey, envelope.expiration)
    )
      return undefined;
    const data = JSON.parse(unb64(envelope.datakey)) as {
      caller?: Caller;
      accountId?: unknown;
      region?: unknown;
    };
    if (
      !data.caller ||
      typeof data.caller.arn !== "string" ||
      typeof data.accountId !== "string" ||
      typeof data.region !== "string"
    )
      return undefined;
    return {
      caller: data.caller,
      accountId: data.accountId,
      region: data.region,
      expiresAtMs: envelope.expiration,
    };
  } catch {
    return undefined;
  }
}
