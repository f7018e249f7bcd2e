import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { SeedError } from "./seedReader.js";

/** The name that stands for the built-in demo seed, wherever a seed file path is accepted. */
export const DEMO_SEED_NAME = "demo";

/**
 * The path of the built-in demo seed (seeds/demo.json), found through the package's own exports, so
 * it works from the ESM and CommonJS builds, from source, and from a bundle run with NODE_PATH.
 */
export function demoSeedPath(): string {
  // CommonJS (the cjs build, a bundle) has __filename; ESM has import.meta.url.
  const here = typeof __filename === "string" ? __filename : fileURLToPath(import.meta.url);
  try {
    return createRequire(here).resolve("@dmsflow/emulator/seeds/demo.json");
  } catch {
    throw new SeedError(
      "The built-in demo seed (@dmsflow/emulator/seeds/demo.json) was not found; reinstall @dmsflow/emulator or pass a seed file path.",
    );
  }
}
