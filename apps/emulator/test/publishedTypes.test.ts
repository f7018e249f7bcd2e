import { execFile } from "node:child_process";
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/emulatorProcess.js";

const exec = promisify(execFile);
const require = createRequire(import.meta.url);
const appRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(appRoot, "..", "..");
const tsc = require.resolve("typescript/bin/tsc");
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * The declarations as the build emits them, used by a consumer that checks library types
 * (skipLibCheck false) and has no @types/better-sqlite3: better-sqlite3 itself is installed (it is a
 * dependency) but ships no types, so any better-sqlite3 type reachable from index.d.ts fails to compile.
 */
describe("the published declarations", () => {
  it("compile in a consumer with skipLibCheck false and without @types/better-sqlite3", async () => {
    const consumer = tempDir("dmsflow-emulator-types-");
    const modules = join(consumer, "node_modules");
    const emulator = join(modules, "@dmsflow/emulator");
    mkdirSync(emulator, { recursive: true });
    cpSync(join(appRoot, "package.json"), join(emulator, "package.json"));
    // The same compiler and configuration as the build, declarations only, from the current source.
    await exec(process.execPath, [
      tsc,
      "-p",
      join(appRoot, "tsconfig.build.json"),
      "--emitDeclarationOnly",
      "--outDir",
      join(emulator, "dist/esm"),
    ]);
    symlinkSync(join(repoRoot, "packages/client"), join(modules, "@dmsflow/client"), "dir");
    symlinkSync(join(repoRoot, "packages/core"), join(modules, "@dmsflow/core"), "dir");
    symlinkSync(packageDir("better-sqlite3"), join(modules, "better-sqlite3"), "dir");
    mkdirSync(join(modules, "@types"));
    symlinkSync(packageDir("@types/node"), join(modules, "@types/node"), "dir");
    writeFileSync(
      join(consumer, "use.ts"),
      [
        'import { DataFileError, type RunningEmulator, type Seed, startEmulator } from "@dmsflow/emulator";',
        'const seed: Seed = { tenants: [{ Tid: "3", name: "demo" }] };',
        "export async function start(): Promise<RunningEmulator> {",
        "  return startEmulator({ seed });",
        "}",
        "export const isDataFileError = (error: unknown): boolean => error instanceof DataFileError;",
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          types: ["node"],
        },
        files: ["use.ts"],
      }),
    );
    writeFileSync(join(consumer, "package.json"), '{ "type": "module" }\n');
    const result = await exec(process.execPath, [tsc, "-p", join(consumer, "tsconfig.json")], { cwd: consumer }).then(
      () => "",
      (error: { stdout: string }) => error.stdout,
    );
    expect(result).toBe("");
  }, 240_000); // two compiler runs, slow on a busy machine
});
