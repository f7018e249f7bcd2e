import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { SpecError } from "./specError.js";

/** A spec as read from disk: its path (as given, for messages) and its parsed document. */
export interface LoadedSpec {
  readonly file: string;
  readonly document: unknown;
}

/** Reads and parses a YAML or JSON spec. */
export async function loadSpec(file: string): Promise<LoadedSpec> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new SpecError(file, [{ path: "", message: `cannot read the spec (${reason}).` }]);
  }
  return { file, document: parseSpecText(file, text) };
}

/** Parses spec text; YAML errors become SpecErrors that give the line. */
export function parseSpecText(file: string, text: string): unknown {
  try {
    return parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new SpecError(file, [{ path: "", message: `not valid YAML: ${message}` }]);
  }
}
