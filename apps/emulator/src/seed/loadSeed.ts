import { readFileSync } from "node:fs";
import { parseJsonExact } from "@dmsflow/client";
import { DEMO_SEED_NAME, demoSeedPath } from "./demoSeed.js";
import { SeedError } from "./seedReader.js";
import type { Seed } from "./seedTypes.js";
import { validateSeed } from "./validateSeed.js";
import type { ValidSeed } from "./validSeed.js";

/** Parses seed JSON text, keeping integers of 16+ digits exact, and validates it. */
export function parseSeedText(text: string, source: string): ValidSeed {
  let parsed: unknown;
  try {
    parsed = parseJsonExact(text);
  } catch (error) {
    throw new SeedError(`${source} is not valid JSON: ${(error as Error).message}.`);
  }
  return validateSeed(parsed);
}

/**
 * Loads a seed given as an object, as the path of a JSON file, or as `demo` (the built-in demo seed;
 * write `./demo` for a file of that name); throws SeedError with one clear line.
 */
export function loadSeed(given: Seed | string): ValidSeed {
  if (typeof given !== "string") return validateSeed(given);
  const seed = given === DEMO_SEED_NAME ? demoSeedPath() : given;
  let text: string;
  try {
    text = readFileSync(seed, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new SeedError(`Cannot read the seed file ${seed}: ${reason}.`);
  }
  return parseSeedText(text, `The seed file ${seed}`);
}
