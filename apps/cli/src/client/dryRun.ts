import type { DmsHttpRequest, DmsMiddlewareEntry, DmsRequestView } from "@dmsflow/core";

/** The request a dry run stopped at: signed, redacted, not sent. */
export interface DryRunRequest {
  /** The API action of the call. */
  readonly action: string;
  /** The redacted request that was not sent. */
  readonly request: DmsRequestView;
}

// What the stopped call awaits: it never settles, so nothing above the dry-run handler runs again.
const NEVER = new Promise<never>(() => {});

/**
 * --dry-run: the first signed request of a command ends up here instead of on the network. The
 * handler sits last in finalizeRequest, after core's signing, and never calls the transport: it
 * hands the redacted request to `stopped` and leaves the call pending, so no layer of core or of
 * the command sees an error to handle. run() races the command against `stopped`.
 */
export class DryRun {
  /** Resolves with the first request a call would have sent. */
  readonly stopped: Promise<DryRunRequest>;
  #stop!: (request: DryRunRequest) => void;

  constructor() {
    this.stopped = new Promise((resolve) => {
      this.#stop = resolve;
    });
  }

  /** The final handler, as a finalizeRequest entry; `redact` makes the view that is printed. */
  handler(redact: (request: DmsHttpRequest) => DmsRequestView): DmsMiddlewareEntry {
    return {
      step: "finalizeRequest",
      name: "dmsflowDryRun",
      middleware: () => (args) => {
        this.#stop({ action: args.call.action, request: redact(args.request) });
        return NEVER;
      },
    };
  }
}
