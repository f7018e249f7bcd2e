import { InstanceStatus } from "@dmsflow/client";
import type { EventBus } from "../events/eventBus.js";
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
  /** Where status changes are published once committed. */
  readonly events: EventBus;
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
      const from = store.instances.status(flow.dagId, id);
      const changed = apply({
        dagId: flow.dagId,
        id,
        now: formatApiTime(nowMs),
        completeAt: completes ? nowMs + options.completeRunningAfterMs! : null,
        dagVersion: typeof values.DagVersion === "string" ? values.DagVersion : null,
      });
      if (changed) {
        const change = { DagId: dagId, DagInstanceId: instanceId, from: from ?? null, to: spec.to, cause: spec.action };
        // Published only once the change is on disk; a failed commit changed nothing.
        store.commits.settled().then(
          () => options.events.publish("instanceStatus", change),
          () => undefined,
        );
        return success(spec.action, {});
      }
      if (from === undefined) return instanceNotFound(dagId, instanceId);
      return invalidStatus(instanceId, from, spec.requirement);
    },
  };
}
