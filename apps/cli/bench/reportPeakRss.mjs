// Preloaded with `node --import` by bulkMemory.mjs: writes the process's peak RSS (KiB) to the
// file named by DMSFLOW_BENCH_RSS_FILE when it exits. No code in the CLI knows about it.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.DMSFLOW_BENCH_RSS_FILE)
    writeFileSync(process.env.DMSFLOW_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
