import type { InstanceStatus, TaskFlowDetail, TaskFlowStatus } from "@dmsflow/client";
import type { FlowSchedule, ScheduleRepository } from "../engine/flowSchedule.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { inTenant, optionalText } from "./definitionScope.js";

/** The page size when PageSize is omitted (the documentation's example value). */
const DEFAULT_PAGE_SIZE = 20;

/**
 * ListTaskFlowsByPage: the tenant's flows (by DagId) filtered by DagIdList, ScenarioId and a name
 * keyword, one page at a time, with TotalCount of every match, and each flow's schedule as
 * UpdateTaskFlowSchedule stored it.
 */
export function listTaskFlowsByPage(store: Store, schedules: ScheduleRepository): ActionHandler {
  return {
    writes: false,
    run: inTenant(({ values, tenant }) => {
      const index = (values.PageIndex as number | undefined) ?? 1;
      const size = (values.PageSize as number | undefined) ?? DEFAULT_PAGE_SIZE;
      const { total, rows } = store.taskFlows.page({
        tid: tenant.tid,
        ...(values.DagIdList === undefined ? {} : { dagIds: values.DagIdList as string[] }),
        ...(values.ScenarioId === undefined ? {} : { scenarioId: values.ScenarioId as string }),
        ...(values.SearchKey === undefined ? {} : { nameContains: optionalText(values, "SearchKey")! }),
        limit: size,
        offset: (index - 1) * size,
      });
      const items = rows.map((row): TaskFlowDetail => {
        const latest = store.instances.latestOf(row.dag_id);
        const schedule = schedules.get(row.dag_id);
        return {
          Id: String(row.dag_id),
          DagName: row.name,
          Description: row.description,
          CreatorId: row.creator_id,
          CreatorNickName: row.creator,
          DagOwnerId: row.owner_id,
          DagOwnerNickName: row.owner,
          DeployId: row.deploy_id === null ? undefined : String(row.deploy_id),
          Status: Number(row.status) as TaskFlowStatus,
          ScenarioId: row.scenario_id === null ? undefined : String(row.scenario_id),
          LatestInstanceStatus: latest && (latest.status as InstanceStatus),
          LatestInstanceTime: latest?.startTime ? latest.startTime.slice(0, 10) : undefined,
          ...scheduleFields(schedules.get(row.dag_id)),
        };
      });
      return success("ListTaskFlowsByPage", { TotalCount: total, TaskFlowList: { TaskFlow: items } });
    }),
  };
}

/**
 * The schedule fields of TaskFlowDetail. TriggerType and CronType are integers in this model, with
 * values no source documents (UpdateTaskFlowSchedule takes names such as Cron and DAY), so they are left out
 * rather than made up.
 */
function scheduleFields(schedule: FlowSchedule | undefined): Partial<TaskFlowDetail> {
  if (!schedule) return { CronSwitch: false };
  return {
    CronSwitch: schedule.enabled,
    CronStr: schedule.cron ?? undefined,
    TimeZoneId: schedule.timeZone,
    CronBeginDate: schedule.beginDate ?? undefined,
    CronEndDate: schedule.endDate ?? undefined,
    ScheduleParam: schedule.scheduleParam || undefined,
  };
}
