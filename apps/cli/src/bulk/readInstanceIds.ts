import { parseId } from "../args/parseId.js";
import { UsageError } from "../args/usageError.js";
import type { CliIo } from "../cliIo.js";

/**
 * The instance IDs of `--instance-id` values, where `-` stands for the IDs on standard input (one
 * per line, or separated by any whitespace). Each is checked as an int64 and named by where it came
 * from; duplicates are dropped, the first order kept.
 */
export async function readInstanceIds(values: readonly string[], io: CliIo): Promise<string[]> {
  const ids = new Set<string>();
  for (const value of values) {
    if (value !== "-") {
      ids.add(value);
      continue;
    }
    if (io.stdin === undefined) throw new UsageError("--instance-id - reads IDs from standard input, and there is none here.");
    const text = await readAll(io.stdin);
    const lines = text.split("\n");
    for (const [n, line] of lines.entries()) {
      for (const word of line.split(/\s+/).filter(Boolean)) ids.add(parseId(`instance-id (standard input, line ${n + 1})`, word));
    }
  }
  if (ids.size === 0) throw new UsageError("--instance-id - read no IDs from standard input; give at least one.");
  return [...ids];
}

async function readAll(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of stream) text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
