import { DmsConfigError } from "../errors/localErrors.js";
import type {
  DmsBuildArgs,
  DmsCallResult,
  DmsFinalizeArgs,
  DmsInitializeArgs,
  DmsResponseResult,
  DmsSerializeArgs,
} from "./DmsStepArgs.js";

/** The named steps of a call, outermost first, as in the AWS SDK v3 / smithy stack. */
export const DMS_STEPS = ["initialize", "serialize", "build", "finalizeRequest", "deserialize"] as const;

/** One named step: initialize -> serialize -> build -> finalizeRequest (retry, sign) -> deserialize. */
export type DmsStep = (typeof DMS_STEPS)[number];

/** Runs the rest of the call from one step's arguments and resolves with its result. */
export type DmsHandler<Args, Result> = (args: Args) => Promise<Result>;

/** Wraps the next handler of the same step. Composed once per stack change, never per call. */
export type DmsMiddleware<Args, Result> = (next: DmsHandler<Args, Result>) => DmsHandler<Args, Result>;

/** The arguments each step's middleware receive and the result they resolve with. */
export interface DmsStepTypes {
  /** Before serialization: the input. */
  initialize: { args: DmsInitializeArgs; result: DmsCallResult };
  /** After the serializer: the wire parameters. */
  serialize: { args: DmsSerializeArgs; result: DmsCallResult };
  /** After the request template is built. */
  build: { args: DmsBuildArgs; result: DmsCallResult };
  /** Once per attempt, after the retry and sign entries: the signed request. */
  finalizeRequest: { args: DmsFinalizeArgs; result: DmsCallResult };
  /** Between the deserializer and the transport: the raw response. */
  deserialize: { args: DmsFinalizeArgs; result: DmsResponseResult };
}

/** A middleware and where it goes; its arguments and result are those of its step. */
export type DmsMiddlewareEntry = {
  [S in DmsStep]: {
    /** The step it belongs to; within a step, entries run in the order they were added. */
    readonly step: S;
    /** A unique name, used to remove or replace it. */
    readonly name: string;
    /** The middleware. */
    readonly middleware: DmsMiddleware<DmsStepTypes[S]["args"], DmsStepTypes[S]["result"]>;
  };
}[DmsStep];

/**
 * A client's own entry that crosses a step boundary: the serializer turns initialize arguments into
 * serialize arguments, the retry entry build arguments into one attempt's, the deserializer a
 * response into a call result. Given to the constructor, so each comes first in its step and the
 * step's other entries see its output.
 */
export type DmsTransition<Args, NextArgs, NextResult, Result> = (
  next: DmsHandler<NextArgs, NextResult>,
) => DmsHandler<Args, Result>;

/** A built-in entry: a step transition or an ordinary middleware, by step and name. */
export interface DmsBuiltInEntry {
  /** Its step. */
  readonly step: DmsStep;
  /** Its name. */
  readonly name: string;
  /** The transition or middleware. */
  // biome-ignore lint/suspicious/noExplicitAny: each built-in is typed where it is defined; the stack only chains them.
  readonly middleware: DmsTransition<any, any, any, any>;
}

type AnyHandler = (args: unknown) => Promise<unknown>;
type AnyMiddleware = (next: AnyHandler) => AnyHandler;

/**
 * The ordered middleware of a client. The composed handler is cached and rebuilt only when an
 * entry is added or removed, so a call costs one function call per middleware.
 */
export class MiddlewareStack {
  readonly #entries: { step: DmsStep; name: string; middleware: AnyMiddleware }[] = [];
  readonly #terminal: DmsHandler<DmsFinalizeArgs, DmsResponseResult>;
  #composed: DmsHandler<DmsInitializeArgs, DmsCallResult> | undefined;

  constructor(terminal: DmsHandler<DmsFinalizeArgs, DmsResponseResult>, builtIns: readonly DmsBuiltInEntry[] = []) {
    this.#terminal = terminal;
    this.#entries.push(...builtIns);
  }

  /** Adds a middleware at the end of its step; throws DmsConfigError on a duplicate name or unknown step. */
  add(entry: DmsMiddlewareEntry): this {
    const { step, name, middleware } = entry;
    if (!DMS_STEPS.includes(step)) {
      throw new DmsConfigError(
        "middleware",
        `Unknown middleware step ${JSON.stringify(step)}; use one of ${DMS_STEPS.join(", ")}.`,
      );
    }
    if (typeof middleware !== "function" || !name) {
      throw new DmsConfigError("middleware", "A middleware entry needs a name and a middleware function.");
    }
    if (this.#entries.some((e) => e.name === name)) {
      throw new DmsConfigError(
        "middleware",
        `A middleware named ${JSON.stringify(name)} is already in the stack; remove it first.`,
      );
    }
    this.#entries.push(entry as unknown as DmsBuiltInEntry);
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
  handler(): DmsHandler<DmsInitializeArgs, DmsCallResult> {
    if (this.#composed) return this.#composed;
    let handler = this.#terminal as AnyHandler;
    const ordered = this.#ordered();
    for (let i = ordered.length - 1; i >= 0; i--) handler = ordered[i]!.middleware(handler);
    this.#composed = handler as DmsHandler<DmsInitializeArgs, DmsCallResult>;
    return handler as DmsHandler<DmsInitializeArgs, DmsCallResult>;
  }

  #ordered(): { step: DmsStep; name: string; middleware: AnyMiddleware }[] {
    return DMS_STEPS.flatMap((step) => this.#entries.filter((e) => e.step === step));
  }
}
