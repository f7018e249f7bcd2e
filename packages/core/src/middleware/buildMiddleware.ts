import type { DmsBuildArgs, DmsCallResult, DmsSerializeArgs } from "./DmsStepArgs.js";
import type { DmsTransition } from "./MiddlewareStack.js";

/** What the build step needs to know about the client. */
export interface BuildSettings {
  /** The Host header value. */
  readonly host: string;
  /** The User-Agent header value. */
  readonly userAgent: string;
  /** The HTTP method. */
  readonly method: "GET" | "POST";
}

/** build step: the request template (method, host, action and version headers) that signing completes. */
export function buildMiddleware(
  settings: BuildSettings,
): DmsTransition<DmsSerializeArgs, DmsBuildArgs, DmsCallResult, DmsCallResult> {
  const { host, userAgent, method } = settings;
  return (next) => (args) => {
    const { call } = args;
    const request = {
      method,
      path: "/",
      headers: {
        host,
        "x-acs-action": call.action,
        "x-acs-version": call.command.operation.version,
        accept: "application/json",
        "user-agent": userAgent,
      },
      body: "",
    };
    return next({ ...args, request });
  };
}
