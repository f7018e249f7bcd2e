import type { ActionName } from "@dmsflow/client";
import type { AccessKey, Catalog } from "../store/catalog.js";
import type { GatewayFailure } from "./gatewayError.js";
import type { ReplayGuard } from "./replayGuard.js";

/** Which signature a request carried. */
export type SignatureKind = "v3" | "v1";

/** What the signature checks need from the emulator. */
export interface GatewayContext {
  readonly catalog: Catalog;
  readonly replay: ReplayGuard;
  readonly nowMs: number;
}

/** An authenticated request: the key that signed it and the operation it calls. */
export interface Authenticated {
  readonly ok: true;
  readonly accessKey: AccessKey;
  readonly action: ActionName;
  readonly signature: SignatureKind;
}

/** A refused request, with what could be learnt about it for the log. */
export interface Refused {
  readonly ok: false;
  readonly failure: GatewayFailure;
  readonly signature: SignatureKind;
  readonly action?: string;
  readonly accessKeyId?: string;
}

/** The outcome of the gateway's signature checks. */
export type Authentication = Authenticated | Refused;
