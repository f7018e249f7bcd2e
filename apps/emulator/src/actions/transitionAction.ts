import { InstanceStatus } from "@dmsflow/client";
import type { Engine } from "../engine/engine.js";
import { formatZonedTime } from "../engine/zonedTime.js";
import type { EventBus } from "../events/eventBus.js";
import { gatewayError } from "../gateway/gatewayError.js";
import type { TransitionRule } from "../store/instanceRepository.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
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

/** What transitions need besides the store. */
export interface TransitionOptions {
  /** An instance the engine does not drive (no node runs) succeeds this many ms after it is resumed or rerun; undefined: never. */
  readonly completeRunningAfterMs: number | undefined;
  /** Carries the transition into the run's execution, and tells the time. */
  readonly engine: Engine;
  /** Where status changes are published once committed. */
  readonly events: EventBus;
}

/** Builds the handler of a state-changing operation (Resume, Suspend, Stop, ReRun, MakeSuccess). */
export function transitionAction(store: Store, spec: TransitionSpec, options: TransitionOptions): ActionHandler {
  const apply = store.instances.prepareTransition(spec);
  const completes = spec.to === InstanceStatus.running && options.completeRunningAfterMs !== undefined;
  const { engine } = options;
  const takesVersion = spec.action === "ResumeTaskFlowInstance" || spec.action === "ReRunTaskFlowInstance";
  return {
    writes: true,
    run({ values, tenant }) {
      if (!tenant) return tenantNotExist();
      const dagId = values.DagId as string;
      const instanceId = values.DagInstanceId as string;
      const flow = store.catalog.taskFlowOf(tenant.tid, dagId);
      if (!flow) return taskFlowNotFound(dagId, tenant);
      const id = BigInt(instanceId);
      const dagVersion = typeof values.DagVersion === "string" && values.DagVersion !== "" ? values.DagVersion : null;
      if (
        takesVersion &&
        dagVersion !== null &&
        !(/^\d{1,19}$/.test(dagVersion) && engine.versions.hasVersion(flow.dagId, BigInt(dagVersion)))
      ) {
        return gatewayError("InvalidParameter", {
          parameter: "DagVersion",
          detail: `It must be a version of task flow ${dagId}: a VersionId from ListDAGVersions (got ${JSON.stringify(dagVersion)}).`,
        });
      }
      const nowMs = engine.now();
      const from = store.instances.status(flow.dagId, id);
      const changed = apply({
        dagId: flow.dagId,
        id,
        now: formatZonedTime(nowMs, engine.schedules.zoneOf(flow.dagId)),
        completeAt: completes ? nowMs + options.completeRunningAfterMs! : null,
        dagVersion,
      });
      if (changed) {
        const rerun =
          spec.action === "ReRunTaskFlowInstance" ? { version: dagVersion === null ? undefined : BigInt(dagVersion) } : undefined;
        engine.afterTransition(id, flow.dagId, spec.to, rerun);
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
