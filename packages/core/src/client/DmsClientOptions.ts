import type { DmsCredentialsOption } from "../credentials/DmsCredentials.js";
import type { DmsNetwork } from "../endpoint/resolveEndpoint.js";
import type { DmsProxy } from "../http/DmsProxy.js";
import type { CertificateAuthority } from "../http/HttpConnection.js";
import type { DmsHooks } from "../logging/DmsHooks.js";
import type { DmsMiddlewareEntry } from "../middleware/MiddlewareStack.js";
import type { DmsRetryOptions } from "../retry/retryPolicy.js";
import type { DmsSigner } from "../signing/DmsSigner.js";

/** Options of `new DmsClient(options)`; all optional. */
export interface DmsClientOptions {
  /** The region, e.g. `cn-hangzhou` (default: ALIBABA_CLOUD_REGION_ID and the aliyun CLI's other region variables, then the profile's region_id). */
  readonly regionId?: string | undefined;
  /** A full URL (`http://` allowed, e.g. for the emulator) or a bare host; wins over regionId (default: ALIBABA_CLOUD_ENDPOINT). */
  readonly endpoint?: string | undefined;
  /** `public` (default) or `vpc` (dms-enterprise-vpc.<region>.aliyuncs.com). */
  readonly network?: DmsNetwork | undefined;
  /** Static credentials, an async provider, or an object with getCredential(); default: the default chain. */
  readonly credentials?: DmsCredentialsOption | undefined;
  /** An aliyun CLI profile / credentials-file section for the default chain (skips the environment). */
  readonly profile?: string | undefined;
  /** `signerV3` (ACS3-HMAC-SHA256, default) or `signerV1` (RPC HMAC-SHA1), both exported by @dmsflow/core. */
  readonly signer?: DmsSigner | undefined;
  /** `POST` (default) or `GET`; parameters go in the query (V3, V1 GET) or a form body (V1 POST). */
  readonly httpMethod?: "POST" | "GET" | undefined;
  /** Time allowed to open a connection (default 5000 ms). */
  readonly connectTimeoutMs?: number | undefined;
  /** The largest response body accepted, in bytes (default 16 MiB); a larger one fails with code ResponseTooLarge. */
  readonly maxResponseBytes?: number | undefined;
  /** Total time allowed per attempt (default 30000 ms). */
  readonly timeoutMs?: number | undefined;
  /** Retry settings (default: 3 attempts, standard backoff), or false for one attempt. */
  readonly retry?: DmsRetryOptions | false | undefined;
  /** Appended to the User-Agent header. */
  readonly userAgent?: string | undefined;
  /** Middleware to add, each at its named step. */
  readonly middleware?: readonly DmsMiddlewareEntry[] | undefined;
  /** Named hooks for logging and metrics, or several sets; they receive redacted requests. `debugHooks()` logs each attempt. */
  readonly hooks?: DmsHooks | readonly (DmsHooks | undefined)[] | undefined;
  /** Whether HTTP 200 with `Success: false` throws DmsBusinessError (default true). */
  readonly throwOnBusinessError?: boolean | undefined;
  /** A forward proxy: `proxyFromEnvironment()` (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) or `httpProxy(url)`; default none. */
  readonly proxy?: DmsProxy | undefined;
  /** Certificate authorities to trust for the endpoint (e.g. an inspecting proxy's). */
  readonly ca?: CertificateAuthority | undefined;
  /** Environment variables to read instead of process.env (region, endpoint, credentials, proxyFromEnvironment). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Home folder for the aliyun CLI config and the credentials file, instead of os.homedir(). */
  readonly homeDir?: string | undefined;
}

/** Every option name, to catch typos. */
export const CLIENT_OPTION_NAMES: readonly (keyof DmsClientOptions)[] = [
  "regionId",
  "endpoint",
  "network",
  "credentials",
  "profile",
  "signer",
  "httpMethod",
  "connectTimeoutMs",
  "timeoutMs",
  "maxResponseBytes",
  "retry",
  "userAgent",
  "middleware",
  "hooks",
  "throwOnBusinessError",
  "proxy",
  "ca",
  "env",
  "homeDir",
];
