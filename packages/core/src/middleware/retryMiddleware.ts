import { DmsError } from "../errors/DmsError.js";
import { DmsAbortError } from "../errors/transportErrors.js";
import type { DmsHooks } from "../logging/DmsHooks.js";
import { retryDelayMs } from "../retry/retryPolicy.js";
import { sleep } from "../retry/sleep.js";
import type { DmsMiddleware } from "./MiddlewareStack.js";

/**
 * finalizeRequest step, outer part: runs the attempts. Retries what is retryable (network errors,
 * timeouts, 5xx, throttling, ServiceUnavailable) with full-jitter backoff or the gateway's
 * x-acs-retry-after, never a 4xx or a business failure; counts attempts whose outcome is unknown.
 */
export function retryMiddleware(hooks: DmsHooks): DmsMiddleware {
  return (next) => async (context) => {
    for (let attempt = 1; ; attempt++) {
      context.attempt = attempt;
      try {
        return await next(context);
      } catch (error) {
        if (!(error instanceof DmsError)) throw error;
        error.attempts = attempt;
        if ((error as { outcomeUnknown?: boolean }).outcomeUnknown === true) context.unknownOutcomeAttempts++;
        error.unknownOutcomeAttempts = context.unknownOutcomeAttempts;
        if (!error.retryable || attempt >= context.retry.maxAttempts) throw error;
        const delayMs = retryDelayMs(error, attempt, context.retry);
        hooks.onRetry?.({ action: context.action, attempt, delayMs, error });
        if (!(await sleep(delayMs, context.signal))) {
          throw new DmsAbortError(
            `${context.action}: aborted by the caller's signal while waiting to retry after attempt ${attempt} (${error.code}).`,
            { action: context.action, attempts: attempt, outcomeUnknown: context.unknownOutcomeAttempts > 0, cause: error },
          );
        }
      }
    }
  };
}
