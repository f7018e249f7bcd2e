import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { diffApis, overallBump } from "./apiDiff.js";
import { buildIr } from "./buildIr.js";
import { changesetText, describeChanges } from "./changesetText.js";
import { generate, summaryLine } from "./generate.js";
import { loadSpec, parseSpecText } from "./load.js";
import { SpecError } from "./specError.js";

const USAGE = `usage: npm run regen [-- --from <old openapi.yaml>] [--spec <openapi.yaml>] [--out <folder>] [--no-changeset]
  Regenerates the client, prints what changed in the API, and writes a changeset at the right bump.
  --from defaults to the spec as committed at HEAD.`;

/** The `npm run regen` command. Returns the exit code. */
export async function regenMain(argv: string[], rootDir: string): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const specFile = resolve(rootDir, values.spec ?? "specs/dms-enterprise/2018-11-01/openapi.yaml");
  const specName = relative(rootDir, specFile).split("\\").join("/");
  try {
    const before = values.from ? (await loadSpec(resolve(rootDir, values.from))).document : committedSpec(rootDir, specName);
    const after = (await loadSpec(specFile)).document;
    const changes = diffApis(buildIr(values.from ?? `HEAD:${specName}`, before), buildIr(specName, after));
    const outDir = resolve(rootDir, values.out ?? "packages/client/src/generated");
    const result = await generate({ rootDir, specFile, outDir });
    process.stdout.write(`${summaryLine(result, false)}\nAPI changes:\n${describeChanges(changes)}\n`);
    const bump = overallBump(changes);
    if (bump && !values["no-changeset"]) {
      const packages = await packagesExposingClient(rootDir);
      const text = changesetText(packages, bump, specName, changes);
      const dir = resolve(rootDir, values["changeset-dir"] ?? ".changeset");
      const file = join(dir, `regen-${createHash("sha256").update(text).digest("hex").slice(0, 8)}.md`);
      await mkdir(dir, { recursive: true });
      await writeFile(file, text);
      process.stdout.write(`Bump ${bump} for ${packages.join(", ")}: wrote ${relative(rootDir, file)}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof SpecError) {
      process.stderr.write(`regen: the spec cannot be generated:\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function committedSpec(rootDir: string, specName: string): unknown {
  let text: string;
  try {
    text = execFileSync("git", ["show", `HEAD:${specName}`], {
      cwd: rootDir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch {
    throw new SpecError(`HEAD:${specName}`, [
      { path: "", message: "no committed spec to compare with; pass --from <old spec>." },
    ]);
  }
  return parseSpecText(`HEAD:${specName}`, text);
}

/**
 * @dmsflow/client and every published package whose surface follows it: its entry re-exports from
 * the client, or one of its classes extends the generated DmsOperations (DmsClient in core gains and
 * loses methods with the spec).
 */
export async function packagesExposingClient(rootDir: string): Promise<string[]> {
  const names = ["@dmsflow/client"];
  for (const group of ["packages", "apps"]) {
    let dirs: string[] = [];
    try {
      dirs = await readdir(join(rootDir, group));
    } catch {
      continue;
    }
    for (const dir of dirs.sort()) {
      const pkg = JSON.parse(await readFile(join(rootDir, group, dir, "package.json"), "utf8").catch(() => "{}"));
      if (!pkg.name || pkg.private || names.includes(pkg.name)) continue;
      const index = await readFile(join(rootDir, group, dir, "src/index.ts"), "utf8").catch(() => "");
      const reexports = /export\s+(\*|(type\s+)?\{[^}]*\})\s+from\s+["']@dmsflow\/client["']/.test(index);
      if (reexports || (await extendsOperations(join(rootDir, group, dir, "src")))) names.push(pkg.name);
    }
  }
  return names;
}

async function extendsOperations(srcDir: string): Promise<boolean> {
  const files = await readdir(srcDir, { recursive: true }).catch(() => [] as string[]);
  for (const file of files) {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
    if (/\bextends\s+DmsOperations\b/.test(await readFile(join(srcDir, file), "utf8"))) return true;
  }
  return false;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      from: { type: "string" },
      spec: { type: "string" },
      out: { type: "string" },
      "changeset-dir": { type: "string" },
      "no-changeset": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
}
