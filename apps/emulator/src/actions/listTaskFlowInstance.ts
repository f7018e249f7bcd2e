import type { DAGInstance, DecodedValue, InstanceStatus, InstanceTriggerType } from "@dmsflow/client";
import { type GatewayFailure, gatewayError } from "../gateway/gatewayError.js";
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
      const items = rows.map((row) => instanceReply(row, flow));
      return success("ListTaskFlowInstance", { TotalCount: total, DAGInstanceList: { DAGInstance: items } });
    },
  };
}

/** One DAGInstance as the API answers it: Id an int64, DagId a string, startTime with a lower-case s. */
export function instanceReply(row: InstanceRecord, flow: TaskFlow): DAGInstance {
  return {
    Id: String(row.id),
    DagId: String(row.dag_id),
    DagName: flow.name,
    DagVersion: row.dag_version,
    HistoryDagId: row.history_dag_id === null ? undefined : String(row.history_dag_id),
    Status: Number(row.status) as InstanceStatus,
    TriggerType: Number(row.trigger_type) as InstanceTriggerType,
    BusinessTime: row.business_time ?? undefined,
    startTime: row.start_time ?? undefined,
    EndTime: row.end_time ?? undefined,
    Message: row.message,
    OwnerName: flow.owner,
  };
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
