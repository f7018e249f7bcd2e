import type { JSONValue } from "@jmespath-community/jmespath";
import { UsageError } from "../args/usageError.js";

/** A JMESPath expression checked by the parser, ready to run on results. */
export interface CompiledQuery {
  /** The expression as typed, for error messages. */
  readonly text: string;
  /** Runs the expression on a JSON value; a run-time error (a function on the wrong type) is a UsageError. */
  search(value: unknown): unknown;
}

/**
 * Parses a JMESPath expression (`--query`, the `rows=` of `--output`). The library is imported here,
 * on demand, so that commands without either load none of it. A syntax error is a UsageError that
 * names the option, the expression and the parser's message.
 */
export async function compileQuery(option: string, text: string): Promise<CompiledQuery> {
  const jmespath = await import("@jmespath-community/jmespath");
  try {
    jmespath.compile(text);
  } catch (error) {
    throw new UsageError(`${option} ${JSON.stringify(text)} is not a valid JMESPath expression: ${messageOf(error)}.`);
  }
  return {
    text,
    search(value) {
      try {
        return jmespath.search(value as JSONValue, text);
      } catch (error) {
        throw new UsageError(`${option} ${JSON.stringify(text)} failed on the result: ${messageOf(error)}.`);
      }
    },
  };
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");
}
