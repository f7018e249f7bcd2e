import type { DmsHttpRequest, DmsMiddlewareEntry, DmsRequestView } from "@dmsflow/core";

/** Thrown by the dry-run middleware instead of sending; the CLI turns it into exit code 0. */
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
 * A finalizeRequest middleware placed after core's signing: it sees the signed request of the
 * first attempt, hands a redacted view of it to `show`, and stops the call before the transport,
 * so nothing leaves the machine.
 */
export function dryRunMiddleware(redact: (request: DmsHttpRequest) => DmsRequestView): DmsMiddlewareEntry {
  return {
    step: "finalizeRequest",
    name: "dmsflowDryRun",
    middleware: () => async (context) => {
      throw new DryRunStop(context.action, redact(context.signedRequest!));
    },
  };
}
