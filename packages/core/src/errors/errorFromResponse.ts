import { parseJsonExact } from "@dmsflow/client";
import { type DmsHttpResponse, firstHeader } from "../http/DmsHttpMessage.js";
import type { DmsError } from "./DmsError.js";
import { hintFor } from "./errorHints.js";
import { DmsServiceError, DmsThrottlingError } from "./serviceErrors.js";

interface GatewayFields {
  code?: string | undefined;
  message?: string | undefined;
  requestId?: string | undefined;
  hostId?: string | undefined;
  recommend?: string | undefined;
}

/**
 * Turns an HTTP 4xx/5xx response into a DmsServiceError (DmsThrottlingError for throttling): from
 * the JSON gateway body, a text/xml `<Error>` body, or, for anything else (an HTML 502 from a
 * proxy), from the status alone. The body itself never goes into the message: it may echo a
 * signed request.
 */
export function errorFromResponse(response: DmsHttpResponse, action: string, attempt: number): DmsError {
  const status = response.statusCode;
  const fields = readGatewayFields(response.body);
  const requestId = fields?.requestId ?? firstHeader(response, "x-acs-request-id");
  const code = fields?.code ?? `HTTP${status}`;
  const throttled = status === 429 || code.includes("Throttling");
  const unavailable = code === "ServiceUnavailable" || status === 503;
  const retryable = throttled || unavailable || status >= 500;
  let detail: string;
  if (fields?.code !== undefined) {
    detail = fields.message ? cutStringToSign(fields.message) : "no message";
  } else {
    const type = firstHeader(response, "content-type") ?? "no content type";
    detail = `the body was not a gateway error (${type}, ${Buffer.byteLength(response.body)} bytes), perhaps from a proxy or load balancer`;
  }
  const hint = hintFor(code, action);
  const tries = retryable && attempt > 1 ? ` after ${attempt} attempts` : "";
  const message =
    `${action} failed${tries}: ${code} (HTTP ${status}): ${withStop(detail)}` +
    `${hint ? ` ${hint}` : ""}${requestId ? ` RequestId ${requestId}.` : ""}${fields?.recommend ? ` See ${fields.recommend}` : ""}`;
  const details = {
    action,
    requestId,
    attempts: attempt,
    statusCode: status,
    hostId: fields?.hostId,
    recommend: fields?.recommend,
    // A 5xx may come after the service acted; throttling and ServiceUnavailable come before it.
    outcomeUnknown: status >= 500 && !throttled && !unavailable,
    hint,
  };
  if (throttled) {
    const after = Number.parseInt(firstHeader(response, "x-acs-retry-after") ?? "", 10);
    return new DmsThrottlingError(code, message, { ...details, retryAfterMs: Number.isNaN(after) ? undefined : after });
  }
  return new DmsServiceError(code, message, retryable, details);
}

/** The text trimmed, ending with a full stop unless it ends with one (or ! or ?) already. */
export function withStop(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

// SignatureDoesNotMatch echoes the server's string to sign, which repeats every parameter (a V1
// one includes the security token). Keep messages to the explanation.
function cutStringToSign(message: string): string {
  const at = message.indexOf("server string to sign is:");
  return (at >= 0 ? message.slice(0, at) : message).replace(/\s+/g, " ").trim();
}

function readGatewayFields(body: string): GatewayFields | undefined {
  const text = body.trimStart();
  let field: (name: string) => string | undefined;
  if (text.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = parseJsonExact(text);
    } catch {
      return undefined;
    }
    if (parsed === null || typeof parsed !== "object") return undefined;
    const o = parsed as Record<string, unknown>;
    // The gateway writes `Code`; some proxies and older gateways `code`.
    field = (name) => str(o[name] ?? o[name[0]!.toLowerCase() + name.slice(1)]);
  } else if (text.startsWith("<")) {
    field = (name) => xmlField(text, name);
  } else {
    return undefined;
  }
  const code = field("Code");
  if (code === undefined) return undefined;
  return {
    code,
    message: field("Message"),
    requestId: field("RequestId"),
    hostId: field("HostId"),
    recommend: field("Recommend"),
  };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

const XML_ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'" };

function xmlField(xml: string, name: string): string | undefined {
  const open = `<${name}>`;
  const start = xml.indexOf(open);
  if (start < 0) return undefined;
  const end = xml.indexOf(`</${name}>`, start);
  if (end < 0) return undefined;
  let value = xml.slice(start + open.length, end).trim();
  if (value.startsWith("<![CDATA[") && value.endsWith("]]>")) value = value.slice(9, -3);
  return value.replace(/&(lt|gt|amp|quot|apos);/g, (entity) => XML_ENTITIES[entity]!);
}
