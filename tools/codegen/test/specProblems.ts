import { buildIr } from "../src/buildIr.js";
import { loadSpec } from "../src/load.js";
import { SpecError } from "../src/specError.js";
import { fixture } from "./fixturePaths.js";

/** A fresh, editable copy of a fixture spec's document. */
export async function fixtureDocument(name: string) {
  // biome-ignore lint/suspicious/noExplicitAny: tests poke at spec documents freely
  return structuredClone((await loadSpec(fixture(name))).document) as Record<string, any>;
}

/** The problems buildIr reports for a document, as `path: message` lines; none when it is valid. */
export function problems(doc: unknown): string[] {
  try {
    buildIr("spec.yaml", doc);
  } catch (error) {
    if (error instanceof SpecError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}
