import { DmsConfigError } from "../errors/localErrors.js";

/** The User-Agent dmsflow sends: product, runtime and platform, then the caller's suffix. */
export function userAgent(suffix?: string): string {
  const base = `dmsflow (Node.js ${process.version}; ${process.platform}; ${process.arch})`;
  if (suffix === undefined || suffix === "") return base;
  if (typeof suffix !== "string" || /[\r\n\0]/.test(suffix)) {
    throw new DmsConfigError("userAgent", "userAgent must be a one-line string, e.g. my-tool/1.2.");
  }
  return `${base} ${suffix}`;
}
