import type { IncomingMessage } from "node:http";
import { hasConsoleSession } from "../console/consoleAccess.js";
import { safeEqual } from "../gateway/safeEqual.js";

/**
 * Why an admin request is refused, or undefined when its bearer token is right. A GET also passes with
 * the console's cookie, so the page's EventSource (which cannot send headers) may read the event stream.
 */
export function checkAdminToken(
  req: IncomingMessage,
  adminToken: string | undefined,
): { status: number; code: string; message: string } | undefined {
  if (adminToken === undefined) {
    return {
      status: 403,
      code: "AdminDisabled",
      message:
        "The admin endpoints are disabled; start the emulator with --admin-token <token> (or DMSFLOW_EMULATOR_ADMIN_TOKEN).",
    };
  }
  const header = req.headers.authorization ?? "";
  const given = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  if (req.method === "GET" && !given && hasConsoleSession(req, adminToken)) return undefined;
  if (!given || !safeEqual(adminToken, given)) {
    return { status: 401, code: "AdminUnauthorized", message: "Send the admin token as Authorization: Bearer <token>." };
  }
  return undefined;
}
