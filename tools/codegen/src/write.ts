import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import type { GeneratedFiles } from "./emit.js";

/** What writing (or checking) the output folder found. */
export interface WriteResult {
  /** Files whose content differs (or that are new), relative to the output folder. */
  readonly changed: string[];
  /** Files in the output folder that are no longer generated. */
  readonly stale: string[];
  readonly unchanged: number;
}

/**
 * Brings the output folder in line with the generated files, writing only what differs so that
 * file times (and build caches) stay untouched; with `check` it only reports.
 */
export async function writeFiles(outDir: string, files: GeneratedFiles, check: boolean): Promise<WriteResult> {
  const existing = await listFiles(outDir);
  const changed: string[] = [];
  let unchanged = 0;
  for (const [path, text] of files) {
    const target = join(outDir, path);
    const current = existing.has(path) ? await readFile(target, "utf8") : undefined;
    if (current === text) {
      unchanged++;
      continue;
    }
    changed.push(path);
    if (!check) {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
  }
  const stale = [...existing].filter((path) => !files.has(path)).sort();
  if (!check) for (const path of stale) await rm(join(outDir, path));
  return { changed: changed.sort(), stale, unchanged };
}

async function listFiles(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)));
  } catch {
    return out;
  }
  for (const e of entries) out.add(e.split("\\").join("/"));
  return out;
}
