import type { Store } from "../store/store.js";
import type { Seed, SeedAccessKey, SeedDagVersion, SeedInstance, SeedTaskFlow } from "./seedTypes.js";

type Row = Record<string, unknown>;

const id = (value: unknown): string => String(value);
const optionalId = (value: unknown): string | undefined => (value === null ? undefined : String(value));

/**
 * The state in seed format, IDs as decimal strings (exact beyond 2^53): applying it to an empty
 * emulator gives the same tenants, scenarios, flows (with their versions and frozen graphs,
 * deployment, schedule, settings and node behaviours) and instances, so export, reset with it,
 * export gives the same document. Access keys carry secrets, so they are in it only when asked for.
 * What a seed cannot hold is left out: node runs and the engine's clock (execution history), a
 * schedule's next firing (computed again on load), the ID sequence (IDs stay above every stored one)
 * and a running instance's planned completion (--complete-after).
 */
export function exportSeed(store: Store, options: { includeKeys: boolean }): Seed {
  const all = (sql: string, ...params: unknown[]) => store.db.prepare(sql).all(...params) as Row[];
  const seed: Seed = {
    tenants: all("SELECT tid, name FROM tenants ORDER BY tid").map((t) => ({ Tid: id(t.tid), name: String(t.name) })),
  };
  if (options.includeKeys) seed.accessKeys = all("SELECT * FROM access_keys ORDER BY rowid").map((k) => accessKey(k, all));
  seed.scenarios = all("SELECT * FROM scenarios ORDER BY scenario_id").map((x) => ({
    ScenarioId: id(x.scenario_id),
    Tid: id(x.tid),
    name: String(x.name),
    description: String(x.description),
    creatorId: String(x.creator_id),
  }));
  seed.taskFlows = all("SELECT * FROM task_flows ORDER BY dag_id").map((f) => taskFlow(f, all));
  seed.instances = all("SELECT * FROM instances ORDER BY id").map(instance);
  return seed;
}

function accessKey(k: Row, all: (sql: string, ...params: unknown[]) => Row[]): SeedAccessKey {
  const tenants = all("SELECT tid FROM access_key_tenants WHERE key_id = ? ORDER BY position", k.id).map((t) => id(t.tid));
  const key: SeedAccessKey = { id: String(k.id), secret: String(k.secret), tenants };
  if (k.active_tid !== null) key.activeTenant = id(k.active_tid);
  if (k.security_token !== null) key.securityToken = String(k.security_token);
  if (k.expires_at_ms !== null) key.expiration = new Date(Number(k.expires_at_ms)).toISOString();
  if (Number(k.disabled) !== 0) key.disabled = true;
  if (k.rate_per_second !== null) {
    key.rateLimit = { requestsPerSecond: Number(k.rate_per_second), burst: Number(k.rate_burst) };
  }
  return key;
}

function taskFlow(f: Row, all: (sql: string, ...params: unknown[]) => Row[]): SeedTaskFlow {
  const flow: SeedTaskFlow = {
    DagId: id(f.dag_id),
    Tid: id(f.tid),
    name: String(f.name),
    owner: String(f.owner),
    ownerId: String(f.owner_id),
    creator: String(f.creator),
    creatorId: String(f.creator_id),
    status: Number(f.status),
    canEdit: Number(f.can_edit) !== 0,
    versions: all("SELECT * FROM dag_versions WHERE dag_id = ? ORDER BY position", f.dag_id).map((v) => version(v, all)),
    graph: {
      nodes: all("SELECT * FROM graph_nodes WHERE dag_id = ? ORDER BY node_id", f.dag_id).map((n) => ({
        NodeId: id(n.node_id),
        NodeName: String(n.name),
        NodeType: id(n.node_type),
        NodeContent: String(n.content),
        NodeConfig: String(n.config),
        GraphParam: String(n.graph_param),
        TimeVariables: String(n.time_variables),
        ...(n.type_name === null ? {} : { NodeTypeName: String(n.type_name) }),
        Output: String(n.output),
      })),
      edges: all("SELECT * FROM graph_edges WHERE dag_id = ? ORDER BY edge_id", f.dag_id).map((e) => ({
        Id: id(e.edge_id),
        NodeFrom: id(e.node_from),
        NodeEnd: id(e.node_end),
      })),
    },
  };
  const deployId = optionalId(f.deploy_id);
  if (deployId !== undefined) flow.deployId = deployId;
  flow.description = String(f.description);
  const scenarioId = optionalId(f.scenario_id);
  if (scenarioId !== undefined) flow.scenarioId = scenarioId;
  const [deployment] = all("SELECT * FROM deployments WHERE dag_id = ?", f.dag_id);
  if (deployment) {
    flow.deployment = {
      VersionId: id(deployment.version_id),
      DeployId: id(deployment.deploy_id),
      online: Number(deployment.online) !== 0,
    };
  }
  const [schedule] = all("SELECT * FROM flow_schedules WHERE dag_id = ?", f.dag_id);
  if (schedule) {
    flow.schedule = { TriggerType: String(schedule.trigger_type), TimeZoneId: String(schedule.time_zone) };
    if (schedule.cron !== null) flow.schedule.CronStr = String(schedule.cron);
    if (schedule.cron_type !== null) flow.schedule.CronType = String(schedule.cron_type);
    if (schedule.begin_date !== null) flow.schedule.CronBeginDate = String(schedule.begin_date);
    if (schedule.end_date !== null) flow.schedule.CronEndDate = String(schedule.end_date);
    flow.schedule.ScheduleParam = String(schedule.schedule_param);
    flow.schedule.ScheduleSwitch = Number(schedule.enabled) !== 0;
  }
  const [notification] = all("SELECT * FROM flow_notifications WHERE dag_id = ?", f.dag_id);
  if (notification) {
    flow.notification = {
      onFail: Number(notification.on_fail) !== 0,
      onSla: Number(notification.on_sla) !== 0,
      onSuccess: Number(notification.on_success) !== 0,
    };
  }
  const ordered = (table: string) => all(`SELECT * FROM ${table} WHERE dag_id = ? ORDER BY position`, f.dag_id);
  flow.constants = ordered("flow_constants").map((c) => ({ Key: String(c.name), Value: String(c.value) }));
  flow.timeVariables = ordered("flow_time_variables").map((v) => ({ Name: String(v.name), Pattern: String(v.pattern) }));
  flow.cooperators = ordered("flow_cooperators").map((c) => String(c.user_id));
  flow.behaviours = all("SELECT * FROM node_behaviours WHERE dag_id = ? ORDER BY node_id", f.dag_id).map((b) => ({
    NodeId: id(b.node_id),
    ...(b.duration_ms === null ? {} : { durationMs: Number(b.duration_ms) }),
    ...(b.failure_rate === null ? {} : { failureRate: Number(b.failure_rate) }),
    ...(b.fail_next_message === null ? {} : { failNextMessage: String(b.fail_next_message) }),
  }));
  return flow;
}

function version(v: Row, all: (sql: string, ...params: unknown[]) => Row[]): SeedDagVersion {
  const out: SeedDagVersion = {
    VersionId: id(v.version_id),
    LastVersionId: optionalId(v.last_version_id) ?? null,
    comments: String(v.comments),
  };
  if (Number(v.frozen) !== 0) {
    const key = [v.dag_id, v.version_id];
    out.frozenGraph = {
      nodes: all("SELECT * FROM version_nodes WHERE dag_id = ? AND version_id = ? ORDER BY node_id", ...key).map((n) => ({
        NodeId: id(n.node_id),
        NodeName: String(n.name),
        NodeType: id(n.node_type),
      })),
      edges: all("SELECT * FROM version_edges WHERE dag_id = ? AND version_id = ? ORDER BY node_from, node_end", ...key).map(
        (e) => ({ NodeFrom: id(e.node_from), NodeEnd: id(e.node_end) }),
      ),
    };
  }
  return out;
}

function instance(x: Row): SeedInstance {
  const out: SeedInstance = {
    Id: id(x.id),
    DagId: id(x.dag_id),
    status: Number(x.status),
    DagVersion: String(x.dag_version),
    triggerType: Number(x.trigger_type),
    message: String(x.message),
  };
  if (x.start_time !== null) out.startTime = String(x.start_time);
  if (x.end_time !== null) out.endTime = String(x.end_time);
  if (x.business_time !== null) out.businessTime = String(x.business_time);
  const historyDagId = optionalId(x.history_dag_id);
  if (historyDagId !== undefined) out.historyDagId = historyDagId;
  return out;
}
