import { describe, expect, it } from "vitest";
import { BUDGET_PROGRAM, bundleSize, OPT_IN_PROGRAM } from "./bundleSize.js";

// Issue 6's budget. What keeps it: schema-based serde in the client (operations are data, one
// runtime reads them), documentation in a separate table, and opt-in proxy, V1 signer and debug
// output in core, so a program carries only what it uses.
const BUDGET_GZIP_BYTES = 15 * 1024;

describe("size budget", () => {
  it("a program that imports DmsClient and resumes one instance is at most 15 KB gzipped", async () => {
    const { bytes, gzipBytes, inputs } = await bundleSize(BUDGET_PROGRAM);
    const verdict = gzipBytes <= BUDGET_GZIP_BYTES ? "within" : "OVER";
    console.log(
      `budget bundle: ${(bytes / 1024).toFixed(1)} KB minified, ${(gzipBytes / 1024).toFixed(1)} KB gzipped: ${verdict} the 15 KB budget; ${inputs.length} modules`,
    );
    // The bundle really is built from the published packages' ESM builds, not their sources.
    expect(inputs.some((f) => f.includes("core/dist/esm"))).toBe(true);
    expect(inputs.some((f) => f.includes("client/dist/esm"))).toBe(true);
    expect(inputs.some((f) => f.includes("/src/"))).toBe(false);
    expect(gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it("carries the proxy tunnel, the V1 signer and debug output only when the program asks for them", async () => {
    // Text each feature cannot do without: the CONNECT request, V1's signature method, the debug prefix.
    const markers = ['"CONNECT"', '"HMAC-SHA1"', "[dmsflow]"];
    const plain = await bundleSize(BUDGET_PROGRAM);
    const full = await bundleSize(OPT_IN_PROGRAM);
    console.log(`with proxy, V1 signer and debug output: ${(full.gzipBytes / 1024).toFixed(1)} KB gzipped`);
    for (const marker of markers) {
      expect(plain.text, marker).not.toContain(marker);
      expect(full.text, marker).toContain(marker);
    }
  });
});
