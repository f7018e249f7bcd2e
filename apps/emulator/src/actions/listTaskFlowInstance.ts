import type { DecodedValue } from "@dmsflow/client";
import { type GatewayFailure, gatewayError } from "../gateway/gatewayError.js";
import { int64OrUndefined, member, object, str, textOrUndefined } from "../json/jsonText.js";
import type { TaskFlow } from "../store/catalog.js";
import type { InstanceRecord } from "../store/instanceRepository.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { taskFlowNotFound, tenantNotExist } from "./businessErrors.js";
import { readPage } from "./readPage.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** ListTaskFlowInstance: a flow's instances, newest first, filtered by status, trigger type and a date range. */
export function listTaskFlowInstance(store: Store): ActionHandler {
  return {
    writes: false,
    run({ values, tenant }) {
      const page = readPage(values);
      const range = readRange(values);
      if ("kind" in range) return range;
      // Status and TriggerType were checked against the spec's enumerations by the gateway.
      const status = values.Status as number | undefined;
      const triggerType = values.TriggerType as number | undefined;
      if (!tenant) return tenantNotExist();
      const dagId = values.DagId as string;
      const flow = store.catalog.taskFlowOf(tenant.tid, dagId);
      if (!flow) return taskFlowNotFound(dagId, tenant);
      const { total, rows } = store.instances.list({
        dagId: flow.dagId,
        ...(status === undefined ? {} : { status }),
        ...(triggerType === undefined ? {} : { triggerType }),
        ...range,
        byBusinessTime: values.UseBizDate === true,
        ...page,
      });
      const items = rows.map((row) => instanceJson(row, flow)).join(",");
      return success(`"TotalCount":${total},"DAGInstanceList":{"DAGInstance":[${items}]}`);
    },
  };
}

/** One DAGInstance as the API prints it: Id a raw int64, DagId a string, startTime with a lower-case s. */
export function instanceJson(row: InstanceRecord, flow: TaskFlow): string {
  return object([
    member("Id", String(row.id)),
    member("DagId", str(String(row.dag_id))),
    member("DagName", str(flow.name)),
    member("DagVersion", str(row.dag_version)),
    member("HistoryDagId", int64OrUndefined(row.history_dag_id)),
    member("Status", String(row.status)),
    member("TriggerType", String(row.trigger_type)),
    member("BusinessTime", textOrUndefined(row.business_time)),
    member("startTime", textOrUndefined(row.start_time)),
    member("EndTime", textOrUndefined(row.end_time)),
    member("Message", str(row.message)),
    member("OwnerName", str(flow.owner)),
  ]);
}

function readRange(values: Readonly<Record<string, DecodedValue>>): { from?: string; to?: string } | GatewayFailure {
  const out: { from?: string; to?: string } = {};
  for (const [name, edge] of [
    ["StartTimeBegin", "from"],
    ["StartTimeEnd", "to"],
  ] as const) {
    const text = values[name] as string | undefined;
    if (text === undefined) continue;
    if (DATE.test(text) && isRealDate(text)) out[edge] = `${text} ${edge === "from" ? "00:00:00" : "23:59:59"}`;
    else if (DATE_TIME.test(text) && isRealDate(text.slice(0, 10))) out[edge] = text;
    else return gatewayError("InvalidParameter", { parameter: name, detail: "It must be a date, yyyy-MM-dd." });
  }
  return out;
}

function isRealDate(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
}
