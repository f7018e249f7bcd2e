import type { Command, DmsTransport, ResumeTaskFlowInstanceInput } from "@dmsflow/client";
import { CredentialCache } from "../credentials/CredentialCache.js";
import { resolveEndpoint } from "../endpoint/resolveEndpoint.js";
import { resolveRegion } from "../endpoint/resolveRegion.js";
import { DmsConfigError } from "../errors/localErrors.js";
import { type DmsHttpResponse, firstHeader } from "../http/DmsHttpMessage.js";
import type { DmsProxy } from "../http/DmsProxy.js";
import { HttpConnection } from "../http/HttpConnection.js";
import { sendHttpRequest } from "../http/sendHttpRequest.js";
import { combineHooks } from "../logging/combineHooks.js";
import type { DmsHooks } from "../logging/DmsHooks.js";
import { redactRequest } from "../logging/redactRequest.js";
import { buildMiddleware } from "../middleware/buildMiddleware.js";
import type { DmsCall, DmsFinalizeArgs, DmsResponseResult } from "../middleware/DmsStepArgs.js";
import { deserializeMiddleware } from "../middleware/deserializeMiddleware.js";
import { type DmsHandler, MiddlewareStack } from "../middleware/MiddlewareStack.js";
import { retryMiddleware } from "../middleware/retryMiddleware.js";
import { serializeMiddleware } from "../middleware/serializeMiddleware.js";
import { signMiddleware } from "../middleware/signMiddleware.js";
import { type ResolvedRetry, resolveRetry } from "../retry/retryPolicy.js";
import { type DmsSignatureVersion, type DmsSigner, signerV3 } from "../signing/DmsSigner.js";
import {
  type ResumeSafelyOptions,
  type ResumeTaskFlowInstanceResult,
  resumeTaskFlowInstanceSafely,
} from "../taskFlowInstances/resumeTaskFlowInstanceSafely.js";
import type { DmsCallOptions } from "./DmsCallOptions.js";
import { CLIENT_OPTION_NAMES, type DmsClientOptions } from "./DmsClientOptions.js";
import { userAgent } from "./userAgent.js";

/** Default time allowed to open a connection. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** Default total time allowed per attempt. */
export const DEFAULT_TIMEOUT_MS = 30_000;

interface CallSettings {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  retry: ResolvedRetry;
  throwOnBusinessError: boolean;
}

/**
 * The DMS Enterprise client: `send(command, input, options)`, which every generated function and
 * paginator of @dmsflow/client takes, plus the safe `resumeTaskFlowInstance`. Like AWS SDK v3's
 * bare clients it carries no other operation, so a program bundles only the operations it imports;
 * DmsEnterprise has one method per operation. Each call runs the middleware steps initialize ->
 * serialize -> build -> finalizeRequest (retry, sign) -> deserialize over a keep-alive connection.
 */
export class DmsClient implements DmsTransport<DmsCallOptions> {
  /** The endpoint origin, e.g. `https://dms-enterprise.cn-hangzhou.aliyuncs.com`. */
  readonly endpoint: string;
  /** The region, when one was given. */
  readonly regionId: string | undefined;
  /** The signature the client sends. */
  readonly signatureVersion: DmsSignatureVersion;
  /** The middleware stack; add or remove entries by step and name. */
  readonly middleware: MiddlewareStack;
  readonly #connection: HttpConnection;
  readonly #hooks: DmsHooks;
  readonly #defaults: CallSettings;

  constructor(options: DmsClientOptions = {}) {
    checkOptionNames(options);
    const env = options.env ?? process.env;
    // ALIBABA_CLOUD_ENDPOINT is the aliyun CLI's override; an endpoint needs no region, so the
    // aliyun CLI config is only read when it helps.
    const given = options.endpoint ?? (env.ALIBABA_CLOUD_ENDPOINT || undefined);
    this.regionId =
      options.regionId ??
      (given === undefined ? resolveRegion({ env, homeDir: options.homeDir, profile: options.profile }) : undefined);
    const endpoint = resolveEndpoint({ regionId: this.regionId, endpoint: given, network: options.network });
    this.endpoint = endpoint.origin;
    const signer = checkSigner(options.signer);
    this.signatureVersion = signer.version;
    const method = oneOf("httpMethod", options.httpMethod, ["POST", "GET"], "POST");
    const connectTimeoutMs = positive("connectTimeoutMs", options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS);
    this.#defaults = {
      signal: undefined,
      timeoutMs: positive("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS),
      retry: resolveRetry(options.retry),
      throwOnBusinessError: options.throwOnBusinessError ?? true,
    };
    this.#connection = new HttpConnection(endpoint, checkProxy(options.proxy), env, connectTimeoutMs, options.ca);
    const cap = options.maxResponseBytes;
    if (cap !== undefined) {
      if (!(Number.isSafeInteger(cap) && cap > 0)) {
        throw new DmsConfigError(
          "maxResponseBytes",
          `maxResponseBytes must be a positive whole number of bytes, got ${String(cap)}.`,
        );
      }
      this.#connection.maxResponseBytes = cap;
    }
    this.#hooks = combineHooks(Array.isArray(options.hooks) ? options.hooks : [options.hooks as DmsHooks | undefined]);
    const credentials = new CredentialCache(options.credentials, { env, homeDir: options.homeDir, profile: options.profile });

    this.middleware = new MiddlewareStack(this.#transport, [
      { step: "serialize", name: "serializeInput", middleware: serializeMiddleware },
      {
        step: "build",
        name: "buildRequest",
        middleware: buildMiddleware({ host: endpoint.host, userAgent: userAgent(options.userAgent), method }),
      },
      { step: "finalizeRequest", name: "retry", middleware: retryMiddleware(this.#hooks) },
      { step: "finalizeRequest", name: "sign", middleware: signMiddleware(credentials, signer) },
      { step: "deserialize", name: "deserializeResponse", middleware: deserializeMiddleware },
    ]);
    for (const entry of options.middleware ?? []) this.middleware.add(entry);
  }

  /** Sends any generated command: serializes, signs, sends with retries, and deserializes. */
  async send<Input, Output>(command: Command<Input, Output>, input: Input, options?: DmsCallOptions): Promise<Output> {
    const call = this.#call(command as unknown as Command<unknown, unknown>, options);
    const onComplete = this.#hooks.onComplete;
    const startedAt = performance.now();
    try {
      const { output, attempts } = await this.middleware.handler()({ call, input });
      onComplete?.({ action: call.action, attempts, durationMs: performance.now() - startedAt, error: undefined });
      return output as Output;
    } catch (error) {
      // A DmsError knows its attempts; anything else failed before the first attempt finished.
      const attempts = (error as { attempts?: number } | undefined)?.attempts ?? 0;
      onComplete?.({ action: call.action, attempts, durationMs: performance.now() - startedAt, error });
      throw error;
    }
  }

  /** Closes the kept-alive connections; calls made afterwards open new ones. */
  destroy(): void {
    this.#connection.destroy();
  }

  /**
   * Resumes a suspended task-flow instance with resumeTaskFlowInstanceSafely: safe to retry, and
   * `recovered` says when the outcome was found by looking rather than answered (README, "Resume safety").
   */
  resumeTaskFlowInstance(
    input: ResumeTaskFlowInstanceInput,
    options?: ResumeSafelyOptions,
  ): Promise<ResumeTaskFlowInstanceResult> {
    const throwOnBusinessError = options?.throwOnBusinessError ?? this.#defaults.throwOnBusinessError;
    return resumeTaskFlowInstanceSafely(this, input, { ...options, throwOnBusinessError });
  }

  // The final handler: one attempt over HTTP. An absent hook's event is never built (?.() skips its argument).
  readonly #transport: DmsHandler<DmsFinalizeArgs, DmsResponseResult> = async ({ call, request, attempt }) => {
    const { onRequest, onResponse } = this.#hooks;
    onRequest?.({ action: call.action, attempt, request: redactRequest(request, this.endpoint) });
    const started = performance.now();
    const response = await sendHttpRequest(this.#connection, request, { ...call, attempt });
    onResponse?.({
      action: call.action,
      attempt,
      statusCode: response.statusCode,
      requestId: requestIdOf(response),
      durationMs: performance.now() - started,
    });
    return { response };
  };

  #call(command: Command<unknown, unknown>, options: DmsCallOptions | undefined): DmsCall {
    const defaults = this.#defaults;
    const action = command.operation.action;
    if (options === undefined) return { command, action, ...defaults };
    return {
      command,
      action,
      signal: options.signal,
      timeoutMs: options.timeoutMs === undefined ? defaults.timeoutMs : positive("timeoutMs", options.timeoutMs, 0),
      retry: options.retry === undefined ? defaults.retry : resolveRetry(options.retry, defaults.retry),
      throwOnBusinessError: options.throwOnBusinessError ?? defaults.throwOnBusinessError,
    };
  }
}

function checkOptionNames(options: DmsClientOptions): void {
  if (options === null || typeof options !== "object") {
    throw new DmsConfigError("options", "DmsClient options must be an object, e.g. { regionId: 'cn-hangzhou' }.");
  }
  for (const name of Object.keys(options)) {
    if ((CLIENT_OPTION_NAMES as readonly string[]).includes(name)) continue;
    const near = CLIENT_OPTION_NAMES.find((known) => known.toLowerCase() === name.toLowerCase() || known.startsWith(name));
    throw new DmsConfigError(name, `Unknown DmsClient option ${JSON.stringify(name)}${near ? `; did you mean ${near}?` : "."}`);
  }
}

function oneOf<T extends string>(option: string, value: T | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (allowed.includes(value)) return value;
  throw new DmsConfigError(
    option,
    `${option} must be ${allowed.map((a) => JSON.stringify(a)).join(" or ")}, got ${JSON.stringify(value)}.`,
  );
}

function positive(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return value;
  throw new DmsConfigError(option, `${option} must be a positive number of milliseconds, got ${String(value)}.`);
}

function checkSigner(signer: DmsSigner | undefined): DmsSigner {
  if (signer === undefined) return signerV3;
  if (typeof signer === "object" && signer !== null && typeof signer.sign === "function") return signer;
  throw new DmsConfigError("signer", "signer must be signerV3 (the default) or signerV1, both from @dmsflow/core.");
}

function checkProxy(proxy: DmsProxy | undefined): DmsProxy | undefined {
  if (proxy === undefined || (typeof proxy === "object" && proxy !== null && typeof proxy.select === "function")) return proxy;
  throw new DmsConfigError(
    "proxy",
    'proxy must come from httpProxy(url) or proxyFromEnvironment() (from @dmsflow/core), e.g. proxy: httpProxy("http://proxy.example.com:3128").',
  );
}

function requestIdOf(response: DmsHttpResponse): string | undefined {
  return firstHeader(response, "x-acs-request-id") ?? /"RequestId"\s*:\s*"([^"]*)"/.exec(response.body)?.[1];
}
