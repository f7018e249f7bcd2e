import { type ChildProcess, execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matrixRuntimes } from "../../../scripts/node-matrix/runtimes.mjs";
import { ensureSqliteAddons } from "../../../scripts/node-matrix/sqliteAddon.mjs";
import { type LocalRegistry, spawnGroup, startLocalRegistry, stopChild } from "../src/localRegistry.js";
import { dependencyClosure, mirrorIntoRegistry } from "../src/mirrorDependencies.js";
import { publishedPackages, ROOT } from "../src/publishedPackages.js";

const exec = promisify(execFile);
const packages = publishedPackages();
const changeset = join(ROOT, "node_modules/@changesets/cli/bin.js");
const tsc = join(ROOT, "node_modules/typescript/bin/tsc");

// The consumer's programs and bins run on the machine's Node and on each Node of the matrix. A missing
// matrix Node fails this file at collection: the matrix never shrinks silently.
const matrix = matrixRuntimes();

/**
 * The whole release path against a real registry: version and publish all five packages with
 * changesets to verdaccio on 127.0.0.1, then install them into a consumer folder outside the
 * workspace from that registry alone (third-party dependencies are mirrored into it from npm's cache),
 * and use them the ways users do. Every process and folder is removed at the end, pass or fail.
 */
describe("publish to a local registry and consume from it", () => {
  let work: string;
  let registry: LocalRegistry | undefined;
  const children: ChildProcess[] = [];
  let consumer: string;
  let publishLog = "";

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "dmsflow-release-"));
    registry = await startLocalRegistry(join(work, "registry"));

    // A release checkout: the workspace's published packages as built, in their own git repository.
    const repo = join(work, "repo");
    mkdirSync(join(repo, ".changeset"), { recursive: true });
    const rootManifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    writeFileSync(
      join(repo, "package.json"),
      JSON.stringify({ name: rootManifest.name, private: true, workspaces: ["packages/*", "apps/*"] }, null, 2),
    );
    cpSync(join(ROOT, ".changeset/config.json"), join(repo, ".changeset/config.json"));
    for (const pkg of packages) {
      cpSync(join(ROOT, pkg.dir), join(repo, pkg.dir), {
        recursive: true,
        filter: (src) => !/[/\\](node_modules|src|test|bench|\.tmp)([/\\]|$)/.test(src.slice(join(ROOT, pkg.dir).length)),
      });
    }
    // changesets runs `npm publish` inside each package folder, where npm does not read the
    // repository's .npmrc: without a copy there, it would go to the public registry.
    writeFileSync(join(repo, ".npmrc"), registry.npmrc);
    for (const pkg of packages) writeFileSync(join(repo, pkg.dir, ".npmrc"), registry.npmrc);
    writeFileSync(join(repo, ".gitignore"), ".npmrc\n**/.npmrc\n");
    const git = (...args: string[]) =>
      exec("git", ["-c", "user.name=ci", "-c", "user.email=ci@localhost", ...args], { cwd: repo });
    await git("init", "-q", "-b", "main");
    await git("add", "-A");
    await git("commit", "-qm", "release checkout");
    writeFileSync(
      join(repo, ".changeset/release-test.md"),
      `---\n${packages.map((p) => `"${p.name}": minor`).join("\n")}\n---\n\nRelease test.\n`,
    );
    // Every npm call made here is pinned to the local registry, whatever the .npmrc files say.
    const npmEnv = { ...process.env, npm_config_registry: `${registry.url}/` };
    await exec(process.execPath, [changeset, "version"], { cwd: repo, env: npmEnv });
    await git("add", "-A");
    await git("commit", "-qm", "version packages");
    const published = await exec(process.execPath, [changeset, "publish"], { cwd: repo, env: npmEnv });
    publishLog = published.stdout + published.stderr;

    await mirrorIntoRegistry(
      dependencyClosure([
        "better-sqlite3",
        "ajv",
        "cron-parser",
        "@dagrejs/dagre",
        "@types/node",
        "@modelcontextprotocol/sdk",
        "zod",
        // The CLI's own: string-width 8 lives in apps/cli/node_modules (the root has 4, for other tools).
        { name: "string-width", from: "apps/cli" },
        "@jmespath-community/jmespath",
      ]),
      registry.url,
      registry.token,
    );

    consumer = join(work, "consumer");
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
    writeFileSync(join(consumer, ".npmrc"), registry.npmrc);
    // better-sqlite3 is built here from source: its prebuilt-binary download would need the network.
    await exec(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "@dmsflow/core",
        "@dmsflow/cli",
        "@dmsflow/emulator",
        "@dmsflow/mcp",
        "@types/node@20",
      ],
      { cwd: consumer, env: { ...npmEnv, npm_config_build_from_source: "true" }, maxBuffer: 32 * 1024 * 1024 },
    );
  }, 600_000);

  afterAll(async () => {
    for (const child of children) await stopChild(child);
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("changesets versioned and published each package to the registry", async () => {
    expect(publishLog).toContain("packages published successfully");
    for (const pkg of packages) {
      const res = await fetch(`${registry!.url}/${pkg.name.replace("/", "%2f")}`);
      const doc = (await res.json()) as { "dist-tags": { latest: string } };
      expect(doc["dist-tags"].latest, pkg.name).toBe("0.1.0");
    }
    const installed = JSON.parse(readFileSync(join(consumer, "node_modules/@dmsflow/core/package.json"), "utf8"));
    expect(installed.version).toBe("0.1.0");
    expect(installed.dependencies["@dmsflow/client"]).toBe("0.1.0");
  });

  for (const resolution of ["nodenext", "bundler"] as const) {
    it(`a consumer .ts file type-checks with moduleResolution ${resolution}`, async () => {
      const dir = join(consumer, resolution);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, "use.ts"),
        [
          'import { DmsClient, type DmsError } from "@dmsflow/core";',
          // The emulator's declarations must compile without @types/better-sqlite3 (checked absent below).
          'import { DataFileError, type RunningEmulator, type Seed, startEmulator } from "@dmsflow/emulator";',
          'import type { ResumeTaskFlowInstanceOutput } from "@dmsflow/client";',
          "export async function resume(): Promise<ResumeTaskFlowInstanceOutput> {",
          '  const client = new DmsClient({ regionId: "cn-hangzhou" });',
          '  return client.resumeTaskFlowInstance({ DagId: 11n, DagInstanceId: "9007199254740993", Tid: 3 });',
          "}",
          "export function code(error: DmsError): string {",
          "  return error.code;",
          "}",
          'const seed: Seed = { tenants: [{ Tid: "3", name: "demo" }] };',
          "export const start = (): Promise<RunningEmulator> => startEmulator({ seed });",
          "export const isDataFileError = (error: unknown): boolean => error instanceof DataFileError;",
          "",
        ].join("\n"),
      );
      const module = resolution === "nodenext" ? "nodenext" : "esnext";
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            module,
            moduleResolution: resolution,
            target: "es2022",
            types: ["node"],
            typeRoots: ["../node_modules/@types"],
          },
          files: ["use.ts"],
        }),
      );
      expect(existsSync(join(consumer, "node_modules/@types/better-sqlite3"))).toBe(false);
      await expect(exec(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { cwd: consumer })).resolves.toBeDefined();
    });
  }

  let addons: Map<string, string>;
  beforeAll(async () => {
    addons = await ensureSqliteAddons(matrix);
  }, 600_000);

  const consumerRuntimes = [
    { label: `the machine's Node ${process.version}`, node: process.execPath, alias: undefined },
    ...matrix.map((r) => ({ label: r.label, node: r.node, alias: r.alias })),
  ];
  describe.each(consumerRuntimes)("on $label", ({ label, node, alias }) => {
    // Its node first on PATH (for npx and the bins' `#!/usr/bin/env node`) and, on the matrix, the
    // better-sqlite3 addon built for it: the consumer's own install built the machine's.
    const runtime = () => ({
      node,
      env: alias
        ? {
            ...process.env,
            PATH: `${dirname(node)}${delimiter}${process.env.PATH}`,
            DMSFLOW_EMULATOR_SQLITE_ADDON: addons.get(alias),
          }
        : process.env,
    });

    it("npx runs the consumer's bins on this Node", async () => {
      // What a bin's `#!/usr/bin/env node` finds. (Not `npx node`: npm exec looks that up in its
      // global prefix, which an npm-started test inherits.) On the matrix, the emulator below also
      // proves it: it loads only the addon built for this Node's ABI.
      const { node, env } = runtime();
      const expected = (await exec(node, ["-p", "process.version"])).stdout;
      const seen = await exec("npx", ["--no-install", "-c", "node -p process.version"], { cwd: consumer, env });
      expect(seen.stdout).toBe(expected);
    });

    it("imports DmsClient from ESM and requires it from CommonJS", async () => {
      const { node, env } = runtime();
      writeFileSync(
        join(consumer, "esm.mjs"),
        'import { DmsClient } from "@dmsflow/core";\nconsole.log(typeof DmsClient, typeof new DmsClient({ endpoint: "http://127.0.0.1:1", credentials: { accessKeyId: "a", accessKeySecret: "b" } }).resumeTaskFlowInstance);\n',
      );
      writeFileSync(
        join(consumer, "cjs.cjs"),
        'const { DmsClient } = require("@dmsflow/core");\nconsole.log(typeof DmsClient);\n',
      );
      expect((await exec(node, ["esm.mjs"], { cwd: consumer, env })).stdout).toBe("function function\n");
      expect((await exec(node, ["cjs.cjs"], { cwd: consumer, env })).stdout).toBe("function\n");
    });

    it("npx dmsflow-mcp answers an MCP client's tools/list over stdio, one tool per operation", async () => {
      const { env } = runtime();
      const server = spawnGroup("npx", ["--no-install", "dmsflow-mcp", "--endpoint", "http://127.0.0.1:9"], {
        cwd: consumer,
        env,
        stdio: ["pipe", "pipe", "pipe"],
      });
      children.push(server);
      const answer = await new Promise<{ result: { tools: { name: string }[] } }>((resolve, reject) => {
        let out = "";
        server.stdout!.on("data", (d) => {
          out += d;
          for (const line of out.split("\n").slice(0, -1)) {
            const message = JSON.parse(line) as { id?: number };
            if (message.id === 2) resolve(message as never);
          }
        });
        server.once("exit", (code) => reject(new Error(`dmsflow-mcp exited with ${code}`)));
        const initialize = { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "consumer", version: "1" } };
        server.stdin!.write(
          `${[
            { jsonrpc: "2.0", id: 1, method: "initialize", params: initialize },
            { jsonrpc: "2.0", method: "notifications/initialized" },
            { jsonrpc: "2.0", id: 2, method: "tools/list" },
          ]
            .map((m) => JSON.stringify(m))
            .join("\n")}\n`,
        );
      });
      await stopChild(server);
      const names = answer.result.tools.map((t) => t.name);
      expect(names).toContain("ResumeTaskFlowInstance");
      expect(names).toContain("explain_run");
      expect(names.filter((n) => /^[A-Z]/.test(n))).toHaveLength(52);
    });

    it("npx dmsflow-emulator starts from the installed package and the installed dmsflow resumes a seeded instance", async () => {
      const seed = join(consumer, "node_modules/@dmsflow/emulator/seeds/demo.json");
      const emulator = spawnGroup(
        "npx",
        [
          "--no-install",
          "dmsflow-emulator",
          "--port",
          "0",
          "--data",
          join(consumer, `${label.replace(/\W/g, "_")}.sqlite`),
          "--seed",
          seed,
        ],
        { cwd: consumer, env: runtime().env, stdio: ["ignore", "pipe", "pipe"] },
      );
      children.push(emulator);
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        let err = "";
        emulator.stdout!.on("data", (d) => {
          out += d;
          const line = out.split("\n")[0];
          if (out.includes("\n")) resolve((JSON.parse(line!) as { url: string }).url);
        });
        emulator.stderr!.on("data", (d) => {
          err += d;
        });
        emulator.once("exit", (code) => reject(new Error(`dmsflow-emulator exited with ${code}: ${err}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const demo = JSON.parse(readFileSync(seed, "utf8")) as {
        accessKeys: { id: string; secret: string }[];
        instances: { Id: string | number; DagId: string | number; status: number }[];
      };
      const suspended = demo.instances.find((i) => i.status === 2)!;
      const env = {
        ...runtime().env,
        HOME: join(work, "home"),
        ALIBABA_CLOUD_ACCESS_KEY_ID: demo.accessKeys[0]!.id,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: demo.accessKeys[0]!.secret,
      };
      const resume = await exec(
        "npx",
        [
          "--no-install",
          "dmsflow",
          "resume",
          "--endpoint",
          url,
          "--dag-id",
          String(suspended.DagId),
          "--instance-id",
          String(suspended.Id),
          "--output",
          "json",
        ],
        { cwd: consumer, env },
      );
      expect(JSON.parse(resume.stdout)).toMatchObject({ Success: true });
    });
  });
});
