import type { InstanceRecord } from "../store/instanceRepository.js";
import type { Store } from "../store/store.js";

/** An instance for the admin endpoints: IDs as decimal strings so any JSON reader keeps them exact. */
export function instanceView(row: InstanceRecord): Record<string, unknown> {
  return {
    Id: String(row.id),
    DagId: String(row.dag_id),
    status: Number(row.status),
    DagVersion: row.dag_version,
    historyDagId: row.history_dag_id === null ? null : String(row.history_dag_id),
    triggerType: Number(row.trigger_type),
    businessTime: row.business_time,
    startTime: row.start_time,
    endTime: row.end_time,
    message: row.message,
    completesAtMs: row.complete_at_ms === null ? null : Number(row.complete_at_ms),
  };
}

/** A summary of the whole state: tenants, keys (never their secrets or tokens), flows and instance counts. */
export function inspectState(store: Store): Record<string, unknown> {
  const catalog = store.catalog;
  const flowCounts = new Map<string, Record<string, number>>();
  const rows = store.db.prepare("SELECT dag_id, status, count(*) AS n FROM instances GROUP BY dag_id, status").all() as {
    dag_id: bigint;
    status: bigint;
    n: bigint;
  }[];
  for (const row of rows) {
    const counts = flowCounts.get(String(row.dag_id)) ?? {};
    counts[String(row.status)] = Number(row.n);
    flowCounts.set(String(row.dag_id), counts);
  }
  return {
    tenants: [...catalog.tenants.values()].map((t) => ({ Tid: t.tid, name: t.name })),
    accessKeys: [...catalog.accessKeys.values()].map((k) => ({
      id: k.id,
      tenants: k.tenants,
      activeTenant: k.activeTenant,
      sts: k.securityToken !== null,
      expiration: k.expiresAtMs === null ? null : new Date(k.expiresAtMs).toISOString(),
      disabled: k.disabled,
      rateLimit: k.rateLimit ?? null,
    })),
    taskFlows: [...catalog.taskFlows.values()].map((f) => ({
      DagId: String(f.dagId),
      Tid: f.tid,
      name: f.name,
      owner: f.owner,
      status: f.status,
      instancesByStatus: flowCounts.get(String(f.dagId)) ?? {},
    })),
    instancesByStatus: store.instances.countByStatus(),
  };
}
