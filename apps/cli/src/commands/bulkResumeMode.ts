import type { ParsedArgv } from "../args/parseArgv.js";

/** Whether a resume command line goes through the bulk resume: all suspended, several IDs, or IDs from stdin. */
export function isBulkResume(args: ParsedArgv): boolean {
  const ids = args.repeated.get("instance-id") ?? [];
  return args.options.has("all-suspended") || ids.length > 1 || ids.includes("-");
}
