import { DmsCredentialsError } from "../errors/localErrors.js";
import type { CredentialChainOptions, DmsCredentials, DmsCredentialsOption } from "./DmsCredentials.js";
import { resolveCredentials } from "./resolveCredentials.js";

/** How long before `expiration` credentials are refreshed (less when they live shorter than twice this). */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/**
 * Holds a client's credentials: the static ones, a provider's (refreshed shortly before they
 * expire, one refresh at a time), or the default chain's (resolved once). `get()` answers
 * synchronously while the cached value is fresh, so the common call costs no extra await.
 */
export class CredentialCache {
  readonly #load: () => Promise<DmsCredentials>;
  readonly #memoize: boolean;
  readonly #now: () => number;
  #current: DmsCredentials | undefined;
  #refreshAt = Number.POSITIVE_INFINITY;
  #expiresAt = Number.POSITIVE_INFINITY;
  #pending: Promise<DmsCredentials> | undefined;

  constructor(option: DmsCredentialsOption | undefined, chain: CredentialChainOptions, now: () => number = Date.now) {
    this.#now = now;
    this.#memoize = true;
    if (option === undefined) {
      this.#load = () => resolveCredentials(chain);
    } else if (typeof option === "function") {
      this.#load = option;
    } else if (typeof (option as { getCredential?: unknown }).getCredential === "function") {
      // Such objects (e.g. @alicloud/credentials) cache and refresh on their own; ask them every time.
      const source = option as { getCredential(): Promise<DmsCredentials> };
      this.#load = () => source.getCredential();
      this.#memoize = false;
    } else if (option !== null && typeof option === "object") {
      const fixed = checkCredentials(option as DmsCredentials, "credentials");
      this.#load = () => Promise.resolve(fixed);
      if (expiryOf(fixed) === Number.POSITIVE_INFINITY) this.#current = fixed;
    } else {
      throw new DmsCredentialsError(
        "InvalidCredentials",
        "credentials must be {accessKeyId, accessKeySecret, securityToken?}, an async function returning that, or an object with getCredential().",
      );
    }
  }

  /** The credentials to sign with: synchronously when the cached ones are fresh, else a promise. */
  get(): DmsCredentials | Promise<DmsCredentials> {
    const current = this.#current;
    if (current !== undefined) {
      if (this.#refreshAt === Number.POSITIVE_INFINITY) return current;
      const now = this.#now();
      if (now < this.#refreshAt) return current;
      if (now < this.#expiresAt) {
        // Still valid: refresh in the background and keep signing with what we have.
        this.#refresh().catch(() => undefined);
        return current;
      }
    }
    return this.#refresh();
  }

  #refresh(): Promise<DmsCredentials> {
    if (!this.#memoize) return this.#load().then((c) => checkCredentials(c, "getCredential()"));
    this.#pending ??= this.#load().then(
      (loaded) => {
        this.#pending = undefined;
        const credentials = checkCredentials(loaded, "the credentials provider");
        const now = this.#now();
        const expiresAt = expiryOf(credentials);
        if (expiresAt <= now) {
          throw new DmsCredentialsError(
            "CredentialsExpired",
            `The credentials expired at ${new Date(expiresAt).toISOString()}; return fresh ones from the provider.`,
          );
        }
        this.#current = credentials;
        this.#expiresAt = expiresAt;
        this.#refreshAt =
          expiresAt === Number.POSITIVE_INFINITY
            ? expiresAt
            : expiresAt - Math.min(REFRESH_BEFORE_EXPIRY_MS, (expiresAt - now) / 2);
        return credentials;
      },
      (error: unknown) => {
        this.#pending = undefined;
        if (error instanceof DmsCredentialsError) throw error;
        const why = error instanceof Error ? error.message : String(error);
        throw new DmsCredentialsError("CredentialsProviderFailed", `The credentials provider failed: ${why}`);
      },
    );
    return this.#pending;
  }
}

function checkCredentials(value: DmsCredentials, from: string): DmsCredentials {
  if (value === null || typeof value !== "object") {
    throw new DmsCredentialsError("InvalidCredentials", `${from} returned no credentials object.`);
  }
  for (const field of ["accessKeyId", "accessKeySecret"] as const) {
    if (typeof value[field] !== "string" || value[field] === "") {
      throw new DmsCredentialsError("InvalidCredentials", `${from} has no ${field}; it must be a non-empty string.`);
    }
  }
  if (value.securityToken !== undefined && value.securityToken !== null && typeof value.securityToken !== "string") {
    throw new DmsCredentialsError("InvalidCredentials", `${from} has a securityToken that is not a string.`);
  }
  return value;
}

function expiryOf(credentials: DmsCredentials): number {
  const { expiration } = credentials;
  if (expiration === undefined || expiration === null) return Number.POSITIVE_INFINITY;
  const at =
    expiration instanceof Date ? expiration.getTime() : typeof expiration === "number" ? expiration : Date.parse(expiration);
  if (Number.isNaN(at)) {
    throw new DmsCredentialsError(
      "InvalidCredentials",
      "The credentials' expiration is not a date, epoch milliseconds or ISO text.",
    );
  }
  return at;
}
