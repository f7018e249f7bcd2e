#!/usr/bin/env node
// `npm run spec:upstream -- --meta <folder>`: compare our spec with Alibaba's API metadata (and --write it).
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { importTypeScript, ROOT } from "./runTypeScript.mjs";

// importTypeScript writes the bundle beside the entry's name, dist/upstream/, and creates only dist/.
mkdirSync(fileURLToPath(new URL("../dist/upstream", import.meta.url)), { recursive: true });
const { upstreamMain } = await importTypeScript("upstream/upstreamMain");
process.exitCode = await upstreamMain(process.argv.slice(2), ROOT);
