import { createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { safeEqual } from "../gateway/safeEqual.js";

/** The cookie a browser holds once it opened the console with the admin token. */
export const CONSOLE_COOKIE = "dmsflow_console";

/** The header every state-changing console request carries (a cross-site page cannot send it without a CORS preflight, which the emulator never approves). */
export const CONSOLE_WRITE_HEADER = "x-dmsflow-console";

/** Why a console request is refused: HTTP status, code and what to do. */
export interface ConsoleRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * The cookie value for an admin token: an HMAC of it, so the cookie is not the token itself and
 * stays valid across restarts with the same token.
 */
export function consoleSession(adminToken: string): string {
  return createHmac("sha256", adminToken).update("dmsflow-emulator-console").digest("base64url");
}

/** Whether the request carries the console cookie of this admin token. */
export function hasConsoleSession(req: IncomingMessage, adminToken: string): boolean {
  const cookies = req.headers.cookie;
  if (!cookies) return false;
  const expected = consoleSession(adminToken);
  for (const part of cookies.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === CONSOLE_COOKIE && safeEqual(expected, part.slice(eq + 1).trim())) return true;
  }
  return false;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (isIP(address) === 4) return address.startsWith("127.");
  return address === "::1" || address.startsWith("::ffff:127.");
}

/**
 * Who may use the console. With an admin token: a request with `Authorization: Bearer <token>` or the
 * console cookie. Without one: only a client on this machine, naming a loopback host (a page of
 * another site that rebinds its DNS name to 127.0.0.1 still sends its own Host, and is refused).
 * Every state-changing request must also carry the console's write header.
 */
export function checkConsoleAccess(req: IncomingMessage, adminToken: string | undefined): ConsoleRefusal | undefined {
  const writes = req.method !== "GET" && req.method !== "HEAD";
  if (writes && req.headers[CONSOLE_WRITE_HEADER] !== "1") {
    return {
      status: 403,
      code: "ConsoleWriteHeaderMissing",
      message: `Console requests that change state must send the header ${CONSOLE_WRITE_HEADER}: 1.`,
    };
  }
  if (adminToken !== undefined) {
    const header = req.headers.authorization ?? "";
    const bearer = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
    if ((bearer && safeEqual(adminToken, bearer)) || hasConsoleSession(req, adminToken)) return undefined;
    return {
      status: 401,
      code: "ConsoleUnauthorized",
      message: "Open /_emulator/console?token=<admin token> once (it sets a cookie), or send Authorization: Bearer <token>.",
    };
  }
  const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
  if (!isLoopbackAddress(req.socket.remoteAddress) || !LOOPBACK_HOSTS.has(host)) {
    return {
      status: 403,
      code: "ConsoleLoopbackOnly",
      message:
        "Without an admin token the console answers only on this machine at 127.0.0.1 or localhost; start the emulator with --admin-token to open it to others.",
    };
  }
  return undefined;
}

/** Whether a `?token=` given to the console page is the admin token (then the page sets the cookie). */
export function isConsoleLogin(token: string | undefined, adminToken: string | undefined): boolean {
  return token !== undefined && adminToken !== undefined && safeEqual(adminToken, token);
}
