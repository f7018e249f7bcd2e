import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedPackages, ROOT } from "../src/publishedPackages.js";

const exec = promisify(execFile);

interface AppWithBins {
  readonly dir: string;
  readonly bins: Record<string, string>;
}

const apps: AppWithBins[] = publishedPackages()
  .map((pkg) => ({
    dir: pkg.dir,
    bins: (JSON.parse(readFileSync(join(ROOT, pkg.dir, "package.json"), "utf8")) as { bin?: Record<string, string> }).bin ?? {},
  }))
  .filter((app) => Object.keys(app.bins).length > 0);

// What a fresh clone gets from `npm ci`: the workspace is installed before anything is built, so no
// dist/ exists when npm links the bins into node_modules/.bin. A full `npm ci` takes minutes, so this
// installs a workspace of the apps' files as git tracks them (untracked new files included, ignored ones
// such as dist/ not), with their manifests' dependencies left out (npm's bin linking does not read
// them), offline, with the same npm.
describe("the workspace's bins after an install from a clean checkout", () => {
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "dmsflow-bins-"));
    writeFileSync(join(work, "package.json"), JSON.stringify({ name: "clean-checkout", private: true, workspaces: ["apps/*"] }));
    for (const app of apps) {
      // The app as git has it (its committed files, so no dist/), with the working tree's contents.
      const { stdout } = await exec("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", app.dir], {
        cwd: ROOT,
      });
      for (const file of stdout.split("\0").filter(Boolean)) {
        mkdirSync(dirname(join(work, file)), { recursive: true });
        if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(work, file));
      }
      const manifest = JSON.parse(readFileSync(join(ROOT, app.dir, "package.json"), "utf8"));
      delete manifest.dependencies;
      delete manifest.devDependencies;
      delete manifest.scripts;
      writeFileSync(join(work, app.dir, "package.json"), JSON.stringify(manifest));
    }
    await exec("npm", ["install", "--offline", "--ignore-scripts", "--no-audit", "--no-fund"], {
      cwd: work,
      env: { ...process.env, npm_config_registry: "http://127.0.0.1:9/" },
    });
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const allBins = apps.flatMap((app) => Object.keys(app.bins).map((name) => ({ name, dir: app.dir })));

  it.each(allBins)("npm links $name into node_modules/.bin before the build", ({ name }) => {
    expect(existsSync(join(work, "node_modules/.bin", name))).toBe(true);
  });

  it.each(allBins)("$name says to build first while dist/ is missing", async ({ name }) => {
    const failure = await exec(join(work, "node_modules/.bin", name), ["--version"], { cwd: work }).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toBe(
      `${name}: the package is not built (dist/esm/bin.js is missing). Run \`npm run build\` first (in a clone of the dmsflow repository: from its root).\n`,
    );
  });

  it.each(allBins)("npx $name runs the built command from the workspace root once dist/ exists", async ({ name, dir }) => {
    // The real build, linked in: Node resolves the build's own imports from its real path in the repository.
    const dist = join(work, dir, "dist");
    if (!existsSync(dist)) symlinkSync(join(ROOT, dir, "dist"), dist, "dir");
    const { stdout } = await exec("npx", ["--no-install", name, "--help"], { cwd: work });
    expect(stdout).toContain(name);
  });
});
