#!/usr/bin/env node
// `npm run generate [-- --check]`: spec -> packages/client/src/generated.
import { importTypeScript, ROOT } from "./runTypeScript.mjs";

const { main } = await importTypeScript("main");
process.exitCode = await main(process.argv.slice(2), ROOT);
