import type { DecodedValue } from "@dmsflow/client";

/**
 * Turns PageIndex and PageSize into LIMIT/OFFSET. Their ranges (PageIndex from 1, PageSize 1 to 100)
 * are the spec's value rules, already checked by the gateway's decodeParameters.
 */
export function readPage(values: Readonly<Record<string, DecodedValue>>): { limit: number; offset: number } {
  const index = values.PageIndex as number;
  const size = values.PageSize as number;
  return { limit: size, offset: (index - 1) * size };
}
