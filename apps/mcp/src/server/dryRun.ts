import type { DmsHttpRequest, DmsMiddlewareEntry, DmsRequestView } from "@dmsflow/core";

/** Thrown by the dry-run middleware instead of sending: the signed request, redacted by core. */
export class DryRunStop extends Error {
  override readonly name = "DryRunStop";

  /**
   * @param action the API action of the call.
   * @param request the redacted request that was not sent.
   */
  constructor(
    readonly action: string,
    readonly request: DmsRequestView,
  ) {
    super(`dry run: ${action} was signed but not sent`);
  }
}

/**
 * A finalizeRequest middleware added after core's signing (the CLI's --dry-run does the same): it
 * sees the signed request of the first attempt, redacts it with core's redactRequest, and stops the
 * call before the transport, so nothing leaves the machine.
 */
export function dryRunMiddleware(redact: (request: DmsHttpRequest) => DmsRequestView): DmsMiddlewareEntry {
  return {
    step: "finalizeRequest",
    name: "dmsflowMcpDryRun",
    middleware: () => async (args) => {
      throw new DryRunStop(args.call.action, redact(args.request));
    },
  };
}

/** What a dry run answers: the request that would have been sent, with no secret in it. */
export interface DryRunResult {
  readonly dryRun: true;
  readonly action: string;
  readonly method: string;
  /** The URL with Signature and SecurityToken replaced by *** and the AccessKey ID masked. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly note: string;
}

/** The dry-run result of a stopped call. */
export function dryRunResult(stop: DryRunStop): DryRunResult {
  const { request } = stop;
  return {
    dryRun: true,
    action: stop.action,
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body,
    note: "Nothing was sent: this is the signed request, with the signature and any token redacted.",
  };
}
