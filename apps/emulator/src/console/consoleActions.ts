import type { ActionName } from "@dmsflow/client";
import type { ActionResult } from "../actions/actionHandler.js";
import { MAKE_SUCCESS } from "../actions/makeTaskFlowInstanceSuccess.js";
import { RERUN } from "../actions/reRunTaskFlowInstance.js";
import { RESUME } from "../actions/resumeTaskFlowInstance.js";
import { STOP } from "../actions/stopTaskFlowInstance.js";
import { SUSPEND } from "../actions/suspendTaskFlowInstance.js";
import type { TransitionSpec } from "../actions/transitionAction.js";
import type { EmulatorContext } from "../emulatorContext.js";
import { isGatewayFailure } from "../gateway/gatewayError.js";
import type { AccessKey } from "../store/catalog.js";

/** The operator actions on a run, by the verb in the console's path, with the statuses each one accepts. */
export const RUN_ACTIONS: Readonly<Record<string, TransitionSpec>> = {
  resume: RESUME,
  suspend: SUSPEND,
  stop: STOP,
  rerun: RERUN,
  succeed: MAKE_SUCCESS,
};

/** A console write the emulator refused: HTTP status, code and message, as the action answered it. */
export class ConsoleActionError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// The console acts as the operator of the flow's tenant, past the gateway: it holds no AccessKey
// secret to sign with, and an admin of the emulator may act on every tenant. The handlers read only
// the tenant and the parameters; this key only fills the request's shape.
const CONSOLE_KEY: AccessKey = {
  id: "emulator-console",
  secret: "",
  securityToken: null,
  expiresAtMs: null,
  disabled: false,
  tenants: [],
  activeTenant: null,
  rateLimit: undefined,
};

/**
 * Runs an operation's own handler for a flow's tenant, in the group commit, answered once committed:
 * the same rules and state changes as the signed API, without the signature, rate limit and faults.
 */
export async function runAsOperator(
  ctx: EmulatorContext,
  action: ActionName,
  dagId: string,
  values: Record<string, string>,
): Promise<Record<string, unknown>> {
  const flow = ctx.store.catalog.taskFlows.get(dagId);
  if (!flow) throw new ConsoleActionError(404, "TaskFlowNotFound", `No task flow ${dagId}.`);
  const handler = ctx.handlers[action];
  const request = {
    values: { ...values, DagId: dagId },
    accessKey: CONSOLE_KEY,
    tenant: ctx.store.catalog.tenants.get(flow.tid),
    nowMs: ctx.clock(),
  };
  const result: ActionResult = handler.writes ? ctx.store.commits.write(() => handler.run(request)) : handler.run(request);
  await ctx.store.commits.settled();
  if (isGatewayFailure(result)) throw new ConsoleActionError(result.status, result.code, result.message);
  if (result.ok) return { action, ...result.body };
  throw new ConsoleActionError(409, result.code, result.message);
}

/** Applies an operator action (a RUN_ACTIONS verb) to a run. */
export function runAction(ctx: EmulatorContext, instanceId: bigint, verb: string): Promise<Record<string, unknown>> {
  const spec = RUN_ACTIONS[verb];
  if (!spec) {
    throw new ConsoleActionError(
      404,
      "UnknownRunAction",
      `No run action ${verb}; use one of ${Object.keys(RUN_ACTIONS).join(", ")}.`,
    );
  }
  const row = ctx.store.instances.get(instanceId);
  if (!row) throw new ConsoleActionError(404, "InstanceNotFound", `No instance ${instanceId}.`);
  return runAsOperator(ctx, spec.action, String(row.dag_id), { DagInstanceId: String(instanceId) });
}
