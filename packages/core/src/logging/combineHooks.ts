import type { DmsHooks } from "./DmsHooks.js";

type HookName = keyof DmsHooks;
const NAMES: readonly HookName[] = ["onRequest", "onResponse", "onRetry", "onComplete"];

/**
 * Merges hook sets into one. A hook that is absent everywhere stays undefined, so the client can
 * skip building its event; a hook that throws is ignored, since logging must not break a call.
 */
export function combineHooks(sets: readonly (DmsHooks | undefined)[]): DmsHooks {
  const combined: Record<string, (event: unknown) => void> = {};
  for (const name of NAMES) {
    const fns = sets.map((set) => set?.[name] as ((event: unknown) => void) | undefined).filter((fn) => typeof fn === "function");
    if (fns.length === 0) continue;
    combined[name] = (event: unknown) => {
      for (const fn of fns) {
        try {
          fn!(event);
        } catch {
          // A broken logger must not turn a successful call into a failure.
        }
      }
    };
  }
  return combined as DmsHooks;
}
