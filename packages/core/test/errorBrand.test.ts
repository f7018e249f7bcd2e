import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The two builds a program can load: `import` gets dist/esm, `require` dist/cjs. Each defines its
// own DmsError class, as two copies of core in one node_modules tree would.
const ESM = fileURLToPath(new URL("../dist/esm/index.js", import.meta.url));
const CJS = fileURLToPath(new URL("../dist/cjs/index.js", import.meta.url));
type Core = typeof import("../src/index.js");

async function loadBuilds(): Promise<{ esm: Core; cjs: Core }> {
  for (const file of [ESM, CJS]) {
    if (!existsSync(file)) throw new Error(`${file} is missing; build core first (npx nx run @dmsflow/core:build).`);
  }
  const esm = (await import(ESM)) as Core;
  const cjs = createRequire(import.meta.url)(CJS) as Core;
  return { esm, cjs };
}

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("isDmsError across the ESM and CommonJS builds", () => {
  it("recognises an error thrown by the CommonJS build in code that imported the ESM build, and back", async () => {
    const { esm, cjs } = await loadBuilds();
    expect(esm.DmsError).not.toBe(cjs.DmsError);
    const fromCjs = thrownBy(() => new cjs.DmsClient({ env: {} }));
    const fromEsm = thrownBy(() => new esm.DmsClient({ env: {} }));
    // instanceof cannot tell: the classes differ. The brand can.
    expect(fromCjs instanceof esm.DmsError).toBe(false);
    expect(esm.isDmsError(fromCjs)).toBe(true);
    expect(esm.isDmsError(fromCjs, "ConfigError")).toBe(true);
    expect(esm.isDmsError(fromCjs, "Timeout")).toBe(false);
    expect(fromEsm instanceof cjs.DmsError).toBe(false);
    expect(cjs.isDmsError(fromEsm, "ConfigError")).toBe(true);
    // The fields a caller reads instead of the message: the option at fault and what to do.
    expect(fromCjs).toMatchObject({ option: "regionId", hint: expect.stringContaining("regionId") });
    expect((fromCjs as Error).message).toContain((fromCjs as { hint: string }).hint);
  });

  it("is not fooled by look-alikes", async () => {
    const { esm } = await loadBuilds();
    const lookAlike = Object.assign(new Error("x"), { name: "DmsConfigError", code: "ConfigError" });
    expect(esm.isDmsError(lookAlike)).toBe(false);
    expect(esm.isDmsError({ code: "ConfigError" })).toBe(false);
    expect(esm.isDmsError(undefined)).toBe(false);
    expect(esm.isDmsError("ConfigError")).toBe(false);
  });

  it("keeps the brand out of JSON and own properties", async () => {
    const { esm } = await loadBuilds();
    const error = new esm.DmsServiceError("InternalError", "x", true, { statusCode: 500 });
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect(Object.keys(JSON.parse(JSON.stringify(error)))).not.toContain("dmsflow.error");
  });
});
