#!/usr/bin/env node
// Before the suite: fail now if a matrix runtime is missing, and build (or reuse) better-sqlite3 for
// each runtime's ABI, which the release test's consumer and the matrix step both need.
import { matrixRuntimes } from "./runtimes.mjs";
import { ensureSqliteAddons } from "./sqliteAddon.mjs";

const runtimes = matrixRuntimes();
console.log(`node-matrix: ${runtimes.map((r) => `${r.label} (ABI ${r.abi})`).join(", ")} installed`);
await ensureSqliteAddons(runtimes);
