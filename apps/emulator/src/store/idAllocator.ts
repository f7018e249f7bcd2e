import type { Statement } from "better-sqlite3";
import type { SqliteDatabase } from "./openDatabase.js";

/** The first ID an empty data file hands out. */
const FIRST_ID = 10_000n;

/**
 * Allocates int64 IDs for task flows, nodes, edges and scenarios from one sequence kept in the data
 * file (so an ID is never handed out twice, even after its row is deleted or the emulator restarts).
 * The next ID is also above every ID already stored, so IDs seeded later (merge) or beyond 2^53 never
 * collide: after a seeded flow 9007199254740993 the next ID is 9007199254740994, exact as a bigint.
 */
export class IdAllocator {
  private readonly stored: Statement<[], bigint>;
  private readonly highest: Statement<[], bigint | null>;
  private readonly save: Statement<[bigint]>;

  constructor(db: SqliteDatabase) {
    this.stored = db.prepare("SELECT next FROM id_sequence WHERE name = 'definitions'").pluck() as Statement<[], bigint>;
    // Each max() is one index lookup (the ID columns are primary keys or indexed).
    this.highest = db
      .prepare(
        `SELECT max(m) FROM (
           SELECT max(dag_id) AS m FROM task_flows UNION ALL SELECT max(node_id) FROM graph_nodes
           UNION ALL SELECT max(edge_id) FROM graph_edges UNION ALL SELECT max(scenario_id) FROM scenarios)`,
      )
      .pluck() as Statement<[], bigint | null>;
    this.save = db.prepare("INSERT OR REPLACE INTO id_sequence (name, next) VALUES ('definitions', ?)");
  }

  /** A new ID; call inside the write that stores it, so the sequence moves with the row. */
  next(): bigint {
    const stored = this.stored.get() ?? FIRST_ID;
    const above = (this.highest.get() ?? 0n) + 1n;
    const id = stored > above ? stored : above;
    this.save.run(id + 1n);
    return id;
  }
}
