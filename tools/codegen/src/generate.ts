import { join, relative } from "node:path";
import { buildIr } from "./buildIr.js";
import { readRuntimeTemplates } from "./emit/emitRuntime.js";
import { emitFiles } from "./emit.js";
import { loadSpec } from "./load.js";
import { planFiles } from "./plan.js";
import { type WriteResult, writeFiles } from "./write.js";

/** Where to read the spec and write the client, and whether to only check. */
export interface GenerateOptions {
  readonly specFile: string;
  readonly outDir: string;
  /** The repository root; header paths are relative to it so output does not depend on the checkout. */
  readonly rootDir: string;
  readonly check?: boolean;
  /** The runtime templates (one folder per part); defaults to tools/codegen/templates under rootDir. */
  readonly templatesDir?: string;
}

/** The outcome of one run, with milliseconds per stage. */
export interface GenerateResult extends WriteResult {
  readonly files: number;
  readonly timings: Readonly<Record<"load" | "ir" | "plan" | "emit" | "write", number>>;
}

/** Runs every stage: load -> IR (checking the spec on the way) -> plan -> emit -> write. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const timings = { load: 0, ir: 0, plan: 0, emit: 0, write: 0 };
  const time = async <T>(stage: keyof typeof timings, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = performance.now() - start;
    }
  };
  const specName = relative(options.rootDir, options.specFile).split("\\").join("/");
  const [spec, templates] = await time("load", () =>
    Promise.all([
      loadSpec(options.specFile),
      readRuntimeTemplates(options.templatesDir ?? join(options.rootDir, "tools/codegen/templates")),
    ]),
  );
  const ir = await time("ir", () => buildIr(specName, spec.document));
  const plan = await time("plan", () => planFiles(ir));
  const files = await time("emit", () => emitFiles(plan, templates));
  const written = await time("write", () => writeFiles(options.outDir, files, options.check ?? false));
  return { ...written, files: files.size, timings };
}

/** One line that says what happened and how long each stage took. */
export function summaryLine(result: GenerateResult, check: boolean): string {
  const t = result.timings;
  const stages = (Object.keys(t) as (keyof typeof t)[]).map((k) => `${k} ${Math.round(t[k])}ms`).join(", ");
  const total = Math.round(Object.values(t).reduce((a, b) => a + b, 0));
  const what = check
    ? `checked ${result.files} files`
    : `${result.files} files, ${result.changed.length} written, ${result.stale.length} removed`;
  return `codegen: ${what} in ${total}ms (${stages})`;
}
