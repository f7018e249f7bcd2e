import type { ServerResponse } from "node:http";

/** Sends a JSON body with the request ID header every DMS response carries. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  requestId: string,
  extraHeaders?: Readonly<Record<string, string>>,
): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string | number> = {
    "content-type": "application/json;charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "x-acs-request-id": requestId,
  };
  if (extraHeaders) Object.assign(headers, extraHeaders);
  res.writeHead(status, headers);
  res.end(body);
}
