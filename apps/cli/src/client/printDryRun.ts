import type { Output } from "../output/output.js";
import type { DryRunRequest } from "./dryRun.js";

/**
 * Prints the request a dry run stopped: method and URL, headers, body, secrets already redacted by
 * core (Signature, security token; AccessKey ID masked). JSON for `--output json`, HTTP-like text
 * otherwise; a note on stderr says nothing was sent.
 */
export function printDryRun(stop: DryRunRequest, out: Output): void {
  const { request } = stop;
  if (out.format === "json") {
    out.json({
      DryRun: true,
      Action: stop.action,
      Method: request.method,
      Url: request.url,
      Headers: request.headers,
      Body: request.body,
    });
  } else {
    const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`);
    out.write(`${[`${request.method} ${request.url}`, ...headers].join("\n")}\n${request.body ? `\n${request.body}\n` : ""}`);
  }
  out.note(out.errPalette.dim(`Dry run: nothing was sent (above: the signed ${stop.action} request, secrets redacted).`));
}
