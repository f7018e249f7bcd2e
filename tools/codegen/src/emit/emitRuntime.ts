import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Reads the hand-written files that every generated client carries, one folder per part of the
 * client (runtime: what the operations run on; signing: the `@dmsflow/client/signing` entry):
 * `folder/name.ts` to text.
 */
export async function readRuntimeTemplates(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const folders = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  for (const folder of folders.sort()) {
    const names = (await readdir(join(dir, folder))).filter((n) => n.endsWith(".ts")).sort();
    for (const name of names) out.set(`${folder}/${name}`, await readFile(join(dir, folder, name), "utf8"));
  }
  return out;
}
