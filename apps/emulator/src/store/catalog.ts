import type { RateLimit } from "../gateway/rateLimiter.js";
import type { SqliteDatabase } from "./openDatabase.js";

/** An access key as the gateway checks it. */
export interface AccessKey {
  readonly id: string;
  readonly secret: string;
  readonly securityToken: string | null;
  readonly expiresAtMs: number | null;
  readonly disabled: boolean;
  /** The tenants the key may use, as decimal Tids, in seed order. */
  readonly tenants: readonly string[];
  readonly activeTenant: string | null;
  readonly rateLimit: RateLimit | undefined;
}

/** A tenant. */
export interface Tenant {
  readonly tid: string;
  readonly name: string;
}

/** A task flow (DAG). */
export interface TaskFlow {
  readonly dagId: bigint;
  readonly tid: string;
  readonly name: string;
  readonly owner: string;
  readonly ownerId: string;
  readonly creator: string;
  readonly creatorId: string;
  readonly status: number;
  readonly deployId: bigint | null;
  readonly canEdit: boolean;
}

interface KeyRow {
  id: string;
  secret: string;
  security_token: string | null;
  expires_at_ms: bigint | null;
  disabled: bigint;
  active_tid: bigint | null;
  rate_per_second: number | null;
  rate_burst: bigint | null;
}

/** The task_flows columns the catalog keeps, as SQLite returns them. */
export interface TaskFlowRow {
  dag_id: bigint;
  tid: bigint;
  name: string;
  owner: string;
  owner_id: string;
  creator: string;
  creator_id: string;
  status: bigint;
  deploy_id: bigint | null;
  can_edit: bigint;
}

/**
 * Access keys, tenants and task flows, held in memory because every request needs them. The admin
 * endpoints reload the catalog; the flow-definition operations refresh the one flow they change.
 * Instances stay in SQLite.
 */
export class Catalog {
  private constructor(
    /** Access keys by ID. */
    readonly accessKeys: ReadonlyMap<string, AccessKey>,
    /** Tenants by decimal Tid. */
    readonly tenants: ReadonlyMap<string, Tenant>,
    /** Task flows by decimal DagId. */
    readonly taskFlows: ReadonlyMap<string, TaskFlow>,
  ) {}

  /** Reads the catalog from the database. */
  static load(db: SqliteDatabase): Catalog {
    const tenants = new Map<string, Tenant>();
    for (const row of db.prepare("SELECT tid, name FROM tenants ORDER BY tid").all() as { tid: bigint; name: string }[]) {
      tenants.set(String(row.tid), { tid: String(row.tid), name: row.name });
    }
    const keyTenants = new Map<string, string[]>();
    const links = db.prepare("SELECT key_id, tid FROM access_key_tenants ORDER BY key_id, position").all() as {
      key_id: string;
      tid: bigint;
    }[];
    for (const row of links) {
      const list = keyTenants.get(row.key_id) ?? [];
      list.push(String(row.tid));
      keyTenants.set(row.key_id, list);
    }
    const accessKeys = new Map<string, AccessKey>();
    for (const row of db.prepare("SELECT * FROM access_keys").all() as KeyRow[]) {
      accessKeys.set(row.id, {
        id: row.id,
        secret: row.secret,
        securityToken: row.security_token,
        expiresAtMs: row.expires_at_ms === null ? null : Number(row.expires_at_ms),
        disabled: row.disabled !== 0n,
        tenants: keyTenants.get(row.id) ?? [],
        activeTenant: row.active_tid === null ? null : String(row.active_tid),
        rateLimit:
          row.rate_per_second === null
            ? undefined
            : { requestsPerSecond: row.rate_per_second, burst: Number(row.rate_burst ?? 1n) },
      });
    }
    const taskFlows = new Map<string, TaskFlow>();
    for (const row of db.prepare("SELECT * FROM task_flows ORDER BY dag_id").all() as TaskFlowRow[]) {
      taskFlows.set(String(row.dag_id), taskFlowOfRow(row));
    }
    return new Catalog(accessKeys, tenants, taskFlows);
  }

  /**
   * Takes one task flow's row as an API write left it (undefined: deleted), so the catalog follows the
   * open batch without a full reload. A batch that fails to commit reloads the whole catalog.
   */
  refreshTaskFlow(dagId: bigint, row: TaskFlowRow | undefined): void {
    const flows = this.taskFlows as Map<string, TaskFlow>;
    if (row) flows.set(String(dagId), taskFlowOfRow(row));
    else flows.delete(String(dagId));
  }

  /** The task flow with this DagId if it belongs to the tenant; other tenants' flows do not exist here. */
  taskFlowOf(tid: string, dagId: string): TaskFlow | undefined {
    const flow = this.taskFlows.get(dagId);
    return flow && flow.tid === tid ? flow : undefined;
  }
}

function taskFlowOfRow(row: TaskFlowRow): TaskFlow {
  return {
    dagId: row.dag_id,
    tid: String(row.tid),
    name: row.name,
    owner: row.owner,
    ownerId: row.owner_id,
    creator: row.creator,
    creatorId: row.creator_id,
    status: Number(row.status),
    deployId: row.deploy_id,
    canEdit: row.can_edit !== 0n,
  };
}
