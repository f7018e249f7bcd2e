/**
 * Flattens a JSON value into `path value` pairs (`DAGInstanceList.DAGInstance[0].Id  9234`), so that
 * any response, whatever its shape, prints as a table or as grep-able text lines.
 */
export function flatten(value: unknown, path = ""): Array<[string, string]> {
  if (Array.isArray(value)) {
    if (value.length === 0) return [[path, "[]"]];
    return value.flatMap((item, i) => flatten(item, `${path}[${i}]`));
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return [[path, "{}"]];
    return entries.flatMap(([key, item]) => flatten(item, path ? `${path}.${key}` : key));
  }
  return [[path, value === null || value === undefined ? "" : String(value)]];
}
