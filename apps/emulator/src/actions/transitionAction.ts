import { InstanceStatus } from "@dmsflow/client";
import type { TransitionRule } from "../store/instanceRepository.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { formatApiTime } from "./apiTime.js";
import { instanceNotFound, invalidStatus, taskFlowNotFound, tenantNotExist } from "./businessErrors.js";

/** A state change on one instance, and how to explain a refusal ("only a suspended instance … can be resumed"). */
export interface TransitionSpec extends TransitionRule {
  /** The operation, whose (envelope-only) reply this is. */
  readonly action:
    | "ResumeTaskFlowInstance"
    | "SuspendTaskFlowInstance"
    | "StopTaskFlowInstance"
    | "ReRunTaskFlowInstance"
    | "MakeTaskFlowInstanceSuccess";
  readonly requirement: string;
}

/** What transitions need besides the store: when a running instance completes on its own. */
export interface TransitionOptions {
  /** A run started or resumed now succeeds after this many milliseconds; undefined: never. */
  readonly completeRunningAfterMs: number | undefined;
}

/** Builds the handler of a state-changing operation (Resume, Suspend, Stop, ReRun, MakeSuccess). */
export function transitionAction(store: Store, spec: TransitionSpec, options: TransitionOptions): ActionHandler {
  const apply = store.instances.prepareTransition(spec);
  const completes = spec.to === InstanceStatus.running && options.completeRunningAfterMs !== undefined;
  return {
    writes: true,
    run({ values, tenant, nowMs }) {
      if (!tenant) return tenantNotExist();
      const dagId = values.DagId as string;
      const instanceId = values.DagInstanceId as string;
      const flow = store.catalog.taskFlowOf(tenant.tid, dagId);
      if (!flow) return taskFlowNotFound(dagId, tenant);
      const id = BigInt(instanceId);
      const changed = apply({
        dagId: flow.dagId,
        id,
        now: formatApiTime(nowMs),
        completeAt: completes ? nowMs + options.completeRunningAfterMs! : null,
        dagVersion: typeof values.DagVersion === "string" ? values.DagVersion : null,
      });
      if (changed) return success(spec.action, {});
      const current = store.instances.status(flow.dagId, id);
      if (current === undefined) return instanceNotFound(dagId, instanceId);
      return invalidStatus(instanceId, current, spec.requirement);
    },
  };
}
