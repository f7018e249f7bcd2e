// Shared by the console's browser tests, its screenshot and its bench: a headless Chromium from the
// npm package @sparticuz/chromium, driven by playwright-core. Nothing is downloaded: the binary ships
// brotli-packed in the package and is unpacked once into a folder of its own version (not the shared
// /tmp/chromium, which another version may own), moved into place atomically so concurrent test
// workers never run a half-written file.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import chromium from "@sparticuz/chromium";
import { chromium as playwright } from "playwright-core";

const require = createRequire(import.meta.url);
const version = require(join(dirname(require.resolve("@sparticuz/chromium")), "..", "..", "package.json")).version;

let unpacking;

async function unpackedExecutable() {
  const home = join(tmpdir(), `dmsflow-chromium-${version}`);
  const executable = join(home, "chromium");
  if (existsSync(executable)) return executable;
  mkdirSync(dirname(home), { recursive: true });
  const staging = mkdtempSync(`${home}-unpacking-`);
  const previous = process.env.TMPDIR;
  // The package unpacks into os.tmpdir(): point it at the staging folder for this one call.
  process.env.TMPDIR = staging;
  try {
    await chromium.executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  try {
    renameSync(staging, home);
  } catch (error) {
    // Another worker got there first: use its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(executable)) throw error;
  }
  return executable;
}

/** Launches a headless Chromium; resolves with playwright's Browser. */
export async function launchChromium() {
  unpacking ??= unpackedExecutable();
  const executablePath = await unpacking;
  return playwright.launch({ executablePath, args: chromium.args, headless: true, timeout: 120_000 });
}
