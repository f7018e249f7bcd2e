import type { Store } from "../store/store.js";
import type { Seed, SeedAccessKey, SeedInstance, SeedTaskFlow } from "./seedTypes.js";

type Row = Record<string, unknown>;

const id = (value: unknown): string => String(value);
const optionalId = (value: unknown): string | undefined => (value === null ? undefined : String(value));

/**
 * The state in seed format, IDs as decimal strings (exact beyond 2^53): applying it to an empty
 * emulator gives the same tenants, flows and instances. Access keys carry secrets, so they are in it
 * only when asked for. A running instance's planned completion (--complete-after) is not state a
 * seed can hold and is left out.
 */
export function exportSeed(store: Store, options: { includeKeys: boolean }): Seed {
  const all = (sql: string, ...params: unknown[]) => store.db.prepare(sql).all(...params) as Row[];
  const seed: Seed = {
    tenants: all("SELECT tid, name FROM tenants ORDER BY tid").map((t) => ({ Tid: id(t.tid), name: String(t.name) })),
  };
  if (options.includeKeys) seed.accessKeys = all("SELECT * FROM access_keys ORDER BY rowid").map((k) => accessKey(k, all));
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
    versions: all("SELECT * FROM dag_versions WHERE dag_id = ? ORDER BY position", f.dag_id).map((v) => ({
      VersionId: id(v.version_id),
      LastVersionId: optionalId(v.last_version_id) ?? null,
      comments: String(v.comments),
    })),
    graph: {
      nodes: all("SELECT * FROM graph_nodes WHERE dag_id = ? ORDER BY node_id", f.dag_id).map((n) => ({
        NodeId: id(n.node_id),
        NodeName: String(n.name),
        NodeType: id(n.node_type),
        NodeContent: String(n.content),
        NodeConfig: String(n.config),
        GraphParam: String(n.graph_param),
        TimeVariables: String(n.time_variables),
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
  return flow;
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
