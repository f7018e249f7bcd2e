import type { InstanceStatus, LhTaskFlow, ScenarioTaskFlows, TaskFlowStatus } from "@dmsflow/client";
import type { Store } from "../store/store.js";
import type { TaskFlowRecord } from "../store/taskFlowRepository.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { inTenant } from "./definitionScope.js";

/**
 * ListLhTaskFlowAndScenario: the tenant's flows grouped by business scenario (RawDAGList: the default
 * scenario). The emulator does not model data-warehouse workspaces: the tenant is one workspace, and
 * SpaceId is echoed on every flow. With UserId, only the flows that user owns or cooperates on.
 */
export function listLhTaskFlowAndScenario(store: Store): ActionHandler {
  return {
    writes: false,
    run: inTenant(({ values, tenant }) => {
      const spaceId = values.SpaceId as string;
      const userId = values.UserId as string | undefined;
      const visible = (row: TaskFlowRecord) =>
        userId === undefined || row.owner_id === userId || store.flowSettings.cooperators(row.dag_id).includes(userId);
      const dag = (row: TaskFlowRecord): LhTaskFlow => {
        const latest = store.instances.latestOf(row.dag_id);
        return {
          Id: String(row.dag_id),
          DagName: row.name,
          CreatorId: row.creator_id,
          CreatorNickName: row.creator,
          DagOwnerId: row.owner_id,
          DagOwnerNickName: row.owner,
          DeployId: row.deploy_id === null ? undefined : String(row.deploy_id),
          ScenarioId: row.scenario_id === null ? undefined : String(row.scenario_id),
          SpaceId: spaceId,
          Status: Number(row.status) as TaskFlowStatus,
          LatestInstanceStatus: latest && (latest.status as InstanceStatus),
          CanEdit: row.can_edit !== 0n,
          IsDeleted: false,
        };
      };
      const byScenario = new Map<string, LhTaskFlow[]>();
      const raw: LhTaskFlow[] = [];
      for (const row of store.taskFlows.listOfTenant(tenant.tid)) {
        if (!visible(row)) continue;
        if (row.scenario_id === null) raw.push(dag(row));
        else {
          const key = String(row.scenario_id);
          const list = byScenario.get(key) ?? [];
          list.push(dag(row));
          byScenario.set(key, list);
        }
      }
      const scenarios = store.scenarios.listOf(tenant.tid).map(
        (s): ScenarioTaskFlows => ({
          Scenario: { ScenarioName: s.name, Description: s.description, CreatorId: s.creator_id },
          DagList: { Dag: byScenario.get(String(s.scenario_id)) ?? [] },
        }),
      );
      return success("ListLhTaskFlowAndScenario", {
        RawDAGList: { Dag: raw },
        ScenarioDAGList: { ScenarioDAG: scenarios },
      });
    }),
  };
}
