import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests import sibling packages from source, so unit tests need no build; tests that run a built
// bin (CLI, emulator, release) depend on the nx build target instead.
// The subpath comes first: an alias also matches the subpaths of its name.
const alias = {
  "@dmsflow/client/signing": src("./packages/client/src/signing.ts"),
  "@dmsflow/client": src("./packages/client/src/index.ts"),
  "@dmsflow/core": src("./packages/core/src/index.ts"),
  "@dmsflow/emulator": src("./apps/emulator/src/index.ts"),
};

const project = (name: string, root: string, timeout = 30_000) => ({
  resolve: { alias },
  test: {
    name,
    root: src(root),
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: timeout,
    hookTimeout: timeout,
  },
});

export default defineConfig({
  test: {
    projects: [
      project("@dmsflow/codegen", "./tools/codegen"),
      project("@dmsflow/client", "./packages/client"),
      project("@dmsflow/core", "./packages/core"),
      project("@dmsflow/emulator", "./apps/emulator", 60_000),
      project("@dmsflow/cli", "./apps/cli", 120_000),
      project("@dmsflow/mcp", "./apps/mcp", 120_000),
      project("@dmsflow/release", "./tools/release", 600_000),
    ],
  },
});
