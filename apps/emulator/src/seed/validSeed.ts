/** A tenant row. */
export interface TenantRow {
  readonly tid: bigint;
  readonly name: string;
}

/** An access-key row with its tenants in order. */
export interface AccessKeyRow {
  readonly id: string;
  readonly secret: string;
  readonly securityToken: string | null;
  readonly expiresAtMs: number | null;
  readonly disabled: boolean;
  readonly tenants: readonly bigint[];
  readonly activeTid: bigint | null;
  readonly ratePerSecond: number | null;
  readonly rateBurst: number | null;
}

/** A task-flow row with its versions and graph. */
export interface TaskFlowRow {
  readonly dagId: bigint;
  readonly tid: bigint;
  readonly name: string;
  readonly owner: string;
  readonly ownerId: string;
  readonly creator: string;
  readonly creatorId: string;
  readonly status: number;
  readonly deployId: bigint | null;
  readonly canEdit: boolean;
  readonly versions: readonly {
    versionId: bigint;
    lastVersionId: bigint | null;
    comments: string;
    frozen: {
      nodes: readonly { nodeId: bigint; name: string; nodeType: bigint }[];
      edges: readonly { nodeFrom: bigint; nodeEnd: bigint }[];
    } | null;
  }[];
  readonly nodes: readonly {
    nodeId: bigint;
    name: string;
    nodeType: bigint;
    content: string;
    config: string;
    graphParam: string;
    timeVariables: string;
    typeName: string | null;
    output: string;
  }[];
  readonly edges: readonly { edgeId: bigint; nodeFrom: bigint; nodeEnd: bigint }[];
  readonly description: string;
  readonly scenarioId: bigint | null;
  readonly deployment: { versionId: bigint; deployId: bigint; online: boolean } | null;
  readonly schedule: ScheduleRow | null;
  readonly notification: { onFail: boolean; onSla: boolean; onSuccess: boolean } | null;
  readonly constants: readonly { name: string; value: string }[];
  readonly timeVariables: readonly { name: string; value: string }[];
  readonly cooperators: readonly string[];
  readonly behaviours: readonly {
    nodeId: bigint;
    durationMs: number | null;
    failureRate: number | null;
    failNextMessage: string | null;
  }[];
}

/** A flow's schedule row (its next firing is computed when the engine loads it). */
export interface ScheduleRow {
  readonly triggerType: string;
  readonly cron: string | null;
  readonly cronType: string | null;
  readonly timeZone: string;
  readonly beginDate: string | null;
  readonly endDate: string | null;
  readonly scheduleParam: string;
  readonly enabled: boolean;
}

/** A scenario row. */
export interface ScenarioRow {
  readonly scenarioId: bigint;
  readonly tid: bigint;
  readonly name: string;
  readonly description: string;
  readonly creatorId: string;
}

/** An instance row. */
export interface InstanceRow {
  readonly id: bigint;
  readonly dagId: bigint;
  readonly status: number;
  readonly dagVersion: string | null;
  readonly historyDagId: bigint | null;
  readonly triggerType: number;
  readonly businessTime: string | null;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly message: string;
}

/**
 * The instances of a seed, checked one by one as they are written: a seed of 100,000 instances is
 * never held twice in memory (parsed JSON plus normalized rows), which keeps the peak RSS low.
 */
export interface InstanceSource {
  readonly count: number;
  /** Checks each instance and hands it over; throws SeedError at the first bad one or a repeated Id. */
  forEach(visit: (row: InstanceRow) => void): void;
}

/** A seed checked against the documented format, with IDs as bigint, ready to insert. */
export interface ValidSeed {
  readonly tenants: readonly TenantRow[];
  readonly accessKeys: readonly AccessKeyRow[];
  readonly scenarios: readonly ScenarioRow[];
  readonly taskFlows: readonly TaskFlowRow[];
  readonly instances: InstanceSource;
}
