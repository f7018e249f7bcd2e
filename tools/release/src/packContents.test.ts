import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packContents } from "./packContents.js";
import { publishedPackages, ROOT } from "./publishedPackages.js";

// What a user needs: the manifest, docs, both builds with declarations, (apps) the committed bin files
// that load the build, and (emulator) its seeds, the seed format's JSON Schema and the web console's static files.
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^dist\/(esm|cjs)\/.+\.(js|d\.ts)$/,
  /^dist\/cjs\/package\.json$/,
  /^bin\/[\w-]+\.mjs$/,
  /^seeds\/[\w-]+\.json$/,
  /^seeds\/seed\.schema\.json$/,
  /^console\/[\w-]+\.(js|css|html)$/,
];
const FORBIDDEN = [
  /\.test\./,
  /(^|\/)test\//,
  /fixtures?\//,
  /\.map$/,
  /^src\//,
  /__snapshots__|__output__/,
  /\.tsbuildinfo$/,
  /bench\//,
];

describe("npm pack contents", () => {
  for (const pkg of publishedPackages()) {
    it(`${pkg.name} ships what a user needs and nothing else`, () => {
      const { files, size, unpackedSize } = packContents(pkg.dir);
      const surprises = files.filter((f) => !ALLOWED.some((re) => re.test(f)) || FORBIDDEN.some((re) => re.test(f)));
      expect(surprises).toEqual([]);
      for (const needed of [
        "package.json",
        "README.md",
        "LICENSE",
        "dist/esm/index.js",
        "dist/esm/index.d.ts",
        "dist/cjs/index.js",
        "dist/cjs/index.d.ts",
      ]) {
        expect(files, needed).toContain(needed);
      }
      // Every bin the manifest declares is in the tarball (npm would link a missing one to nothing).
      const manifest = JSON.parse(readFileSync(join(ROOT, pkg.dir, "package.json"), "utf8")) as { bin?: Record<string, string> };
      for (const bin of Object.values(manifest.bin ?? {})) expect(files, bin).toContain(bin);
      if (pkg.name === "@dmsflow/core") {
        // Loaded on demand by index.js for the credential modes that exchange something (RamRoleArn, ...).
        for (const lazy of ["dist/esm/credentialExchanges.js", "dist/cjs/credentialExchanges.js"])
          expect(files, lazy).toContain(lazy);
      }
      if (pkg.name === "@dmsflow/emulator") {
        // Served at /_emulator/console from the package's own console/ folder (no build step).
        for (const asset of ["console/index.html", "console/main.js", "console/live.js", "console/console.css"])
          expect(files, asset).toContain(asset);
      }
      console.log(
        `${pkg.name}: ${files.length} files, ${(size / 1024).toFixed(1)} KB packed, ${(unpackedSize / 1024).toFixed(1)} KB unpacked`,
      );
    });
  }
});
