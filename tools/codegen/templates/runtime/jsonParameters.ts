import type { OperationDescriptor } from "./operation.js";
import { DmsParameterError } from "./parameterError.js";
import { SchemaMismatch, writeValue } from "./writeValue.js";

/**
 * Writes an input's Json parameters as JSON text by their schemas (int64 values as bare digits) and
 * returns the input with that text in their place, for writeParameters to check like any other.
 * Only the commands of operations with Json parameters use it, so other programs do not carry the
 * JSON writer. Throws DmsParameterError naming the path of the wrong value, e.g. `Edges[0].NodeFrom`.
 */
export function writeJsonParameters(operation: OperationDescriptor, input: unknown): unknown {
  if (input === null || typeof input !== "object") return input;
  const values = input as Record<string, unknown>;
  const out: Record<string, unknown> = { ...values };
  for (const p of operation.parameters) {
    const value = values[p.name];
    if (p.wireType !== "Json" || value == null) continue;
    try {
      out[p.name] = writeValue(p.schema!, value);
    } catch (error) {
      if (!(error instanceof SchemaMismatch)) throw error;
      const where = error.path ? `${p.name}${error.path.startsWith("[") ? "" : "."}${error.path}` : p.name;
      throw new DmsParameterError(operation.action, p.name, `${where} ${error.reason}.`);
    }
  }
  return out;
}
