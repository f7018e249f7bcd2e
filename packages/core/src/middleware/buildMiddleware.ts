import type { DmsMiddleware } from "./MiddlewareStack.js";

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
export function buildMiddleware(settings: BuildSettings): DmsMiddleware {
  const { host, userAgent, method } = settings;
  return (next) => (context) => {
    context.request = {
      method,
      path: "/",
      headers: {
        host,
        "x-acs-action": context.action,
        "x-acs-version": context.command.operation.version,
        accept: "application/json",
        "user-agent": userAgent,
      },
      body: "",
    };
    return next(context);
  };
}
