// better-sqlite3's native addon built for a matrix runtime's ABI. The installed copy in node_modules is
// built for the machine's Node; the others are compiled with node-gyp against the headers inside the
// runtime's own package (--nodedir), so nothing is downloaded from nodejs.org. Each build is cached
// under node_modules/.cache keyed by better-sqlite3 version, ABI and platform: a second run reuses it.
// SQLite itself does not depend on the Node ABI: when the installed build left its static library
// (build/Release/sqlite3.a, as a from-source install does), only the C++ binding is compiled and linked
// against it (~8 s of CPU instead of ~100 s); otherwise better-sqlite3's own binding.gyp builds it all.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./runtimes.mjs";

const exec = promisify(execFile);

const SOURCE = join(ROOT, "node_modules/better-sqlite3");
const CACHE = join(ROOT, "node_modules/.cache/dmsflow-node-matrix");
const INSTALLED_SQLITE = join(SOURCE, "build/Release/sqlite3.a");

// better-sqlite3's binding.gyp target for the addon, with its SQLite dependency replaced by the
// installed static library (the dependency contributed only the include dir and the library).
const bindingOnInstalledSqlite = () =>
  JSON.stringify({
    includes: ["deps/common.gypi"],
    targets: [
      {
        target_name: "better_sqlite3",
        sources: ["src/better_sqlite3.cpp"],
        include_dirs: ["deps/sqlite3"],
        libraries: [INSTALLED_SQLITE],
        cflags_cc: ["-std=c++20"],
        ldflags: ["-Wl,-Bsymbolic", "-Wl,--exclude-libs,ALL"],
      },
    ],
  });

/** Where the addon for this runtime lives once built (see ensureSqliteAddons). */
export function sqliteAddonPath(runtime) {
  const { version } = JSON.parse(readFileSync(join(SOURCE, "package.json"), "utf8"));
  return join(CACHE, `better-sqlite3-${version}-node-v${runtime.abi}-${process.platform}-${process.arch}`, "better_sqlite3.node");
}

// npm sets npm_config_node_gyp for scripts; outside npm, use the node-gyp that npm bundles.
function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), "../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"),
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error("node-gyp not found (it comes with npm); run the tests through `npm test`.");
  return found;
}

async function build(runtime, target) {
  // Build in a private copy: node-gyp writes build/ beside binding.gyp, and the installed build/ is the
  // machine's. The addon is moved into place only once complete, so an interrupted build is not cached.
  mkdirSync(CACHE, { recursive: true });
  const work = mkdtempSync(join(CACHE, "build-"));
  try {
    if (existsSync(INSTALLED_SQLITE)) {
      cpSync(join(SOURCE, "src"), join(work, "src"), { recursive: true });
      cpSync(join(SOURCE, "deps/common.gypi"), join(work, "deps/common.gypi"));
      for (const header of ["sqlite3.h", "sqlite3ext.h"]) {
        cpSync(join(SOURCE, "deps/sqlite3", header), join(work, "deps/sqlite3", header));
      }
      writeFileSync(join(work, "binding.gyp"), bindingOnInstalledSqlite());
    } else {
      for (const part of ["binding.gyp", "src", "deps"]) cpSync(join(SOURCE, part), join(work, part), { recursive: true });
    }
    await exec(process.execPath, [nodeGyp(), "rebuild", "--release", `--nodedir=${runtime.dir}`], {
      cwd: work,
      env: { ...process.env, npm_config_nodedir: runtime.dir },
      maxBuffer: 64 * 1024 * 1024,
    });
    mkdirSync(dirname(target), { recursive: true });
    renameSync(join(work, "build/Release/better_sqlite3.node"), target);
  } catch (error) {
    throw new Error(`Building better-sqlite3 for ${runtime.label} failed: ${error.stderr || error.message}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Makes sure every runtime has its addon, building the missing ones side by side (SQLite is one C
 * file, so one compiler per runtime is what keeps both cores busy). Resolves to a Map runtime alias ->
 * addon path, and reports what it built or reused.
 */
export async function ensureSqliteAddons(runtimes) {
  const t0 = performance.now();
  const missing = runtimes.filter((r) => !existsSync(sqliteAddonPath(r)));
  await Promise.all(missing.map((runtime) => build(runtime, sqliteAddonPath(runtime))));
  const reused = runtimes.length - missing.length;
  const how = existsSync(INSTALLED_SQLITE) ? "on the installed SQLite library" : "with SQLite from source";
  console.log(
    `node-matrix: better-sqlite3 addons: ${missing.length ? `${missing.length} built ${how} (${missing.map((r) => `ABI ${r.abi}`).join(", ")})` : "none built"}, ${reused} cached, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return new Map(runtimes.map((r) => [r.alias, sqliteAddonPath(r)]));
}
