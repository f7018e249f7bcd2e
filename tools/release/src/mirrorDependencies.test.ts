import { describe, expect, it } from "vitest";
import { dependencyClosure } from "./mirrorDependencies.js";

describe("dependencyClosure", () => {
  it("follows nested versions the way Node resolves them, not only the hoisted ones", () => {
    const closure = dependencyClosure(["better-sqlite3"]).map((p) => `${p.name}@${p.version}`);
    expect(closure.some((s) => s.startsWith("better-sqlite3@12."))).toBe(true);
    expect(closure.some((s) => s.startsWith("bindings@"))).toBe(true);
    // decompress-response@6 needs mimic-response@^3, while the hoisted copy is 1.x.
    expect(closure.filter((s) => s.startsWith("mimic-response@")).length).toBeGreaterThanOrEqual(1);
    expect(closure.some((s) => /^mimic-response@3\./.test(s))).toBe(true);
  });

  it("says which package is missing", () => {
    expect(() => dependencyClosure(["no-such-package-xyz"])).toThrow(
      "no-such-package-xyz (from the root) is not in package-lock.json; cannot mirror it.",
    );
  });

  it("resolves a root from a workspace folder when that workspace has its own version", () => {
    const fromCli = dependencyClosure([{ name: "string-width", from: "apps/cli" }]).map((p) => `${p.name}@${p.version}`);
    expect(fromCli.some((s) => /^string-width@8\./.test(s))).toBe(true);
    expect(fromCli.some((s) => s.startsWith("get-east-asian-width@"))).toBe(true);
    const fromRoot = dependencyClosure(["string-width"]).map((p) => `${p.name}@${p.version}`);
    expect(fromRoot.some((s) => /^string-width@8\./.test(s))).toBe(false);
  });
});
