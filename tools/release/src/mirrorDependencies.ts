import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./publishedPackages.js";

interface LockEntry {
  version?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * The third-party packages (name@version, from the root lockfile) that installing `roots` needs, so
 * they can be served by the local registry: the consumer test then installs from it alone, offline.
 */
export function dependencyClosure(roots: readonly DependencyRoot[]): MirroredPackage[] {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const found = new Map<string, MirroredPackage>();
  const visited = new Set<string>();
  // Node resolves a dependency from the nearest node_modules folder upwards; so does this.
  const resolve = (from: string, name: string): string | undefined => {
    let base = from;
    for (;;) {
      const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!base) return undefined;
      const cut = base.lastIndexOf("/node_modules/");
      base = cut < 0 ? "" : base.slice(0, cut);
    }
  };
  const visit = (location: string) => {
    if (visited.has(location)) return;
    visited.add(location);
    const entry = lock.packages[location]!;
    const name = location.slice(location.lastIndexOf("node_modules/") + "node_modules/".length);
    if (!entry.integrity) throw new Error(`${name} has no integrity in package-lock.json; cannot find its tarball.`);
    found.set(`${name}@${entry.version}`, { name, version: entry.version!, integrity: entry.integrity });
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      if (dep.startsWith("@dmsflow/")) continue;
      const at = resolve(location, dep);
      if (!at) throw new Error(`${dep} (needed by ${name}) is not in package-lock.json; cannot mirror it.`);
      visit(at);
    }
  };
  for (const root of roots) {
    const { name, from } = typeof root === "string" ? { name: root, from: "" } : root;
    const at = resolve(from, name);
    if (!at) throw new Error(`${name} (from ${from || "the root"}) is not in package-lock.json; cannot mirror it.`);
    visit(at);
  }
  return [...found.values()].sort((a, b) => (`${a.name}@${a.version}` < `${b.name}@${b.version}` ? -1 : 1));
}

/**
 * A package to mirror with its dependencies: a name resolved from the root, or from a workspace
 * folder such as `apps/cli` when that workspace has its own version (string-width 8 beside the
 * root's 4).
 */
export type DependencyRoot = string | { readonly name: string; readonly from: string };

/** A third-party package version to serve from the local registry. */
export interface MirroredPackage {
  readonly name: string;
  readonly version: string;
  /** The lockfile integrity, which is also the tarball's key in npm's cache. */
  readonly integrity: string;
}

/**
 * Publishes packages into the local registry from npm's cache (filled by `npm ci`), taking each
 * tarball by its lockfile integrity: the exact bytes npm installed, and no network. The publish is
 * the same PUT that `npm publish` sends.
 */
export async function mirrorIntoRegistry(
  packages: readonly MirroredPackage[],
  registryUrl: string,
  token: string,
): Promise<void> {
  const cacache = loadNpmCacache();
  const cache = join(execFileSync("npm", ["config", "get", "cache"], { encoding: "utf8", cwd: tmpdir() }).trim(), "_cacache");
  for (const pkg of packages) {
    let tarball: Buffer;
    try {
      tarball = await cacache.get.byDigest(cache, pkg.integrity);
    } catch {
      throw new Error(`${pkg.name}@${pkg.version} is not in npm's cache (${cache}); run \`npm ci\` first.`);
    }
    const manifest = manifestOf(tarball);
    const file = `${pkg.name.replace(/^@[^/]+\//, "")}-${pkg.version}.tgz`;
    const body = {
      _id: pkg.name,
      name: pkg.name,
      "dist-tags": { latest: pkg.version },
      versions: {
        [pkg.version]: {
          ...manifest,
          _id: `${pkg.name}@${pkg.version}`,
          dist: {
            integrity: pkg.integrity,
            shasum: createHash("sha1").update(tarball).digest("hex"),
            tarball: `${registryUrl}/${pkg.name}/-/${file}`,
          },
        },
      },
      _attachments: {
        [file]: { content_type: "application/octet-stream", data: tarball.toString("base64"), length: tarball.length },
      },
    };
    const res = await fetch(`${registryUrl}/${pkg.name.replace("/", "%2f")}`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (!res.ok)
      throw new Error(
        `publishing ${pkg.name}@${pkg.version} to the local registry failed: HTTP ${res.status} ${await res.text()}`,
      );
  }
}

// npm ships cacache; using npm's own copy reads the cache exactly as npm wrote it.
// npm config queries refuse to run inside a workspace folder (ENOWORKSPACES), hence cwd: tmpdir().
function loadNpmCacache(): { get: { byDigest(cache: string, integrity: string): Promise<Buffer> } } {
  const globalRoot = execFileSync("npm", ["root", "-g"], { encoding: "utf8", cwd: tmpdir() }).trim();
  return createRequire(import.meta.url)(join(globalRoot, "npm/node_modules/cacache"));
}

// The manifest is the package.json in the tarball's single top folder (usually package/, not always).
function manifestOf(tarball: Buffer): Record<string, unknown> {
  const listing = execFileSync("tar", ["-tzf", "-"], { input: tarball, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const entry = listing.split("\n").find((line) => /^[^/]+\/package\.json$/.test(line));
  if (!entry) throw new Error("a mirrored tarball has no package.json");
  return JSON.parse(
    execFileSync("tar", ["-xzOf", "-", entry], { input: tarball, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }),
  );
}
