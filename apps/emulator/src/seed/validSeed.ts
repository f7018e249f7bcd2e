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
  readonly versions: readonly { versionId: bigint; lastVersionId: bigint | null; comments: string }[];
  readonly nodes: readonly {
    nodeId: bigint;
    name: string;
    nodeType: bigint;
    content: string;
    config: string;
    graphParam: string;
    timeVariables: string;
  }[];
  readonly edges: readonly { edgeId: bigint; nodeFrom: bigint; nodeEnd: bigint }[];
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
  readonly taskFlows: readonly TaskFlowRow[];
  readonly instances: InstanceSource;
}
