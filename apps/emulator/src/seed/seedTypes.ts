/** An int64 in a seed: a decimal string, a safe-integer number, or a bigint. */
export type SeedInt64 = string | number | bigint;

/** A tenant: `Tid` and its name. */
export interface SeedTenant {
  Tid: SeedInt64;
  name: string;
}

/** An access key, the tenants it may use and its active tenant (the default when a request has no Tid). */
export interface SeedAccessKey {
  id: string;
  secret: string;
  tenants: SeedInt64[];
  /** Defaults to the first of `tenants`. */
  activeTenant?: SeedInt64;
  /** Makes the key an STS key: requests must carry this token (x-acs-security-token / SecurityToken). */
  securityToken?: string;
  /** When the STS token expires, ISO 8601 (e.g. `2030-01-01T00:00:00Z`). */
  expiration?: string;
  /** A disabled key gets Forbidden.AccessKeyDisabled. */
  disabled?: boolean;
  /** A per-key token bucket; beyond it requests get Throttling.User. No limit when absent. */
  rateLimit?: { requestsPerSecond: number; burst?: number };
}

/** A published version of a task flow; a bare int64 is shorthand for `{ VersionId }`. */
export interface SeedDagVersion {
  VersionId: SeedInt64;
  /** Defaults to the version listed before it; null: none. */
  LastVersionId?: SeedInt64 | null;
  comments?: string;
  /** The graph as published, which runs of this version execute; without it the flow's graph is frozen when a run first needs it. */
  frozenGraph?: {
    nodes: { NodeId: SeedInt64; NodeName: string; NodeType: SeedInt64 }[];
    edges: { NodeFrom: SeedInt64; NodeEnd: SeedInt64 }[];
  };
}

/** A node of a task-flow graph. */
export interface SeedGraphNode {
  NodeId: SeedInt64;
  NodeName: string;
  NodeType?: SeedInt64;
  NodeContent?: string;
  NodeConfig?: string;
  GraphParam?: string;
  TimeVariables?: string;
  /** The NodeType name it was created with, when not a numeric code. */
  NodeTypeName?: string;
  /** The node's output variables, JSON text. */
  Output?: string;
}

/** An edge of a task-flow graph. */
export interface SeedGraphEdge {
  /** Defaults to the edge's position, from 1. */
  Id?: SeedInt64;
  NodeFrom: SeedInt64;
  NodeEnd: SeedInt64;
}

/** A task flow (DAG) of a tenant. */
export interface SeedTaskFlow {
  DagId: SeedInt64;
  Tid: SeedInt64;
  name: string;
  /** The owner's nickname; defaults to `emulator`. */
  owner?: string;
  ownerId?: string;
  creator?: string;
  creatorId?: string;
  /** Task-flow status (TaskFlowStatus of @dmsflow/client): 0 invalid, 1 scheduling disabled, 2 waiting to be scheduled (default). */
  status?: number;
  deployId?: SeedInt64 | null;
  canEdit?: boolean;
  versions?: (SeedInt64 | SeedDagVersion)[];
  graph?: { nodes?: SeedGraphNode[]; edges?: SeedGraphEdge[] };
  description?: string;
  /** Its business scenario; null or absent: the default one. */
  scenarioId?: SeedInt64 | null;
  /** The deployed version (PublishAndDeployTaskFlow); online schedules fire. */
  deployment?: { VersionId: SeedInt64; DeployId: SeedInt64; online: boolean };
  /** The schedule, as UpdateTaskFlowSchedule sets it; TimeZoneId (default Asia/Shanghai) is the zone the flow's times are shown in. */
  schedule?: SeedSchedule;
  /** Which outcomes notify; none by default. */
  notification?: { onFail: boolean; onSla: boolean; onSuccess: boolean };
  constants?: { Key: string; Value: string }[];
  timeVariables?: { Name: string; Pattern: string }[];
  /** User IDs of the flow's cooperators. */
  cooperators?: string[];
  /** How the engine runs nodes of the flow. */
  behaviours?: SeedNodeBehaviour[];
}

/** A flow's schedule, with UpdateTaskFlowSchedule's parameter names. */
export interface SeedSchedule {
  /** ScheduleTriggerType of @dmsflow/client: Cron or Event. */
  TriggerType: string;
  CronStr?: string;
  /** CronType of @dmsflow/client: MINUTE, HOUR, DAY, WEEK or MONTH. */
  CronType?: string;
  TimeZoneId?: string;
  CronBeginDate?: string;
  CronEndDate?: string;
  ScheduleParam?: string;
  ScheduleSwitch?: boolean;
}

/** How the engine runs a node: its duration, chance of failure, and a message its next run fails with. */
export interface SeedNodeBehaviour {
  NodeId: SeedInt64;
  durationMs?: number;
  failureRate?: number;
  failNextMessage?: string;
}

/** A business scenario of a tenant. */
export interface SeedScenario {
  ScenarioId: SeedInt64;
  Tid: SeedInt64;
  name: string;
  description?: string;
  creatorId?: string;
}

/** An instance (execution record) of a task flow. */
export interface SeedInstance {
  Id: SeedInt64;
  DagId: SeedInt64;
  /** 0 waiting, 1 running, 2 suspended, 3 failed, 4 succeeded, 5 completed. */
  status: number;
  /** Defaults to the flow's latest version ID, or the empty string when it has none. */
  DagVersion?: string;
  /** 0 periodic scheduling (default), 1 manual. */
  triggerType?: number;
  /** `yyyy-MM-dd HH:mm:ss` in the flow's time zone (Asia/Shanghai), `yyyy-MM-dd`, or ISO 8601 with Z or an offset (converted to that zone). */
  startTime?: string;
  endTime?: string;
  businessTime?: string;
  message?: string;
  historyDagId?: SeedInt64 | null;
}

/** The seed document: everything the emulator serves. Every list is optional. */
export interface Seed {
  /** The JSON Schema of the file, for editors (seeds/seed.schema.json); ignored. */
  $schema?: string;
  tenants?: SeedTenant[];
  accessKeys?: SeedAccessKey[];
  scenarios?: SeedScenario[];
  taskFlows?: SeedTaskFlow[];
  instances?: SeedInstance[];
}
