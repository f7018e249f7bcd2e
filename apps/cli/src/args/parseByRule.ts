import type { ActionName } from "@dmsflow/client";
import { UsageError } from "./usageError.js";

/**
 * A flag parser that checks the value by the rules the spec declares for one parameter of an
 * operation (the generated client's `breaksRules`, the check the client and the emulator apply), so
 * the error names the flag and shows `example` before any call. @dmsflow/client loads only when the
 * flag is given.
 */
export function byRule(action: ActionName, parameter: string, example: string): (flag: string, text: string) => Promise<string> {
  return async (flag, text) => {
    const { breaksRules, operationTable } = await import("@dmsflow/client");
    const descriptor = operationTable[action].operation.parameters.find((p) => p.name === parameter);
    // A parameter missing from the spec is a bug in the command's declaration, not a user error.
    if (descriptor === undefined) throw new Error(`${action} has no parameter ${parameter}`);
    const broken = breaksRules(descriptor, text);
    if (broken !== undefined) throw new UsageError(`--${flag} ${broken}, as in ${example}; got ${JSON.stringify(text)}.`);
    return text;
  };
}
