import { statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { InstanceStatus, toInt64String } from "@dmsflow/client";
import { checkConsoleAccess } from "../console/consoleAccess.js";
import { handleConsole } from "../console/handleConsole.js";
import type { EmulatorContext } from "../emulatorContext.js";
import { serveEvents } from "../events/serveEvents.js";
import { FaultSettingsError } from "../faults/faultSettings.js";
import { emptyParameters, parseUrlEncoded } from "../http/parseUrlEncoded.js";
import { readBody } from "../http/readBody.js";
import { sendJson } from "../http/sendJson.js";
import { parseSeedText } from "../seed/loadSeed.js";
import { SeedError } from "../seed/seedReader.js";
import type { SqliteDatabase } from "../store/openDatabase.js";
import { checkAdminToken } from "./adminAuth.js";
import { AdminError } from "./adminError.js";
import { EngineAdminError, engineAdminRoute } from "./engineAdmin.js";
import { exportState } from "./exportState.js";
import { inspectState, instanceView } from "./inspectState.js";
import { listRequests } from "./listRequests.js";
import { resetState } from "./resetState.js";

/** The largest admin body (a seed with a few hundred thousand instances). */
export const MAX_ADMIN_BODY_BYTES = 256 * 1024 * 1024;

/** The admin path prefix. */
export const ADMIN_PREFIX = "/_emulator/";

/**
 * Serves /_emulator/*: health (open), the web console (its own access rules), and with the admin token
 * seed, reset, state export, inspect, instance status, faults, stats, the request history and the
 * event stream (which the console's readers may also open). Answers JSON (the event stream:
 * text/event-stream); IDs are decimal strings here. Returns the HTTP status.
 */
export async function handleAdmin(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  pathname: string,
  search: string,
): Promise<number> {
  const send = (status: number, value: unknown): number => {
    sendJson(res, status, JSON.stringify(value), requestId);
    return status;
  };
  const route = `${req.method} ${pathname.slice(ADMIN_PREFIX.length)}`;
  if (route === "GET health") return send(200, { status: "ok", uptimeMs: Math.round(performance.now() - ctx.startedAtMs) });
  const consoleAnswer = handleConsole(ctx, req, res, requestId, pathname, search);
  if (consoleAnswer) return consoleAnswer;
  // The console page's EventSource sends no Authorization header: whoever may read the console (its
  // cookie, or loopback when there is no admin token) may read the event stream too.
  const consoleReader = ctx.console.enabled && checkConsoleAccess(req, ctx.adminToken) === undefined;
  if (route === "GET events" && consoleReader) {
    serveEvents(ctx.events, res, ctx.eventStream);
    return 200;
  }
  const denied = checkAdminToken(req, ctx.adminToken);
  if (denied) return send(denied.status, { RequestId: requestId, Code: denied.code, Message: denied.message });
  if (route === "GET events") {
    serveEvents(ctx.events, res, ctx.eventStream);
    return 200;
  }
  try {
    return send(200, await routeAdmin(ctx, req, route, search));
  } catch (error) {
    if (error instanceof AdminError || error instanceof EngineAdminError)
      return send(error.status, { RequestId: requestId, Code: error.code, Message: error.message });
    if (error instanceof SeedError || error instanceof FaultSettingsError) {
      return send(400, { RequestId: requestId, Code: error.name, Message: error.message });
    }
    throw error;
  }
}

async function routeAdmin(ctx: EmulatorContext, req: IncomingMessage, route: string, search: string): Promise<unknown> {
  const query = emptyParameters();
  if (!parseUrlEncoded(search, query).ok)
    throw new AdminError(400, "InvalidQuery", "The query string is not valid percent-encoded UTF-8.");
  const { store } = ctx;
  const engineAnswer = engineAdminRoute(ctx, route, () => readJson(req));
  if (engineAnswer) return engineAnswer;
  const instanceRoute = /^(GET inspect\/instances|PATCH instances)\/([^/]+)$/.exec(route);
  if (instanceRoute) {
    const id = toInt64String(safeDecode(instanceRoute[2]!));
    if (id === undefined) throw new AdminError(400, "InvalidId", "The instance Id in the path must be an int64.");
    if (instanceRoute[1] === "PATCH instances") {
      const body = await readJson(req);
      // A JSON body may be null or a scalar: only an object has a status.
      const status = typeof body === "object" && body !== null ? (body as { status?: unknown }).status : undefined;
      const statuses = Object.values(InstanceStatus) as unknown[];
      if (!statuses.includes(status)) {
        throw new AdminError(400, "InvalidStatus", `Send {"status": <one of ${statuses.join(", ")}>}.`);
      }
      if (!store.setInstanceStatus(BigInt(id), status as number))
        throw new AdminError(404, "InstanceNotFound", `No instance ${id}.`);
      ctx.engine.load();
      const dagId = String(store.instances.get(BigInt(id))?.dag_id);
      ctx.events.publish("instanceStatus", { DagId: dagId, DagInstanceId: id, from: null, to: status as number, cause: "admin" });
    }
    const row = store.instances.get(BigInt(id));
    if (!row) throw new AdminError(404, "InstanceNotFound", `No instance ${id}.`);
    return instanceView(row);
  }
  switch (route) {
    case "POST seed": {
      const mode = query.mode ?? "merge";
      if (mode !== "merge" && mode !== "replace") throw new AdminError(400, "InvalidMode", "mode must be merge or replace.");
      const body = await readText(req);
      const summary = store.seed(parseSeedText(body, "The seed"), mode);
      ctx.engine.load();
      ctx.limiter.clear();
      ctx.events.publish("stateReplaced", { cause: "seed" });
      return { mode, seeded: summary };
    }
    case "POST reset":
      return resetState(ctx, query);
    case "GET state":
      return exportState(ctx, query);
    case "GET requests":
      return listRequests(ctx, query);
    case "GET inspect":
      return inspectState(store);
    case "GET inspect/instances":
      return listInstances(ctx, query);
    case "GET faults":
      return ctx.faults.current();
    case "PUT faults":
      ctx.faults.configure((await readJson(req)) as never);
      return ctx.faults.current();
    case "DELETE faults":
      ctx.faults.configure({});
      return ctx.faults.current();
    case "GET stats":
      return stats(ctx);
    default:
      throw new AdminError(404, "AdminNotFound", `No admin endpoint ${route}; see the README of @dmsflow/emulator.`);
  }
}

function listInstances(ctx: EmulatorContext, query: Record<string, string>): unknown {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.DagId !== undefined) {
    const dagId = toInt64String(query.DagId);
    if (dagId === undefined) throw new AdminError(400, "InvalidDagId", "DagId must be an int64.");
    where.push("dag_id = ?");
    params.push(BigInt(dagId));
  }
  if (query.status !== undefined) {
    const status = Number(query.status);
    if (!Number.isInteger(status)) throw new AdminError(400, "InvalidStatus", "status must be an integer from 0 to 5.");
    where.push("status = ?");
    params.push(status);
  }
  const limit = Math.min(Math.max(Number(query.limit ?? 100) || 100, 1), 10_000);
  const offset = Math.max(Number(query.offset ?? 0) || 0, 0);
  const sql = `SELECT * FROM instances ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id LIMIT ? OFFSET ?`;
  const rows = ctx.store.db.prepare(sql).all(...params, limit, offset) as Parameters<typeof instanceView>[0][];
  return { instances: rows.map(instanceView) };
}

function stats(ctx: EmulatorContext): unknown {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return {
    uptimeMs: Math.round(performance.now() - ctx.startedAtMs),
    requests: ctx.counters.requests,
    responsesByStatus: ctx.counters.byStatus,
    clientClosed: ctx.counters.clientClosed,
    connections: { open: ctx.connections.size, ...ctx.connections.counters },
    commits: ctx.store.commits.counters.commits,
    writes: ctx.store.commits.counters.writes,
    cpu: { userMicros: cpu.user, systemMicros: cpu.system },
    memory: {
      rssBytes: memory.rss,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      externalBytes: memory.external,
      arrayBuffersBytes: memory.arrayBuffers,
    },
    sqlite: sqliteStats(ctx.store.db),
    liveRuns: ctx.engine.liveRuns,
    faultsInjected: ctx.faults.injected,
    noncesRemembered: ctx.replay.size,
    eventSubscribers: ctx.events.size,
  };
}

/**
 * The data file's size and SQLite's page-cache limit: with the memory figures above they tell a growing
 * cache (bounded by cacheLimitBytes) from retained objects.
 */
function sqliteStats(db: SqliteDatabase): unknown {
  const pageSize = Number(db.pragma("page_size", { simple: true }));
  const cacheSize = Number(db.pragma("cache_size", { simple: true }));
  let walBytes = 0;
  try {
    walBytes = db.memory ? 0 : statSync(`${db.name}-wal`).size;
  } catch {
    // No WAL file (not created yet, or checkpointed away).
  }
  return {
    pageSizeBytes: pageSize,
    fileBytes: Number(db.pragma("page_count", { simple: true })) * pageSize,
    freeBytes: Number(db.pragma("freelist_count", { simple: true })) * pageSize,
    walBytes,
    // A negative cache_size is a limit in KiB, a positive one in pages.
    cacheLimitBytes: cacheSize < 0 ? -cacheSize * 1024 : cacheSize * pageSize,
  };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

async function readText(req: IncomingMessage): Promise<string> {
  const body = await readBody(req, MAX_ADMIN_BODY_BYTES);
  if (body === undefined) throw new AdminError(413, "BodyTooLarge", `The body is larger than ${MAX_ADMIN_BODY_BYTES} bytes.`);
  return body.toString("utf8");
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readText(req);
  try {
    return JSON.parse(text);
  } catch {
    throw new AdminError(400, "InvalidJson", "The body must be JSON.");
  }
}
