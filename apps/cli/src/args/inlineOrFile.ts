import { readFile } from "node:fs/promises";
import { UsageError } from "./usageError.js";

/**
 * A flag value given inline or as `file://path` (the AWS and aliyun CLIs' convention): the text
 * itself, or the file's text. An unreadable file is a UsageError naming the flag, the path and why.
 */
export async function inlineOrFile(flag: string, given: string): Promise<string> {
  if (!given.startsWith("file://")) return given;
  const path = given.slice("file://".length);
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`--${flag} cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}
