import { CredentialExchangeFailure } from "./CredentialExchangeFailure.js";
import type { ExchangeContext, ExchangedCredentials } from "./ExchangeContext.js";

/** One HTTP request of an exchange. */
export interface ExchangeRequest {
  readonly url: string;
  readonly method?: "GET" | "POST" | "PUT";
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Time allowed without progress (default 10000 ms; the metadata service gets 1000 ms, as in Alibaba's libraries). */
  readonly timeoutMs?: number;
  /** What is being asked, for messages: e.g. `STS AssumeRole`. */
  readonly what: string;
}

/** An answer: the status and the body (text; parse with parseJson). */
export interface ExchangeResponse {
  readonly status: number;
  readonly text: string;
}

/**
 * Sends one request with a timeout, over node:http(s) rather than fetch, which refuses some ports
 * (e.g. 6000, 6665-6669) a local stand-in may get. Failures name the service and its origin only: a
 * credentials URI may carry a token in its path or query, so neither appears in a message.
 */
export function sendExchangeRequest(request: ExchangeRequest, context: ExchangeContext): Promise<ExchangeResponse> {
  const url = new URL(request.url);
  const transport = process.getBuiltinModule(url.protocol === "https:" ? "node:https" : "node:http");
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(
      url,
      { method: request.method ?? "GET", headers: request.headers, timeout: request.timeoutMs ?? 10_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", fail);
      },
    );
    function fail(error: Error) {
      const why = (error as NodeJS.ErrnoException).code ?? error.name;
      reject(
        new CredentialExchangeFailure(
          "CredentialEndpointUnreachable",
          `${context.where}: ${request.what} at ${url.origin} did not answer (${why}); check the network, or the endpoint override (ALIBABA_CLOUD_STS_ENDPOINT, ALIBABA_CLOUD_IMDS_ENDPOINT).`,
        ),
      );
    }
    outgoing.on("timeout", () => outgoing.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    outgoing.on("error", fail);
    outgoing.end(request.body);
  });
}

/** Parses an answer's JSON; a body that is not JSON is reported without being quoted. */
export function parseJson(
  response: ExchangeResponse,
  request: ExchangeRequest,
  context: ExchangeContext,
): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(response.text);
    if (value !== null && typeof value === "object") return value as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new CredentialExchangeFailure(
    "InvalidCredentialResponse",
    `${context.where}: ${request.what} at ${originOf(request.url)} answered HTTP ${response.status} with a body that is not a JSON object.`,
  );
}

/** Reads AccessKeyId, AccessKeySecret, SecurityToken and Expiration (the names every Alibaba service uses). */
export function credentialsFrom(
  value: unknown,
  request: ExchangeRequest,
  context: ExchangeContext,
  tokenRequired = true,
): ExchangedCredentials {
  const fields = (value ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof fields[name] === "string" && fields[name] !== "" ? (fields[name] as string) : undefined);
  const accessKeyId = text("AccessKeyId");
  const accessKeySecret = text("AccessKeySecret");
  const securityToken = text("SecurityToken");
  if (!accessKeyId || !accessKeySecret || (tokenRequired && !securityToken)) {
    throw new CredentialExchangeFailure(
      "InvalidCredentialResponse",
      `${context.where}: ${request.what} at ${originOf(request.url)} answered without AccessKeyId, AccessKeySecret and SecurityToken.`,
    );
  }
  return { accessKeyId, accessKeySecret, securityToken, expiration: text("Expiration") };
}

/** The scheme, host and port of a URL: what messages may show. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "(an invalid URL)";
  }
}
