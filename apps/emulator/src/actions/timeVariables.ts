import { type GatewayFailure, gatewayError } from "../gateway/gatewayError.js";
import type { NamedValue } from "../store/flowSettingsRepository.js";

const EXAMPLE = '{"variables":[{"name":"bizdate","pattern":"yyyy-MM-dd|-1d"}]}';

/**
 * Reads time variables as DMS writes them, `{"variables":[{"name":…,"pattern":…}]}`, or says (as the
 * gateway's InvalidParameter on `parameter`) what does not fit. Names must be distinct.
 */
export function parseTimeVariables(text: string, parameter: string): NamedValue[] | GatewayFailure {
  const refuse = (what: string) =>
    gatewayError("InvalidParameter", { parameter, detail: `It ${what}; write it like ${EXAMPLE}.` });
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return refuse("is not JSON text");
  }
  const list = (document as { variables?: unknown } | null)?.variables;
  if (!Array.isArray(list)) return refuse('has no "variables" array');
  const out: NamedValue[] = [];
  const seen = new Set<string>();
  for (const [i, item] of list.entries()) {
    const { name, pattern } = (item ?? {}) as { name?: unknown; pattern?: unknown };
    if (typeof name !== "string" || name === "" || typeof pattern !== "string" || pattern === "") {
      return refuse(`has a variable (number ${i + 1}) without a non-empty "name" and "pattern"`);
    }
    if (seen.has(name)) return refuse(`names the variable ${JSON.stringify(name)} twice`);
    seen.add(name);
    out.push({ name, value: pattern });
  }
  return out;
}
