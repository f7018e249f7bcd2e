import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// The same file runs as ESM (dist/esm, tests from source) and as CommonJS (dist/cjs, bundles): either
// way the package's own manifest says where the package is.
const moduleRequire = createRequire(typeof __filename === "string" ? __filename : import.meta.url);

/** The path of a file shipped in this package (e.g. `seeds/demo.json`, `console/main.js`). */
export function packagedFile(relative: string): string {
  return join(dirname(moduleRequire.resolve("@dmsflow/emulator/package.json")), relative);
}

/** The path of a file of one of this package's dependencies, next to its main entry. */
export function dependencyFile(specifier: string, name: string): string {
  return join(dirname(moduleRequire.resolve(specifier)), name);
}
