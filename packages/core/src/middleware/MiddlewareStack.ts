import { DmsConfigError } from "../errors/localErrors.js";
import type { DmsCallContext } from "./DmsCallContext.js";

/** The named steps of a call, outermost first, as in the AWS SDK v3 / smithy stack. */
export const DMS_STEPS = ["initialize", "serialize", "build", "finalizeRequest", "deserialize"] as const;

/** One named step: initialize -> serialize -> build -> finalizeRequest (retry, sign) -> deserialize. */
export type DmsStep = (typeof DMS_STEPS)[number];

/** Runs the rest of the call and resolves with its output. */
export type DmsHandler = (context: DmsCallContext) => Promise<unknown>;

/** Wraps the next handler. Composed once per stack change, never per call. */
export type DmsMiddleware = (next: DmsHandler) => DmsHandler;

/** A middleware and where it goes. */
export interface DmsMiddlewareEntry {
  /** The step it belongs to; within a step, entries run in the order they were added. */
  readonly step: DmsStep;
  /** A unique name, used to remove or replace it. */
  readonly name: string;
  /** The middleware. */
  readonly middleware: DmsMiddleware;
}

/**
 * The ordered middleware of a client. The composed handler is cached and rebuilt only when an
 * entry is added or removed, so a call costs one function call per middleware.
 */
export class MiddlewareStack {
  readonly #entries: DmsMiddlewareEntry[] = [];
  readonly #terminal: DmsHandler;
  #composed: DmsHandler | undefined;

  constructor(terminal: DmsHandler) {
    this.#terminal = terminal;
  }

  /** Adds a middleware at the end of its step; throws DmsConfigError on a duplicate name or unknown step. */
  add(entry: DmsMiddlewareEntry): this {
    if (!DMS_STEPS.includes(entry.step)) {
      throw new DmsConfigError(
        "middleware",
        `Unknown middleware step ${JSON.stringify(entry.step)}; use one of ${DMS_STEPS.join(", ")}.`,
      );
    }
    if (typeof entry.middleware !== "function" || !entry.name) {
      throw new DmsConfigError("middleware", "A middleware entry needs a name and a middleware function.");
    }
    if (this.#entries.some((e) => e.name === entry.name)) {
      throw new DmsConfigError(
        "middleware",
        `A middleware named ${JSON.stringify(entry.name)} is already in the stack; remove it first.`,
      );
    }
    this.#entries.push(entry);
    this.#composed = undefined;
    return this;
  }

  /** Removes a middleware by name; returns whether it was there. */
  remove(name: string): boolean {
    const index = this.#entries.findIndex((e) => e.name === name);
    if (index < 0) return false;
    this.#entries.splice(index, 1);
    this.#composed = undefined;
    return true;
  }

  /** The entries in the order a call passes through them. */
  list(): { step: DmsStep; name: string }[] {
    return this.#ordered().map(({ step, name }) => ({ step, name }));
  }

  /** The composed handler for a call. */
  handler(): DmsHandler {
    if (this.#composed) return this.#composed;
    let handler = this.#terminal;
    const ordered = this.#ordered();
    for (let i = ordered.length - 1; i >= 0; i--) handler = ordered[i]!.middleware(handler);
    this.#composed = handler;
    return handler;
  }

  #ordered(): DmsMiddlewareEntry[] {
    return DMS_STEPS.flatMap((step) => this.#entries.filter((e) => e.step === step));
  }
}
