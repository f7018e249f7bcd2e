import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./publishedPackages.js";

/** What `npm pack` would put in a package's tarball: file paths and the packed size. */
export interface PackedFiles {
  readonly files: string[];
  readonly size: number;
  readonly unpackedSize: number;
}

/** Asks npm what it would pack (nothing is written). */
export function packContents(dir: string): PackedFiles {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: join(ROOT, dir),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [info] = JSON.parse(out) as { files: { path: string }[]; size: number; unpackedSize: number }[];
  return { files: info!.files.map((f) => f.path).sort(), size: info!.size, unpackedSize: info!.unpackedSize };
}
