import { rpcEncode } from "./rpcEncode.js";

/** Sorts parameters by name (UTF-16 code units) and joins `name=value` pairs, both RPC-encoded. */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  const names = Object.keys(params).sort(byCodeUnit);
  let out = "";
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (i > 0) out += "&";
    out += `${rpcEncode(name)}=${rpcEncode(params[name] ?? "")}`;
  }
  return out;
}

/** Orders strings by UTF-16 code unit, as Java/Go servers sort, not by locale. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
