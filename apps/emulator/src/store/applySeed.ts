import { SeedError } from "../seed/seedReader.js";
import type { ValidSeed } from "../seed/validSeed.js";
import type { SqliteDatabase } from "./openDatabase.js";
import { FLOW_TABLES } from "./schema.js";
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
  const scenario = db.prepare(
    "INSERT OR REPLACE INTO scenarios (scenario_id, tid, name, description, creator_id) VALUES (?, ?, ?, ?, ?)",
  );
  const flow = db.prepare(
    `INSERT OR REPLACE INTO task_flows
       (dag_id, tid, name, owner, owner_id, creator, creator_id, status, deploy_id, can_edit, description, scenario_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A flow seeded again replaces its definition and settings; its instances are kept (merge).
  const dropParts = FLOW_TABLES.filter((t) => t !== "instances").map((t) => db.prepare(`DELETE FROM ${t} WHERE dag_id = ?`));
  const version = db.prepare(
    "INSERT INTO dag_versions (dag_id, version_id, last_version_id, comments, position, frozen) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const versionNode = db.prepare(
    "INSERT INTO version_nodes (dag_id, version_id, node_id, name, node_type) VALUES (?, ?, ?, ?, ?)",
  );
  const versionEdge = db.prepare(
    "INSERT OR IGNORE INTO version_edges (dag_id, version_id, node_from, node_end) VALUES (?, ?, ?, ?)",
  );
  const node = db.prepare(
    `INSERT INTO graph_nodes (dag_id, node_id, name, node_type, content, config, graph_param, time_variables, type_name, output)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deployment = db.prepare("INSERT INTO deployments (dag_id, version_id, deploy_id, online) VALUES (?, ?, ?, ?)");
  // next_fire_ms is left NULL: the engine computes the next firing from its clock when it loads.
  const schedule = db.prepare(
    `INSERT INTO flow_schedules
       (dag_id, trigger_type, cron, cron_type, time_zone, begin_date, end_date, schedule_param, enabled, next_fire_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const notification = db.prepare("INSERT INTO flow_notifications (dag_id, on_fail, on_sla, on_success) VALUES (?, ?, ?, ?)");
  const constant = db.prepare("INSERT INTO flow_constants (dag_id, position, name, value) VALUES (?, ?, ?, ?)");
  const timeVariable = db.prepare("INSERT INTO flow_time_variables (dag_id, position, name, pattern) VALUES (?, ?, ?, ?)");
  const cooperator = db.prepare("INSERT INTO flow_cooperators (dag_id, position, user_id) VALUES (?, ?, ?)");
  const behaviour = db.prepare(
    "INSERT OR REPLACE INTO node_behaviours (dag_id, node_id, duration_ms, failure_rate, fail_next_message) VALUES (?, ?, ?, ?, ?)",
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
    for (const x of seed.scenarios) scenario.run(x.scenarioId, x.tid, x.name, x.description, x.creatorId);
    for (const f of seed.taskFlows) {
      const b = (value: boolean) => (value ? 1 : 0);
      flow.run(
        f.dagId,
        f.tid,
        f.name,
        f.owner,
        f.ownerId,
        f.creator,
        f.creatorId,
        f.status,
        f.deployId,
        b(f.canEdit),
        f.description,
        f.scenarioId,
      );
      for (const drop of dropParts) drop.run(f.dagId);
      f.versions.forEach((v, position) => {
        version.run(f.dagId, v.versionId, v.lastVersionId, v.comments, position, b(v.frozen !== null));
        for (const n of v.frozen?.nodes ?? []) versionNode.run(f.dagId, v.versionId, n.nodeId, n.name, n.nodeType);
        for (const e of v.frozen?.edges ?? []) versionEdge.run(f.dagId, v.versionId, e.nodeFrom, e.nodeEnd);
      });
      for (const n of f.nodes)
        node.run(f.dagId, n.nodeId, n.name, n.nodeType, n.content, n.config, n.graphParam, n.timeVariables, n.typeName, n.output);
      for (const e of f.edges) edge.run(f.dagId, e.edgeId, e.nodeFrom, e.nodeEnd);
      const d = f.deployment;
      if (d) deployment.run(f.dagId, d.versionId, d.deployId, b(d.online));
      const s = f.schedule;
      if (s)
        schedule.run(
          f.dagId,
          s.triggerType,
          s.cron,
          s.cronType,
          s.timeZone,
          s.beginDate,
          s.endDate,
          s.scheduleParam,
          b(s.enabled),
        );
      const n = f.notification;
      if (n) notification.run(f.dagId, b(n.onFail), b(n.onSla), b(n.onSuccess));
      for (const [i, c] of f.constants.entries()) constant.run(f.dagId, i, c.name, c.value);
      for (const [i, v] of f.timeVariables.entries()) timeVariable.run(f.dagId, i, v.name, v.value);
      for (const [i, user] of f.cooperators.entries()) cooperator.run(f.dagId, i, user);
      for (const x of f.behaviours) behaviour.run(f.dagId, x.nodeId, x.durationMs, x.failureRate, x.failNextMessage);
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
  const scenario = missing("SELECT scenario_id, tid FROM scenarios WHERE tid NOT IN (SELECT tid FROM tenants) LIMIT 1");
  if (scenario)
    throw new SeedError(`Invalid seed: scenario ${scenario.scenario_id} belongs to tenant ${scenario.tid}, which is not seeded.`);
  const inScenario = missing(
    "SELECT dag_id, scenario_id FROM task_flows WHERE scenario_id IS NOT NULL AND scenario_id NOT IN (SELECT scenario_id FROM scenarios) LIMIT 1",
  );
  if (inScenario)
    throw new SeedError(
      `Invalid seed: task flow ${inScenario.dag_id} is in scenario ${inScenario.scenario_id}, which is not seeded.`,
    );
  const instance = missing("SELECT id, dag_id FROM instances WHERE dag_id NOT IN (SELECT dag_id FROM task_flows) LIMIT 1");
  if (instance)
    throw new SeedError(`Invalid seed: instance ${instance.id} belongs to task flow ${instance.dag_id}, which is not seeded.`);
}
