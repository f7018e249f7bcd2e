// Import time, two ways, over fresh processes: the wall time `node -e <load>` adds over bare
// `node -e 0` (rounds interleave every candidate with a bare run; the median of the per-round
// differences), and the load time measured inside the process around the require/import.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 20);

/** The median of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs `node <args>` in cwd and returns its wall time and the load time it printed. */
export function run(args, cwd, node = process.execPath) {
  const t0 = performance.now();
  const r = spawnSync(node, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${r.stderr}`);
  return { wall, inside: Number(r.stdout) };
}

/** `node` arguments that load a module by require and by import and print the time it took. */
export function loaders(specifier) {
  const s = JSON.stringify(specifier);
  return {
    cjs: ["-e", `const t=performance.now();require(${s});process.stdout.write(String(performance.now()-t))`],
    esm: [
      "--input-type=module",
      "-e",
      `const t=performance.now();await import(${s});process.stdout.write(String(performance.now()-t))`,
    ],
  };
}

// core as it loads when @dmsflow/client is bundled into one file like core is (a proposed change to
// the shared build): both packages copied into a temporary node_modules.
function withBundledClient() {
  const dir = mkdtempSync(join(tmpdir(), "dmsflow-import-"));
  const packages = resolve(here, "../..");
  for (const name of ["client", "core"]) {
    const target = join(dir, "node_modules", "@dmsflow", name);
    mkdirSync(target, { recursive: true });
    cpSync(join(packages, name, "package.json"), join(target, "package.json"));
    cpSync(join(packages, name, "dist"), join(target, "dist"), { recursive: true });
  }
  const client = join(dir, "node_modules", "@dmsflow", "client", "dist");
  for (const format of ["esm", "cjs"]) {
    const entry = join(packages, "client", "dist", "esm", "index.js");
    const code = buildSync({ entryPoints: [entry], bundle: true, platform: "node", format, write: false }).outputFiles[0].text;
    writeFileSync(join(client, format, "index.js"), code);
  }
  return dir;
}

// The resume program as an application ships it: bundled and minified by esbuild (as the 15 KB budget
// measures it), with the call left out, so what is timed is loading it.
function resumeProgramBundle(dir) {
  const entry = join(dir, "entry.mjs");
  writeFileSync(
    entry,
    'import { DmsClient } from "@dmsflow/core";\nexport const client = new DmsClient({ regionId: "cn-hangzhou" });\n',
  );
  const out = join(dir, "resumeProgram.bundle.mjs");
  buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: out,
    logLevel: "silent",
    tsconfigRaw: {},
    nodePaths: [resolve(here, "../../../node_modules")],
  });
  return out;
}

/** Import times of core (as built, and with a bundled client), of the bundled resume program, and of its peers. */
export function measureImportTimes() {
  const bundled = withBundledClient();
  const program = resumeProgramBundle(bundled);
  const candidates = [
    { name: "resume program, esbuild bundle (import)", args: loaders(program).esm, cwd: here },
    { name: "@dmsflow/core (require)", args: loaders("@dmsflow/core").cjs, cwd: here },
    { name: "@dmsflow/core (import)", args: loaders("@dmsflow/core").esm, cwd: here },
    { name: "@dmsflow/core, client bundled (require)", args: loaders("@dmsflow/core").cjs, cwd: bundled },
    { name: "@dmsflow/core, client bundled (import)", args: loaders("@dmsflow/core").esm, cwd: bundled },
    { name: "@alicloud/openapi-core (official runtime)", args: loaders("@alicloud/openapi-core").cjs, cwd: here },
    { name: "official DMS client on openapi-core", args: loaders(join(here, "officialDmsClient.cjs")).cjs, cwd: here },
    { name: "@alicloud/pop-core", args: loaders("@alicloud/pop-core").cjs, cwd: here },
  ].map((c) => ({ ...c, added: [], inside: [] }));
  const bare = [];
  try {
    for (let round = 0; round < RUNS + 2; round++) {
      for (const c of candidates) {
        const base = run(["-e", "0"], c.cwd).wall;
        const { wall, inside } = run(c.args, c.cwd);
        if (round < 2) continue; // warm the file cache first
        bare.push(base);
        c.added.push(wall - base);
        c.inside.push(inside);
      }
    }
  } finally {
    rmSync(bundled, { recursive: true, force: true });
  }
  return {
    runs: RUNS,
    bare: median(bare),
    rows: candidates.map((c) => ({ name: c.name, added: median(c.added), inside: median(c.inside) })),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(measureImportTimes(), null, 2));
