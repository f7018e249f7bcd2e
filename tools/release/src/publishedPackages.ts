import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** A package that publishes to npm. */
export interface PublishedPackage {
  readonly name: string;
  /** Folder relative to the root, e.g. `packages/core`. */
  readonly dir: string;
}

/** Every non-private package under packages/ and apps/, by name. */
export function publishedPackages(): PublishedPackage[] {
  const out: PublishedPackage[] = [];
  for (const group of ["packages", "apps"]) {
    for (const entry of readdirSync(join(ROOT, group)).sort()) {
      const pkg = JSON.parse(readFileSync(join(ROOT, group, entry, "package.json"), "utf8"));
      if (!pkg.private) out.push({ name: pkg.name, dir: `${group}/${entry}` });
    }
  }
  return out;
}
