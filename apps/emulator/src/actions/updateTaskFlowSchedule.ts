import type { DecodedValue } from "@dmsflow/client";
import { toParserCron } from "../engine/flowSchedule.js";
import { DEFAULT_TIME_ZONE, isTimeZone, parseZonedTime } from "../engine/zonedTime.js";
import { gatewayError } from "../gateway/gatewayError.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { type FlowActionDeps, isFailure, requestedFlow } from "./flowActionContext.js";

/**
 * UpdateTaskFlowSchedule: stores the flow's schedule. A Cron schedule that is switched on fires runs
 * (TriggerType scheduled) of the deployed version while the flow is online, between CronBeginDate and
 * CronEndDate, read in TimeZoneId (Asia/Shanghai by default, as DMS). The zone is also the one the
 * flow's run times are shown in.
 */
export function updateTaskFlowSchedule({ store, engine }: FlowActionDeps): ActionHandler {
  return {
    writes: true,
    run(request) {
      const { values } = request;
      const zone = (values.TimeZoneId as string | undefined) || DEFAULT_TIME_ZONE;
      if (!isTimeZone(zone)) {
        return gatewayError("InvalidParameter", {
          parameter: "TimeZoneId",
          detail: "It must be an IANA time zone such as Asia/Shanghai.",
        });
      }
      const cron = (values.CronStr as string | undefined) || null;
      const triggerType = values.TriggerType as string;
      if (cron !== null) {
        const parsed = toParserCron(cron);
        if (typeof parsed !== "string")
          return gatewayError("InvalidParameter", {
            parameter: "CronStr",
            detail: `It is not a cron expression: ${parsed.reason}.`,
          });
      } else if (triggerType === "Cron" && values.ScheduleSwitch === true) {
        return gatewayError("InvalidParameter", {
          parameter: "CronStr",
          detail: "A Cron schedule that is switched on needs a CronStr such as 0 0 1 * * ? *.",
        });
      }
      for (const name of ["CronBeginDate", "CronEndDate"] as const) {
        const text = values[name] as string | undefined;
        if (text && parseZonedTime(text, zone) === undefined) {
          return gatewayError("InvalidParameter", { parameter: name, detail: "It must be yyyy-MM-dd or yyyy-MM-dd HH:mm:ss." });
        }
      }
      const flow = requestedFlow(store, request);
      if (isFailure(flow)) return flow;
      const schedule = {
        dagId: flow.dagId,
        triggerType,
        cron,
        cronType: text(values.CronType),
        timeZone: zone,
        beginDate: text(values.CronBeginDate),
        endDate: text(values.CronEndDate),
        scheduleParam: values.ScheduleParam as string,
        enabled: values.ScheduleSwitch === true,
        nextFireMs: null,
      };
      engine.schedules.put({ ...schedule, nextFireMs: schedule.enabled ? engine.firstFiring(schedule, engine.now()) : null });
      engine.refreshSchedule(flow.dagId);
      return success("UpdateTaskFlowSchedule", {});
    },
  };
}

function text(value: DecodedValue | undefined): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
