import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "../store/openDatabase.js";
import { DEFAULT_BEHAVIOUR, type NodeBehaviour } from "./nodeBehaviour.js";

interface BehaviourRow {
  duration_ms: bigint | null;
  failure_rate: number | null;
  fail_next_message: string | null;
}

/** The per-node behaviour table. */
export class BehaviourRepository {
  private readonly byNode: Statement<[bigint, bigint], BehaviourRow>;
  private readonly upsert: Statement<[bigint, bigint, number, number, string | null]>;
  private readonly consume: Statement<[bigint, bigint]>;

  constructor(db: SqliteDatabase) {
    this.byNode = db.prepare(
      "SELECT duration_ms, failure_rate, fail_next_message FROM node_behaviours WHERE dag_id = ? AND node_id = ?",
    );
    this.upsert = db.prepare(
      "INSERT OR REPLACE INTO node_behaviours (dag_id, node_id, duration_ms, failure_rate, fail_next_message) VALUES (?, ?, ?, ?, ?)",
    );
    this.consume = db.prepare("UPDATE node_behaviours SET fail_next_message = NULL WHERE dag_id = ? AND node_id = ?");
  }

  /** The behaviour of a node (the default when none was set). */
  get(dagId: bigint, nodeId: bigint): NodeBehaviour {
    const row = this.byNode.get(dagId, nodeId);
    if (!row) return DEFAULT_BEHAVIOUR;
    return {
      durationMs: row.duration_ms === null ? DEFAULT_BEHAVIOUR.durationMs : Number(row.duration_ms),
      failureRate: row.failure_rate ?? 0,
      failNext: row.fail_next_message === null ? null : { message: row.fail_next_message },
    };
  }

  /** Replaces a node's behaviour. */
  set(dagId: bigint, nodeId: bigint, behaviour: NodeBehaviour): void {
    this.upsert.run(dagId, nodeId, behaviour.durationMs, behaviour.failureRate, behaviour.failNext?.message ?? null);
  }

  /** Clears a pending failNext once a run took it (in the same transaction as the node's start). */
  consumeFailNext(dagId: bigint, nodeId: bigint): void {
    this.consume.run(dagId, nodeId);
  }
}

/**
 * A number in [0, 1) that depends only on the seed and the node run (instance, node, attempt): the same
 * seed fails the same node runs, before and after a restart, whatever the order they ran in.
 */
export function seededDraw(seed: number, instanceId: bigint, nodeId: bigint, attempt: number): number {
  // FNV-1a over the key, then a murmur3 finaliser to spread the bits.
  let h = 0x811c9dc5 ^ seed;
  for (const ch of `${instanceId}:${nodeId}:${attempt}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}
