import { rpcEncode } from "@dmsflow/client/signing";
import { DmsError } from "./DmsError.js";

/** What replaces a secret in any text dmsflow produces. */
export const REDACTED = "***";

/**
 * Replaces every secret in a text, also in the percent-encoded forms a signed request carries
 * (once for a query value, twice inside a V1 string to sign, which a gateway may echo back).
 * Secrets shorter than 6 characters are left alone: they would match ordinary words.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 6) continue;
    const once = rpcEncode(secret);
    for (const form of once === secret ? [secret] : [secret, once, rpcEncode(once)]) {
      // A gateway may echo an escape in lower case (%2f, %252f): only hex digits may differ.
      const anyCase = form
        .replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")
        .replace(/%(25)?[0-9A-F]{2}/g, (e) => `(?:${e}|${e.toLowerCase()})`);
      out = out.replace(new RegExp(anyCase, "g"), REDACTED);
    }
  }
  return out;
}

/** Rewrites an error's message, stack and string fields so that none of the secrets remain. */
export function redactError(error: unknown, secrets: readonly (string | undefined)[]): void {
  if (!(error instanceof DmsError)) return;
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor && typeof descriptor.value === "string") {
      const clean = redactSecrets(descriptor.value, secrets);
      if (clean !== descriptor.value) Object.defineProperty(error, key, { ...descriptor, value: clean });
    }
  }
}
