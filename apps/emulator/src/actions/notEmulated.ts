import type { ActionName } from "@dmsflow/client";
import { gatewayError } from "../gateway/gatewayError.js";
import type { ActionHandler } from "./actionHandler.js";

/**
 * An operation of the spec that the emulator has no behaviour for yet: after the gateway's checks
 * (signature, parameters by the spec's rules), it answers 501 Emulator.NotImplemented, never a
 * made-up success.
 */
export function notEmulated(action: ActionName): ActionHandler {
  return {
    writes: false,
    run: () => gatewayError("Emulator.NotImplemented", { action }),
  };
}
