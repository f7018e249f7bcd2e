import { toInt64String } from "@dmsflow/client";
import type { EmulatorContext } from "../emulatorContext.js";
import type { NodeBehaviour } from "../engine/nodeBehaviour.js";

/** An admin request the engine endpoints refuse: HTTP status, code and what to send instead. */
export class EngineAdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const BEHAVIOUR_ROUTE = /^(GET|PUT) flows\/([^/]+)\/nodes\/([^/]+)\/behaviour$/;

/**
 * The engine's admin endpoints: GET/POST clock ({paused}, {advanceMs}, {speed}) and GET/PUT
 * flows/<DagId>/nodes/<NodeId>/behaviour ({durationMs, failureRate, failNext: {message} | null}).
 * Returns undefined when the route is not one of them.
 */
export function engineAdminRoute(
  ctx: EmulatorContext,
  route: string,
  readBody: () => Promise<unknown>,
): Promise<unknown> | undefined {
  if (route === "GET clock") return Promise.resolve(clockView(ctx));
  if (route === "POST clock") {
    return readBody().then(async (body) => {
      changeClock(ctx, body);
      // What the new time made due is done and committed before the answer, so a test needs no sleep.
      ctx.engine.runDue();
      await ctx.store.commits.settled();
      return clockView(ctx);
    });
  }
  const match = BEHAVIOUR_ROUTE.exec(route);
  if (!match) return undefined;
  const dagId = toInt64String(match[2]!);
  const nodeId = toInt64String(match[3]!);
  if (dagId === undefined || nodeId === undefined) {
    throw new EngineAdminError(400, "InvalidId", "The DagId and NodeId in the path must be int64 decimals.");
  }
  const { engine } = ctx;
  if (match[1] === "GET") return Promise.resolve(engine.behaviours.get(BigInt(dagId), BigInt(nodeId)));
  return readBody().then(async (body) => {
    const current = engine.behaviours.get(BigInt(dagId), BigInt(nodeId));
    const next = readBehaviour(body, current);
    ctx.store.commits.write(() => engine.behaviours.set(BigInt(dagId), BigInt(nodeId), next));
    await ctx.store.commits.settled();
    return next;
  });
}

function clockView(ctx: EmulatorContext): unknown {
  const now = ctx.engineClock.now();
  return { nowMs: now, now: new Date(now).toISOString(), paused: ctx.engineClock.isPaused, speed: ctx.engineClock.speed };
}

function changeClock(ctx: EmulatorContext, body: unknown): void {
  if (typeof body !== "object" || body === null) throw invalidClock();
  const { paused, advanceMs, speed } = body as { paused?: unknown; advanceMs?: unknown; speed?: unknown };
  if (paused !== undefined && typeof paused !== "boolean") throw invalidClock();
  if (advanceMs !== undefined && !(typeof advanceMs === "number" && Number.isSafeInteger(advanceMs) && advanceMs >= 0))
    throw invalidClock();
  if (speed !== undefined && !(typeof speed === "number" && speed > 0 && Number.isFinite(speed))) throw invalidClock();
  if (paused !== undefined) ctx.engineClock.setPaused(paused);
  if (speed !== undefined) ctx.engineClock.setSpeed(speed);
  if (advanceMs !== undefined) ctx.engineClock.advance(advanceMs);
}

function invalidClock(): EngineAdminError {
  return new EngineAdminError(
    400,
    "InvalidClock",
    'Send {"paused": true|false}, {"advanceMs": <whole ms >= 0>} and/or {"speed": <number > 0>}.',
  );
}

function readBehaviour(body: unknown, current: NodeBehaviour): NodeBehaviour {
  if (typeof body !== "object" || body === null) throw invalidBehaviour();
  const { durationMs, failureRate, failNext } = body as Record<string, unknown>;
  if (durationMs !== undefined && !(typeof durationMs === "number" && Number.isSafeInteger(durationMs) && durationMs >= 0)) {
    throw invalidBehaviour();
  }
  if (failureRate !== undefined && !(typeof failureRate === "number" && failureRate >= 0 && failureRate <= 1))
    throw invalidBehaviour();
  let next = current.failNext;
  if (failNext === null) next = null;
  else if (failNext !== undefined) {
    const message = typeof failNext === "object" ? (failNext as { message?: unknown }).message : undefined;
    if (typeof message !== "string" || message === "") throw invalidBehaviour();
    next = { message };
  }
  return {
    durationMs: (durationMs as number | undefined) ?? current.durationMs,
    failureRate: (failureRate as number | undefined) ?? current.failureRate,
    failNext: next,
  };
}

function invalidBehaviour(): EngineAdminError {
  return new EngineAdminError(
    400,
    "InvalidBehaviour",
    'Send {"durationMs": <whole ms >= 0>, "failureRate": <0 to 1>, "failNext": {"message": "<text>"} | null}; every member is optional.',
  );
}
