// Installed footprint: client + core packed with `npm pack` and installed offline from the
// tarballs into an empty folder; the official runtime and pop-core measured as their dependency
// closures in the workspace's node_modules (the registry's DMS SDK itself is not available here).
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const packages = resolve(here, "../..");
const root = resolve(packages, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function sizeOf(dir, skipNodeModules) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipNodeModules && entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = sizeOf(path, false);
      bytes += inner.bytes;
      files += inner.files;
    } else if (entry.isFile()) {
      bytes += lstatSync(path).size;
      files++;
    }
  }
  return { bytes, files };
}

function countPackages(nodeModules) {
  let count = 0;
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = join(nodeModules, entry.name);
    if (entry.name.startsWith("@")) count += countPackages(path);
    else if (existsSync(join(path, "package.json"))) {
      count++;
      if (existsSync(join(path, "node_modules"))) count += countPackages(join(path, "node_modules"));
    }
  }
  return count;
}

function installedFromTarballs() {
  const dir = mkdtempSync(join(tmpdir(), "dmsflow-footprint-"));
  try {
    const tarballs = ["client", "core"].map((name) => {
      const out = execFileSync(npm, ["pack", "--json", "--pack-destination", dir], {
        cwd: join(packages, name),
        encoding: "utf8",
      });
      return join(dir, JSON.parse(out)[0].filename);
    });
    const project = join(dir, "project");
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), '{ "name": "footprint", "private": true }\n');
    execFileSync(npm, ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", ...tarballs], {
      cwd: project,
      stdio: "ignore",
    });
    const nodeModules = join(project, "node_modules");
    return {
      name: "@dmsflow/client + @dmsflow/core (installed)",
      ...sizeOf(nodeModules, false),
      packages: countPackages(nodeModules),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === dirname(dir)) return undefined;
  }
}

function closure(name, names) {
  const seen = new Set();
  const stack = names.map((n) => resolvePackage(n, root));
  let bytes = 0;
  let files = 0;
  while (stack.length) {
    const dir = stack.pop();
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const size = sizeOf(dir, true);
    bytes += size.bytes;
    files += size.files;
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }))
      stack.push(resolvePackage(dep, dir));
  }
  return { name, bytes, files, packages: seen.size };
}

/** The footprints of client + core and of the peers. */
export function measureFootprints() {
  return [
    installedFromTarballs(),
    closure("@alicloud/openapi-core + @darabonba/typescript", ["@alicloud/openapi-core", "@darabonba/typescript"]),
    closure("@alicloud/pop-core", ["@alicloud/pop-core"]),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(measureFootprints(), null, 2));
