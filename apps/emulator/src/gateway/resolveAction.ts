import { type ActionName, operationTable } from "@dmsflow/client";
import { type GatewayFailure, gatewayError } from "./gatewayError.js";

/** The API version every operation of the spec belongs to. */
export const API_VERSION = "2018-11-01";

/**
 * Finds the operation a request names, in the generated operation table. `names` are the wire
 * names the request used (Action/Version in V1, x-acs-action/x-acs-version in V3), for the messages.
 */
export function resolveAction(
  action: string | undefined,
  version: string | undefined,
  names: { readonly action: string; readonly version: string },
): ActionName | GatewayFailure {
  if (!action) return gatewayError("MissingParameter", { parameter: names.action });
  if (!version) return gatewayError("MissingParameter", { parameter: names.version });
  if (!Object.hasOwn(operationTable, action)) {
    return gatewayError("InvalidAction.NotFound", {
      detail: `The emulator serves these actions of dms-enterprise ${API_VERSION}: ${Object.keys(operationTable).join(", ")}.`,
    });
  }
  const expected = operationTable[action as ActionName].operation.version;
  if (version !== expected) return gatewayError("InvalidVersion", { detail: `${action} is in version ${expected}.` });
  return action as ActionName;
}
