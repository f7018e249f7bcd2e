import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** Reads the hand-written runtime files that every generated client carries: file name to text. */
export async function readRuntimeTemplates(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".ts")).sort();
  const out = new Map<string, string>();
  for (const name of names) out.set(name, await readFile(join(dir, name), "utf8"));
  return out;
}
