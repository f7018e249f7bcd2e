import { SeedError } from "../seed/seedReader.js";
import type { ValidSeed } from "../seed/validSeed.js";
import type { SqliteDatabase } from "./openDatabase.js";
import type { SeedSummary } from "./seedSummary.js";

/**
 * Writes a validated seed in one transaction: rows with the same ID are replaced, others kept
 * (the caller empties the tables first for a replace). References between rows are checked after
 * writing, against the data file, so a seed may refer to tenants or flows seeded earlier.
 */
export function applySeed(db: SqliteDatabase, seed: ValidSeed): SeedSummary {
  const tenant = db.prepare("INSERT OR REPLACE INTO tenants (tid, name) VALUES (?, ?)");
  const key = db.prepare(
    `INSERT OR REPLACE INTO access_keys (id, secret, security_token, expires_at_ms, disabled, active_tid, rate_per_second, rate_burst)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const dropKeyTenants = db.prepare("DELETE FROM access_key_tenants WHERE key_id = ?");
  const keyTenant = db.prepare("INSERT OR REPLACE INTO access_key_tenants (key_id, tid, position) VALUES (?, ?, ?)");
  const flow = db.prepare(
    `INSERT OR REPLACE INTO task_flows (dag_id, tid, name, owner, owner_id, creator, creator_id, status, deploy_id, can_edit)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const dropParts = ["dag_versions", "graph_nodes", "graph_edges"].map((t) => db.prepare(`DELETE FROM ${t} WHERE dag_id = ?`));
  const version = db.prepare(
    "INSERT INTO dag_versions (dag_id, version_id, last_version_id, comments, position) VALUES (?, ?, ?, ?, ?)",
  );
  const node = db.prepare(
    `INSERT INTO graph_nodes (dag_id, node_id, name, node_type, content, config, graph_param, time_variables)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const edge = db.prepare("INSERT INTO graph_edges (dag_id, edge_id, node_from, node_end) VALUES (?, ?, ?, ?)");
  const instance = db.prepare(
    `INSERT OR REPLACE INTO instances
       (id, dag_id, status, dag_version, history_dag_id, trigger_type, business_time, start_time, end_time, message, complete_at_ms)
     VALUES (@id, @dagId, @status,
       COALESCE(@dagVersion, (SELECT CAST(version_id AS TEXT) FROM dag_versions v WHERE v.dag_id = @dagId ORDER BY position DESC LIMIT 1), ''),
       @historyDagId, @triggerType, @businessTime, @startTime, @endTime, @message, NULL)`,
  );

  return db.transaction((): SeedSummary => {
    for (const t of seed.tenants) tenant.run(t.tid, t.name);
    for (const k of seed.accessKeys) {
      key.run(k.id, k.secret, k.securityToken, k.expiresAtMs, k.disabled ? 1 : 0, k.activeTid, k.ratePerSecond, k.rateBurst);
      dropKeyTenants.run(k.id);
      k.tenants.forEach((tid, position) => {
        keyTenant.run(k.id, tid, position);
      });
    }
    for (const f of seed.taskFlows) {
      flow.run(f.dagId, f.tid, f.name, f.owner, f.ownerId, f.creator, f.creatorId, f.status, f.deployId, f.canEdit ? 1 : 0);
      for (const drop of dropParts) drop.run(f.dagId);
      f.versions.forEach((v, position) => {
        version.run(f.dagId, v.versionId, v.lastVersionId, v.comments, position);
      });
      for (const n of f.nodes)
        node.run(f.dagId, n.nodeId, n.name, n.nodeType, n.content, n.config, n.graphParam, n.timeVariables);
      for (const e of f.edges) edge.run(f.dagId, e.edgeId, e.nodeFrom, e.nodeEnd);
    }
    seed.instances.forEach((x) => {
      instance.run(x);
    });
    checkReferences(db);
    return {
      tenants: seed.tenants.length,
      accessKeys: seed.accessKeys.length,
      taskFlows: seed.taskFlows.length,
      instances: seed.instances.count,
    };
  })();
}

function checkReferences(db: SqliteDatabase): void {
  const missing = (sql: string) => db.prepare(sql).get() as Record<string, unknown> | undefined;
  const keyTenant = missing("SELECT key_id, tid FROM access_key_tenants WHERE tid NOT IN (SELECT tid FROM tenants) LIMIT 1");
  if (keyTenant)
    throw new SeedError(`Invalid seed: access key ${keyTenant.key_id} refers to tenant ${keyTenant.tid}, which is not seeded.`);
  const flow = missing("SELECT dag_id, tid FROM task_flows WHERE tid NOT IN (SELECT tid FROM tenants) LIMIT 1");
  if (flow) throw new SeedError(`Invalid seed: task flow ${flow.dag_id} belongs to tenant ${flow.tid}, which is not seeded.`);
  const instance = missing("SELECT id, dag_id FROM instances WHERE dag_id NOT IN (SELECT dag_id FROM task_flows) LIMIT 1");
  if (instance)
    throw new SeedError(`Invalid seed: instance ${instance.id} belongs to task flow ${instance.dag_id}, which is not seeded.`);
}
