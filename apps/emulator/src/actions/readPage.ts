import type { DecodedValue } from "@dmsflow/client";
import { type GatewayFailure, gatewayError } from "../gateway/gatewayError.js";

/** The largest PageSize the emulator accepts. */
export const MAX_PAGE_SIZE = 100;

/** Reads PageIndex (from 1) and PageSize (1 to 100) into LIMIT/OFFSET, or the InvalidParameter failure. */
export function readPage(values: Readonly<Record<string, DecodedValue>>): { limit: number; offset: number } | GatewayFailure {
  const index = values.PageIndex as number;
  const size = values.PageSize as number;
  if (index < 1) return gatewayError("InvalidParameter", { parameter: "PageIndex", detail: "It must be 1 or more." });
  if (size < 1 || size > MAX_PAGE_SIZE) {
    return gatewayError("InvalidParameter", { parameter: "PageSize", detail: `It must be from 1 to ${MAX_PAGE_SIZE}.` });
  }
  return { limit: size, offset: (index - 1) * size };
}
