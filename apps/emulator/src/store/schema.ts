/**
 * The schema, as an ordered list of migrations. A data file records how many it has applied in
 * `meta.schema_version`; opening it applies the rest, so a data file from an older emulator keeps working.
 * Every ID is an INTEGER (int64) read with safe integers, so 9007199254740993 stays exact.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE tenants (
    tid INTEGER PRIMARY KEY,
    name TEXT NOT NULL
  );
  CREATE TABLE access_keys (
    id TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    security_token TEXT,
    expires_at_ms INTEGER,
    disabled INTEGER NOT NULL DEFAULT 0,
    active_tid INTEGER,
    rate_per_second REAL,
    rate_burst INTEGER
  );
  CREATE TABLE access_key_tenants (
    key_id TEXT NOT NULL,
    tid INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (key_id, tid)
  ) WITHOUT ROWID;
  CREATE TABLE task_flows (
    dag_id INTEGER PRIMARY KEY,
    tid INTEGER NOT NULL,
    name TEXT NOT NULL,
    owner TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    creator TEXT NOT NULL,
    creator_id TEXT NOT NULL,
    status INTEGER NOT NULL,
    deploy_id INTEGER,
    can_edit INTEGER NOT NULL
  );
  CREATE TABLE dag_versions (
    dag_id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    last_version_id INTEGER,
    comments TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (dag_id, version_id)
  ) WITHOUT ROWID;
  CREATE TABLE graph_nodes (
    dag_id INTEGER NOT NULL,
    node_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    node_type INTEGER NOT NULL,
    content TEXT NOT NULL,
    config TEXT NOT NULL,
    graph_param TEXT NOT NULL,
    time_variables TEXT NOT NULL,
    PRIMARY KEY (dag_id, node_id)
  ) WITHOUT ROWID;
  CREATE TABLE graph_edges (
    dag_id INTEGER NOT NULL,
    edge_id INTEGER NOT NULL,
    node_from INTEGER NOT NULL,
    node_end INTEGER NOT NULL,
    PRIMARY KEY (dag_id, edge_id)
  ) WITHOUT ROWID;
  CREATE TABLE instances (
    id INTEGER PRIMARY KEY,
    dag_id INTEGER NOT NULL,
    status INTEGER NOT NULL,
    dag_version TEXT NOT NULL,
    history_dag_id INTEGER,
    trigger_type INTEGER NOT NULL,
    business_time TEXT,
    start_time TEXT,
    end_time TEXT,
    message TEXT NOT NULL,
    complete_at_ms INTEGER
  );
  CREATE INDEX instances_by_flow ON instances (dag_id, id);
  CREATE INDEX instances_by_flow_status ON instances (dag_id, status, id);
  CREATE INDEX instances_completing ON instances (complete_at_ms) WHERE complete_at_ms IS NOT NULL;
  `,
  // Signature nonces, so a request captured before a restart cannot be replayed after it.
  `
  CREATE TABLE nonces (
    key_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (key_id, nonce)
  ) WITHOUT ROWID;
  CREATE INDEX nonces_by_expiry ON nonces (expires_at);
  `,
  // The execution engine: frozen version graphs, deployments, schedules, per-node behaviour, node runs
  // and the engine's simulated clock, all in the one file so a restart continues every run.
  `
  ALTER TABLE dag_versions ADD COLUMN frozen INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE version_nodes (
    dag_id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    node_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    node_type INTEGER NOT NULL,
    PRIMARY KEY (dag_id, version_id, node_id)
  ) WITHOUT ROWID;
  CREATE TABLE version_edges (
    dag_id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    node_from INTEGER NOT NULL,
    node_end INTEGER NOT NULL,
    PRIMARY KEY (dag_id, version_id, node_from, node_end)
  ) WITHOUT ROWID;
  CREATE TABLE deployments (
    dag_id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL,
    deploy_id INTEGER NOT NULL,
    online INTEGER NOT NULL
  );
  CREATE TABLE flow_schedules (
    dag_id INTEGER PRIMARY KEY,
    trigger_type TEXT NOT NULL,
    cron TEXT,
    cron_type TEXT,
    time_zone TEXT NOT NULL,
    begin_date TEXT,
    end_date TEXT,
    schedule_param TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    next_fire_ms INTEGER
  );
  CREATE TABLE node_behaviours (
    dag_id INTEGER NOT NULL,
    node_id INTEGER NOT NULL,
    duration_ms INTEGER,
    failure_rate REAL,
    fail_next_message TEXT,
    PRIMARY KEY (dag_id, node_id)
  ) WITHOUT ROWID;
  CREATE TABLE node_instances (
    id INTEGER PRIMARY KEY,
    instance_id INTEGER NOT NULL,
    node_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    node_type INTEGER NOT NULL,
    upstream TEXT NOT NULL,
    status INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    start_ms INTEGER,
    end_ms INTEGER,
    due_ms INTEGER,
    fail_message TEXT,
    business_time TEXT,
    end_time TEXT,
    message TEXT NOT NULL
  );
  CREATE UNIQUE INDEX node_instances_by_run ON node_instances (instance_id, node_id);
  CREATE TABLE engine_state (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  );
  `,
  // Flow definitions through the API: descriptions, scenarios, node outputs and type names, flow
  // settings, and the sequence that allocates their IDs. The ID indexes make max() and NodeId lookups cheap.
  `
  ALTER TABLE task_flows ADD COLUMN description TEXT NOT NULL DEFAULT '';
  ALTER TABLE task_flows ADD COLUMN scenario_id INTEGER;
  CREATE INDEX task_flows_by_tenant ON task_flows (tid, dag_id);
  CREATE INDEX task_flows_by_name ON task_flows (tid, name);
  ALTER TABLE graph_nodes ADD COLUMN type_name TEXT;
  ALTER TABLE graph_nodes ADD COLUMN output TEXT NOT NULL DEFAULT '';
  CREATE INDEX graph_nodes_by_id ON graph_nodes (node_id);
  CREATE INDEX graph_edges_by_id ON graph_edges (edge_id);
  CREATE TABLE scenarios (
    scenario_id INTEGER PRIMARY KEY,
    tid INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    creator_id TEXT NOT NULL
  );
  CREATE INDEX scenarios_by_tenant ON scenarios (tid, scenario_id);
  CREATE INDEX scenarios_by_name ON scenarios (tid, name);
  CREATE TABLE flow_notifications (
    dag_id INTEGER PRIMARY KEY,
    on_fail INTEGER NOT NULL,
    on_sla INTEGER NOT NULL,
    on_success INTEGER NOT NULL
  );
  CREATE TABLE flow_constants (
    dag_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (dag_id, position)
  ) WITHOUT ROWID;
  CREATE TABLE flow_time_variables (
    dag_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    pattern TEXT NOT NULL,
    PRIMARY KEY (dag_id, position)
  ) WITHOUT ROWID;
  CREATE TABLE flow_cooperators (
    dag_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (dag_id, position)
  ) WITHOUT ROWID;
  CREATE TABLE id_sequence (
    name TEXT PRIMARY KEY,
    next INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
];

/**
 * The tables whose rows belong to one task flow (by dag_id): deleting the flow deletes its rows in each.
 * node_instances belong to the flow through its instances, so they are deleted first, by instance.
 */
export const FLOW_TABLES = [
  "instances",
  "version_nodes",
  "version_edges",
  "deployments",
  "flow_schedules",
  "node_behaviours",
  "graph_edges",
  "graph_nodes",
  "dag_versions",
  "flow_notifications",
  "flow_constants",
  "flow_time_variables",
  "flow_cooperators",
] as const;

/** Every table that holds emulated state, in an order that a reset can empty them in. */
export const STATE_TABLES = [
  "node_instances",
  "engine_state",
  "node_behaviours",
  "flow_schedules",
  "deployments",
  "version_edges",
  "version_nodes",
  "id_sequence",
  "flow_cooperators",
  "flow_time_variables",
  "flow_constants",
  "flow_notifications",
  "scenarios",
  "instances",
  "graph_edges",
  "graph_nodes",
  "dag_versions",
  "task_flows",
  "access_key_tenants",
  "access_keys",
  "tenants",
] as const;

/** The tables of who may call: access keys and the tenants they use, which a reset keeps unless asked. */
export const IDENTITY_TABLES: readonly (typeof STATE_TABLES)[number][] = ["access_key_tenants", "access_keys", "tenants"];
