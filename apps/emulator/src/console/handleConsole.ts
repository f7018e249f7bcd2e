import type { IncomingMessage, ServerResponse } from "node:http";
import { toInt64String } from "@dmsflow/client";
import { AdminError } from "../admin/adminError.js";
import { EngineAdminError, engineAdminRoute } from "../admin/engineAdmin.js";
import { listRequests } from "../admin/listRequests.js";
import { resetState } from "../admin/resetState.js";
import type { EmulatorContext } from "../emulatorContext.js";
import { FaultSettingsError } from "../faults/faultSettings.js";
import { emptyParameters, parseUrlEncoded } from "../http/parseUrlEncoded.js";
import { readBody } from "../http/readBody.js";
import { sendJson } from "../http/sendJson.js";
import { SeedError } from "../seed/seedReader.js";
import { CONSOLE_COOKIE, checkConsoleAccess, consoleSession, isConsoleLogin } from "./consoleAccess.js";
import { ConsoleActionError, runAction, runAsOperator } from "./consoleActions.js";
import { ConsoleAssets } from "./consoleAssets.js";
import { consoleMeta } from "./consoleMeta.js";
import { ConsoleQueries } from "./consoleQueries.js";

/** Where the console lives. */
export const CONSOLE_PATH = "/_emulator/console";

const MAX_CONSOLE_BODY_BYTES = 64 * 1024;
const assets = new ConsoleAssets();
const queries = new WeakMap<EmulatorContext, ConsoleQueries>();

/**
 * Serves the web console: the page and its static files, and the JSON it reads and writes under
 * /_emulator/console/api/. Undefined when the path is not the console's (or the console is off).
 */
export function handleConsole(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  pathname: string,
  search: string,
): Promise<number> | undefined {
  if (!ctx.console.enabled || !(pathname === CONSOLE_PATH || pathname.startsWith(`${CONSOLE_PATH}/`))) return undefined;
  const query = emptyParameters();
  parseUrlEncoded(search, query);
  if (pathname === CONSOLE_PATH && req.method === "GET" && isConsoleLogin(query.token, ctx.adminToken)) {
    // The token leaves the address bar at once; the browser keeps an HttpOnly cookie instead.
    res.writeHead(303, {
      location: CONSOLE_PATH,
      "set-cookie": `${CONSOLE_COOKIE}=${consoleSession(ctx.adminToken!)}; Path=/_emulator; HttpOnly; SameSite=Strict`,
    });
    res.end();
    return Promise.resolve(303);
  }
  const sendError = (status: number, code: string, message: string): number => {
    sendJson(res, status, JSON.stringify({ RequestId: requestId, Code: code, Message: message }), requestId);
    return status;
  };
  const refusal = checkConsoleAccess(req, ctx.adminToken);
  if (refusal) return Promise.resolve(sendError(refusal.status, refusal.code, refusal.message));
  const rest = pathname.slice(CONSOLE_PATH.length + 1);
  if (!rest.startsWith("api/")) {
    if (req.method !== "GET" && req.method !== "HEAD") return Promise.resolve(sendError(405, "MethodNotAllowed", "Use GET."));
    if (assets.serve(req, res, rest === "" || pathname === CONSOLE_PATH ? "index.html" : rest)) return Promise.resolve(200);
    return Promise.resolve(sendError(404, "ConsoleAssetNotFound", `No console file ${rest}.`));
  }
  let reader = queries.get(ctx);
  if (!reader) {
    reader = new ConsoleQueries(ctx.store, ctx.engine);
    queries.set(ctx, reader);
  }
  return routeApi(ctx, reader, req, `${req.method} ${rest.slice(4)}`, query).then(
    (value) => {
      sendJson(res, 200, JSON.stringify(value), requestId);
      return 200;
    },
    (error: unknown) => {
      if (error instanceof ConsoleActionError || error instanceof EngineAdminError || error instanceof AdminError) {
        return sendError(error.status, error.code, error.message);
      }
      // Fault settings that do not follow the format; a start-up seed file gone since the start.
      if (error instanceof FaultSettingsError || error instanceof SeedError) return sendError(400, error.name, error.message);
      throw error;
    },
  );
}

async function routeApi(
  ctx: EmulatorContext,
  reader: ConsoleQueries,
  req: IncomingMessage,
  route: string,
  query: Record<string, string>,
): Promise<unknown> {
  const body = () => readJson(req);
  const engineAnswer = /^(GET|POST) clock$|^(GET|PUT) flows\/[^/]+\/nodes\/[^/]+\/behaviour$/.test(route)
    ? engineAdminRoute(ctx, route, body)
    : undefined;
  if (engineAnswer) return engineAnswer;
  let m = /^GET flows\/([^/]+)$/.exec(route);
  if (m) return reader.flow(int64(m[1]!, "DagId")) ?? notFound("TaskFlowNotFound", `No task flow ${m[1]}.`);
  m = /^POST flows\/([^/]+)\/tryRun$/.exec(route);
  if (m) return runAsOperator(ctx, "TryRunTaskFlow", int64(m[1]!, "DagId"), {});
  m = /^GET runs\/([^/]+)$/.exec(route);
  if (m) return reader.run(BigInt(int64(m[1]!, "instance Id"))) ?? notFound("InstanceNotFound", `No instance ${m[1]}.`);
  m = /^POST runs\/([^/]+)\/([a-z]+)$/.exec(route);
  if (m) return runAction(ctx, BigInt(int64(m[1]!, "instance Id")), m[2]!);
  switch (route) {
    case "GET meta":
      return consoleMeta(ctx);
    case "GET overview":
      return reader.overview();
    case "GET requests":
      // The emulator's one request history, as GET /_emulator/requests lists it (newest first).
      return listRequests(ctx, query);
    case "GET faults":
      return ctx.faults.current();
    case "PUT faults":
      ctx.faults.configure((await body()) as never);
      return ctx.faults.current();
    case "POST reset": {
      // The admin API's reset (access keys and tenants kept, start-up seed re-applied when asked).
      const given = (await body()) as { reseed?: unknown } | null;
      return resetState(ctx, given?.reseed === true ? { reseed: "true" } : {});
    }
    default:
      throw new ConsoleActionError(404, "ConsoleApiNotFound", `No console endpoint ${route}.`);
  }
}

function int64(text: string, what: string): string {
  const id = toInt64String(text);
  if (id === undefined) throw new ConsoleActionError(400, "InvalidId", `The ${what} in the path must be an int64 decimal.`);
  return id;
}

function notFound(code: string, message: string): never {
  throw new ConsoleActionError(404, code, message);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req, MAX_CONSOLE_BODY_BYTES);
  if (raw === undefined)
    throw new ConsoleActionError(413, "BodyTooLarge", `The body is larger than ${MAX_CONSOLE_BODY_BYTES} bytes.`);
  if (raw.length === 0) return null;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new ConsoleActionError(400, "InvalidJson", "The body must be JSON.");
  }
}
