#!/usr/bin/env node
// `npm run regen`: regenerate, print the API diff in plain words, write a changeset.
import { importTypeScript, ROOT } from "./runTypeScript.mjs";

const { regenMain } = await importTypeScript("regenMain");
process.exitCode = await regenMain(process.argv.slice(2), ROOT);
