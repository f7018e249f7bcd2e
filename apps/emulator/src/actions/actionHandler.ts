import type { ActionName, Command, DecodedValue, Envelope, operationTable } from "@dmsflow/client";
import type { GatewayFailure } from "../gateway/gatewayError.js";
import type { AccessKey, Tenant } from "../store/catalog.js";

/** A request that passed the gateway: decoded parameters, the caller's key and the tenant it acts in. */
export interface ActionRequest {
  /** Parameters decoded by the operation's descriptor (int64 as canonical decimal text). */
  readonly values: Readonly<Record<string, DecodedValue>>;
  readonly accessKey: AccessKey;
  /** The Tid given, or the key's active tenant; undefined when the key has none. */
  readonly tenant: Tenant | undefined;
  readonly nowMs: number;
}

/** A successful answer: the action's output members after the envelope, written by the spec's schema. */
export interface ActionSuccess {
  readonly ok: true;
  readonly body: object;
}

/**
 * The members an action answers with after RequestId and Success, typed by the generated output
 * type: a renamed or misspelt field does not compile.
 */
export type ReplyOf<A extends ActionName> =
  (typeof operationTable)[A] extends Command<never, infer Output> ? Omit<Output, keyof Envelope> : never;

/** A business failure: HTTP 200 with Success false, ErrorCode and ErrorMessage. */
export interface BusinessFailure {
  readonly ok: false;
  readonly kind: "business";
  readonly code: string;
  readonly message: string;
}

/** What an action answers: success, a business failure, or a gateway error (a parameter out of range). */
export type ActionResult = ActionSuccess | BusinessFailure | GatewayFailure;

/** The behaviour of one operation. */
export interface ActionHandler {
  /** Whether it changes state, so it runs inside a group commit and answers after COMMIT. */
  readonly writes: boolean;
  readonly run: (request: ActionRequest) => ActionResult;
}

/** One handler per operation of the generated table (createActionHandlers fills the ones without behaviour with notEmulated). */
export type ActionHandlers = { readonly [A in ActionName]: ActionHandler };

/** A successful result of `action` with these members (none for the envelope-only operations). */
export function success<A extends ActionName>(_action: A, body: ReplyOf<A>): ActionSuccess {
  return { ok: true, body };
}

/** A business failure result. */
export function businessFailure(code: string, message: string): BusinessFailure {
  return { ok: false, kind: "business", code, message };
}
