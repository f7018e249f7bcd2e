import { DmsError } from "../errors/DmsError.js";
import { DmsAbortError } from "../errors/transportErrors.js";
import type { DmsHooks } from "../logging/DmsHooks.js";
import { retryDelayMs } from "../retry/retryPolicy.js";
import { sleep } from "../retry/sleep.js";
import type { DmsBuildArgs, DmsCallResult, DmsFinalizeArgs } from "./DmsStepArgs.js";
import type { DmsTransition } from "./MiddlewareStack.js";

/**
 * finalizeRequest step, outer part: runs the attempts. Retries what is retryable (network errors,
 * timeouts, 5xx, throttling, ServiceUnavailable) with full-jitter backoff or the gateway's
 * x-acs-retry-after, never a 4xx or a business failure; counts attempts whose outcome is unknown.
 */
export function retryMiddleware(hooks: DmsHooks): DmsTransition<DmsBuildArgs, DmsFinalizeArgs, DmsCallResult, DmsCallResult> {
  return (next) => async (args) => {
    const { call } = args;
    let unknownOutcomeAttempts = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await next({ ...args, attempt });
      } catch (error) {
        if (!(error instanceof DmsError)) throw error;
        error.attempts = attempt;
        if ((error as { outcomeUnknown?: boolean }).outcomeUnknown === true) unknownOutcomeAttempts++;
        error.unknownOutcomeAttempts = unknownOutcomeAttempts;
        if (!error.retryable || attempt >= call.retry.maxAttempts) throw error;
        const delayMs = retryDelayMs(error, attempt, call.retry);
        hooks.onRetry?.({ action: call.action, attempt, delayMs, error });
        if (!(await sleep(delayMs, call.signal))) {
          throw new DmsAbortError(
            `${call.action}: aborted by the caller's signal while waiting to retry after attempt ${attempt} (${error.code}).`,
            { action: call.action, attempts: attempt, outcomeUnknown: unknownOutcomeAttempts > 0, cause: error },
          );
        }
      }
    }
  };
}
